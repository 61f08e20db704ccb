"""Writing the audit trail: record events, seal them into the chain, publish checkpoints.

Recording is a plain INSERT in the caller's transaction (the event is signed with the
HMAC key, no lock is taken). Right after that transaction commits, the sealer takes the
chain head's lock for one short transaction and links every unsealed event onto the chain
in one bulk insert and one head update. A periodic task seals whatever is left and writes
a signed checkpoint outside the database.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from . import keys
from .checkpoints import checkpoint_append, checkpoints_read
from .models import AuditChainHead, AuditEvent, AuditSeal

logger = logging.getLogger("audit")
SEAL_BATCH = 5000
RECENT = timedelta(seconds=10)


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
    event = AuditEvent(
        created_at=timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=getattr(actor, "username", None) or "system",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        opportunity_id=opportunity_id,
        from_state=from_state or "",
        to_state=to_state or "",
        changes=changes or {},
        comment=comment or "",
    )
    event.sign()
    event.save()
    _seal_after_commit(event.pk)
    return event


class _SealOnCommit(list):
    """The ids of the events one transaction recorded; called once, after it commits."""

    def __call__(self) -> None:
        # The head lock is held for one short transaction; waiting for it costs little,
        # and whoever holds it also seals the events committed just before.
        since = timezone.now() - RECENT
        while audit_chain_seal(event_ids=self, since=since) == SEAL_BATCH:
            pass


def _seal_after_commit(event_id: int) -> None:
    for _, callback, _ in getattr(connection, "run_on_commit", None) or []:
        if isinstance(callback, _SealOnCommit):
            callback.append(event_id)
            return
    transaction.on_commit(_SealOnCommit([event_id]), robust=True)


def audit_chain_seal(*, event_ids: list[int] | None = None, since: datetime | None = None) -> int:
    """Link unsealed events onto the chain, in id order; return how many.

    Which events: those named, plus those recorded `since` then (an index range), or every
    unsealed event when neither is given (a full scan: the verifier's sweep).
    An event whose signature does not verify (forged, or altered before it was sealed) is
    sealed too, so it stays where it is, and `audit_chain_verify` names it.
    """
    with transaction.atomic():
        head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
        if head is None:  # only before the very first event (the migration creates it)
            head, _ = AuditChainHead.objects.get_or_create(pk=1)
        pending = AuditEvent.objects.filter(seal__isnull=True)
        if event_ids is not None or since is not None:
            scope = Q(pk__in=event_ids or [])
            if since is not None:
                scope |= Q(created_at__gte=since)
            pending = pending.filter(scope)
        pending = list(pending.order_by("id")[:SEAL_BATCH])
        key_id = keys.current_key_id()
        prev, position, seals = head.last_hash, head.sealed_count, []
        for event in pending:
            if not event.signature_ok():
                # Sealed like any other, so the chain keeps the evidence; the verifier
                # reports it on every run from now on.
                logger.error("audit event %s does not match its signature", event.pk)
            position += 1
            seal = AuditSeal(position=position, event=event, key_id=key_id, prev_hash=prev)
            seal.hash = keys.sign(key_id, seal.link_body(event.hash))
            seals.append(seal)
            prev = seal.hash
        if not seals:
            return 0
        AuditSeal.objects.bulk_create(seals)
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
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is None or head.sealed_count == 0:
        return None
    last = next(reversed(checkpoints_read()), None)
    if last is not None and last.genuine and last.count == head.sealed_count:
        return None
    return checkpoint_append(
        at=timezone.now().isoformat(), count=head.sealed_count, head=head.last_hash
    )
