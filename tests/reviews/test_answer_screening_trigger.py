"""A partner's answer to an information request screens the deal again with the answer read
("answer_read"), not as "Deal changed": the deal's other channel partners (a distributor
above the reseller) must not hear that compliance is asking about the deal. Their
endpoints hear of such a screening, as a `recheck`, only when what they are shown moved;
the vendor's endpoints hear every one with its true trigger."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from audit.models import AuditEvent
from restricted_parties.services import sample_list_load
from reviews.probing import ACTION as PROBING_REPORTED
from reviews.services import review_claim, review_request_information
from rules.models import Screening
from tests.webhooks.conftest import Receiver
from webhooks.delivery import DeliveryFailed, webhook_deliver
from webhooks.models import WebhookDelivery
from webhooks.services import webhook_endpoint_save

pytestmark = pytest.mark.django_db

DISTRIBUTOR = {"name": "Danube Distribution GmbH", "role": "distributor", "country": "AT"}
ALPHA = {"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}
LABEL = "An answer to an information request was read"
PLAIN_ANSWER = "University researchers run climate models on the cluster."
RED_FLAG_ANSWER = "The customer wants to locate the phones of protesters."


@pytest.fixture(autouse=True)
def _no_broker(monkeypatch):
    """Deliveries are sent by the test, as the worker would, not through a broker."""
    monkeypatch.setattr("outbox.services.outbox_send", lambda message: True)


@pytest.fixture
def receivers(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    settings.WEBHOOK_ALLOW_HTTP = True
    made: list[Receiver] = []
    yield lambda: made.append(Receiver()) or made[-1]
    for r in made:
        r.stop()


@pytest.fixture
def distributor(db):
    from accounts.models import User
    from partners.models import Organisation
    from tests.factories import UserFactory

    org = Organisation.objects.create(
        name=DISTRIBUTOR["name"], country=DISTRIBUTOR["country"], role="distributor"
    )
    return UserFactory(username="dana_distributor", role=User.Role.PARTNER_USER, organisation=org)


@pytest.fixture
def asked(make_deal, case_of, reviewer, partner_a, distributor):
    """A deal in review through Danube and Alpha, compliance asking Alpha a question."""
    deal = make_deal("medium", channel=[DISTRIBUTOR, ALPHA], title="Cluster via Danube")
    case = review_claim(case=case_of(deal), actor=reviewer)
    question = review_request_information(
        case=case,
        actor=reviewer,
        questions="Who will use it, and for what?",
        addressed_to=partner_a,
    )
    return deal, case, question


@pytest.fixture
def endpoints(receivers, admin_user, distributor):
    vendor, danube = receivers(), receivers()
    webhook_endpoint_save(
        actor=admin_user,
        name="Vendor CRM",
        url=vendor.url,
        events=["deal.screened", "deal.tier_changed"],
    )
    webhook_endpoint_save(
        actor=admin_user,
        name="Danube CRM",
        url=danube.url,
        events=["deal.screened", "deal.tier_changed"],
        organisation=distributor.organisation,
    )
    WebhookDelivery.objects.all().delete()  # only what the answer causes
    return vendor, danube


def _answer_by_api(api, partner, case, text) -> None:
    r = api.as_user(partner).post(
        f"/api/v1/reviews/cases/{case.pk}/answer/", {"answer": text}, format="json"
    )
    assert r.status_code == 200, r.content


def _answer_by_form(client, partner, question, text) -> None:
    client.force_login(partner)
    r = client.post(f"/reviews/requests/{question.pk}/answer/", {"answer": text})
    assert r.status_code == 302, r.content


def _received(receiver: Receiver) -> list[dict]:
    for d in WebhookDelivery.objects.filter(status="pending").order_by("id"):
        try:
            webhook_deliver(delivery_id=d.pk)
        except DeliveryFailed:
            pass
    return [json.loads(r["body"]) for r in receiver.requests]


def test_a_distributor_does_not_hear_that_the_reseller_answered_compliance(
    asked, endpoints, api, partner_a, distributor
):
    deal, case, _question = asked
    vendor, danube = endpoints
    shown_before = deal.current_screening.shown_tier

    _answer_by_api(api, partner_a, case, PLAIN_ANSWER)

    deal.refresh_from_db()
    assert deal.current_screening.shown_tier == shown_before, "nothing partners see moved"
    assert _received(danube) == [], "the distributor's systems hear nothing"
    [screened] = [e for e in _received(vendor) if e["type"] == "deal.screened"]
    assert screened["data"]["trigger"] == "answer_read"
    # compliance reads it in its own words
    assert deal.current_screening.get_trigger_display() == LABEL
    assert dict(Screening.Trigger.choices)["update"] == "Deal changed"


def test_an_answer_that_raises_the_tier_partners_see_reaches_them_as_a_recheck(
    asked, endpoints, client, partner_a
):
    deal, _case, question = asked
    vendor, danube = endpoints
    shown_before = deal.current_screening.shown_tier

    _answer_by_form(client, partner_a, question, RED_FLAG_ANSWER)

    deal.refresh_from_db()
    shown_now = deal.current_screening.shown_tier
    assert shown_now != shown_before, deal.current_screening.findings
    heard = {e["type"]: e["data"] for e in _received(danube)}
    assert set(heard) == {"deal.screened", "deal.tier_changed"}
    assert heard["deal.screened"]["trigger"] == "recheck"
    assert (heard["deal.screened"]["previous_tier"], heard["deal.screened"]["tier"]) == (
        shown_before,
        shown_now,
    )
    raw = json.dumps(heard)
    assert "answer_read" not in raw and "phones of protesters" not in raw
    told_vendor = {e["type"]: e["data"] for e in _received(vendor)}
    assert told_vendor["deal.screened"]["trigger"] == "answer_read"


def test_the_screened_on_date_partners_read_does_not_move_for_an_answer(
    asked, api, client, partner_a, distributor, reviewer
):
    """Nor does the deal's page or API show the answer's trigger to partners: the date a
    partner reads stays that of the last screening it could tell apart."""
    deal, case, _question = asked

    def reads(user) -> tuple[str, str, str]:
        body = api.as_user(user).get(f"/api/v1/opportunities/{deal.pk}/")
        assert body.status_code == 200
        client.force_login(user)
        page = client.get(f"/deals/{deal.pk}/").content.decode()
        basis = re.search(r'class="screening-basis".*?</section>', page, re.S)
        assert LABEL not in page and "answer_read" not in page
        assert "answer_read" not in body.content.decode()
        data = body.json()
        return (
            data["screening_basis"]["screened_at"],
            data["screening"]["screened_at"],
            basis.group(0) if basis else "",
        )

    before = {u.username: reads(u) for u in (distributor, partner_a)}
    compliance_before = reads(reviewer)[1]
    with time_machine.travel(timezone.now() + timedelta(days=1, hours=3), tick=False):
        _answer_by_api(api, partner_a, case, PLAIN_ANSWER)
    for user in (distributor, partner_a):
        assert reads(user) == before[user.username], user.username
    assert reads(reviewer)[1] != compliance_before, "compliance reads the new screening"
    deal.refresh_from_db()
    assert deal.current_screening.trigger == "answer_read"


def test_answering_questions_on_a_held_deal_is_not_probing_the_lists(
    settings, api, catalogue, partner_a, senior_reviewer, case_of
):
    """An answer names no party: its screening repeats the deal's restricted-party match,
    so two answers on one matched deal are not three matches of a prober."""
    from tests.factories import deal_body

    settings.RP_PROBING_THRESHOLD = 3
    settings.RP_PROBING_WINDOW_HOURS = 24
    sample_list_load()
    body = deal_body(
        channel=[{"name": "Gulf Horizon Trading LLC", "role": "distributor", "country": "AE"}]
    )
    r = api.as_user(partner_a).post("/api/v1/opportunities/", body, format="json")
    assert r.status_code == 201, r.content
    deal_id = r.json()["id"]
    case = review_claim(case=case_of(deal_id), actor=senior_reviewer)
    for question in ("Who owns the distributor?", "Who else is in the chain?"):
        review_request_information(
            case=case, actor=senior_reviewer, questions=question, addressed_to=partner_a
        )
        _answer_by_api(api, partner_a, case, "A family business in Dubai, as far as we know.")
        case.refresh_from_db()
    assert (
        Screening.objects.filter(opportunity_id=deal_id, restricted_party_matched=True).count() == 3
    )
    assert not AuditEvent.objects.filter(action=PROBING_REPORTED).exists()
