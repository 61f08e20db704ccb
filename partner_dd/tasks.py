"""Thin Celery tasks: take ids, call a service. Queued through the outbox (re-scoring) or
declared in settings.CELERY_BEAT_SCHEDULE (the questionnaire cycle)."""

from __future__ import annotations

from celery import shared_task

from outbox.tasks import outbox_task

from . import services


@outbox_task("partner_dd.tasks.rescreen_partner_deals")
def rescreen_partner_deals(organisation_id: int, assessed_at: str) -> int:
    return services.partner_deals_rescreen(organisation_id=organisation_id, assessed_at=assessed_at)


@shared_task(name="partner_dd.tasks.send_due_questionnaires")
def send_due_questionnaires() -> int:
    return services.questionnaires_due_send()
