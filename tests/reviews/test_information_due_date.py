"""Questions to a rep or partner carry the date their answer is due by: shown on the deal
page to the partner and the rep, on the case page and in the inbox, whose item opens the
deal page at the question itself."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from reviews.models import InformationRequest, Notification
from reviews.services import review_claim
from taxonomy import words

pytestmark = pytest.mark.django_db


def _ask(client, reviewer, case, **extra):
    client.force_login(reviewer)
    body = {"questions": "Which sites will run it?", **extra}
    return client.post(f"/reviews/cases/{case.pk}/request-information/", body, follow=True)


def _claimed(make_deal, case_of, reviewer, partner_a):
    deal = make_deal(
        "medium",
        actor=partner_a,
        channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
    )
    return review_claim(case=case_of(deal), actor=reviewer)


def test_the_partner_and_the_rep_read_when_the_answer_is_due(
    client, make_deal, case_of, reviewer, partner_a, sales_rep
):
    case = _claimed(make_deal, case_of, reviewer, partner_a)
    due = timezone.localdate() + dt.timedelta(days=9)
    _ask(client, reviewer, case, addressed_to=partner_a.pk, due_date=due.isoformat())
    question = InformationRequest.objects.get()
    assert question.due_date == due
    day = words.day(due)
    for user in (partner_a, case.opportunity.owner):
        client.force_login(user)
        page = client.get(f"/deals/{case.opportunity_id}/").content.decode()
        banner = page.split('id="standing"')[1].split("</section>")[0]
        assert re.search(rf'id="question-{question.pk}"[^>]*>Which sites will run it\?', banner)
        assert f"Please answer by <strong>{day}</strong>" in banner
    client.force_login(reviewer)
    assert (
        f'answer due by <span class="due-date">{day}</span>'
        in client.get(f"/reviews/cases/{case.pk}/").content.decode()
    )


def test_the_inbox_item_names_the_due_date_and_opens_the_question(
    client, make_deal, case_of, reviewer, partner_a, django_capture_on_commit_callbacks
):
    case = _claimed(make_deal, case_of, reviewer, partner_a)
    due = timezone.localdate() + dt.timedelta(days=9)
    with django_capture_on_commit_callbacks(execute=True):  # the notification task, inline
        _ask(client, reviewer, case, addressed_to=partner_a.pk, due_date=due.isoformat())
    question = InformationRequest.objects.get()
    note = Notification.objects.get(recipient=partner_a, title__startswith="Compliance needs")
    client.force_login(partner_a)
    inbox = client.get("/inbox/").content.decode()
    assert f"Please answer by {words.day(due)}" in inbox
    r = client.get(f"/inbox/{note.pk}/")
    assert r.status_code == 302
    assert r["Location"] == f"/deals/{case.opportunity_id}/#question-{question.pk}"


def test_without_a_date_the_answer_is_due_in_five_business_days(
    client, make_deal, case_of, reviewer, partner_a
):
    from reviews.business_days import business_days_between

    case = _claimed(make_deal, case_of, reviewer, partner_a)
    _ask(client, reviewer, case, addressed_to=partner_a.pk)
    question = InformationRequest.objects.get()
    assert business_days_between(timezone.localdate(), question.due_date) == 5


def test_an_answer_cannot_be_due_in_the_past(client, make_deal, case_of, reviewer, partner_a):
    case = _claimed(make_deal, case_of, reviewer, partner_a)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    r = _ask(client, reviewer, case, addressed_to=partner_a.pk, due_date=yesterday.isoformat())
    assert "cannot be due in the past" in r.content.decode()
    assert not InformationRequest.objects.exists()
