"""Messages about a deal reach only people who may still see it: a partner dropped from
the deal's channel after it was asked a question hears nothing more of the deal (not the
decision, nor the feedback written for the submitters), in the inbox or by email."""

from __future__ import annotations

import pytest
from django.core import mail

from audit.models import AuditEvent
from lifecycle.services import opportunity_update, review_answer
from opportunities.policies import opportunities_visible_to
from reviews.models import Notification
from reviews.notifications import notifications_send
from reviews.services import review_claim, review_decide, review_request_information
from tests.factories import deal_body
from tests.reviews.conftest import TIER_DEALS

pytestmark = pytest.mark.django_db

ALPHA = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
ZETA = [{"name": "Zeta Reseller GmbH", "role": "reseller", "country": "DE"}]
FEEDBACK = "Zeta must not resell to the ministry's surveillance unit."


def _send_all() -> None:
    notifications_send(event_ids=AuditEvent.objects.values_list("pk", flat=True))


def _heard(user) -> str:
    inbox = " ".join(
        f"{t} {b}"
        for t, b in Notification.objects.filter(recipient=user).values_list("title", "body")
    )
    emails = " ".join(f"{m.subject} {m.body}" for m in mail.outbox if user.email in m.to)
    return f"{inbox} {emails}"


def test_a_partner_dropped_from_the_channel_hears_nothing_of_the_decision(
    make_deal, case_of, reviewer, sales_rep, partner_a
):
    deal = make_deal("medium", title="Campus GPUs", channel=ALPHA)
    case = review_claim(case=case_of(deal), actor=reviewer)
    question = review_request_information(
        case=case, actor=reviewer, questions="Who uses the cluster?", addressed_to=partner_a
    )
    review_answer(information_request=question, actor=partner_a, answer="The university.")
    # The rep moves the deal to another reseller: Alpha no longer sees it.
    body = deal_body(title="Campus GPUs", **{**TIER_DEALS["medium"], "channel": ZETA})
    opportunity_update(actor=sales_rep, opportunity=deal, data=body)
    assert not opportunities_visible_to(partner_a).filter(pk=deal.pk).exists()
    _send_all()
    mail.outbox.clear()

    review_decide(
        case=case_of(deal),
        actor=reviewer,
        outcome="reject",
        reasons="Mass surveillance risk.",
        feedback=FEEDBACK,
    )
    _send_all()

    assert FEEDBACK not in _heard(partner_a)
    assert not Notification.objects.filter(recipient=partner_a, kind="review_case.reject").exists()
    # The rep, who still sees the deal, is told (the control).
    assert FEEDBACK in _heard(sales_rep)
