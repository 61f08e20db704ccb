"""Notifying the competent authority: awareness, draft, edit, sent, answered; the deal is
held (blocked) until the answer, and partners and reps only ever read "In compliance review"."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from hrdd.errors import Conflict, PermissionDenied
from opportunities.models import Opportunity
from records.authority import (
    authority_answer_record,
    authority_awareness_record,
    authority_notification_mark_sent,
)
from records.models import AuthorityNotification
from reviews.services import review_claim, review_decide

pytestmark = pytest.mark.django_db
S = Opportunity.Status
REASON = "A press report names the end user's unit in the arrest of protesters."


def _aware(client, user, deal, reason=REASON):
    client.force_login(user)
    return client.post(f"/records/deals/{deal.pk}/authority/aware/", {"reason": reason})


def test_the_whole_lifecycle_holds_the_deal_until_the_answer(
    client, reviewer, sales_rep, partner_a, decided_deal
):
    assert decided_deal.status == S.APPROVED_WITH_CONDITIONS
    _aware(client, reviewer, decided_deal)
    notice = AuthorityNotification.objects.get()
    decided_deal.refresh_from_db()
    assert decided_deal.status == S.BLOCKED
    assert notice.status == "draft" and notice.status_before == S.APPROVED_WITH_CONDITIONS
    # drafted from the case: exporter, items, end user, end use, where, what is known
    for expected in (
        "Exporter: Northwind Networks",
        "GPU cluster",
        "Gulf Research Co",
        "research_education",
        "delivery to AE",
        REASON,
    ):
        assert expected in notice.body

    # partners and reps see neutral wording, never the notification
    for user in (sales_rep, partner_a):
        client.force_login(user)
        page = client.get(f"/deals/{decided_deal.pk}/").content.decode()
        assert "In compliance review" in page
        assert "authority" not in page.lower() and "Blocked" not in page
        assert client.get(f"/records/authority/{notice.pk}/").status_code in (403, 404)

    client.force_login(reviewer)
    record_page = client.get(f"/records/deals/{decided_deal.pk}/").content.decode()
    assert f"held until the competent authority&#x27;s answer to {notice.reference}" in record_page
    url = f"/records/authority/{notice.pk}/"
    assert client.get(url).status_code == 200
    client.post(
        url,
        {"authority": "BAFA", "subject": "Art. 5 notification", "body": notice.body + "\nEdited."},
    )
    notice.refresh_from_db()
    assert notice.authority == "BAFA" and notice.body.endswith("Edited.")
    today = timezone.localdate()
    client.post(f"{url}sent/", {"sent_on": today.isoformat(), "reference": "BAFA-2026-0042"})
    notice.refresh_from_db()
    assert notice.status == "sent" and notice.sent_reference == "BAFA-2026-0042"
    # what was sent is kept as sent
    client.post(url, {"authority": "X", "subject": "Y", "body": "Z"})
    notice.refresh_from_db()
    assert notice.authority == "BAFA"
    decided_deal.refresh_from_db()
    assert decided_deal.status == S.BLOCKED

    client.post(
        f"{url}answer/",
        {
            "outcome": "no_objection",
            "received_on": today.isoformat(),
            "answer": "No objection to the export.",
        },
    )
    notice.refresh_from_db()
    decided_deal.refresh_from_db()
    assert notice.status == "answered" and notice.answered_by == reviewer
    assert decided_deal.status == S.APPROVED_WITH_CONDITIONS
    actions = list(
        AuditEvent.objects.filter(opportunity_id=decided_deal.pk, action__startswith="authority.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "authority.awareness_recorded",
        "authority.edit",
        "authority.send",
        "authority.answer",
    ]
    moves = AuditEvent.objects.filter(
        opportunity_id=decided_deal.pk, action__startswith="opportunity.authority"
    )
    assert [(e.action, e.to_state) for e in moves.order_by("id")] == [
        ("opportunity.authority_hold", S.BLOCKED),
        ("opportunity.authority_release", S.APPROVED_WITH_CONDITIONS),
    ]


def test_a_held_deal_cannot_be_decided_or_rerouted(reviewer, make_deal, case_of):
    deal = make_deal("medium")
    case = review_claim(case=case_of(deal), actor=reviewer)
    authority_awareness_record(actor=reviewer, opportunity=deal, reason=REASON)
    with pytest.raises(Conflict, match="held until the competent authority"):
        review_decide(case=case, actor=reviewer, outcome="approve", reasons="Fine.")
    deal.refresh_from_db()
    case.refresh_from_db()
    assert deal.status == S.BLOCKED and case.is_open


def test_a_prohibition_rejects_the_deal(reviewer, decided_deal):
    notice = authority_awareness_record(actor=reviewer, opportunity=decided_deal, reason=REASON)
    today = timezone.localdate()
    authority_notification_mark_sent(
        actor=reviewer, notification=notice, sent_on=today, reference="R-1"
    )
    authority_answer_record(
        actor=reviewer,
        notification=notice,
        outcome="prohibited",
        answer="Authorisation refused.",
        received_on=today,
    )
    decided_deal.refresh_from_db()
    assert decided_deal.status == S.REJECTED


def test_the_answer_waits_for_the_sending_and_dates_are_checked(reviewer, decided_deal):
    notice = authority_awareness_record(actor=reviewer, opportunity=decided_deal, reason=REASON)
    today = timezone.localdate()
    with pytest.raises(Conflict):
        authority_answer_record(
            actor=reviewer,
            notification=notice,
            outcome="no_objection",
            answer="Early.",
            received_on=today,
        )
    with pytest.raises(Exception, match="not in the future"):
        authority_notification_mark_sent(
            actor=reviewer, notification=notice, sent_on=today + timedelta(days=1), reference="R"
        )
    with pytest.raises(Conflict, match="already open"):
        authority_awareness_record(actor=reviewer, opportunity=decided_deal, reason="Again.")


def test_awareness_needs_a_reason(client, reviewer, decided_deal):
    _aware(client, reviewer, decided_deal, reason="   ")
    assert not AuthorityNotification.objects.exists()
    decided_deal.refresh_from_db()
    assert decided_deal.status == S.APPROVED_WITH_CONDITIONS


@pytest.mark.parametrize("persona", ["sales_rep", "teammate", "partner_a", "partner_b", "outsider"])
def test_partners_and_reps_cannot_record_or_touch_a_notification(
    client, request, persona, reviewer, decided_deal
):
    user = request.getfixturevalue(persona)
    assert _aware(client, user, decided_deal).status_code in (403, 404)
    assert not AuthorityNotification.objects.exists()
    with pytest.raises(PermissionDenied):
        authority_awareness_record(actor=user, opportunity=decided_deal, reason=REASON)
    notice = authority_awareness_record(actor=reviewer, opportunity=decided_deal, reason=REASON)
    client.force_login(user)
    for url, body in [
        (f"/records/authority/{notice.pk}/", {"authority": "x", "subject": "y", "body": "z"}),
        (f"/records/authority/{notice.pk}/sent/", {"sent_on": "2026-01-01", "reference": "r"}),
        (f"/records/authority/{notice.pk}/answer/", {"outcome": "no_objection"}),
    ]:
        assert client.post(url, body).status_code in (403, 404)
    notice.refresh_from_db()
    assert notice.status == "draft" and notice.authority != "x"


def test_a_rep_moving_a_held_deal_is_told_nothing_about_the_authority(
    reviewer, sales_rep, decided_deal
):
    from opportunities.workflow import opportunity_transition

    authority_awareness_record(actor=reviewer, opportunity=decided_deal, reason=REASON)
    decided_deal.refresh_from_db()
    with pytest.raises(Conflict) as refused:
        opportunity_transition(
            opportunity=decided_deal, transition="withdraw", to=S.WITHDRAWN, actor=sales_rep
        )
    assert refused.value.message == "The deal is in compliance review and cannot change now."
    with pytest.raises(Conflict, match="AN-"):
        opportunity_transition(
            opportunity=decided_deal, transition="withdraw", to=S.WITHDRAWN, actor=reviewer
        )
    decided_deal.refresh_from_db()
    assert decided_deal.status == S.BLOCKED


def test_a_held_deal_edited_by_its_rep_is_rescreened_but_stays_held(
    reviewer, sales_rep, decided_deal
):
    from lifecycle.services import opportunity_update
    from tests.factories import deal_body
    from tests.reviews.conftest import TIER_DEALS

    from .conftest import ALPHA

    authority_awareness_record(actor=reviewer, opportunity=decided_deal, reason=REASON)
    screenings = decided_deal.screenings.count()
    # a material change (a police end user) would reopen a decided deal; held, it stays put
    body = deal_body(**{**TIER_DEALS["medium"], "channel": ALPHA, "title": "Renamed by the rep"})
    body["end_customer"] = {**body["end_customer"], "type": "police"}
    opportunity_update(opportunity=decided_deal, actor=sales_rep, data=body)
    decided_deal.refresh_from_db()
    assert decided_deal.status == S.BLOCKED and decided_deal.title == "Renamed by the rep"
    assert decided_deal.screenings.count() == screenings + 1
