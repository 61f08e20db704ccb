"""Periodic audit work, scheduled in settings.CELERY_BEAT_SCHEDULE."""

from __future__ import annotations

from outbox.tasks import task_named

from . import services


@task_named(
    "audit.tasks.audit_checkpoint_publish",
    formerly_named=("audit.tasks.publish_audit_checkpoint",),
    ignore_result=True,
)
def audit_checkpoint_publish() -> None:
    """Seal pending events and write a signed checkpoint outside the database. Idempotent:
    a run with nothing new writes nothing."""
    services.audit_checkpoint_publish()
