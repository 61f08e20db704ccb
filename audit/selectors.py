from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from .models import AuditChainHead, AuditEvent
from .policies import audit_events_visible_to


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_event_id: int | None = None
    reason: str = ""


def audit_events_for_opportunity(*, opportunity_id: int, user=None) -> QuerySet[AuditEvent]:
    """A deal's history; with `user`, only what that user may read (see policies)."""
    qs = audit_events_visible_to(user) if user is not None else AuditEvent.objects.all()
    return qs.filter(opportunity_id=opportunity_id).select_related("actor")


def audit_chain_verify() -> ChainReport:
    """Walk the chain from the first event and report the first broken link, if any."""
    prev = "0" * 64
    checked = 0
    last_id = None
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != prev:
            return ChainReport(
                False, checked, event.pk, "its previous-hash does not match the event before it"
            )
        if event.compute_hash() != event.hash:
            return ChainReport(False, checked, event.pk, "its content does not match its hash")
        prev = event.hash
        last_id = event.pk
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head and head.last_event_id is not None and head.last_event_id != last_id:
        return ChainReport(False, checked, head.last_event_id, "events after this one are missing")
    return ChainReport(True, checked)
