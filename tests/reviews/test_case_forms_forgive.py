"""Every reviewer form on the case page forgives like the decision form: a refused
submission comes back with each error beside its field in the form's words (marked
aria-invalid, aria-describedby naming the message), the form open, and what was typed kept."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from reviews.models import InformationRequest
from reviews.services import review_claim, review_recommend
from tests.fielderrors import invalid_fields

pytestmark = pytest.mark.django_db


def _refused(client, user, case, action: str, body: dict) -> str:
    """Post the form as `user`; the case page they come back to."""
    client.force_login(user)
    r = client.post(f"/reviews/cases/{case.pk}/{action}/", body)
    assert r.status_code == 302 and r["Location"] == f"/reviews/cases/{case.pk}/"
    return client.get(r["Location"]).content.decode()


def _partner_case(make_deal, case_of, reviewer, partner_a):
    deal = make_deal(
        "medium",
        actor=partner_a,
        channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
    )
    return review_claim(case=case_of(deal), actor=reviewer)


def test_questions_due_in_the_past_come_back_with_the_date_marked(
    client, make_deal, case_of, reviewer, partner_a
):
    case = _partner_case(make_deal, case_of, reviewer, partner_a)
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    body = {"questions": "Which sites?", "addressed_to": partner_a.pk, "due_date": yesterday}
    page = _refused(client, reviewer, case, "request-information", body)
    assert not InformationRequest.objects.exists()
    assert invalid_fields(page) == {"due_date": "Choose a date from today on."}
    assert 'id="request-information" open' in page
    assert ">Which sites?</textarea>" in page
    assert f'<option value="{partner_a.pk}" selected>' in page
    assert f'value="{yesterday}"' in page
    # shown once: the next visit offers an empty form again
    assert "Which sites?" not in client.get(f"/reviews/cases/{case.pk}/").content.decode()


def test_questions_left_out_and_a_date_not_understood_are_each_marked(
    client, make_deal, case_of, reviewer, partner_a
):
    case = _partner_case(make_deal, case_of, reviewer, partner_a)
    body = {"questions": "  ", "addressed_to": partner_a.pk, "due_date": "2026-13-45"}
    page = _refused(client, reviewer, case, "request-information", body)
    assert invalid_fields(page) == {
        "questions": "Write the questions you need answered.",
        "due_date": "Enter a date, such as 2026-12-31.",
    }
    assert 'value="2026-13-45"' in page and f'<option value="{partner_a.pk}" selected>' in page


def test_a_question_to_a_reviewer_is_marked_on_the_addressee(
    client, make_deal, case_of, reviewer, second_reviewer, partner_a
):
    case = _partner_case(make_deal, case_of, reviewer, partner_a)
    body = {"questions": "Which sites?", "addressed_to": second_reviewer.pk}
    page = _refused(client, reviewer, case, "request-information", body)
    assert invalid_fields(page) == {"addressed_to": "Choose the rep or a partner user."}
    assert ">Which sites?</textarea>" in page


def test_a_recommendation_without_reasons_keeps_the_outcome(client, make_deal, case_of, reviewer):
    case = review_claim(case=case_of(make_deal("high")), actor=reviewer)
    page = _refused(client, reviewer, case, "recommend", {"outcome": "reject", "reasons": " "})
    assert invalid_fields(page) == {"reasons": "Give the reasons for your recommendation."}
    assert 'id="recommend" open' in page
    recommend = page.split('id="recommend"')[1].split("</form>")[0]
    assert '<option value="reject" selected>' in recommend


def test_a_recommendation_of_no_known_outcome_keeps_the_reasons(
    client, make_deal, case_of, reviewer
):
    case = review_claim(case=case_of(make_deal("high")), actor=reviewer)
    body = {"outcome": "maybe", "reasons": "Civil research; statement on file."}
    page = _refused(client, reviewer, case, "recommend", body)
    assert invalid_fields(page) == {"outcome": "Choose one of the outcomes."}
    assert ">Civil research; statement on file.</textarea>" in page


def _recommended(make_deal, case_of, reviewer):
    case = review_claim(case=case_of(make_deal("high")), actor=reviewer)
    return review_recommend(case=case, actor=reviewer, outcome="approve", reasons="Fine.")


# each form of one written reason: the case it is offered on, and who writes it
REASON_FORMS = {
    "send-back": ("reason", "Say what needs another look.", "second_reviewer"),
    "escalate": ("reason", "Say why the case goes up a level.", "reviewer"),
    "clear-hard-stop": ("note", "Say why the hard stop is cleared.", "senior_reviewer"),
}
TOO_LONG = "Another look at the end user, please. " * 140  # over 5,000 characters


@pytest.mark.parametrize("action", list(REASON_FORMS))
def test_a_reason_left_out_or_too_long_is_marked_and_kept(
    request, client, make_deal, case_of, reviewer, action
):
    field, message, who = REASON_FORMS[action]
    user = request.getfixturevalue(who)
    if action == "send-back":
        case = _recommended(make_deal, case_of, reviewer)
    else:
        tier = "prohibited" if action == "clear-hard-stop" else "medium"
        case = review_claim(case=case_of(make_deal(tier)), actor=user)
    before = (case.status, case.escalation_level, case.hard_stop_cleared_at)
    page = _refused(client, user, case, action, {field: "  "})
    assert invalid_fields(page) == {field: message}
    assert f'id="{action}" open' in page
    page = _refused(client, user, case, action, {field: TOO_LONG})
    assert invalid_fields(page) == {field: "Keep it under 5,000 characters."}
    assert f">{TOO_LONG}</textarea>" in page
    case.refresh_from_db()
    assert (case.status, case.escalation_level, case.hard_stop_cleared_at) == before


def test_a_question_to_someone_no_longer_active_is_marked_not_sent_to_the_owner(
    client, make_deal, case_of, reviewer, partner_a
):
    case = _partner_case(make_deal, case_of, reviewer, partner_a)
    partner_a.is_active = False
    partner_a.save(update_fields=["is_active"])
    body = {"questions": "Which sites?", "addressed_to": partner_a.pk, "due_date": ""}
    page = _refused(client, reviewer, case, "request-information", body)
    assert not InformationRequest.objects.exists()
    assert invalid_fields(page) == {"addressed_to": "Choose someone from the list."}
    assert ">Which sites?</textarea>" in page
