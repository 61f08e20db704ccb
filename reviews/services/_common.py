"""Shared by the review services: review targets, due dates, notifications, checks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from audit.services import audit_on_insert_enqueue
from hrdd.errors import PermissionDenied
from refdata.cache import ROUTING, cached

from ..business_days import add_business_days
from ..models import EscalationPolicy, ReviewCase

S = ReviewCase.Status
# Targets when no policy row exists (the seed migration writes the same values).
DEFAULT_POLICIES = {
    "medium": {"target_business_days": 2, "start_level": 1, "level_business_days": 1},
    "high": {"target_business_days": 10, "start_level": 1, "level_business_days": 5},
    "critical": {"target_business_days": 15, "start_level": 1, "level_business_days": 5},
    "prohibited": {"target_business_days": None, "start_level": 2, "level_business_days": 5},
}


@dataclass(frozen=True)
class Target:
    target_business_days: int | None
    start_level: int
    level_business_days: int | None


def escalation_target(tier: str) -> Target:
    """The policy for a tier; a 'low' case (a deal reopened after a material change that
    now screens low) is reviewed on the medium target. Cached per process until a
    policy changes (refdata.cache)."""
    key = tier if tier in DEFAULT_POLICIES else "medium"
    return cached(ROUTING, _targets_load)[key]


def _targets_load() -> dict[str, Target]:
    targets = {tier: Target(**values) for tier, values in DEFAULT_POLICIES.items()}
    for row in EscalationPolicy.objects.all():
        targets[row.tier] = Target(
            row.target_business_days, row.start_level, row.level_business_days
        )
    return targets


def due_after(start: datetime, business_days: int | None) -> datetime | None:
    if business_days is None:
        return None
    return add_business_days(timezone.localtime(start), business_days)


def close_date_deadline(close_date: date | None) -> datetime | None:
    """A deal closing on a day must be decided before that day starts."""
    if close_date is None:
        return None
    return datetime.combine(close_date, time.min, tzinfo=timezone.get_current_timezone())


def case_search_text(opportunity) -> str:
    text = f"{opportunity.reference} {opportunity.title} {opportunity.end_customer_name}"
    return text.lower()[:700]


def effective_due(due_at: datetime | None, close_date: date | None) -> datetime | None:
    """min(SLA target, expected close date): a deal closing in three days cannot wait ten."""
    candidates = [d for d in (due_at, close_date_deadline(close_date)) if d is not None]
    return min(candidates) if candidates else None


def _notify(events: Iterable) -> None:
    """Send the notifications of these audit events (one outbox row; inside an
    `audit_batch`, one for the whole batch)."""
    audit_on_insert_enqueue(list(events), NOTIFICATIONS)


NOTIFICATIONS = "reviews.tasks.notifications_send"


def _require(reason: str | None) -> None:
    if reason:
        raise PermissionDenied(reason)


def _fresh(case: ReviewCase) -> ReviewCase:
    return ReviewCase.objects.select_related("opportunity", "assignee", "screening").get(pk=case.pk)
