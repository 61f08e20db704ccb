"""Conditions that bite: a condition of an approval overdue past its grace period, or
whose evidence a reviewer rejected, reopens the deal for review, and the partner and the
rep are told what to do in words that name the condition, never a screening finding."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import audit_record
from lifecycle.services import opportunity_screen
from opportunities.models import Opportunity
from opportunities.workflow import DECIDED
from reviews.business_days import add_business_days
from reviews.models import CaseCondition, ReviewCase
from reviews.services._common import _notify

from .models import ConditionLapse

L = ConditionLapse.Cause


def grace_ends(condition: CaseCondition) -> datetime:
    start = datetime.combine(condition.due_date, time.max, tzinfo=timezone.get_current_timezone())
    return add_business_days(start, settings.CONDITION_GRACE_BUSINESS_DAYS)


def conditions_reopen_lapsed(*, now: datetime | None = None) -> int:
    """The sweep (beat): every open condition past its due date and grace period reopens
    its approved deal, once per condition. Idempotent. Returns how many deals reopened."""
    now = now or timezone.now()
    # Business days are never fewer than calendar days: a cheap bound, then the exact test.
    latest_due = (now - timedelta(days=settings.CONDITION_GRACE_BUSINESS_DAYS)).date()
    candidates = (
        CaseCondition.objects.filter(
            status=CaseCondition.Status.OPEN,
            due_date__lte=latest_due,
            opportunity__status__in=DECIDED,
        )
        .exclude(pk__in=ConditionLapse.objects.filter(cause=L.OVERDUE).values("condition_id"))
        .select_related("mitigation", "opportunity")
        .order_by("due_date", "id")
    )
    reopened = 0
    for condition in candidates:
        if grace_ends(condition) > now:
            continue
        days = (now.date() - condition.due_date).days
        reviewer_text = (
            f"Condition '{condition.mitigation.name}' was due on {condition.due_date:%Y-%m-%d} "
            f"and is not fulfilled {days} days later (grace: "
            f"{settings.CONDITION_GRACE_BUSINESS_DAYS} business days)."
        )
        told = (
            f"The condition '{condition.mitigation.name}' of the approval was due on "
            f"{condition.due_date:%Y-%m-%d} and has not been met, so the deal is back in "
            "compliance review. Mark the condition fulfilled with its evidence on the "
            "Conditions page, and do not deliver until compliance clears the deal again."
        )
        reopened += condition_lapse_reopen(
            condition=condition,
            cause=L.OVERDUE,
            actor=None,
            reviewer_text=reviewer_text,
            told=told,
        )
    return reopened


def condition_lapse_reopen(
    *, condition: CaseCondition, cause: str, actor, reviewer_text: str, told: str
) -> bool:
    """Reopen the condition's deal for review (screened again and routed by the one
    screening path, so the reopen is the workflow's audited transition and a new case
    opens), and tell the submitters. False when the deal is no longer decided."""
    try:
        with transaction.atomic():
            ConditionLapse.objects.create(
                condition=condition, cause=cause, occurred_at=timezone.now()
            )
            deal = (
                Opportunity.objects.select_for_update(of=("self",))
                .select_related("current_screening")
                .get(pk=condition.opportunity_id)
            )
            if deal.status not in DECIDED:
                return False
            opportunity_screen(
                opportunity=deal,
                actor=actor,
                trigger="condition_lapsed",
                material_change=True,
                change_reason=reviewer_text,
            )
            case = ReviewCase.objects.filter(
                opportunity_id=deal.pk, status__in=ReviewCase.OPEN_STATES
            ).first()
            ConditionLapse.objects.filter(condition=condition, cause=cause).update(reopened=True)
            if case is not None:
                _notify(
                    [
                        audit_record(
                            actor=actor,
                            action="review_case.condition_lapsed",
                            object_type="review_case",
                            object_id=case.pk,
                            opportunity_id=deal.pk,
                            changes={
                                "condition_id": condition.pk,
                                "cause": cause,
                                "mitigation": condition.mitigation.code,
                            },
                            comment=told,
                        )
                    ]
                )
    except IntegrityError:
        return False  # this lapse was handled by another run of the sweep
    return True
