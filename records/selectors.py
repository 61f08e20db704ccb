"""Reads of the records app: decided deals, their record, what may be purged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone

from opportunities.models import Opportunity

from . import policies
from .models import AuthorityNotification
from .retention import record_closed_at, retention_end_from


def decided_opportunities() -> QuerySet[Opportunity]:
    """Deals with at least one decision: they have a record and an evidence pack."""
    return Opportunity.objects.filter(review_decisions__isnull=False).distinct()


def opportunity_record_get(*, user, pk: int) -> Opportunity | None:
    return (
        policies.records_visible_to(user)
        .select_related("current_screening", "owner", "submitted_by_organisation")
        .filter(pk=pk)
        .first()
    )


def opportunity_notifications(opportunity: Opportunity) -> QuerySet[AuthorityNotification]:
    return AuthorityNotification.objects.filter(opportunity=opportunity).select_related(
        "aware_by", "sent_by", "answered_by"
    )


def notification_get(*, user, pk: int) -> AuthorityNotification | None:
    return (
        policies.authority_notifications_visible_to(user)
        .select_related("opportunity")
        .filter(pk=pk)
        .first()
    )


def open_notifications(*, user) -> QuerySet[AuthorityNotification]:
    return (
        policies.authority_notifications_visible_to(user)
        .exclude(status=AuthorityNotification.Status.ANSWERED)
        .select_related("opportunity")
    )


def opportunities_decided_between(start: datetime, end: datetime) -> QuerySet[Opportunity]:
    """Deals with a decision in [start, end): the packs of a period."""
    return (
        Opportunity.objects.filter(
            review_decisions__decided_at__gte=start, review_decisions__decided_at__lt=end
        )
        .distinct()
        .order_by("id")
    )


@dataclass(frozen=True)
class PurgeCandidate:
    opportunity: Opportunity
    decided_at: datetime
    retention_ended_on: date


def retention_due(*, today: date | None = None) -> list[PurgeCandidate]:
    """Decided deals whose every record type's retention has ended by `today`."""
    today = today or timezone.localdate()
    deals = list(decided_opportunities().order_by("id"))
    closed = record_closed_at([d.pk for d in deals])
    out = []
    for deal in deals:
        ends = retention_end_from(closed[deal.pk])
        if ends <= today:
            out.append(PurgeCandidate(deal, closed[deal.pk], ends))
    return out
