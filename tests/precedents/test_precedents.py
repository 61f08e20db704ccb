"""Precedents on the case page, the question a divergent decision must answer, and the
human-rights lead's list of like deals decided unlike."""

from __future__ import annotations

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from reviews.models import Decision, Precedent
from reviews.precedents import (
    Features,
    features_from_snapshot,
    inconsistent_pairs,
    precedent_score,
)
from reviews.services import review_claim, review_decide

pytestmark = pytest.mark.django_db


def _decide(make_deal, case_of, reviewer, outcome, *, title, precedent_reason="", **deal):
    case = review_claim(case=case_of(make_deal("medium", title=title, **deal)), actor=reviewer)
    feedback = "Not with this end user." if outcome == "reject" else ""
    return review_decide(
        case=case,
        actor=reviewer,
        outcome=outcome,
        reasons=f"Reasons for {title}.",
        feedback=feedback,
        precedent_reason=precedent_reason,
    )


def test_a_reviewer_deciding_against_close_precedents_is_asked_why(
    make_deal, case_of, reviewer, client
):
    for n in range(2):
        _decide(make_deal, case_of, reviewer, "approve", title=f"Research cluster {n}")
    case = review_claim(case=case_of(make_deal("medium", title="Third cluster")), actor=reviewer)

    client.force_login(reviewer)
    page = client.get(f"/reviews/cases/{case.pk}/").content.decode()
    assert 'id="precedent-warning"' in page
    assert "usually <strong>approved</strong>" in page
    assert page.count('class="precedent close"') == 2
    assert "capability family: Compute and infrastructure" in page
    assert "Reasons for Research cluster 1." in page

    refused = client.post(
        f"/reviews/cases/{case.pk}/decide/",
        {"outcome": "reject", "reasons": "Too risky.", "feedback": "No."},
        follow=True,
    )
    assert "say why this decision differs" in refused.content.decode()
    case.refresh_from_db()
    assert case.status == "in_review"

    client.post(
        f"/reviews/cases/{case.pk}/decide/",
        {
            "outcome": "reject",
            "reasons": "Too risky.",
            "feedback": "No.",
            "precedent_reason": "The customer's lab now works for the security service.",
        },
    )
    decision = Decision.objects.get(case=case)
    assert decision.outcome == "reject"
    assert decision.precedent_reason.startswith("The customer's lab")
    assert len(decision.diverges_from) == 2
    event = AuditEvent.objects.get(action="review_case.reject", object_id=str(case.pk))
    assert event.changes["precedent_reason"] == decision.precedent_reason
    shown = client.get(f"/reviews/cases/{case.pk}/").content.decode()
    assert "The customer&#x27;s lab now works for the security service." in shown


def test_a_decision_in_line_with_its_precedents_needs_no_extra_reason(make_deal, case_of, reviewer):
    _decide(make_deal, case_of, reviewer, "approve", title="First")
    decision = _decide(make_deal, case_of, reviewer, "approve", title="Second")
    assert decision.precedent_reason == "" and decision.diverges_from == []
    assert Precedent.objects.count() == 2


def test_the_api_asks_the_same_question(make_deal, case_of, reviewer, api):
    _decide(make_deal, case_of, reviewer, "approve", title="First")
    case = review_claim(case=case_of(make_deal("medium", title="Next")), actor=reviewer)
    api.as_user(reviewer)
    shown = api.get(f"/api/v1/reviews/cases/{case.pk}/").json()["precedents"]
    assert [(p["score"], p["close"], p["outcome"]) for p in shown] == [(100, True, "approve")]
    assert "Reasons for First." == shown[0]["reasons"]
    url = f"/api/v1/reviews/cases/{case.pk}/decide/"
    body = {"outcome": "reject", "reasons": "Risky.", "feedback": "No."}
    refused = api.post(url, body, format="json")
    assert refused.status_code == 400
    assert "precedent_reason" in refused.json().get("errors", refused.json())
    assert (
        api.post(url, {**body, "precedent_reason": "New facts."}, format="json").status_code == 200
    )


def test_a_different_kind_of_deal_is_not_a_close_precedent(make_deal, case_of, reviewer):
    _decide(make_deal, case_of, reviewer, "approve", title="Research cluster")
    cameras = [{"name": "Cameras", "capabilities": ["video_surveillance"], "quantity": 2}]
    decision = _decide(make_deal, case_of, reviewer, "reject", title="Cameras", lines=cameras)
    assert decision.diverges_from == []  # another capability family: no question asked


BASE = Features(
    "compute_and_infrastructure",
    "police",
    "security_forces",
    "criminal_investigation",
    "law_enforcement",
    "EG",
    "repressive",
    "one intermediary",
)


def _precedent(**changes) -> Precedent:
    f = {**BASE.__dict__, **changes}
    return Precedent(**f, outcome="approve", decided_at=timezone.now())


@pytest.mark.parametrize(
    ("changes", "score", "agreeing"),
    [
        ({}, 100, 5),
        ({"channel_shape": "direct"}, 90, 4),
        ({"country": "BY"}, 95, 5),  # same country context: 10 of 15
        ({"end_user_type": "military"}, 90, 5),  # same kind of end user: 15 of 25
        ({"end_user_type": "military", "country": "BY", "country_band": "open"}, 75, 4),
        ({"capability_family": "video_and_biometrics"}, 75, 4),
        ({"intended_use": "lawful_intercept_compliance"}, 90, 5),  # same kind of use
        ({"intended_use": "enterprise_it", "use_group": "civil"}, 75, 4),
    ],
)
def test_similarity_counts_the_factors_a_reviewer_reads(changes, score, agreeing):
    got, matched = precedent_score(BASE, _precedent(**changes))
    assert got == score
    assert len(matched) == agreeing


def test_features_come_from_the_frozen_snapshot():
    snapshot = {
        "end_customer": {"type": "police", "country": "eg"},
        "lines": [{"capabilities": ["networking"]}, {"capabilities": ["device_forensics"]}],
        "intended_use": ["enterprise_it", "criminal_investigation"],
        "channel": [{"role": "distributor"}, {"role": "reseller"}, {"role": "end_customer"}],
    }
    f = features_from_snapshot(snapshot)
    assert f.capability_family == "targeted_surveillance"  # the riskiest product decides
    assert f.intended_use == "criminal_investigation"
    assert f.end_user_group == "security_forces"
    assert f.channel_shape == "two intermediaries"
    assert f.country == "EG"


def test_the_human_rights_lead_lists_like_deals_decided_unlike(
    make_deal, case_of, reviewer, senior_reviewer, client
):
    _decide(make_deal, case_of, reviewer, "approve", title="Approved one")
    _decide(
        make_deal, case_of, reviewer, "reject", title="Rejected one", precedent_reason="Because."
    )
    pairs = inconsistent_pairs()
    assert len(pairs) == 1
    assert {pairs[0].first.outcome, pairs[0].second.outcome} == {"approve", "reject"}
    client.force_login(senior_reviewer)
    page = client.get("/reviews/precedents/inconsistent/").content.decode()
    assert page.count('class="inconsistent-pair"') == 1
    assert "Differs because: Because." in page
    client.force_login(reviewer)
    assert client.get("/reviews/precedents/inconsistent/").status_code == 403
