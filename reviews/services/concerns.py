"""Concerns raised on a deal from outside its screening: a credible misuse report.

A concern puts the deal (back) under heightened due diligence: an approved deal is
reopened, a cleared one held, an open case raised to at least `CONCERN_TIER` and its
pending recommendation sent back. Partners and reps see only that the deal is in
compliance review (the same status any hold shows), never the concern.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from hrdd.errors import PermissionDenied
from opportunities.models import Opportunity
from opportunities.workflow import opportunity_transition, status_for_tier

from .. import policies
from ..models import TIER_RANK, Concern, ReviewCase
from ..workflow import OPEN, _transition
from ._common import S, _notify
from .routing import _case_open

CONCERN_TIER = "high"
REOPENABLE = ("approved", "approved_with_conditions")


def _tier_for(opportunity) -> str:
    screened = opportunity.current_screening.tier if opportunity.current_screening else "low"
    return max((screened, CONCERN_TIER), key=lambda t: TIER_RANK[t])


def review_raise_concern(
    *, opportunity, actor, source: str, reference: str, summary: str
) -> Concern | None:
    """Record a concern on a deal and open, reopen or raise its review.

    Idempotent per (deal, source, reference): raising the same concern twice returns None
    the second time and changes nothing. Only compliance staff raise concerns.
    """
    if not policies.is_compliance(actor):
        raise PermissionDenied("Only compliance staff raise concerns on deals.")
    with transaction.atomic():
        opportunity = (
            Opportunity.objects.select_for_update(of=("self",))
            .select_related("current_screening")
            .get(pk=opportunity.pk)
        )
        if Concern.objects.filter(
            opportunity=opportunity, source=source, reference=reference
        ).exists():
            return None
        tier = _tier_for(opportunity)
        target = status_for_tier(tier)
        case = (
            ReviewCase.objects.select_for_update()
            .filter(opportunity=opportunity, status__in=OPEN)
            .first()
        )
        reason = f"{summary} ({reference})"
        if case is not None:
            _concern_on_open_case(
                case=case,
                opportunity=opportunity,
                actor=actor,
                tier=tier,
                target=target,
                reason=reason,
            )
        elif opportunity.status in REOPENABLE or opportunity.status == "cleared":
            # Partners see the status move, as for any hold; the comment is for compliance.
            transition = "reopen" if opportunity.status in REOPENABLE else f"route_{_verb(target)}"
            opportunity_transition(
                opportunity=opportunity,
                transition=transition,
                to=target,
                actor=actor,
                comment="Reopened for compliance review",
            )
            previous = (
                ReviewCase.objects.filter(opportunity=opportunity)
                .order_by("-opened_at", "-id")
                .first()
            )
            case = _case_open(
                opportunity=opportunity,
                screening=opportunity.current_screening,
                actor=actor,
                previous=previous,
                reason=reason,
                tier=tier,
            )
        concern = Concern.objects.create(
            opportunity=opportunity,
            source=source,
            reference=reference,
            summary=summary[:300],
            raised_by=actor,
            raised_at=timezone.now(),
            case=case,
        )
        audit_record(
            actor=actor,
            action="review_concern.raised",
            object_type="opportunity",
            object_id=opportunity.pk,
            opportunity_id=opportunity.pk,
            changes={
                "source": source,
                "reference": reference,
                "case_id": case.pk if case else None,
            },
            comment=summary,
        )
    return concern


def _verb(status: str) -> str:
    return {"in_review": "review", "on_hold": "hold", "blocked": "block"}[status]


def _concern_on_open_case(*, case, opportunity, actor, tier: str, target: str, reason: str):
    events = []
    rank = TIER_RANK[tier]
    if ReviewCase.objects.filter(pk=case.pk, tier_rank__lt=rank, status__in=OPEN).update(
        tier=tier, tier_rank=rank, updated_at=timezone.now()
    ):
        events.append(
            audit_record(
                actor=actor,
                action="review_case.tier_raised",
                object_type="review_case",
                object_id=case.pk,
                opportunity_id=opportunity.pk,
                changes={"from_tier": case.tier, "to_tier": tier},
                comment=reason,
            )
        )
        case.refresh_from_db()
    if (
        TIER_RANK.get(_status_tier(opportunity.status), 0) < rank
        and opportunity.status == "in_review"
    ):
        opportunity_transition(
            opportunity=opportunity,
            transition=f"route_{_verb(target)}",
            to=target,
            actor=actor,
            comment="Held for compliance review",
        )
    if case.status == S.RECOMMENDED:
        events.append(
            _transition(
                case=case,
                transition="send_back",
                actor=actor,
                values={"recommended_by": None, "recommendation": "", "recommendation_reasons": ""},
                comment=f"A concern was raised after the recommendation: {reason}",
            )
        )
    else:
        events.append(
            audit_record(
                actor=actor,
                action="review_case.deal_changed",
                object_type="review_case",
                object_id=case.pk,
                opportunity_id=opportunity.pk,
                changes={"concern": reason},
                comment=f"Concern raised while under review: {reason}",
            )
        )
    _notify(events)


def _status_tier(status: str) -> str:
    return {"in_review": "medium", "on_hold": "high", "blocked": "prohibited"}.get(status, "low")
