"""Registering endpoints, emitting events, replaying deliveries.

`webhooks_emit` is called by the services where the event happens (screening, deciding,
asking for information, the overdue-conditions sweep), inside their transaction: the
delivery rows and their outbox rows commit with the change, so an event is never lost
and never sent for a change that rolled back. Sending happens in a worker
(`webhooks.delivery`), retried with backoff by the outbox.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.db import transaction

from accounts.models import User
from audit.services import audit_record
from hrdd.errors import ApplicationError, PermissionDenied
from opportunities.policies import opportunity_seen_by
from outbox.services import outbox_enqueue, outbox_enqueue_many
from refdata.cache import bump, cached

from .addresses import why_not_url
from .models import Event, WebhookDelivery, WebhookEndpoint
from .policies import why_not_manage_webhooks

DELIVER_TASK = "webhooks.tasks.webhook_deliver"
ENDPOINTS = "webhook_endpoints"  # refdata kind: every screening reads the list, rarely changed


def _active_endpoints() -> list[tuple[int, frozenset[str], int | None]]:
    """(id, events, organisation id) of the active endpoints, this process's copy: a
    screening costs no statement for webhooks until an endpoint subscribes to it."""
    return cached(
        ENDPOINTS,
        lambda: [
            (e.pk, frozenset(e.events), e.organisation_id)
            for e in WebhookEndpoint.objects.filter(active=True)
        ],
    )


def webhook_endpoint_save(
    *,
    actor,
    name: str,
    url: str,
    events: Iterable[str],
    organisation=None,
    active: bool = True,
    endpoint: WebhookEndpoint | None = None,
) -> WebhookEndpoint:
    """Create or change an endpoint. Only admins; only public https receivers (unless the
    settings allow otherwise); only known events."""
    if reason := why_not_manage_webhooks(actor):
        raise PermissionDenied(reason)
    events = sorted(set(events))
    errors = {}
    if not (name or "").strip():
        errors["name"] = "Name the receiving system."
    if reason := why_not_url(url):
        errors["url"] = reason
    unknown = [e for e in events if e not in Event.values]
    if unknown or not events:
        errors["events"] = "Choose events from the list." if unknown else "Choose an event."
    if errors:
        raise ApplicationError(next(iter(errors.values())), errors=errors)
    with transaction.atomic():
        created = endpoint is None or endpoint.pk is None
        endpoint = endpoint or WebhookEndpoint(created_by=actor)
        if created and endpoint.created_by_id is None:
            endpoint.created_by = actor
        endpoint.name, endpoint.url, endpoint.events = name.strip(), url, events
        endpoint.organisation, endpoint.active = organisation, active
        endpoint.save()
        bump(ENDPOINTS)
        audit_record(
            actor=actor,
            action="webhook_endpoint.created" if created else "webhook_endpoint.changed",
            object_type="webhook_endpoint",
            object_id=endpoint.pk,
            changes={
                "url": url,
                "events": events,
                "active": active,
                "organisation_id": organisation.pk if organisation else None,
            },
        )
    return endpoint


def _partner_viewer(organisation_id: int):
    """A partner user of this organisation, not saved: the partner projection and the
    partner read scope are decided for it exactly as for a real one."""
    return User(role=User.Role.PARTNER_USER, organisation_id=organisation_id, is_active=True)


def _partners_seeing(organisation_ids: Iterable[int], opportunity_id: int) -> set[int]:
    """Those of these organisations whose partner users see the deal, in one query."""
    ids = sorted(set(organisation_ids))
    seen = opportunity_seen_by(opportunity_id, [_partner_viewer(o) for o in ids])
    return {o for o, sees in zip(ids, seen, strict=True) if sees}


def webhooks_emit(
    *,
    event: str,
    opportunity_id: int,
    facts: dict,
    partner_facts: dict | None = None,
    partner_organisations: Iterable[int] | None = None,
) -> int:
    """Queue `event` for every active endpoint subscribed to it, in the caller's
    transaction. `facts` go to the vendor's endpoints; `partner_facts` (None: nothing) to
    partners' endpoints, and only to those of organisations that may see the deal (and,
    when given, are among `partner_organisations`, e.g. the one a question is addressed
    to). Returns how many deliveries were queued."""
    endpoints = [e for e in _active_endpoints() if event in e[1]]
    if not endpoints:
        return 0
    allowed = set(partner_organisations) if partner_organisations is not None else None
    event_id = f"evt_{uuid.uuid4().hex}"
    asked = [
        org
        for _id, _events, org in endpoints
        if org is not None and partner_facts is not None and (allowed is None or org in allowed)
    ]
    seeing = _partners_seeing(asked, opportunity_id) if asked else set()
    deliveries = []
    for endpoint_id, _events, org in endpoints:
        if org is not None and org not in seeing:
            continue
        deliveries.append(
            WebhookDelivery(
                endpoint_id=endpoint_id,
                event=event,
                event_id=event_id,
                opportunity_id=opportunity_id,
                facts=partner_facts if org is not None else facts,
            )
        )
    deliveries = WebhookDelivery.objects.bulk_create(deliveries)
    outbox_enqueue_many(DELIVER_TASK, [[d.pk] for d in deliveries])
    return len(deliveries)


def webhook_delivery_replay(*, actor, delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a delivery again (the receiver lost it, or was fixed after it failed): a new
    delivery with the same event id and body, signed anew when it is sent."""
    if reason := why_not_manage_webhooks(actor):
        raise PermissionDenied(reason)
    with transaction.atomic():
        copy = WebhookDelivery.objects.create(
            endpoint=delivery.endpoint,
            event=delivery.event,
            event_id=delivery.event_id,
            opportunity_id=delivery.opportunity_id,
            facts=delivery.facts,
            body=delivery.body,
            replay_of=delivery,
        )
        audit_record(
            actor=actor,
            action="webhook_delivery.replayed",
            object_type="webhook_delivery",
            object_id=copy.pk,
            opportunity_id=delivery.opportunity_id,
            changes={"replay_of": delivery.pk, "event": delivery.event},
        )
        outbox_enqueue(DELIVER_TASK, copy.pk)
    return copy
