"""The review API: the same services and permissions as the pages."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lifecycle.services import opportunity_register
from opportunities.models import Opportunity
from reviews.models import InformationRequest
from tests.factories import deal_body
from tests.reviews.conftest import TIER_DEALS

pytestmark = pytest.mark.django_db
BASE = "/api/v1/reviews"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def partner_deal(partner_a, catalogue):
    body = deal_body(
        title="Partner LI deal",
        channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
        **TIER_DEALS["high"],
    )
    return opportunity_register(actor=partner_a, data=body).opportunity


def test_the_queue_lists_open_cases_for_reviewers_only(
    api, make_deal, reviewer, sales_rep, partner_a
):
    make_deal("medium")
    make_deal("critical")
    r = api.as_user(reviewer).get(f"{BASE}/cases/")
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 2
    assert [c["tier"] for c in body["results"]] == ["critical", "medium"]
    assert body["results"][0]["opportunity"]["reference"].startswith("D-")
    for user in (sales_rep, partner_a):
        r = api.as_user(user).get(f"{BASE}/cases/")
        assert r.status_code == 403
        assert "compliance staff" in r.json()["detail"]


def test_unauthenticated_requests_are_refused(api, make_deal):
    assert api.get(f"{BASE}/cases/").status_code in (401, 403)


def test_filters_and_ordering(api, make_deal, reviewer):
    make_deal("medium")
    make_deal("high")
    client = api.as_user(reviewer)
    assert [c["tier"] for c in client.get(f"{BASE}/cases/?tier=high").json()["results"]] == ["high"]
    assert client.get(f"{BASE}/cases/?country=AE").json()["count"] == 1
    assert client.get(f"{BASE}/cases/?assignee=me").json()["count"] == 0
    newest = client.get(f"{BASE}/cases/?ordering=-opened").json()["results"]
    assert [c["tier"] for c in newest] == ["high", "medium"]


def test_case_detail_shows_the_actions_you_may_take(api, make_deal, case_of, reviewer, partner_a):
    case = case_of(make_deal("high"))
    r = api.as_user(reviewer).get(f"{BASE}/cases/{case.pk}/")
    assert r.status_code == 200
    body = r.json()
    assert body["allowed_actions"]["claim"] is True
    assert body["allowed_actions"]["decide"] is False
    assert body["screening"]["tier"] == "high"
    assert api.as_user(partner_a).get(f"{BASE}/cases/{case.pk}/").status_code == 404


def test_two_claims_one_winner_and_a_409(api, make_deal, case_of, reviewer, second_reviewer):
    case = case_of(make_deal("medium"))
    r1 = api.as_user(reviewer).post(f"{BASE}/cases/{case.pk}/claim/")
    assert r1.status_code == 200 and r1.json()["assignee"] == "rob_reviewer"
    r2 = api.as_user(second_reviewer).post(f"{BASE}/cases/{case.pk}/claim/")
    assert r2.status_code == 409
    assert r2.json()["detail"] == "rob_reviewer has already claimed this case."


def test_a_conflicted_reviewer_gets_a_403(api, partner_deal, case_of, partner_reviewer):
    r = api.as_user(partner_reviewer).post(f"{BASE}/cases/{case_of(partner_deal).pk}/claim/")
    assert r.status_code == 403
    assert "channel" in r.json()["detail"]


def test_assign_is_for_leads(api, make_deal, case_of, reviewer, second_reviewer, senior_reviewer):
    case = case_of(make_deal("medium"))
    assert (
        api.as_user(reviewer)
        .post(f"{BASE}/cases/{case.pk}/assign/", {"assignee": second_reviewer.pk}, format="json")
        .status_code
        == 403
    )
    r = api.as_user(senior_reviewer).post(
        f"{BASE}/cases/{case.pk}/assign/", {"assignee": second_reviewer.pk}, format="json"
    )
    assert r.status_code == 200 and r.json()["assignee"] == "rhea_reviewer"


def test_the_full_journey_through_the_api(
    api, partner_deal, case_of, reviewer, second_reviewer, partner_a, partner_b, sales_rep
):
    case = case_of(partner_deal)
    rob = api.as_user(reviewer)
    assert rob.post(f"{BASE}/cases/{case.pk}/claim/").status_code == 200
    r = rob.post(
        f"{BASE}/cases/{case.pk}/request-information/",
        {"questions": "Which authority orders the interceptions?", "addressed_to": partner_a.pk},
        format="json",
    )
    assert r.status_code == 201, r.json()
    # another partner cannot even find the case
    r = api.as_user(partner_b).post(
        f"{BASE}/cases/{case.pk}/answer/", {"answer": "x"}, format="json"
    )
    assert r.status_code == 404
    # the partner answers with a certificate (multipart)
    upload = SimpleUploadedFile("certificate.pdf", PDF, content_type="application/pdf")
    r = api.as_user(partner_a).post(
        f"{BASE}/cases/{case.pk}/answer/",
        {"answer": "The federal court, under the TKG.", "attachment": upload},
        format="multipart",
    )
    assert r.status_code == 200, r.json()
    assert r.json()["has_attachment"] is True
    rob = api.as_user(reviewer)
    assert rob.get(f"{BASE}/cases/{case.pk}/").json()["status"] == "in_review"
    r = rob.post(
        f"{BASE}/cases/{case.pk}/recommend/",
        {"outcome": "approve_with_conditions", "reasons": "Lawful, court-ordered."},
        format="json",
    )
    assert r.status_code == 200 and r.json()["status"] == "recommended"
    # the recommender cannot decide
    decide = {
        "outcome": "approve_with_conditions",
        "reasons": "Court-ordered LI for a licensed operator.",
        "feedback": "Approved: the operator must sign the end-use certificate.",
        "conditions": [
            {"mitigation": "end-use-certificate", "owner": partner_a.pk, "due_date": "2030-01-31"}
        ],
    }
    assert rob.post(f"{BASE}/cases/{case.pk}/decide/", decide, format="json").status_code == 403
    r = api.as_user(second_reviewer).post(f"{BASE}/cases/{case.pk}/decide/", decide, format="json")
    assert r.status_code == 200, r.json()
    body = r.json()
    assert body["status"] == "approved_with_conditions"
    assert body["decision"]["recommended_by"] == "rob_reviewer"
    assert body["decision"]["conditions"][0]["mitigation"] == "end-use-certificate"
    assert Opportunity.objects.get(pk=partner_deal.pk).status == "approved_with_conditions"
    # the partner follows the condition up through the API
    conditions = api.as_user(partner_a).get(f"{BASE}/conditions/").json()["results"]
    assert [c["mitigation"] for c in conditions] == ["end-use-certificate"]
    cid = conditions[0]["id"]
    assert (
        api.as_user(partner_b)
        .post(f"{BASE}/conditions/{cid}/fulfil/", {"evidence_note": "x"}, format="json")
        .status_code
        == 404
    )
    r = api.as_user(partner_a).post(
        f"{BASE}/conditions/{cid}/fulfil/", {"evidence_note": "Signed on 3 March."}, format="json"
    )
    assert r.status_code == 200 and r.json()["status"] == "fulfilled"
    r = api.as_user(reviewer).post(
        f"{BASE}/conditions/{cid}/verify/", {"note": "Seen."}, format="json"
    )
    assert r.status_code == 200 and r.json()["status"] == "verified"


def test_decide_validation_errors_are_400s_with_fields(api, make_deal, case_of, reviewer):
    case = case_of(make_deal("medium"))
    client = api.as_user(reviewer)
    client.post(f"{BASE}/cases/{case.pk}/claim/")
    r = client.post(
        f"{BASE}/cases/{case.pk}/decide/",
        {"outcome": "reject", "reasons": "Too risky."},
        format="json",
    )
    assert r.status_code == 400
    assert "feedback" in r.json()["errors"]
    r = client.post(
        f"{BASE}/cases/{case.pk}/decide/", {"outcome": "maybe", "reasons": "x"}, format="json"
    )
    assert r.status_code == 400 and "outcome" in r.json()["errors"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("statement.exe", b"MZ\x90\x00", "PDF, PNG or JPG"),
        ("statement.pdf", b"<html>not a pdf</html>", "not the type"),
        ("photo.png", b"\xff\xd8\xff\xe0 jpeg bytes", "not the type"),
    ],
)
def test_uploads_must_be_real_pdf_png_or_jpg(
    api, make_deal, case_of, reviewer, sales_rep, name, content, message
):
    case = case_of(make_deal("medium"))
    rob = api.as_user(reviewer)
    rob.post(f"{BASE}/cases/{case.pk}/claim/")
    rob.post(
        f"{BASE}/cases/{case.pk}/request-information/",
        {"questions": "Signed statement?"},
        format="json",
    )
    r = api.as_user(sales_rep).post(
        f"{BASE}/cases/{case.pk}/answer/",
        {"answer": "Attached", "attachment": SimpleUploadedFile(name, content)},
        format="multipart",
    )
    assert r.status_code == 400
    assert message in r.json()["detail"]
    assert InformationRequest.objects.get().answered_at is None  # nothing was saved


def test_uploads_are_size_capped(api, make_deal, case_of, reviewer, sales_rep, monkeypatch):
    monkeypatch.setattr("reviews.uploads.MAX_EVIDENCE_BYTES", 1024)
    case = case_of(make_deal("medium"))
    rob = api.as_user(reviewer)
    rob.post(f"{BASE}/cases/{case.pk}/claim/")
    rob.post(
        f"{BASE}/cases/{case.pk}/request-information/",
        {"questions": "Signed statement?"},
        format="json",
    )
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * 2048)
    r = api.as_user(sales_rep).post(
        f"{BASE}/cases/{case.pk}/answer/",
        {"answer": "Attached", "attachment": big},
        format="multipart",
    )
    assert r.status_code == 400 and "larger" in r.json()["detail"]


def test_escalate_through_the_api(api, make_deal, case_of, reviewer):
    case = case_of(make_deal("medium"))
    client = api.as_user(reviewer)
    client.post(f"{BASE}/cases/{case.pk}/claim/")
    assert client.post(f"{BASE}/cases/{case.pk}/escalate/", {}, format="json").status_code == 400
    r = client.post(
        f"{BASE}/cases/{case.pk}/escalate/",
        {"reason": "Needs the human-rights lead."},
        format="json",
    )
    assert r.status_code == 200
    assert (r.json()["escalation_level"], r.json()["status"], r.json()["assignee"]) == (
        2,
        "escalated",
        None,
    )


def test_the_mitigation_library_is_seeded(api, reviewer):
    codes = {m["code"] for m in api.as_user(reviewer).get(f"{BASE}/mitigations/").json()}
    assert {
        "end-use-certificate",
        "human-rights-clause",
        "no-custom-development",
        "audit-inspection-right",
        "end-user-training",
        "named-site-delivery",
        "post-sale-check-in",
    } <= codes


def test_the_review_endpoints_are_in_the_schema(api, reviewer):
    r = api.as_user(reviewer).get("/api/schema/", HTTP_ACCEPT="application/json")
    assert r.status_code == 200
    paths = (
        r.json()["paths"]
        if r.headers["Content-Type"].startswith("application/json")
        else r.content.decode()
    )
    for p in (
        "/api/v1/reviews/cases/",
        "/api/v1/reviews/cases/{id}/claim/",
        "/api/v1/reviews/cases/{id}/decide/",
        "/api/v1/reviews/cases/{id}/request-information/",
        "/api/v1/reviews/cases/{id}/answer/",
        "/api/v1/reviews/conditions/{id}/fulfil/",
    ):
        assert p in paths
