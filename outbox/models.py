"""Background work recorded in the database before it is sent to the broker.

A row is written in the same transaction as the change that needs the work (the
transactional outbox), so a deal, an import or a published criteria version never exists
without the work it started. The broker only carries a copy: when the copy is lost (a
restarted broker, a killed worker), the reconciler sends the row again.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone


class OutboxMessage(models.Model):
    """One unit of background work: a task name and its arguments (ids).

    pending -> running (claimed by one execution, for a lease) -> done; a failure goes back
    to pending with a later `available_at`, and after OUTBOX_MAX_ATTEMPTS to failed.
    Always true: at most one execution holds an unexpired lease; a row is done only when
    its task returned.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    task = models.CharField(max_length=120, help_text="Celery task name")
    args = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    available_at = models.DateTimeField(default=timezone.now, help_text="Not sent before this")
    sent_at = models.DateTimeField(null=True, blank=True, help_text="Last copy sent")
    resend_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the reconciler sends a copy again if no execution claimed it (None: now)",
    )
    sends_unclaimed = models.PositiveIntegerField(
        default=0, help_text="Copies sent since an execution last claimed it"
    )
    claim_token = models.CharField(max_length=64, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["status", "available_at"],
                name="outbox_unfinished_idx",
                condition=Q(status__in=["pending", "running"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task}{tuple(self.args)} [{self.status}]"


class Heartbeat(models.Model):
    """When a periodic job last ran (the reconciler, run by a worker on beat's schedule):
    the health check's evidence that beat and at least one worker are alive."""

    name = models.CharField(max_length=60, primary_key=True)
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} at {self.seen_at:%Y-%m-%d %H:%M:%S}"
