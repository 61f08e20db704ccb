"""Sending one delivery: build its body once, sign it, POST it, log the answer.

Runs in a worker (`webhooks.tasks.webhook_deliver`). A refusal or an error raises, so the outbox
tries again later with a growing delay (OUTBOX_LEASE_SECONDS doubled per attempt, up to an
hour) until OUTBOX_MAX_ATTEMPTS; then the delivery is marked failed and an admin can
replay it. Redirects are not followed (they could lead to an internal address).
"""

from __future__ import annotations

import json
import time

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from opportunities.selectors import opportunity_get
from opportunities.serializers import opportunity_out

from .addresses import why_not_url
from .models import WebhookAttempt, WebhookDelivery
from .services import _partner_viewer
from .signing import SIGNATURE_HEADER, signature_header

D = WebhookDelivery.Status


class DeliveryFailed(Exception):
    """The receiver did not take the delivery; the outbox retries it."""


def _vendor_viewer():
    """Compliance staff, not saved: the vendor's own systems get the whole deal."""
    return User(role=User.Role.REVIEWER, is_active=True)


def delivery_body(delivery: WebhookDelivery) -> str:
    """The JSON sent: the event, its facts, and the deal as the endpoint's audience may
    see it (for a partner, the same projection as its API answers)."""
    endpoint = delivery.endpoint
    viewer = _partner_viewer(endpoint.organisation_id) if endpoint.for_partner else _vendor_viewer()
    opportunity = opportunity_get(user=viewer, pk=delivery.opportunity_id)
    deal = opportunity_out(opportunity, viewer) if opportunity is not None else None
    body = {
        "id": delivery.event_id,
        "type": delivery.event,
        "created": delivery.created_at.isoformat(),
        "data": {**delivery.facts, "deal": deal},
    }
    return json.dumps(body, separators=(",", ":"), sort_keys=True, default=str)


def webhook_deliver(*, delivery_id: int) -> WebhookDelivery:
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    if delivery.status != D.PENDING:
        return delivery
    if not delivery.body:
        delivery.body = delivery_body(delivery)
        WebhookDelivery.objects.filter(pk=delivery.pk, body="").update(body=delivery.body)
    attempt, ok = _post(delivery)
    with transaction.atomic():
        attempt.save()
        attempts = delivery.attempts + 1
        if ok:
            status = D.DELIVERED
        elif attempts >= settings.OUTBOX_MAX_ATTEMPTS or not delivery.endpoint.active:
            status = D.FAILED
        else:
            status = D.PENDING
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            attempts=attempts, status=status, delivered_at=timezone.now() if ok else None
        )
    if not ok and status == D.PENDING:
        raise DeliveryFailed(attempt.error or f"HTTP {attempt.status_code}")
    delivery.refresh_from_db()
    return delivery


def _post(delivery: WebhookDelivery) -> tuple[WebhookAttempt, bool]:
    endpoint = delivery.endpoint
    attempt = WebhookAttempt(delivery=delivery)
    if not endpoint.active:
        attempt.error = "The endpoint was switched off."
        return attempt, False
    if reason := why_not_url(endpoint.url):
        attempt.error = f"Refused: {reason}"
        return attempt, False
    body = delivery.body.encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "hrdd-screening-webhooks/1",
        "HRDD-Event": delivery.event,
        "HRDD-Event-Id": delivery.event_id,
        "HRDD-Delivery": str(delivery.pk),
        SIGNATURE_HEADER: signature_header(secret=endpoint.secret, body=body),
    }
    start = time.monotonic()
    try:
        response = requests.post(
            endpoint.url,
            data=body,
            headers=headers,
            allow_redirects=False,
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
        )
    except requests.RequestException as exc:
        attempt.error = f"{type(exc).__name__}: {exc}"[:2000]
        ok = False
    else:
        attempt.status_code = response.status_code
        attempt.response_body = response.text[:2000]
        ok = 200 <= response.status_code < 300
    attempt.duration_ms = int((time.monotonic() - start) * 1000)
    return attempt, ok
