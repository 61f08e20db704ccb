"""Thin Celery tasks: take ids, call a service. Re-screening is queued through the outbox
(recorded with the change that caused it); the sweep and scheduled imports by beat."""

from __future__ import annotations

from outbox.tasks import current_claim_token, outbox_task, task_named

from . import conditions, schedules, services


@outbox_task("monitoring.tasks.rescreen_plan")
def rescreen_plan(run_id: int) -> None:
    # Under the outbox, a run left `running` without any chunks was abandoned mid-plan.
    services.rescreen_plan(run_id=run_id, takeover=bool(current_claim_token()))


@outbox_task("monitoring.tasks.rescreen_organisations")
def rescreen_organisations(run_id: int, index: int) -> int:
    return services.rescreen_organisations(run_id=run_id, index=index)


@outbox_task("monitoring.tasks.rescreen_chunk")
def rescreen_chunk(run_id: int, index: int) -> int:
    return services.rescreen_chunk(run_id=run_id, index=index)


@task_named(
    "monitoring.tasks.conditions_reopen_lapsed",
    formerly_named=("monitoring.tasks.reopen_lapsed_conditions",),
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=5,
)
def conditions_reopen_lapsed() -> int:
    return conditions.conditions_reopen_lapsed()


@task_named(
    "monitoring.tasks.list_import_scheduled_run",
    formerly_named=("monitoring.tasks.scheduled_list_import",),
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def list_import_scheduled_run(schedule_id: int) -> str:
    return schedules.list_import_scheduled_run(schedule_id=schedule_id)
