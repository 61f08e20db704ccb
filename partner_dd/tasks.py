"""Thin Celery tasks: take ids, call a service. Queued through the outbox (re-scoring) or
declared in settings.CELERY_BEAT_SCHEDULE (the questionnaire cycle)."""

from __future__ import annotations

from outbox.tasks import outbox_task, task_named

from . import services


@outbox_task(
    "partner_dd.tasks.partner_deals_rescreen",
    formerly_named=("partner_dd.tasks.rescreen_partner_deals",),
)
def partner_deals_rescreen(organisation_id: int, assessed_at: str) -> int:
    return services.partner_deals_rescreen(organisation_id=organisation_id, assessed_at=assessed_at)


@task_named(
    "partner_dd.tasks.questionnaires_due_send",
    formerly_named=("partner_dd.tasks.send_due_questionnaires",),
)
def questionnaires_due_send() -> int:
    return services.questionnaires_due_send()
