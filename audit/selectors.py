from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from . import keys
from .checkpoints import checkpoints_read
from .models import GENESIS, AuditChainHead, AuditEvent, AuditSeal
from .policies import audit_events_visible_to

CHUNK = 2000


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_event_id: int | None = None
    reason: str = ""
    pending: int = 0
    checkpoints: int = 0


def audit_events_for_opportunity(*, opportunity_id: int, user=None) -> QuerySet[AuditEvent]:
    """A deal's history; with `user`, only what that user may read (see policies)."""
    qs = audit_events_visible_to(user) if user is not None else AuditEvent.objects.all()
    return qs.filter(opportunity_id=opportunity_id).select_related("actor")


def _event_fault(event: AuditEvent) -> str | None:
    if event.key_id not in keys.known_keys():
        return (
            f"event {event.pk} is signed with key {event.key_id!r}, which is not configured "
            "(AUDIT_HMAC_KEY or AUDIT_HMAC_RETIRED_KEYS)"
        )
    if not event.signature_ok():
        return (
            f"event {event.pk} does not match its signature: it was altered, "
            "or not written by the application"
        )
    return None


def _fail(checked: int, event_id: int | None, reason: str, **kw) -> ChainReport:
    return ChainReport(False, checked, event_id, reason, **kw)


def audit_chain_verify() -> ChainReport:
    """Check the whole trail and report the first fault, in words an auditor can act on.

    - every event's signature (HMAC with a key outside the database): a rewritten or
      forged event fails here;
    - the chain of seals from position 1, without gaps, each link signed and pointing at
      an event that still exists: a removed or reordered event fails here;
    - the head row against the chain's end;
    - every checkpoint published outside the database against the chain: dropping the
      last events, or redoing the chain, fails here.
    Events committed but not yet sealed are checked for their signature and counted.
    """
    checkpoints = checkpoints_read()
    for cp in checkpoints:
        if cp.key_id not in keys.known_keys():
            return _fail(
                0,
                None,
                f"checkpoint line {cp.line} is signed with key {cp.key_id!r}, "
                "which is not configured",
            )
        if not cp.genuine:
            return _fail(
                0,
                None,
                f"checkpoint line {cp.line} does not match its signature: "
                "the checkpoint file was edited",
            )
    walk = _Walk(wanted={cp.count for cp in checkpoints})
    for _ in range(3):  # seals made while this runs are walked too, on the next round
        if failure := walk.onwards():
            return failure
        head = AuditChainHead.objects.filter(pk=1).first()
        if head is None or head.sealed_count <= walk.position:
            break
    position, prev, last_event_id = walk.position, walk.prev, walk.last_event_id
    if head and (head.sealed_count, head.last_hash) != (position, prev):
        if head.sealed_count > position:
            return _fail(
                position,
                last_event_id,
                f"the head records {head.sealed_count} "
                f"events, the chain has {position}: events after this one are missing",
            )
        return _fail(position, last_event_id, "the head does not match the end of the chain")

    for cp in checkpoints:
        if cp.count > position:
            return _fail(
                position,
                last_event_id,
                f"the checkpoint of {cp.at} (line {cp.line}) "
                f"recorded {cp.count} events; the chain has {position}: "
                f"events {position + 1} to {cp.count} are missing",
            )
        if cp.count and walk.hash_at.get(cp.count) != cp.head:
            return _fail(
                position,
                None,
                f"the chain no longer matches the checkpoint of "
                f"{cp.at} (line {cp.line}) at position {cp.count}: it was rewritten",
            )

    pending = 0
    for event in AuditEvent.objects.filter(seal__isnull=True).order_by("id").iterator(CHUNK):
        if fault := _event_fault(event):
            return _fail(position, event.pk, fault)
        pending += 1
    return ChainReport(True, position, pending=pending, checkpoints=len(checkpoints))


class _Walk:
    """The chain walked from position 1, link by link; `onwards` resumes where it stopped."""

    def __init__(self, wanted: set[int]):
        self.wanted, self.hash_at = wanted, {}
        self.prev, self.position, self.last_event_id = GENESIS, 0, None

    def onwards(self) -> ChainReport | None:
        seals = (
            AuditSeal.objects.filter(position__gt=self.position)
            .order_by("position")
            .values_list("position", "event_id", "key_id", "prev_hash", "hash")
        )
        for chunk in _chunks(seals.iterator(chunk_size=CHUNK)):
            events = AuditEvent.objects.in_bulk([row[1] for row in chunk])
            for pos, event_id, key_id, prev_hash, link in chunk:
                done = self.position
                if pos != done + 1:
                    return _fail(
                        done,
                        None,
                        f"the chain has no link at position {done + 1}: "
                        "an event and its seal were removed",
                    )
                event = events.get(event_id)
                if event is None:
                    return _fail(done, event_id, f"event {event_id} (position {pos}) is missing")
                if fault := _event_fault(event):
                    return _fail(done, event_id, fault)
                seal = AuditSeal(position=pos, event_id=event_id, prev_hash=prev_hash)
                body = seal.link_body(event.hash)
                if prev_hash != self.prev or not keys.signature_ok(key_id, body, link):
                    return _fail(
                        done,
                        event_id,
                        f"event {event_id}'s link at position {pos} "
                        "does not follow from the one before it",
                    )
                self.prev, self.position, self.last_event_id = link, pos, event_id
                if pos in self.wanted:
                    self.hash_at[pos] = link
        return None


def _chunks(rows):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
