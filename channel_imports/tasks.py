"""Thin Celery tasks: take ids, call a service, retry with backoff.

All are acks_late (settings): a worker that dies mid-task leaves the message to be
redelivered, and each service is safe to run again (conditional claims, skip-done).
"""

from __future__ import annotations

from celery import shared_task

from . import screening, services

# Every service here is safe to run again, so any error is retried (with backoff); a
# retry keeps the task id, which is also the chunk's claim token.
RETRY = {
    "acks_late": True,
    "autoretry_for": (Exception,),
    "retry_backoff": True,
    "retry_backoff_max": 60,
    "max_retries": 5,
}


@shared_task(**RETRY)
def validate_import(import_id: int) -> None:
    services.import_validate(channel_import_id=import_id)


@shared_task(**RETRY)
def ingest_import(import_id: int) -> None:
    services.import_ingest(channel_import_id=import_id)


@shared_task(bind=True, **RETRY)
def screen_chunk(self, chunk_id: int) -> None:
    # The task id is the claim token: a redelivery of this message may resume the chunk.
    screening.import_chunk_screen(chunk_id=chunk_id, claim_token=self.request.id or "")


@shared_task(**RETRY)
def promote_import(import_id: int) -> None:
    screening.import_promote(channel_import_id=import_id)
