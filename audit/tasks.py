"""Periodic audit work, scheduled in settings.CELERY_BEAT_SCHEDULE."""

from __future__ import annotations

from celery import shared_task

from .services import audit_checkpoint_publish


@shared_task(ignore_result=True)
def publish_audit_checkpoint() -> None:
    """Seal pending events and write a signed checkpoint outside the database. Idempotent:
    a run with nothing new writes nothing."""
    audit_checkpoint_publish()
