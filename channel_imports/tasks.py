"""Thin Celery tasks: take ids, call a service.

Each is queued through the outbox (a row written with the change that needs it) and
claims that row before running, so a lost message is sent again by the reconciler and a
duplicate delivery does nothing. Every service here is also safe to run again.

Each task also answers to its former name: after an upgrade, outbox rows and broker
messages written by the release before still carry it (the reconciler re-sends rows by
the name they hold). New work is queued under the current names only.
"""

from __future__ import annotations

from outbox.tasks import current_claim_token, outbox_task

from . import promotion, screening, services


@outbox_task(
    "channel_imports.tasks.import_validate",
    formerly_named=("channel_imports.tasks.validate_import",),
)
def import_validate(import_id: int) -> None:
    services.import_validate(channel_import_id=import_id)


@outbox_task(
    "channel_imports.tasks.import_ingest", formerly_named=("channel_imports.tasks.ingest_import",)
)
def import_ingest(import_id: int) -> None:
    services.import_ingest(channel_import_id=import_id)


@outbox_task(
    "channel_imports.tasks.import_chunk_screen",
    formerly_named=("channel_imports.tasks.screen_chunk",),
)
def import_chunk_screen(chunk_id: int) -> None:
    # The outbox row's token is the chunk's claim token: the execution that takes over
    # from a killed worker (after its lease lapsed) resumes the chunk where it stopped.
    screening.import_chunk_screen(chunk_id=chunk_id, claim_token=current_claim_token())


@outbox_task(
    "channel_imports.tasks.import_promote", formerly_named=("channel_imports.tasks.promote_import",)
)
def import_promote(import_id: int) -> None:
    promotion.import_promote(channel_import_id=import_id)
