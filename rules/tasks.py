"""Thin Celery tasks: take ids, call a service. Queued through the outbox, which sends
them after commit, claims them before they run and re-sends what was lost."""

from __future__ import annotations

from monitoring.services import rescreen_plan, rescreen_run_start
from outbox.tasks import current_claim_token, outbox_task

from . import preview
from .models import CriteriaVersion


@outbox_task("rules.tasks.preview_execute", formerly_named=("rules.tasks.run_preview",))
def preview_execute(run_id: int) -> None:
    # Under the outbox, a run left `running` was abandoned by a killed worker: take it over.
    preview.preview_execute(run_id=run_id, takeover=bool(current_claim_token()))


@outbox_task("rules.tasks.rescreen_open_deals")
def rescreen_open_deals(version_id: int) -> int:
    """Work queued by a publication before re-screening moved to `monitoring`: it runs as
    a monitoring run now (one path)."""
    version = CriteriaVersion.objects.get(pk=version_id)
    run = rescreen_run_start(
        actor=None,
        trigger="criteria_published",
        criteria_version_id=version.pk,
        label=f"Criteria version {version.number}",
    )
    return rescreen_plan(run_id=run.pk).total
