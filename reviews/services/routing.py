"""Opening and following review cases as deals are screened."""

from __future__ import annotations

from django.utils import timezone

from audit.services import audit_record
from hrdd.bulk import bulk_insert, unsaved
from opportunities.workflow import DECIDED, UNDER_REVIEW, opportunity_route, opportunity_route_new

from ..models import TIER_RANK, ReviewCase
from ..workflow import OPEN, _transition
from ._common import S, _notify, case_search_text, due_after, effective_due, escalation_target
from .escalation import _escalate

URGENT_TIERS = frozenset({"critical", "prohibited"})


def review_route(
    *,
    opportunity,
    screening,
    previous_tier: str | None,
    actor,
    material_change: bool,
    deal_fields: dict | None = None,
    change_reason: str = "",
) -> bool:
    """Route a freshly screened deal and keep its review case in step, in the screening's
    transaction.

    - A new deal, a deal whose tier rose, or a material change after a decision is routed
      as a fresh screening would be (`opportunity_route`, reopening a decided deal).
    - A deal under review (in review, on hold, blocked) always has exactly one open case:
      one is opened here when it has none, pointing at the last decided case if any.
    - On an open case a higher tier raises the case's tier (and its level when the new
      tier starts higher); a material change is recorded and sends a pending
      recommendation back. A lower tier leaves the reviewers' work where it is.
    - `change_reason` (a re-screening: "OFAC SDN list of 2026-11-20: new match for the end
      customer") is the reason recorded on the case it opens, raises or updates.

    `deal_fields` are written with the deal's status when it moves; returns whether it did.
    """
    new_rank = TIER_RANK[screening.tier]
    rose = previous_tier is None or new_rank > TIER_RANK.get(previous_tier, 0)
    fell = previous_tier is not None and new_rank < TIER_RANK.get(previous_tier, 0)
    # A lower tier never routes an undecided deal down: the reviewers' work stays.
    written = False
    if rose or (material_change and (opportunity.status in DECIDED or not fell)):
        written = opportunity_route(
            opportunity=opportunity,
            tier=screening.tier,
            actor=actor,
            reopen=previous_tier is not None,
            also=deal_fields,
        )
    # A deal screened for the first time has no case yet (cases start from a screening).
    first = previous_tier is None
    case = None
    if not first:
        case = (
            ReviewCase.objects.select_for_update()
            .filter(opportunity_id=opportunity.pk, status__in=OPEN)
            .first()
        )
    if case is not None:
        _case_follow_opportunity(
            case=case,
            opportunity=opportunity,
            screening=screening,
            actor=actor,
            material_change=material_change,
            change_reason=change_reason,
        )
        return written
    if opportunity.status in UNDER_REVIEW:
        previous = None
        if not first:
            previous = (
                ReviewCase.objects.filter(opportunity_id=opportunity.pk)
                .order_by("-opened_at", "-id")
                .first()
            )
        if change_reason:
            reason = change_reason
        elif previous is None:
            reason = "flagged"
        elif material_change:
            reason = "material change after the decision"
        else:
            reason = "risk rose after the decision"
        _case_open(
            opportunity=opportunity,
            screening=screening,
            actor=actor,
            previous=previous,
            reason=reason,
            comment=change_reason,
        )
    return written


def review_route_new(*, opportunities: list, screenings: list, actor) -> None:
    """`review_route` for deals screened for the first time, together: their statuses
    (with their screenings) in one conditional UPDATE, their cases in one INSERT, each
    transition and case with its own audit event."""
    opportunity_route_new(routes=list(zip(opportunities, screenings, strict=True)), actor=actor)
    flagged = [
        (o, s) for o, s in zip(opportunities, screenings, strict=True) if o.status in UNDER_REVIEW
    ]
    rows = [_case_row(opportunity=o, screening=s, previous=None) for o, s in flagged]
    bulk_insert(ReviewCase, [case for case, _ in rows])
    for (opportunity, screening), (case, target) in zip(flagged, rows, strict=True):
        _case_record(
            case,
            opportunity=opportunity,
            screening=screening,
            actor=actor,
            target=target,
            previous=None,
            reason="flagged",
        )


def _case_open(
    *,
    opportunity,
    screening,
    actor,
    previous: ReviewCase | None,
    reason: str,
    comment: str = "",
    tier: str = "",
) -> ReviewCase:
    case, target = _case_row(
        opportunity=opportunity, screening=screening, previous=previous, tier=tier
    )
    bulk_insert(ReviewCase, [case])  # its INSERT built once per process (PostgreSQL)
    _case_record(
        case,
        opportunity=opportunity,
        screening=screening,
        actor=actor,
        target=target,
        previous=previous,
        reason=reason,
        comment=comment,
    )
    return case


def _case_row(*, opportunity, screening, previous: ReviewCase | None, tier: str = ""):
    """A new case for the deal's screening (not yet saved), and its escalation target.
    `tier` raises the case above its screening's (a credible misuse report)."""
    tier = tier or screening.tier
    target = escalation_target(tier)
    now = timezone.now()
    due = due_after(now, target.target_business_days)
    case = unsaved(
        ReviewCase,
        opportunity=opportunity,
        screening=screening,
        previous_case=previous,
        tier=tier,
        tier_rank=TIER_RANK[tier],
        country=opportunity.end_customer_country,
        search_text=case_search_text(opportunity),
        status=S.NEW,
        escalation_level=target.start_level,
        opened_at=now,
        due_at=due,
        effective_due_at=effective_due(due, opportunity.expected_close_date),
        updated_at=now,
    )
    return case, target


def _case_record(
    case: ReviewCase,
    *,
    opportunity,
    screening,
    actor,
    target,
    previous,
    reason: str,
    comment: str = "",
) -> None:
    event = audit_record(
        actor=actor,
        action="review_case.opened",
        object_type="review_case",
        object_id=case.pk,
        opportunity_id=opportunity.pk,
        to_state=S.NEW,
        changes={
            "tier": case.tier,
            "screening_id": screening.pk,
            "criteria_version": screening.criteria_version.number,
            "escalation_level": target.start_level,
            "due_at": case.due_at.isoformat() if case.due_at else None,
            "reason": reason,
            "previous_case_id": previous.pk if previous else None,
        },
        comment=comment,
    )
    # The queue is where new cases are found; only urgent or reopened ones are pushed to
    # people (a bulk import must not mail every reviewer once per flagged deal).
    if case.tier in URGENT_TIERS or previous is not None or comment:
        _notify([event])


def _case_follow_opportunity(
    *, case: ReviewCase, opportunity, screening, actor, material_change: bool, change_reason: str
) -> None:
    events = []
    new_rank = TIER_RANK[screening.tier]
    tier_rose = new_rank > case.tier_rank
    # The deal's close date, country or title may have moved: keep the queue's columns in step.
    ReviewCase.objects.filter(pk=case.pk).update(
        country=opportunity.end_customer_country,
        search_text=case_search_text(opportunity),
        effective_due_at=effective_due(case.due_at, opportunity.expected_close_date),
    )
    case.refresh_from_db()
    if tier_rose:
        target = escalation_target(screening.tier)
        due = due_after(case.opened_at, target.target_business_days)
        raised = ReviewCase.objects.filter(
            pk=case.pk, tier_rank__lt=new_rank, status__in=OPEN
        ).update(
            tier=screening.tier,
            tier_rank=new_rank,
            screening=screening,
            due_at=due,
            effective_due_at=effective_due(due, opportunity.expected_close_date),
            updated_at=timezone.now(),
        )
        if raised:
            events.append(
                audit_record(
                    actor=actor,
                    action="review_case.tier_raised",
                    object_type="review_case",
                    object_id=case.pk,
                    opportunity_id=opportunity.pk,
                    changes={
                        "from_tier": case.tier,
                        "to_tier": screening.tier,
                        "screening_id": screening.pk,
                        "due_at": due.isoformat() if due else None,
                    },
                    comment=change_reason,
                )
            )
            case.refresh_from_db()
            if target.start_level > case.escalation_level:
                events.append(
                    _escalate(
                        case=case,
                        actor=actor,
                        to_level=target.start_level,
                        reason=f"The deal's tier rose to {screening.tier}.",
                    )
                )
    elif material_change:
        events.append(
            audit_record(
                actor=actor,
                action="review_case.deal_changed",
                object_type="review_case",
                object_id=case.pk,
                opportunity_id=opportunity.pk,
                changes={"screening_id": screening.pk, "tier": screening.tier},
                comment=change_reason or "The deal changed materially while under review.",
            )
        )
    if (material_change or tier_rose) and case.status == S.RECOMMENDED:
        events.append(
            _transition(
                case=case,
                transition="send_back",
                actor=actor,
                values={"recommended_by": None, "recommendation": "", "recommendation_reasons": ""},
                comment="The deal changed after the recommendation; review it again.",
            )
        )
    _notify(events)
