"""Partner emails and inbox notifications in the language the partner chose."""

from __future__ import annotations

import pytest
from django.core import mail

from audit.models import AuditEvent
from reviews.models import Notification
from reviews.notifications import notifications_send
from reviews.services import review_claim, review_decide, review_request_information
from tests.reviews.conftest import open_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _deliver(action: str):
    notifications_send(
        event_ids=list(AuditEvent.objects.filter(action=action).values_list("pk", flat=True))
    )


def test_the_language_switcher_is_remembered_for_later_messages(client, partner_a):
    client.force_login(partner_a)
    client.post("/i18n/setlang/", {"language": "fr", "next": "/deals/"})
    client.get("/deals/")
    partner_a.refresh_from_db()
    assert partner_a.language == "fr"


def test_a_french_partner_gets_the_question_and_the_decision_in_french(
    partner_a, sales_rep, reviewer, catalogue
):
    from lifecycle.services import opportunity_register
    from tests.factories import deal_body
    from tests.reviews.conftest import TIER_DEALS

    partner_a.language, partner_a.email = "fr", "paula@alpha.example"
    partner_a.save()
    sales_rep.email = "rita@northwind.example"
    sales_rep.save()
    channel = [{"name": partner_a.organisation.name, "role": "reseller", "country": "DE"}]
    deal = opportunity_register(
        actor=sales_rep, data=deal_body(title="Caméras", channel=channel, **TIER_DEALS["medium"])
    ).opportunity
    case = review_claim(case=open_case(deal), actor=reviewer)
    review_request_information(
        case=case, actor=reviewer, questions="Qui exploite le système ?", addressed_to=partner_a
    )
    _deliver("review_case.request_information")
    asked = Notification.objects.get(recipient=partner_a, kind="review_case.request_information")
    assert asked.title == f"L'équipe conformité a besoin d'informations sur {deal.reference}"
    assert asked.body.startswith("Merci de répondre à ces questions")
    assert any(
        m.subject.endswith(asked.title) and "paula@alpha.example" in m.to for m in mail.outbox
    )

    from lifecycle.services import review_answer

    review_answer(
        information_request=case.information_requests.get(), actor=partner_a, answer="Le port."
    )
    case = open_case(deal)
    review_decide(
        case=case, actor=reviewer, outcome="reject", reasons="Internal.", feedback="Use is unclear."
    )
    _deliver("review_case.reject")
    french = Notification.objects.get(recipient=partner_a, kind="review_case.reject")
    english = Notification.objects.get(recipient=sales_rep, kind="review_case.reject")
    assert french.body.startswith(f"{deal.reference} Caméras a été refusée.")
    assert english.body.startswith(f"{deal.reference} Caméras was rejected.")
    assert (
        french.title == f"{deal.reference} refusée"
        and english.title == f"{deal.reference} rejected"
    )
