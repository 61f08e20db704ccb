"""Thin Celery tasks: take ids, call a service. Notifications are queued through the
outbox (recorded with the event, claimed before sending, retried by the reconciler).

The two sweeps are scheduled in settings.CELERY_BEAT_SCHEDULE. Both are idempotent (rows
claimed by conditional update), so a redelivered or duplicated run changes nothing.
"""

from __future__ import annotations

from outbox.tasks import outbox_task, task_named

from . import notifications, services


@task_named(
    "reviews.tasks.review_escalate_overdue",
    formerly_named=("reviews.tasks.escalate_overdue_cases",),
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=5,
)
def review_escalate_overdue() -> int:
    return services.review_escalate_overdue()


@task_named(
    "reviews.tasks.conditions_flag_overdue",
    formerly_named=("reviews.tasks.flag_overdue_conditions",),
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=5,
)
def conditions_flag_overdue() -> int:
    return services.conditions_flag_overdue()


@outbox_task(
    "reviews.tasks.notifications_send", formerly_named=("reviews.tasks.send_notifications",)
)
def notifications_send(event_ids: list[int]) -> int:
    return notifications.notifications_send(event_ids=event_ids)
