"""Thin Celery tasks: take ids, call a service, retry with backoff."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def run_preview(run_id: int) -> None:
    services.preview_execute(run_id=run_id)


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def rescreen_open_deals(version_id: int) -> int:
    return services.open_deals_rescreen(version_id=version_id)
