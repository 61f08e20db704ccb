"""Writing the audit trail: record events, seal them into the chain, publish checkpoints.

Recording is a plain INSERT in the caller's transaction (the event is signed with the
HMAC key, no lock is taken). Right after that transaction commits, the sealer takes the
chain head's lock for one short transaction and links every unsealed event onto the chain
in one bulk insert and one head update. A periodic task seals whatever is left and writes
a signed checkpoint outside the database.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from . import keys
from .checkpoints import checkpoint_append, checkpoints_read
from .models import AuditChainHead, AuditEvent, AuditSeal

logger = logging.getLogger("audit")
SEAL_BATCH = 5000


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
    _seal_after_commit()
    return event


def _seal_after_commit() -> None:
    """Queue one seal per transaction, however many events it records."""
    pending = getattr(connection, "run_on_commit", None) or []
    if not any(callback is _seal_quietly for _, callback, _ in pending):
        transaction.on_commit(_seal_quietly, robust=True)


def _seal_quietly() -> None:
    # Another process holding the head lock is sealing already; what it misses, the next
    # seal (the next commit, or the periodic checkpoint) takes.
    audit_chain_seal(wait=False)


def audit_chain_seal(*, wait: bool = True) -> int:
    """Link every unsealed event onto the chain, in id order; return how many.

    Events whose signature does not verify were not written by the application: they are
    left out of the chain (and reported by the verifier), never sealed.
    """
    with transaction.atomic():
        AuditChainHead.objects.get_or_create(pk=1)
        head = AuditChainHead.objects.select_for_update(skip_locked=not wait).filter(pk=1).first()
        if head is None:
            return 0
        pending = list(AuditEvent.objects.filter(seal__isnull=True).order_by("id")[:SEAL_BATCH])
        key_id = keys.current_key_id()
        prev, position, seals = head.last_hash, head.sealed_count, []
        for event in pending:
            if not event.signature_ok():
                logger.error("audit event %s is not signed by a known key; not sealed", event.pk)
                continue
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


def audit_chain_seal_all() -> int:
    """Seal everything pending, batch after batch (the verifier and the checkpoint use it)."""
    total = 0
    while (sealed := audit_chain_seal()) == SEAL_BATCH:
        total += sealed
    return total + sealed


def audit_checkpoint_publish() -> dict | None:
    """Seal what is pending, then write the head (count and hash), signed, outside the
    database. Nothing is written when the chain has not grown since the last checkpoint."""
    audit_chain_seal_all()
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is None or head.sealed_count == 0:
        return None
    last = next(reversed(checkpoints_read()), None)
    if last is not None and last.genuine and last.count == head.sealed_count:
        return None
    return checkpoint_append(
        at=timezone.now().isoformat(), count=head.sealed_count, head=head.last_hash
    )
