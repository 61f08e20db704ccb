"""Admins register endpoints and replay deliveries in the Django admin; the admin goes
through the same services (address check, audit)."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.services import webhook_endpoint_save

pytestmark = pytest.mark.django_db
ADD = "/admin/webhooks/webhookendpoint/add/"


@pytest.fixture
def staff_admin(admin_user):
    admin_user.is_staff = True
    admin_user.save()
    return admin_user


def _form(url: str) -> dict:
    return {
        "name": "Salesforce",
        "url": url,
        "events": ["case.decided", "deal.screened"],
        "organisation": "",
        "active": "on",
    }


def test_an_admin_registers_an_endpoint_and_it_is_audited(client, staff_admin):
    client.force_login(staff_admin)
    r = client.post(ADD, _form("https://93.184.215.14/hooks"))
    assert r.status_code == 302, r.content.decode()[:2000]
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["case.decided", "deal.screened"]
    assert endpoint.secret.startswith("whsec_") and endpoint.created_by == staff_admin
    assert AuditEvent.objects.filter(action="webhook_endpoint.created").exists()
    assert (
        endpoint.secret
        in client.get(f"/admin/webhooks/webhookendpoint/{endpoint.pk}/change/").content.decode()
    )


def test_the_admin_form_refuses_an_internal_address(client, staff_admin):
    client.force_login(staff_admin)
    r = client.post(ADD, _form("https://192.168.1.10/hooks"))
    assert r.status_code == 200 and "private, loopback or reserved" in r.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_staff_without_the_admin_role_cannot_see_webhooks(client, reviewer):
    reviewer.is_staff = True
    reviewer.save()
    client.force_login(reviewer)
    assert client.get("/admin/webhooks/webhookendpoint/").status_code == 403
    assert client.get("/admin/webhooks/webhookdelivery/").status_code == 403


def test_the_replay_action_queues_a_copy(client, staff_admin, settings, monkeypatch):
    monkeypatch.setattr("outbox.services.outbox_send", lambda message: True)
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    endpoint = webhook_endpoint_save(
        actor=staff_admin, name="CRM", url="https://10.0.0.5/h", events=["deal.screened"]
    )
    original = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event="deal.screened",
        event_id="evt_x",
        opportunity_id=1,
        body="{}",
        status="failed",
    )
    client.force_login(staff_admin)
    r = client.post(
        "/admin/webhooks/webhookdelivery/", {"action": "replay", "_selected_action": [original.pk]}
    )
    assert r.status_code == 302
    copy = WebhookDelivery.objects.exclude(pk=original.pk).get()
    assert (copy.replay_of, copy.event_id, copy.body, copy.status) == (
        original,
        "evt_x",
        "{}",
        "pending",
    )
    assert AuditEvent.objects.filter(action="webhook_delivery.replayed").exists()
