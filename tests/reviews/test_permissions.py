"""Four eyes, authority and conflict of interest, with the personas."""

from __future__ import annotations

import pytest

from hrdd.errors import Conflict, PermissionDenied
from lifecycle.services import opportunity_register
from opportunities.models import Opportunity
from reviews.models import Decision
from reviews.services import (
    review_assign,
    review_claim,
    review_clear_hard_stop,
    review_decide,
    review_escalate,
    review_recommend,
    review_request_information,
)
from tests.factories import deal_body
from tests.reviews.conftest import TIER_DEALS

pytestmark = pytest.mark.django_db


def _recommended(case, reviewer, outcome="approve"):
    case = review_claim(case=case, actor=reviewer)
    return review_recommend(case=case, actor=reviewer, outcome=outcome, reasons="My reasons.")


def test_a_medium_case_is_decided_by_its_reviewer_alone(make_deal, case_of, reviewer):
    deal = make_deal("medium")
    case = review_claim(case=case_of(deal), actor=reviewer)
    review_decide(case=case, actor=reviewer, outcome="approve", reasons="Research use.")
    assert Opportunity.objects.get(pk=deal.pk).status == "approved"


def test_only_the_claiming_reviewer_decides_a_medium_case_in_review(
    make_deal, case_of, reviewer, second_reviewer
):
    case = review_claim(case=case_of(make_deal("medium")), actor=reviewer)
    with pytest.raises(PermissionDenied, match="claimed the case"):
        review_decide(case=case, actor=second_reviewer, outcome="approve", reasons="x")


@pytest.mark.parametrize("tier", ["high", "critical", "prohibited"])
def test_four_eyes_tiers_cannot_be_decided_without_a_recommendation(
    make_deal, case_of, request, tier
):
    # even someone with enough authority cannot decide alone
    actor = request.getfixturevalue(
        {"high": "reviewer", "critical": "committee_member", "prohibited": "senior_reviewer"}[tier]
    )
    case = review_claim(case=case_of(make_deal(tier)), actor=actor)
    with pytest.raises(PermissionDenied, match="four eyes"):
        review_decide(case=case, actor=actor, outcome="reject", reasons="x", feedback="y")


def test_the_recommender_cannot_also_decide_a_high_case(
    make_deal, case_of, reviewer, second_reviewer
):
    case = _recommended(case_of(make_deal("high")), reviewer)
    with pytest.raises(PermissionDenied, match="second reviewer"):
        review_decide(case=case, actor=reviewer, outcome="approve", reasons="x")
    decision = review_decide(case=case, actor=second_reviewer, outcome="approve", reasons="Agree.")
    assert (decision.recommended_by, decision.decided_by) == (reviewer, second_reviewer)


@pytest.mark.parametrize(
    ("decider", "allowed"),
    [
        ("second_reviewer", False),
        ("senior_reviewer", False),
        ("committee_member", True),
        ("admin_user", True),
    ],
)
def test_a_critical_case_is_decided_by_the_committee_or_an_admin(
    make_deal, case_of, reviewer, request, decider, allowed
):
    case = _recommended(case_of(make_deal("critical")), reviewer)
    user = request.getfixturevalue(decider)
    if allowed:
        review_decide(
            case=case,
            actor=user,
            outcome="reject",
            reasons="Population monitoring.",
            feedback="We cannot supply analytics for population monitoring.",
        )
        assert Opportunity.objects.get(pk=case.opportunity_id).status == "rejected"
    else:
        with pytest.raises(PermissionDenied, match="committee member"):
            review_decide(case=case, actor=user, outcome="approve", reasons="x")


def test_a_prohibited_case_needs_senior_authority_and_a_cleared_hard_stop(
    make_deal, case_of, reviewer, senior_reviewer, committee_member
):
    case = case_of(make_deal("prohibited"))
    assert case.escalation_level == 2
    with pytest.raises(PermissionDenied, match="senior reviewer"):
        review_claim(case=case, actor=reviewer)  # a compliance reviewer cannot even work it
    case = _recommended(case, senior_reviewer)
    with pytest.raises(PermissionDenied, match="hard stop"):
        review_decide(case=case, actor=committee_member, outcome="approve", reasons="x")
    with pytest.raises(PermissionDenied):
        review_clear_hard_stop(case=case, actor=reviewer, note="false positive")
    case = review_clear_hard_stop(
        case=case,
        actor=senior_reviewer,
        note="The sanctions hit is a licensed humanitarian export.",
    )
    review_decide(case=case, actor=committee_member, outcome="approve", reasons="Licensed.")
    assert Opportunity.objects.get(pk=case.opportunity_id).status == "approved"


def test_a_prohibited_case_can_be_rejected_without_clearing(
    make_deal, case_of, senior_reviewer, committee_member
):
    case = _recommended(case_of(make_deal("prohibited")), senior_reviewer, outcome="reject")
    review_decide(
        case=case,
        actor=committee_member,
        outcome="reject",
        reasons="Sanctioned.",
        feedback="Sales to Iran are embargoed; do not pursue this deal.",
    )
    assert Opportunity.objects.get(pk=case.opportunity_id).status == "rejected"


def test_nobody_reviews_a_deal_they_submitted(make_deal, case_of, reviewer, second_reviewer):
    deal = make_deal("high", actor=reviewer)  # a reviewer registered this deal themself
    case = case_of(deal)
    with pytest.raises(PermissionDenied, match="You submitted this deal"):
        review_claim(case=case, actor=reviewer)
    case = _recommended(case, second_reviewer)
    with pytest.raises(PermissionDenied, match="You submitted this deal"):
        review_decide(case=case, actor=reviewer, outcome="approve", reasons="x")


def test_nobody_reviews_a_deal_with_their_organisation_in_the_channel(
    make_deal, case_of, partner_reviewer, reviewer, second_reviewer
):
    deal = make_deal(
        "high", channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
    )
    case = case_of(deal)
    with pytest.raises(PermissionDenied, match="Alpha Systems Integration"):
        review_claim(case=case, actor=partner_reviewer)
    case = _recommended(case, reviewer)
    with pytest.raises(PermissionDenied, match="channel"):
        review_decide(case=case, actor=partner_reviewer, outcome="approve", reasons="x")
    review_decide(case=case, actor=second_reviewer, outcome="approve", reasons="ok")


def test_nobody_reviews_a_deal_their_organisation_submitted(
    partner_a, partner_reviewer, reviewer, catalogue, case_of
):
    body = deal_body(
        channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
        **TIER_DEALS["high"],
    )
    deal = opportunity_register(actor=partner_a, data=body).opportunity
    with pytest.raises(PermissionDenied):
        review_claim(case=case_of(deal), actor=partner_reviewer)
    review_claim(case=case_of(deal), actor=reviewer)


def test_the_vendor_organisation_is_not_a_conflict(make_deal, case_of, reviewer, sales_rep):
    # the rep's deals are submitted by the vendor, which employs the reviewer too
    assert reviewer.organisation_id == sales_rep.organisation_id
    review_claim(case=case_of(make_deal("high")), actor=reviewer)


@pytest.mark.parametrize("persona", ["sales_rep", "partner_a", "outsider"])
def test_non_reviewers_cannot_work_cases(make_deal, case_of, request, persona):
    case = case_of(make_deal("medium"))
    with pytest.raises(PermissionDenied):
        review_claim(case=case, actor=request.getfixturevalue(persona))


def test_only_the_assignee_asks_questions_and_recommends(
    make_deal, case_of, reviewer, second_reviewer
):
    case = review_claim(case=case_of(make_deal("high")), actor=reviewer)
    with pytest.raises(PermissionDenied):
        review_request_information(case=case, actor=second_reviewer, questions="Who operates it?")
    with pytest.raises(PermissionDenied):
        review_recommend(case=case, actor=second_reviewer, outcome="approve", reasons="x")


def test_only_leads_assign_and_only_to_someone_who_may_work_the_case(
    make_deal, case_of, reviewer, second_reviewer, senior_reviewer, partner_reviewer, sales_rep
):
    deal = make_deal(
        "high", channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
    )
    case = case_of(deal)
    with pytest.raises(PermissionDenied, match="assign"):
        review_assign(case=case, actor=reviewer, assignee=second_reviewer)
    with pytest.raises(PermissionDenied, match="channel"):
        review_assign(case=case, actor=senior_reviewer, assignee=partner_reviewer)
    with pytest.raises(PermissionDenied):
        review_assign(case=case, actor=senior_reviewer, assignee=sales_rep)
    case = review_assign(case=case, actor=senior_reviewer, assignee=second_reviewer)
    assert (case.assignee, case.status) == (second_reviewer, "in_review")


def test_a_decision_needs_reasons_and_actionable_feedback(make_deal, case_of, reviewer, sales_rep):
    from hrdd.errors import ApplicationError

    case = review_claim(case=case_of(make_deal("medium")), actor=reviewer)
    with pytest.raises(ApplicationError, match="submitter"):
        review_decide(case=case, actor=reviewer, outcome="reject", reasons="Too risky.")
    with pytest.raises(ApplicationError, match="condition"):
        review_decide(
            case=case, actor=reviewer, outcome="approve_with_conditions", reasons="r", feedback="f"
        )
    with pytest.raises(ApplicationError, match="past"):
        review_decide(
            case=case,
            actor=reviewer,
            outcome="approve_with_conditions",
            reasons="r",
            feedback="f",
            conditions=[
                {
                    "mitigation": "end-use-certificate",
                    "owner": sales_rep.pk,
                    "due_date": "2001-01-01",
                }
            ],
        )
    assert not Decision.objects.exists()


def test_a_decision_freezes_what_it_was_based_on(
    make_deal, case_of, reviewer, second_reviewer, sales_rep
):
    deal = make_deal("high")
    case = _recommended(case_of(deal), reviewer, outcome="approve_with_conditions")
    decision = review_decide(
        case=case,
        actor=second_reviewer,
        outcome="approve_with_conditions",
        reasons="Licensed operator, LI duties.",
        feedback="Approved: get the end-use certificate signed before delivery.",
        conditions=[
            {
                "mitigation": "end-use-certificate",
                "owner": sales_rep.pk,
                "due_date": "2027-01-31",
                "details": "Signed by the CTO",
            },
            {"mitigation": "audit-inspection-right", "owner": sales_rep.pk},
        ],
    )
    deal.refresh_from_db()
    assert deal.status == "approved_with_conditions"
    assert decision.screening_id == deal.current_screening_id
    assert decision.criteria_version == deal.current_screening.criteria_version.number
    assert decision.deal_snapshot["reference"] == deal.reference
    assert decision.deal_snapshot["lines"][0]["capabilities"] == ["lawful_interception"]
    assert [c["mitigation"] for c in decision.conditions] == [
        "end-use-certificate",
        "audit-inspection-right",
    ]
    assert decision.case.conditions.count() == 2
    assert decision.recommended_by == reviewer


def test_escalation_stops_at_the_committee(
    make_deal, case_of, reviewer, senior_reviewer, committee_member
):
    case = review_claim(case=case_of(make_deal("high")), actor=reviewer)
    case = review_escalate(case=case, actor=reviewer, reason="Needs the human-rights lead.")
    assert (case.escalation_level, case.status, case.assignee_id) == (2, "escalated", None)
    with pytest.raises(PermissionDenied, match="senior"):
        review_claim(case=case, actor=reviewer)
    case = review_claim(case=case, actor=senior_reviewer)
    case = review_escalate(case=case, actor=senior_reviewer, reason="Committee call.")
    assert case.escalation_level == 3
    with pytest.raises(PermissionDenied, match="top level"):
        review_escalate(
            case=review_claim(case=case, actor=committee_member), actor=committee_member, reason="x"
        )


def test_a_decided_case_is_closed_for_good(make_deal, case_of, reviewer):
    case = review_claim(case=case_of(make_deal("medium")), actor=reviewer)
    review_decide(case=case, actor=reviewer, outcome="approve", reasons="ok")
    case.refresh_from_db()
    with pytest.raises((Conflict, PermissionDenied)):
        review_decide(
            case=case, actor=reviewer, outcome="reject", reasons="changed my mind", feedback="x"
        )
