"""Writing the audit trail: record events, seal them into the chain, publish checkpoints.

Recording is a plain INSERT in the caller's transaction (the event is signed with the
HMAC key, no lock is taken). Right after that transaction commits, its events go to the
process's sealer thread (`audit.sealer`), which takes the chain head's lock for one short
transaction and links every unsealed event onto the chain in one bulk insert and one head
update, outside the request. A periodic task seals whatever is left and writes a signed
checkpoint outside the database.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from hrdd.bulk import bulk_insert, insert_statement, inserted, unsaved
from outbox.services import outbox_enqueue, outbox_message, outbox_send_on_commit

from . import keys
from .checkpoints import checkpoint_append, checkpoints_read
from .models import SIGNED_FIELDS, AuditChainHead, AuditEvent, AuditSeal, signed_payload
from .sealer import seal_after_commit

logger = logging.getLogger("audit")
SEAL_BATCH = 5000


@dataclass
class _Batch:
    events: list[AuditEvent] = field(default_factory=list)
    callbacks: dict[Callable, list[AuditEvent]] = field(default_factory=dict)
    # outbox task: the events whose ids it is given (`audit_on_insert_enqueue`)
    work: dict[str, list[AuditEvent]] = field(default_factory=dict)


_batch: ContextVar[_Batch | None] = ContextVar("audit_batch", default=None)


def audit_record(
    *,
    actor: Any | None,
    action: str,
    object_type: str,
    object_id: Any,
    opportunity_id: int | None = None,
    from_state: str = "",
    to_state: str = "",
    changes: dict | None = None,
    comment: str = "",
) -> AuditEvent:
    """Append one signed event, in the caller's transaction.

    Callers run inside `transaction.atomic`, so the event commits or rolls back with the
    change it records: there is no change without its audit record. It joins the chain
    just after commit (see `audit_chain_seal`).
    """
    event = _signed_event(
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        opportunity_id=opportunity_id,
        from_state=from_state,
        to_state=to_state,
        changes=changes,
        comment=comment,
    )
    if (batch := _batch.get()) is not None:
        batch.events.append(event)  # inserted with the rest of the batch (`audit_batch`)
        return event
    event.save()
    _seal_after_commit([event.pk])
    return event


@contextmanager
def audit_batch() -> Iterator[None]:
    """Inside it (and inside the caller's transaction), `audit_record` signs each event at
    once but inserts them all together at the end, in one INSERT, in the order recorded;
    `audit_on_insert` callbacks then run once for the whole batch. On an exception nothing
    is inserted (the caller's transaction rolls back the change they recorded), so code
    inside must not catch an error from a savepoint it rolled back: its events would stay."""
    if _batch.get() is not None:  # the outer batch inserts them
        yield
        return
    batch = _Batch()
    token = _batch.set(batch)
    try:
        yield
        _flush(batch, last=True)
    finally:
        _batch.reset(token)
    for task, events in batch.work.items():  # events inserted before the batch's end
        outbox_enqueue(task, _ids(events))
    for callback, events in batch.callbacks.items():
        callback(_ids(events))


def audit_batch_flush() -> None:
    """Insert the events an open batch holds now (before reading the trail back)."""
    batch = _batch.get()
    if batch is not None:
        _flush(batch, last=False)


def _flush(batch: _Batch, *, last: bool) -> None:
    if not batch.events:
        return
    events, batch.events = batch.events, []
    documents = [e.row_document() for e in events]
    pending = {id(e) for e in events}
    work = []
    if last:  # the work whose events are all inserted now is written by the same statement
        work = [(t, evs) for t, evs in batch.work.items() if all(id(e) in pending for e in evs)]
        for task, _ in work:
            del batch.work[task]
    if work:
        _insert_with_work(events, documents, work)
    else:
        bulk_insert(AuditEvent, events, documents=documents)
    _seal_after_commit([e.pk for e in events])


def audit_on_insert_enqueue(events: list[AuditEvent], task: str) -> None:
    """Queue `task(ids)` through the outbox with these events' ids, once they are inserted.
    Inside `audit_batch` on PostgreSQL, the outbox row is written by the statement that
    inserts the batch's events (one round trip, not two), still in the caller's
    transaction and sent after it commits; elsewhere as `audit_on_insert` would. Inside a
    batch, one row for every event given to it with `task`."""
    events = [e for e in events if e]
    if not events:
        return
    batch = _batch.get()
    if batch is None or connection.vendor != "postgresql" or any(e.pk for e in events):
        audit_on_insert(events, _enqueuer(task))
        return
    batch.work.setdefault(task, []).extend(events)


@functools.cache
def _enqueuer(task: str) -> Callable[[list[int]], None]:
    # One callable per task: a batch merges the events given to the same callback.
    return lambda ids: outbox_enqueue(task, ids)


def _insert_with_work(events: list[AuditEvent], documents: list[str], work: list) -> None:
    """PostgreSQL: the events and an outbox row for each (task, its events) in one
    statement; each row's argument is the list of its events' ids, in the order given,
    read from the events' INSERT by their hashes (unique, known before it)."""
    quote = connection.ops.quote_name
    insert, params = insert_statement(AuditEvent, events, documents)
    parts = [f"ev AS ({insert}, {quote('hash')})"]
    selects = [f"SELECT 'ev', {quote('id')}, {quote('hash')} FROM ev"]  # noqa: S608
    messages = []
    for i, (task, given) in enumerate(work):
        message = outbox_message(task, [])
        ids = (
            "jsonb_build_array((SELECT jsonb_agg(ev.id ORDER BY k.n) FROM unnest(%s::text[])"
            " WITH ORDINALITY AS k(hash, n) JOIN ev USING (hash)))"
        )
        sql, extra = insert_statement(
            type(message), [message], given={"args": (ids, [[e.hash for e in given]])}
        )
        parts.append(f"ob{i} AS ({sql})")
        pk = quote(message._meta.pk.column)
        selects.append(f"SELECT 'ob{i}', {pk}, NULL FROM ob{i}")  # noqa: S608
        params += extra
        messages.append((message, given))
    with connection.cursor() as cur:
        # Identifiers come from the models' options, never from input.
        cur.execute(f"WITH {', '.join(parts)} {' UNION ALL '.join(selects)}", params)  # noqa: S608
        rows = cur.fetchall()
    by_hash = {h: pk for part, pk, h in rows if part == "ev"}
    inserted(events, [by_hash[e.hash] for e in events])
    by_part = {part: pk for part, pk, _ in rows if part != "ev"}
    for i, (message, given) in enumerate(messages):
        message.args = [[e.pk for e in given]]
        inserted([message], [by_part[f"ob{i}"]])
        outbox_send_on_commit(message)


def audit_on_insert(events: list[AuditEvent | int], callback: Callable[[list[int]], None]) -> None:
    """Call `callback(ids)` with the events' ids (events, or ids of saved ones): at once,
    or, inside `audit_batch`, once for every event given to it in the batch, after they
    are inserted."""
    events = [e for e in events if e]
    if not events:
        return
    batch = _batch.get()
    if batch is None:
        callback(_ids(events))
    else:
        batch.callbacks.setdefault(callback, []).extend(events)


def _ids(events: list[AuditEvent | int]) -> list[int]:
    return [e if isinstance(e, int) else e.pk for e in events]


def audit_record_many(*, actor: Any | None, events: list[dict]) -> list[AuditEvent]:
    """`audit_record` for many events of one actor, in one INSERT (in the given order).

    Each dict holds `audit_record`'s keyword arguments other than `actor`. Every event is
    signed on its own and commits or rolls back with the caller's transaction, like one
    recorded alone; the saved events are returned with their ids. Inside `audit_batch`
    they join the batch's INSERT instead (and have no id until it is flushed).
    """
    if not events:
        return []
    signed = [_signed_event(actor=actor, **fields) for fields in events]
    if (batch := _batch.get()) is not None:
        batch.events.extend(signed)
        return signed
    recorded = bulk_insert(AuditEvent, signed, documents=[e.row_document() for e in signed])
    _seal_after_commit([e.pk for e in recorded])
    return recorded


def _signed_event(
    *,
    actor: Any | None,
    action: str,
    object_type: str,
    object_id: Any,
    opportunity_id: int | None = None,
    from_state: str = "",
    to_state: str = "",
    changes: dict | None = None,
    comment: str = "",
) -> AuditEvent:
    event = unsaved(
        AuditEvent,
        created_at=timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=getattr(actor, "username", None) or "system",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        opportunity_id=opportunity_id,
        from_state=from_state or "",
        to_state=to_state or "",
        changes=_recordable(changes or {}, action),
        comment=comment or "",
    )
    event.sign()
    return event


def _recordable(changes: dict, action: str) -> dict:
    """`changes` as JSON stores and gives it back (text keys, lists for tuples), so that
    what is signed is what every path stores and reads back: the signature covers the
    value after the round trip, not a Python value the database would turn into something
    else. A value JSON cannot hold (a set, an object, NaN) is refused here, on every
    path, rather than stored as its text by one path and refused by another."""
    try:
        return json.loads(json.dumps(changes, allow_nan=False, ensure_ascii=False))
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"Audit event {action!r} cannot record its changes {sorted(map(str, changes))}: "
            f"{exc}. Record text, numbers, true/false, lists or mappings."
        ) from exc


def _seal_after_commit(event_ids: list[int]) -> None:
    """Hand the events of this transaction to the sealer just after it commits (once per
    transaction)."""
    for _, callback, _ in getattr(connection, "run_on_commit", None) or []:
        if (ids := getattr(callback, "audit_event_ids", None)) is not None:
            ids.extend(event_ids)
            return
    ids = list(event_ids)

    def seal_recorded_events() -> None:
        # Off the request path: the process's sealer thread links them (see audit.sealer).
        seal_after_commit(ids)

    seal_recorded_events.audit_event_ids = ids
    transaction.on_commit(seal_recorded_events, robust=True)


def audit_chain_seal(
    *, event_ids: list[int] | None = None, since: datetime | None = None, wait: bool = True
) -> int:
    """Link unsealed events onto the chain, in id order; return how many.

    Which events: with `event_ids`, those and any newer than the chain's last (two index
    ranges, however long the trail); with `since`, those recorded since then; with neither,
    every unsealed event (a full scan: the verifier's sweep).
    An event whose signature does not verify (forged, or altered before it was sealed) is
    sealed too, so it stays where it is, and `audit_chain_verify` names it.
    """
    with transaction.atomic():
        if not wait and connection.vendor == "postgresql":
            # A seal can always be redone from its events, so it need not wait for the disk:
            # the head lock is released at once. Checkpoints commit durably first.
            with connection.cursor() as cur:
                cur.execute("SET LOCAL synchronous_commit TO OFF")
        head = AuditChainHead.objects.select_for_update(skip_locked=not wait).filter(pk=1).first()
        if head is None:
            if AuditChainHead.objects.filter(pk=1).exists():
                return 0  # another sealer holds the lock (only when not waiting)
            head, _ = AuditChainHead.objects.get_or_create(pk=1)  # before the very first seal
        pending = AuditEvent.objects.filter(seal__isnull=True)
        if event_ids is not None:
            pending = pending.filter(Q(pk__in=event_ids) | Q(pk__gt=head.last_event_id or 0))
        if since is not None:
            pending = pending.filter(created_at__gte=since)
        # Read as values, not instances: a batch of promoted deals hands the sealer 400
        # events, and building an instance of each was most of its reading.
        pending = list(pending.order_by("id").values("id", "hash", *SIGNED_FIELDS)[:SEAL_BATCH])
        key_id = keys.current_key_id()
        prev, position, seals = head.last_hash, head.sealed_count, []
        for values in pending:
            event_id, event_hash = values.pop("id"), values.pop("hash")
            if not keys.signature_ok(values["key_id"], signed_payload(values), event_hash):
                # Sealed like any other, so the chain keeps the evidence; the verifier
                # reports it on every run from now on.
                logger.error("audit event %s does not match its signature", event_id)
            position += 1
            seal = AuditSeal(position=position, event_id=event_id, key_id=key_id, prev_hash=prev)
            seal.hash = keys.sign(key_id, seal.link_body(event_hash))
            seals.append(seal)
            prev = seal.hash
        if not seals:
            return 0
        bulk_insert(AuditSeal, seals)  # one JSON document on PostgreSQL
        AuditChainHead.objects.filter(pk=1).update(
            last_hash=prev, last_event_id=seals[-1].event_id, sealed_count=position
        )
    return len(seals)


def audit_chain_seal_all(*, since: datetime | None = None) -> int:
    """Seal everything pending (recorded `since` then, or at all), batch after batch."""
    total = 0
    while (sealed := audit_chain_seal(since=since)) == SEAL_BATCH:
        total += sealed
    return total + sealed


def audit_checkpoint_publish() -> dict | None:
    """Seal what is pending, then write the head (count and hash), signed, outside the
    database. Nothing is written when the chain has not grown since the last checkpoint."""
    # A day back covers any transaction that committed late; `verify_audit_chain` sweeps all.
    audit_chain_seal_all(since=timezone.now() - timedelta(days=1))
    with transaction.atomic():
        # A durable write, so every seal before it (some committed without waiting for the
        # disk) is on disk before the checkpoint vouches for it.
        AuditChainHead.objects.filter(pk=1).update(sealed_count=F("sealed_count"))
        head = AuditChainHead.objects.filter(pk=1).first()
    if head is None or head.sealed_count == 0:
        return None
    last = next(reversed(checkpoints_read()), None)
    if last is not None and last.genuine and last.count == head.sealed_count:
        return None
    return checkpoint_append(
        at=timezone.now().isoformat(), count=head.sealed_count, head=head.last_hash
    )
