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

from . import packs, policies
from .models import RetentionPurge
from .retention import purging, retention_ends
from .selectors import decided_deals


def evidence_pack_build(*, actor, opportunity: Opportunity) -> tuple[str, bytes]:
    """Build a decided deal's evidence pack; the trail records who took it and its manifest."""
    if reason := policies.why_not_open_records(actor):
        raise PermissionDenied(reason)
    if not decided_deals().filter(pk=opportunity.pk).exists():
        raise ApplicationError("Only a decided deal has an evidence pack.", status_code=404)
    name, data = packs.pack_build(opportunity)
    with transaction.atomic():
        audit_record(
            actor=actor, action="records.evidence_pack_built", object_type="opportunity",
            object_id=opportunity.pk, opportunity_id=opportunity.pk,
            changes={"file": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)},
        )  # fmt: skip
    return name, data


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
        from django.db.models.deletion import Collector

        collector = Collector(using="default")
        collector.collect([opportunity])
        counts = Counter()
        for model, rows in collector.data.items():
            counts[model._meta.label] += len(rows)
        collector.delete()
        purge = RetentionPurge.objects.create(
            opportunity_id=opportunity.pk, reference=opportunity.reference, retention_ended_on=ends,
            confirmed_by=actor, confirmed_at=timezone.now(), rows_deleted=dict(counts),
        )  # fmt: skip
        audit_record(
            actor=actor, action="records.retention_purged", object_type="opportunity",
            object_id=purge.opportunity_id, opportunity_id=purge.opportunity_id,
            changes={"reference": purge.reference, "retention_ended_on": ends.isoformat(),
                     "rows_deleted": purge.rows_deleted},
        )  # fmt: skip
    return purge
