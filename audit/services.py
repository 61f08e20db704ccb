from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from .models import AuditChainHead, AuditEvent


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
    """Append one event to the hash chain, in the caller's transaction.

    Callers run inside `transaction.atomic`, so the event commits or rolls back with the
    change it records: there is no change without its audit record.
    """
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
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
            prev_hash=head.last_hash,
        )
        event.hash = event.compute_hash()
        event.save()
        AuditChainHead.objects.filter(pk=head.pk).update(
            last_hash=event.hash, last_event_id=event.pk
        )
        return event
