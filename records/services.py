"""Writes of the records app: evidence packs (their building is audited) and the purge
of records whose retention has ended. Authority notifications are in `authority.py`."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from hrdd.errors import ApplicationError, PermissionDenied
from opportunities.models import Opportunity
from reviews.models import InformationRequest, ReviewCase

from . import packs, policies
from .models import AuthorityNotification, RetentionPurge
from .retention import purging, retention_ends
from .selectors import decided_opportunities


def evidence_pack_build(*, actor, opportunity: Opportunity) -> tuple[str, bytes]:
    """Build a decided deal's evidence pack; the trail records who took it and its manifest."""
    if reason := policies.why_not_open_records(actor):
        raise PermissionDenied(reason)
    if not decided_opportunities().filter(pk=opportunity.pk).exists():
        raise ApplicationError("Only a decided deal has an evidence pack.", status_code=404)
    name, data = packs.pack_build(opportunity)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="records.evidence_pack_built",
            object_type="opportunity",
            object_id=opportunity.pk,
            opportunity_id=opportunity.pk,
            changes={"file": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)},
        )
    return name, data


def _record_delete(opportunity: Opportunity) -> dict[str, int]:
    """Delete the record in an order its protected keys allow (cases hold the screenings
    they were opened on); evidence files go once the deletion has committed."""
    files = [
        (f.storage, f.name)
        for f in (
            r.attachment for r in InformationRequest.objects.filter(case__opportunity=opportunity)
        )
        if f
    ]
    counts: Counter = Counter()
    for qs in (
        ReviewCase.objects.filter(opportunity=opportunity),
        AuthorityNotification.objects.filter(opportunity=opportunity),
        Opportunity.objects.filter(pk=opportunity.pk),
    ):
        counts.update(qs.delete()[1])
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    return dict(counts)


def retention_purge(
    *, actor, opportunity: Opportunity, today: date | None = None
) -> RetentionPurge:
    """Delete a decided deal's record once its retention has ended, confirmed by an admin.

    The audit trail keeps its events (they are never deleted) and gains one saying who
    purged what; a `RetentionPurge` row keeps the deal's reference.
    """
    if reason := policies.why_not_purge(actor):
        raise PermissionDenied(reason)
    today = today or timezone.localdate()
    ends = retention_ends(opportunity.pk, "deal")  # the longest of every record type
    if ends is None:
        raise ApplicationError("This deal was never decided: it has no retention period to end.")
    if ends > today:
        raise ApplicationError(
            f"This record is kept until {ends:%Y-%m-%d}: it cannot be purged yet."
        )
    with transaction.atomic(), purging([opportunity.pk]):
        counts = _record_delete(opportunity)
        purge = RetentionPurge.objects.create(
            opportunity_id=opportunity.pk,
            reference=opportunity.reference,
            retention_ended_on=ends,
            confirmed_by=actor,
            confirmed_at=timezone.now(),
            rows_deleted=counts,
        )
        audit_record(
            actor=actor,
            action="records.retention_purged",
            object_type="opportunity",
            object_id=purge.opportunity_id,
            opportunity_id=purge.opportunity_id,
            changes={
                "reference": purge.reference,
                "retention_ended_on": ends.isoformat(),
                "rows_deleted": purge.rows_deleted,
            },
        )
    return purge
