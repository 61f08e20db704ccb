"""Webhooks without a worker: what each audience receives, SSRF refusals, signatures,
retries to failure, redirects, replay. Deliveries are sent by calling the task's service
as the worker would."""

from __future__ import annotations

import json

import pytest

from hrdd.errors import ApplicationError, PermissionDenied
from outbox.models import OutboxMessage
from reviews.services import review_claim, review_decide, review_request_information
from tests.reviews.conftest import open_case
from webhooks.delivery import DeliveryFailed, webhook_deliver
from webhooks.models import WebhookDelivery
from webhooks.services import webhook_delivery_replay, webhook_endpoint_save
from webhooks.signing import signature_header, signature_verify

pytestmark = pytest.mark.django_db

ALL_EVENTS = [
    "deal.screened",
    "deal.tier_changed",
    "case.decided",
    "information.requested",
    "condition.overdue",
]


@pytest.fixture(autouse=True)
def _no_broker(settings, monkeypatch):
    """Deliveries are sent by the test (as the worker would), not through a broker."""
    monkeypatch.setattr("outbox.services.outbox_send", lambda message: True)


def send_all(**kwargs) -> list[WebhookDelivery]:
    sent = []
    for d in WebhookDelivery.objects.filter(status="pending", **kwargs).order_by("id"):
        try:
            webhook_deliver(delivery_id=d.pk)
        except DeliveryFailed:
            pass
        sent.append(WebhookDelivery.objects.get(pk=d.pk))
    return sent


@pytest.fixture
def make_deal(sales_rep, catalogue):
    from lifecycle.services import opportunity_register
    from tests.factories import deal_body
    from tests.reviews.conftest import TIER_DEALS

    def build(tier="medium", *, actor=None, **overrides):
        body = deal_body(title=f"A {tier} deal", **{**TIER_DEALS[tier], **overrides})
        return opportunity_register(actor=actor or sales_rep, data=body).opportunity

    return build


def test_a_partners_endpoint_gets_only_the_partner_projection(
    receiver_factory, admin_user, reviewer, partner_a, reseller_a, reseller_b, make_deal
):
    vendor_crm, partner_crm, other_crm = receiver_factory(), receiver_factory(), receiver_factory()
    webhook_endpoint_save(actor=admin_user, name="Vendor", url=vendor_crm.url, events=ALL_EVENTS)
    webhook_endpoint_save(
        actor=admin_user,
        name="Alpha CRM",
        url=partner_crm.url,
        events=ALL_EVENTS,
        organisation=reseller_a,
    )
    webhook_endpoint_save(
        actor=admin_user,
        name="Bravo CRM",
        url=other_crm.url,
        events=ALL_EVENTS,
        organisation=reseller_b,
    )
    deal = make_deal("medium", actor=partner_a)
    case = review_claim(case=open_case(deal), actor=reviewer)
    review_decide(
        case=case,
        actor=reviewer,
        outcome="approve",
        reasons="INTERNAL: SOE checked.",
        feedback="Go ahead.",
    )
    send_all()

    partner_events = [json.loads(r["body"]) for r in partner_crm.requests]
    assert [e["type"] for e in partner_events] == ["deal.screened", "case.decided"]
    decided = partner_events[-1]["data"]
    assert decided["outcome"] == "approve" and decided["feedback"] == "Go ahead."
    raw = b"".join(r["body"] for r in partner_crm.requests)
    assert b"INTERNAL" not in raw and b"reasoning" not in raw and b"reviewer" not in raw
    assert decided["deal"]["id"] == deal.pk
    # the deal as the partner's own API answer shows it
    from opportunities.selectors import opportunity_get
    from opportunities.serializers import opportunity_out

    seen = opportunity_out(opportunity_get(user=partner_a, pk=deal.pk), partner_a)
    assert decided["deal"] == json.loads(json.dumps(seen, default=str))
    # another partner, not in this deal's channel, hears nothing of it
    assert other_crm.requests == []
    vendor_decided = json.loads(vendor_crm.requests[-1]["body"])["data"]
    assert vendor_decided["reasons"] == "INTERNAL: SOE checked."


def test_a_question_to_the_rep_does_not_reach_the_partners_systems(
    receiver_factory, admin_user, reviewer, sales_rep, partner_a, reseller_a, make_deal
):
    partner_crm = receiver_factory()
    webhook_endpoint_save(
        actor=admin_user,
        name="Alpha CRM",
        url=partner_crm.url,
        events=["information.requested"],
        organisation=reseller_a,
    )
    channel = [{"name": reseller_a.name, "role": "reseller", "country": reseller_a.country}]
    deal = make_deal("medium", channel=channel)  # the rep's deal, the partner in its channel
    case = review_claim(case=open_case(deal), actor=reviewer)
    review_request_information(
        case=case, actor=reviewer, questions="Who operates it?", addressed_to=sales_rep
    )
    send_all()
    assert partner_crm.requests == []
    case = review_claim(case=open_case(make_deal("medium", channel=channel)), actor=reviewer)
    review_request_information(
        case=case, actor=reviewer, questions="Your site visit notes?", addressed_to=partner_a
    )
    send_all()
    [asked] = [json.loads(r["body"]) for r in partner_crm.requests]
    assert asked["data"]["questions"] == "Your site visit notes?"
    assert "addressed_to" not in asked["data"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/hook",
        "https://localhost/hook",
        "https://10.1.2.3/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/hook",
        "https://[::ffff:192.168.0.1]/hook",
        "https://0.0.0.0/hook",
        "ftp://crm.example.com/hook",
        "https://user:pass@crm.example.com/hook",
    ],
)
def test_it_refuses_receivers_inside_the_network(url, admin_user, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(ApplicationError) as exc:
        webhook_endpoint_save(actor=admin_user, name="x", url=url, events=["case.decided"])
    assert "url" in exc.value.errors


def test_a_receiver_moved_to_a_private_address_is_refused_at_send_time(
    receiver_factory, admin_user, reviewer, make_deal, settings
):
    crm = receiver_factory()
    endpoint = webhook_endpoint_save(
        actor=admin_user, name="CRM", url=crm.url, events=["deal.screened"]
    )
    make_deal("low")
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False  # e.g. its name now resolves inside
    [delivery] = send_all(endpoint=endpoint)
    assert crm.requests == []
    assert "private" in delivery.log.get().error


def test_only_admins_register_endpoints(reviewer, partner_a):
    for user in (reviewer, partner_a):
        with pytest.raises(PermissionDenied):
            webhook_endpoint_save(
                actor=user, name="x", url="https://crm.example.com/h", events=["case.decided"]
            )


def test_a_receiver_that_keeps_failing_ends_failed_and_can_be_replayed(
    receiver_factory, admin_user, make_deal, settings
):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    crm = receiver_factory(fail_first=3)
    webhook_endpoint_save(actor=admin_user, name="CRM", url=crm.url, events=["deal.screened"])
    make_deal("low")
    delivery = WebhookDelivery.objects.get()
    for _ in range(3):
        try:
            webhook_deliver(delivery_id=delivery.pk)
        except DeliveryFailed:
            pass
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", 3)
    assert list(delivery.log.values_list("status_code", flat=True)) == [503, 503, 503]

    copy = webhook_delivery_replay(actor=admin_user, delivery=delivery)
    assert OutboxMessage.objects.filter(
        task="webhooks.tasks.webhook_deliver", args=[copy.pk]
    ).exists()
    webhook_deliver(delivery_id=copy.pk)
    copy.refresh_from_db()
    assert copy.status == "delivered"
    assert copy.event_id == delivery.event_id and copy.body == delivery.body
    assert crm.requests[-1]["body"] == crm.requests[0]["body"]


def test_a_redirect_is_not_followed(receiver_factory, admin_user, make_deal):
    elsewhere = receiver_factory()
    crm = receiver_factory(answers=[(302, {"Location": elsewhere.url})])
    webhook_endpoint_save(actor=admin_user, name="CRM", url=crm.url, events=["deal.screened"])
    make_deal("low")
    [delivery] = send_all()
    assert delivery.status == "pending" and delivery.log.get().status_code == 302
    assert elsewhere.requests == []


def test_a_rolled_back_change_sends_nothing(receiver_factory, admin_user, make_deal):
    from django.db import transaction

    crm = receiver_factory()
    webhook_endpoint_save(actor=admin_user, name="CRM", url=crm.url, events=["deal.screened"])
    with pytest.raises(RuntimeError), transaction.atomic():
        make_deal("low")
        raise RuntimeError("the registration failed after screening")
    assert not WebhookDelivery.objects.exists()


def test_signatures_refuse_tampering_and_old_timestamps():
    body = b'{"type":"case.decided"}'
    header = signature_header(secret="whsec_s", body=body, timestamp=1_000_000)
    assert signature_verify(secret="whsec_s", body=body, header=header, now=1_000_100)
    assert not signature_verify(secret="whsec_s", body=body + b" ", header=header, now=1_000_100)
    assert not signature_verify(secret="whsec_s", body=body, header=header, now=1_000_400)
    assert not signature_verify(secret="whsec_s", body=body, header="v1=abc", now=1_000_100)


def test_a_tier_change_only_a_hidden_cause_explains_is_not_sent_to_a_partner(
    receiver_factory, admin_user, partner_a, reseller_a, make_deal
):
    """E.g. a restricted-party match raises the real tier while the tier partners are
    shown stays: the vendor's systems hear of it, the partner's do not (no tipping off)."""
    from types import SimpleNamespace

    from lifecycle.announce import screening_announce

    vendor_crm, partner_crm = receiver_factory(), receiver_factory()
    webhook_endpoint_save(
        actor=admin_user, name="Vendor", url=vendor_crm.url, events=["deal.tier_changed"]
    )
    webhook_endpoint_save(
        actor=admin_user,
        name="Alpha CRM",
        url=partner_crm.url,
        events=["deal.tier_changed"],
        organisation=reseller_a,
    )
    deal = make_deal("medium", actor=partner_a)
    version = SimpleNamespace(number=1)
    before = SimpleNamespace(tier="medium", shown_tier="medium", score=10, criteria_version=version)
    hidden = SimpleNamespace(
        tier="prohibited", shown_tier="medium", score=99, criteria_version=version
    )
    screening_announce(deal, hidden, before, trigger="restricted_party_list")
    send_all()
    assert partner_crm.requests == []
    [event] = [json.loads(r["body"]) for r in vendor_crm.requests]
    assert (event["data"]["previous_tier"], event["data"]["tier"]) == ("medium", "prohibited")
    # a change partners can see reaches them, in the tier they are shown
    shown = SimpleNamespace(tier="high", shown_tier="high", score=40, criteria_version=version)
    screening_announce(deal, shown, before, trigger="change")
    send_all()
    [event] = [json.loads(r["body"]) for r in partner_crm.requests]
    assert (event["data"]["previous_tier"], event["data"]["tier"]) == ("medium", "high")
    assert "score" not in event["data"]
