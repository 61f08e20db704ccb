"""Cases follow screenings: opened with the flagging screening, raised with the tier,
reopened as a new case after a material change to a decided deal."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.db import IntegrityError, transaction

from audit.models import AuditEvent
from lifecycle.services import opportunity_update
from opportunities.models import Opportunity
from reviews.models import ReviewCase
from reviews.services import review_claim, review_decide, review_recommend
from rules.models import Screening
from tests.factories import deal_body
from tests.reviews.conftest import MONDAY, TIER_DEALS

pytestmark = pytest.mark.django_db


def test_a_low_risk_deal_gets_no_case(make_deal):
    deal = make_deal("low")
    assert deal.status == "cleared"
    assert not ReviewCase.objects.filter(opportunity=deal).exists()


@pytest.mark.parametrize(
    ("tier", "level", "due", "deal_status"),
    [
        ("medium", 1, datetime(2026, 3, 4, 9, tzinfo=UTC), "in_review"),
        ("high", 1, datetime(2026, 3, 16, 9, tzinfo=UTC), "on_hold"),
        ("critical", 1, datetime(2026, 3, 23, 9, tzinfo=UTC), "on_hold"),
        ("prohibited", 2, None, "blocked"),
    ],
)
def test_a_flagged_deal_gets_one_case_with_its_tier_target(
    make_deal, case_of, tier, level, due, deal_status
):
    with time_machine.travel(MONDAY, tick=False):
        deal = make_deal(tier)
    case = case_of(deal)
    assert (case.tier, case.status, case.escalation_level, case.due_at) == (tier, "new", level, due)
    assert case.screening_id == deal.current_screening_id
    assert deal.status == deal_status
    opened = AuditEvent.objects.get(action="review_case.opened", object_id=str(case.pk))
    assert opened.changes["screening_id"] == deal.current_screening_id
    assert opened.changes["reason"] == "flagged"


def test_the_case_is_created_in_the_screenings_transaction(sales_rep, catalogue):
    """If anything after the screening fails, neither the deal, the screening nor the case exist."""
    from lifecycle.services import opportunity_register

    body = deal_body(title="rolled back", **TIER_DEALS["high"])
    with pytest.raises(RuntimeError), transaction.atomic():
        opportunity_register(actor=sales_rep, data=body)
        assert ReviewCase.objects.filter(opportunity__title="rolled back").exists()
        raise RuntimeError("crash after screening")
    assert not Opportunity.objects.filter(title="rolled back").exists()
    assert not ReviewCase.objects.exists()
    assert not Screening.objects.exists()


def test_the_database_refuses_a_second_open_case_for_a_deal(make_deal, case_of):
    case = case_of(make_deal("medium"))
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewCase.objects.create(
            opportunity=case.opportunity,
            screening=case.screening,
            tier="medium",
            tier_rank=1,
            country="AE",
            opened_at=case.opened_at,
            updated_at=case.opened_at,
        )


def test_a_tier_rise_on_an_open_case_raises_the_cases_tier(make_deal, case_of, sales_rep):
    with time_machine.travel(MONDAY, tick=False):
        deal = make_deal("medium")
        case = case_of(deal)
        opportunity_update(
            actor=sales_rep,
            opportunity=deal,
            data=deal_body(title=deal.title, **TIER_DEALS["critical"]),
        )
    raised = case_of(deal)
    assert raised.pk == case.pk  # the same case, not a new one
    assert (raised.tier, raised.tier_rank) == ("critical", 3)
    assert raised.due_at == datetime(2026, 3, 23, 9, tzinfo=UTC)  # the critical target from opening
    assert raised.screening_id == Opportunity.objects.get(pk=deal.pk).current_screening_id
    assert AuditEvent.objects.filter(
        action="review_case.tier_raised", object_id=str(case.pk)
    ).exists()


def test_a_rise_to_prohibited_moves_the_case_to_the_senior_level(
    make_deal, case_of, sales_rep, reviewer
):
    deal = make_deal("medium")
    review_claim(case=case_of(deal), actor=reviewer)
    opportunity_update(
        actor=sales_rep,
        opportunity=deal,
        data=deal_body(title=deal.title, **TIER_DEALS["prohibited"]),
    )
    case = case_of(deal)
    assert (case.tier, case.escalation_level, case.status, case.assignee_id) == (
        "prohibited",
        2,
        "escalated",
        None,
    )


def test_a_lower_tier_leaves_the_open_case_where_it_is(make_deal, case_of, sales_rep):
    deal = make_deal("high")
    opportunity_update(
        actor=sales_rep, opportunity=deal, data=deal_body(title=deal.title, **TIER_DEALS["low"])
    )
    case = case_of(deal)
    assert case.tier == "high"
    assert Opportunity.objects.get(pk=deal.pk).status == "on_hold"


def test_a_material_change_sends_a_pending_recommendation_back(
    make_deal, case_of, sales_rep, reviewer
):
    deal = make_deal("high")
    case = review_claim(case=case_of(deal), actor=reviewer)
    review_recommend(case=case, actor=reviewer, outcome="approve", reasons="Licensed operator.")
    changed = {
        **TIER_DEALS["high"],
        "end_customer": {**TIER_DEALS["high"]["end_customer"], "name": "Other Netz AG"},
    }
    opportunity_update(
        actor=sales_rep, opportunity=deal, data=deal_body(title=deal.title, **changed)
    )
    case = case_of(deal)
    assert case.status == "in_review"
    assert case.recommended_by_id is None
    assert AuditEvent.objects.filter(
        action="review_case.deal_changed", object_id=str(case.pk)
    ).exists()


def _decide_medium(deal, reviewer, case_of):
    case = review_claim(case=case_of(deal), actor=reviewer)
    return review_decide(case=case, actor=reviewer, outcome="approve", reasons="Fine.")


@pytest.mark.parametrize(
    "change",
    [
        {
            "end_customer": {
                "name": "Another Research Co",
                "country": "AE",
                "type": "state_owned_enterprise",
                "sector": "research",
            }
        },
        {
            "end_customer": {
                "name": "Gulf Research Co",
                "country": "QA",
                "type": "state_owned_enterprise",
                "sector": "research",
            },
            "delivery_country": "QA",
        },
        {
            "lines": [
                {
                    "name": "GPU cluster",
                    "capabilities": ["hpc_accelerators", "video_analytics"],
                    "quantity": 2,
                }
            ]
        },
    ],
    ids=["new-end-user", "new-country", "new-capability"],
)
def test_a_material_change_after_a_decision_reopens_a_new_case(
    make_deal, case_of, sales_rep, reviewer, change
):
    deal = make_deal("medium")
    decision = _decide_medium(deal, reviewer, case_of)
    assert Opportunity.objects.get(pk=deal.pk).status == "approved"
    deal.refresh_from_db()
    opportunity_update(
        actor=sales_rep,
        opportunity=deal,
        data=deal_body(title=deal.title, **{**TIER_DEALS["medium"], **change}),
    )
    deal.refresh_from_db()
    assert deal.status in (
        "in_review",
        "on_hold",
    )  # reopened through opportunity_route(reopen=True)
    new_case = case_of(deal)
    assert new_case.pk != decision.case_id
    assert new_case.previous_case_id == decision.case_id
    assert AuditEvent.objects.filter(action="opportunity.reopen", opportunity_id=deal.pk).exists()
    opened = AuditEvent.objects.get(action="review_case.opened", object_id=str(new_case.pk))
    assert opened.changes["reason"] == "material change after the decision"
    # the old decision is untouched: it froze the deal as it was
    decision.refresh_from_db()
    assert decision.deal_snapshot["end_customer"]["name"] == "Gulf Research Co"


def test_a_non_material_edit_after_a_decision_does_not_reopen(
    make_deal, case_of, sales_rep, reviewer
):
    deal = make_deal("medium")
    _decide_medium(deal, reviewer, case_of)
    deal.refresh_from_db()
    opportunity_update(
        actor=sales_rep,
        opportunity=deal,
        data=deal_body(title="Renamed deal", use_description="Lab cluster", **TIER_DEALS["medium"]),
    )
    deal.refresh_from_db()
    assert deal.status == "approved"
    assert not ReviewCase.objects.filter(
        opportunity=deal, status__in=ReviewCase.OPEN_STATES
    ).exists()


def test_the_close_date_caps_the_effective_due_date(make_deal, case_of, sales_rep):
    with time_machine.travel(MONDAY, tick=False):
        deal = make_deal(
            "high", expected_close_date="2026-03-05"
        )  # closes Thursday; the SLA says 16 March
    case = case_of(deal)
    assert case.due_at == datetime(2026, 3, 16, 9, tzinfo=UTC)
    assert case.effective_due_at == datetime(2026, 3, 5, 0, tzinfo=UTC)
    # moving the close date moves the effective due date with it
    deal.refresh_from_db()
    opportunity_update(
        actor=sales_rep,
        opportunity=deal,
        data=deal_body(title=deal.title, expected_close_date="2026-03-10", **TIER_DEALS["high"]),
    )
    assert case_of(deal).effective_due_at == datetime(2026, 3, 10, 0, tzinfo=UTC)
