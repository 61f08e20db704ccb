"""Webhook endpoints registered by admins, and every delivery made to them.

An endpoint receives the events it subscribes to, signed with its own secret. One with an
organisation is that partner's (its CRM): it receives only events about deals that
organisation may see, with the deal in the partner-facing projection. One without an
organisation is the vendor's and receives the deal as compliance staff see it.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


class Event(models.TextChoices):
    DEAL_SCREENED = "deal.screened", "Deal screened"
    TIER_CHANGED = "deal.tier_changed", "Risk tier changed"
    CASE_DECIDED = "case.decided", "Case decided"
    CONDITION_OVERDUE = "condition.overdue", "Condition overdue"
    INFORMATION_REQUESTED = "information.requested", "Information requested"


class WebhookEndpoint(models.Model):
    """Where to POST events. The secret signs every delivery and is never sent."""

    name = models.CharField(max_length=120)
    url = models.URLField(max_length=500, help_text="https://… address of the receiver")
    events = models.JSONField(default=list, help_text="Event codes this endpoint receives")
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="webhook_endpoints",
        help_text="A partner's endpoint: only its deals, only what partners may see. "
        "Empty: the vendor's own systems (the deal as compliance staff see it).",
    )
    secret = models.CharField(max_length=100, default=new_secret)
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.name} ({self.url})"

    @property
    def for_partner(self) -> bool:
        return self.organisation_id is not None


class WebhookDelivery(models.Model):
    """One event for one endpoint. `body` is frozen at the first attempt, so every retry
    and every replay sends the same bytes; `event_id` is the same for a replay, so the
    receiver can drop what it already processed.

    pending -> delivered | failed (after OUTBOX_MAX_ATTEMPTS attempts); a replay is a new
    delivery of the same body.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.PROTECT, related_name="deliveries"
    )
    event = models.CharField(max_length=40, choices=Event.choices)
    event_id = models.CharField(max_length=40, db_index=True)
    opportunity_id = models.BigIntegerField(db_index=True)
    facts = models.JSONField(default=dict, help_text="What happened, for this endpoint's audience")
    body = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)
    replay_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"

    def __str__(self) -> str:
        return f"{self.event} #{self.opportunity_id} to {self.endpoint.name} [{self.status}]"


class WebhookAttempt(models.Model):
    """One POST of a delivery and what the receiver answered (the delivery log)."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="log")
    attempted_at = models.DateTimeField(default=timezone.now)
    status_code = models.PositiveIntegerField(null=True, blank=True)
    response_body = models.TextField(blank=True)
    error = models.TextField(blank=True)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["attempted_at", "id"]

    def __str__(self) -> str:
        return f"{self.status_code or self.error[:40]} at {self.attempted_at:%Y-%m-%d %H:%M:%S}"
