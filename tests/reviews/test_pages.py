"""Review pages through the test client: who sees what, and the htmx interactions."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lifecycle.services import opportunity_register
from reviews.models import Notification
from reviews.services import (
    review_claim,
    review_decide,
    review_recommend,
    review_request_information,
)
from tests.factories import deal_body
from tests.reviews.conftest import TIER_DEALS

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def partner_deal(partner_a, catalogue):
    body = deal_body(
        title="Partner LI deal",
        channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
        **TIER_DEALS["high"],
    )
    return opportunity_register(actor=partner_a, data=body).opportunity


def test_reviewers_land_on_the_queue(as_user, reviewer, sales_rep):
    assert as_user(reviewer).get("/").url == "/reviews/"
    assert as_user(sales_rep).get("/").url == "/deals/"


def test_the_queue_page_lists_cases_with_counts(as_user, make_deal, reviewer):
    deal = make_deal("high")
    r = as_user(reviewer).get("/reviews/")
    assert r.status_code == 200
    html = r.content.decode()
    assert deal.reference in html
    assert "1</strong> case" in html
    assert 'href="/reviews/"' in html and "My cases" in html  # the nav


@pytest.mark.parametrize("persona", ["sales_rep", "partner_a", "outsider"])
def test_the_queue_and_case_pages_are_for_reviewers_only(
    as_user, make_deal, case_of, request, persona
):
    case = case_of(make_deal("medium"))
    client = as_user(request.getfixturevalue(persona))
    for url in (
        "/reviews/",
        "/reviews/mine/",
        f"/reviews/cases/{case.pk}/",
        f"/reviews/cases/{case.pk}/history.csv",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/reviews/cases/{case.pk}/claim/").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    r = client.get("/reviews/")
    assert r.status_code == 302 and "/login/" in r.url


def test_htmx_filtering_returns_just_the_table(as_user, make_deal, reviewer):
    make_deal("medium", title="Medium thing")
    make_deal("high", title="High thing")
    r = as_user(reviewer).get("/reviews/?tier=high", **HX)
    html = r.content.decode()
    assert "<html" not in html
    assert "High thing" in html and "Medium thing" not in html


def test_claiming_from_the_queue_with_htmx_and_losing_the_race(
    as_user, client, make_deal, case_of, reviewer, second_reviewer
):
    case = case_of(make_deal("medium"))
    r = as_user(reviewer).post(f"/reviews/cases/{case.pk}/claim/", **HX)
    assert r.status_code == 200
    assert "Claimed" in r.content.decode() and "rob_reviewer" in r.content.decode()
    client.logout()
    r = as_user(second_reviewer).post(f"/reviews/cases/{case.pk}/claim/", **HX)
    assert r.status_code == 200  # htmx swaps the row in with the message
    assert "rob_reviewer has already claimed this case." in r.content.decode()
    # without htmx: a message on the page
    r = client.post(f"/reviews/cases/{case.pk}/claim/", follow=True)
    assert "rob_reviewer has already claimed this case." in r.content.decode()


def test_my_cases_lists_only_mine(as_user, make_deal, case_of, reviewer):
    mine = make_deal("medium", title="Mine")
    make_deal("medium", title="Not mine")
    review_claim(case=case_of(mine), actor=reviewer)
    html = as_user(reviewer).get("/reviews/mine/").content.decode()
    assert "Mine" in html and "Not mine" not in html


def test_the_case_page_offers_only_the_allowed_actions(
    as_user, client, make_deal, case_of, reviewer, second_reviewer
):
    case = case_of(make_deal("high"))
    html = as_user(reviewer).get(f"/reviews/cases/{case.pk}/").content.decode()
    assert 'id="claim"' in html and 'id="decide"' not in html
    assert "Four eyes" in html
    case = review_claim(case=case, actor=reviewer)
    html = client.get(f"/reviews/cases/{case.pk}/").content.decode()
    assert (
        'id="request-information"' in html
        and 'id="recommend"' in html
        and 'id="decide"' not in html
    )
    review_recommend(case=case, actor=reviewer, outcome="approve", reasons="Looks lawful.")
    html = client.get(f"/reviews/cases/{case.pk}/").content.decode()
    assert 'id="decide"' not in html and "You recommended this case" in html
    client.logout()
    html = as_user(second_reviewer).get(f"/reviews/cases/{case.pk}/").content.decode()
    assert 'id="decide"' in html and "Looks lawful." in html


def test_a_reviewer_works_a_case_through_the_pages(
    as_user, client, make_deal, case_of, reviewer, sales_rep
):
    case = case_of(make_deal("medium"))
    c = as_user(reviewer)
    c.post(f"/reviews/cases/{case.pk}/claim/")
    r = c.post(
        f"/reviews/cases/{case.pk}/request-information/",
        {"questions": "What will the cluster compute?", "addressed_to": sales_rep.pk},
        follow=True,
    )
    assert "Questions sent" in r.content.decode()
    case.refresh_from_db()
    assert case.status == "information_requested"
    c.logout()
    # the rep answers on the deal page, with a scanned statement
    c = as_user(sales_rep)
    deal_page = c.get(f"/deals/{case.opportunity_id}/").content.decode()
    assert "What will the cluster compute?" in deal_page and 'name="attachment"' in deal_page
    info = case.information_requests.get()
    png = SimpleUploadedFile(
        "statement.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64, content_type="image/png"
    )
    r = c.post(
        f"/reviews/requests/{info.pk}/answer/",
        {"answer": "Climate models.", "attachment": png},
        follow=True,
    )
    assert "your answer went to the compliance reviewer" in r.content.decode()
    case.refresh_from_db()
    assert case.status == "in_review"
    # the rep can fetch their own file; the reviewer sees it on the case page
    assert c.get(f"/reviews/requests/{info.pk}/attachment/").status_code == 200
    c.logout()
    c = as_user(reviewer)
    assert "statement.png" in c.get(f"/reviews/cases/{case.pk}/").content.decode()
    r = c.post(
        f"/reviews/cases/{case.pk}/decide/",
        {
            "outcome": "approve_with_conditions",
            "reasons": "INTERNAL: SOE, but civil research.",
            "feedback": "Approved on condition of a post-sale check-in.",
            "cond-0-mitigation": "post-sale-check-in",
            "cond-0-owner": sales_rep.pk,
            "cond-0-due_date": "2030-06-30",
        },
        follow=True,
    )
    assert "Decision recorded" in r.content.decode(), r.content.decode()[:3000]
    c.logout()
    deal_page = as_user(sales_rep).get(f"/deals/{case.opportunity_id}/").content.decode()
    assert "Approved on condition of a post-sale check-in." in deal_page
    assert "Post-sale check-in" in deal_page
    assert "INTERNAL" not in deal_page  # reviewers' reasons never reach the submitter


def test_a_refused_action_shows_the_reason(as_user, make_deal, case_of, reviewer):
    case = case_of(make_deal("high"))
    c = as_user(reviewer)
    c.post(f"/reviews/cases/{case.pk}/claim/")
    r = c.post(
        f"/reviews/cases/{case.pk}/decide/", {"outcome": "approve", "reasons": "x"}, follow=True
    )
    assert "four eyes" in r.content.decode()


def test_other_partners_cannot_see_or_answer_questions(
    as_user, partner_deal, case_of, reviewer, partner_a, partner_b
):
    case = review_claim(case=case_of(partner_deal), actor=reviewer)
    info = review_request_information(
        case=case, actor=reviewer, questions="Who is the operator?", addressed_to=partner_a
    )
    c = as_user(partner_b)
    assert c.get(f"/deals/{partner_deal.pk}/").status_code == 404
    assert c.post(f"/reviews/requests/{info.pk}/answer/", {"answer": "hijack"}).status_code == 404
    info.refresh_from_db()
    assert info.answered_at is None


def test_the_submitter_never_sees_internal_notes(
    as_user, partner_deal, case_of, reviewer, second_reviewer, partner_a
):
    case = review_claim(case=case_of(partner_deal), actor=reviewer)
    case = review_recommend(
        case=case, actor=reviewer, outcome="reject", reasons="SECRET-RECOMMENDATION"
    )
    review_decide(
        case=case,
        actor=second_reviewer,
        outcome="reject",
        reasons="SECRET-REASONS",
        feedback="We cannot supply interception gateways without a court-order regime.",
    )
    html = as_user(partner_a).get(f"/deals/{partner_deal.pk}/").content.decode()
    assert "We cannot supply interception gateways" in html
    assert "SECRET" not in html
    assert f"/reviews/cases/{case.pk}/" not in html


def test_the_history_exports_as_csv(as_user, make_deal, case_of, reviewer):
    case = review_claim(case=case_of(make_deal("medium")), actor=reviewer)
    reader = as_user(reviewer)
    assert (
        reader.get(f"/reviews/cases/{case.pk}/history.csv")
        .content.decode()
        .startswith(
            "Event,When,Who,What,Object type"  # the header in words; codes for programs:
        )
    )
    r = reader.get(f"/reviews/cases/{case.pk}/history.csv?headers=codes")
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    rows = r.content.decode().splitlines()
    assert rows[0].startswith("event_id,when,actor,action")
    actions = [row.split(",")[3] for row in rows[1:]]
    assert (
        "opportunity.registered" in actions
        and "review_case.opened" in actions
        and "review_case.claim" in actions
    )


def test_conditions_page_for_owner_and_reviewer(
    as_user, client, approved_condition, sales_rep, reviewer, partner_b
):
    c = as_user(sales_rep)
    html = c.get("/reviews/conditions/").content.decode()
    assert "End-use and end-user certificate" in html and "Mark fulfilled" in html
    c.post(
        f"/reviews/conditions/{approved_condition.pk}/fulfil/", {"evidence_note": "Signed 2 March."}
    )
    approved_condition.refresh_from_db()
    assert approved_condition.status == "fulfilled"
    c.logout()
    assert "End-use" not in as_user(partner_b).get("/reviews/conditions/").content.decode()
    client.logout()
    c = as_user(reviewer)
    assert "Verify" in c.get("/reviews/conditions/").content.decode()
    c.post(f"/reviews/conditions/{approved_condition.pk}/verify/")
    approved_condition.refresh_from_db()
    assert approved_condition.status == "verified"


def test_the_inbox_counts_unread_and_marks_read(
    as_user, make_deal, case_of, reviewer, sales_rep, django_capture_on_commit_callbacks
):
    case = review_claim(case=case_of(make_deal("medium")), actor=reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        question = review_request_information(case=case, actor=reviewer, questions="Who uses it?")
    note = Notification.objects.get(recipient=sales_rep)
    c = as_user(sales_rep)
    html = c.get("/deals/").content.decode()
    assert 'id="unread-count"' in html
    assert "Compliance needs information" in c.get("/inbox/").content.decode()
    r = c.get(f"/inbox/{note.pk}/")
    assert r.status_code == 302 and r.url == f"/deals/{case.opportunity_id}/#question-{question.pk}"
    note.refresh_from_db()
    assert note.read_at is not None
    assert 'id="unread-count"' not in c.get("/deals/").content.decode()


def test_review_targets_are_edited_by_admins_only(as_user, client, admin_user, reviewer):
    assert as_user(reviewer).get("/reviews/settings/targets/").status_code == 403
    client.logout()
    c = as_user(admin_user)
    assert c.get("/reviews/settings/targets/").status_code == 200
    c.post(
        "/reviews/settings/targets/",
        {
            "tier": "high",
            "target_business_days": "8",
            "start_level": "1",
            "level_business_days": "3",
        },
    )
    from reviews.models import EscalationPolicy

    assert EscalationPolicy.objects.get(tier="high").target_business_days == 8


def test_the_queue_offers_claim_only_at_a_level_you_may_work(
    as_user, client, make_deal, case_of, reviewer, senior_reviewer
):
    case = case_of(make_deal("prohibited"))  # starts with the senior reviewers
    row = f'id="case-{case.pk}"'
    html = as_user(reviewer).get("/reviews/").content.decode()
    assert row in html and 'button class="claim"' not in html
    client.logout()
    assert 'button class="claim"' in as_user(senior_reviewer).get("/reviews/").content.decode()
