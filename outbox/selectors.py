"""What the outbox holds: queue depth per kind of work, oldest pending work, liveness."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Min, Q
from django.utils import timezone

from .models import Heartbeat, OutboxMessage


def outbox_depth() -> dict[tuple[str, str], int]:
    """{(task, status): rows} for work not done (pending, running, failed)."""
    rows = (
        OutboxMessage.objects.exclude(status=OutboxMessage.Status.DONE)
        .values_list("task", "status")
        .annotate(n=Count("id"))
    )
    return {(task, status): n for task, status, n in rows}


def outbox_oldest_pending_seconds(now: datetime | None = None) -> float:
    """Age of the oldest work that is due and waiting for a worker (0 when there is none):
    pending, or running under a lapsed lease (its worker died). Work a live worker holds
    is not waiting, however long it runs; work waiting for a retry delay counts from when
    it became due again."""
    now = now or timezone.now()
    waiting = Q(status=OutboxMessage.Status.PENDING) | Q(
        status=OutboxMessage.Status.RUNNING, lease_until__lt=now
    )
    oldest = OutboxMessage.objects.filter(waiting, available_at__lte=now).aggregate(
        at=Min("available_at")
    )["at"]
    return max(0.0, (now - oldest).total_seconds()) if oldest else 0.0


def outbox_failed_count() -> int:
    return OutboxMessage.objects.filter(status=OutboxMessage.Status.FAILED).count()


def heartbeat_age_seconds(name: str, now: datetime | None = None) -> float | None:
    seen = Heartbeat.objects.filter(name=name).values_list("seen_at", flat=True).first()
    return None if seen is None else ((now or timezone.now()) - seen).total_seconds()
