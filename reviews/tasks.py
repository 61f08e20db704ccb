"""Thin Celery tasks: take ids, call a service. Notifications are queued through the
outbox (recorded with the event, claimed before sending, retried by the reconciler).

The two sweeps are scheduled in settings.CELERY_BEAT_SCHEDULE. Both are idempotent (rows
claimed by conditional update), so a redelivered or duplicated run changes nothing.
"""

from __future__ import annotations

from celery import shared_task

from outbox.tasks import outbox_task

from . import notifications, services


@shared_task(
    name="reviews.tasks.escalate_overdue_cases",
    acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5,
)  # fmt: skip
def escalate_overdue_cases() -> int:
    return services.review_escalate_overdue()


@shared_task(
    name="reviews.tasks.flag_overdue_conditions",
    acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5,
)  # fmt: skip
def flag_overdue_conditions() -> int:
    return services.conditions_flag_overdue()


@outbox_task("reviews.tasks.send_notifications")
def send_notifications(event_ids: list[int]) -> int:
    return notifications.notifications_send(event_ids=event_ids)
