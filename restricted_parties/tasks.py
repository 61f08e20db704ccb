"""Thin Celery tasks: take ids, call a service."""

from __future__ import annotations

from outbox.tasks import outbox_task

from . import services


@outbox_task(
    "restricted_parties.tasks.match_index_build",
    formerly_named=("restricted_parties.tasks.build_match_index",),
)
def match_index_build(list_id: int) -> bool:
    return services.match_index_build(list_id=list_id)
