"""Thin Celery tasks: take ids, call a service. Queued through the outbox, which sends
them after commit, claims them before they run and re-sends what was lost."""

from __future__ import annotations

from outbox.tasks import current_claim_token, outbox_task

from . import services


@outbox_task("rules.tasks.run_preview")
def run_preview(run_id: int) -> None:
    # Under the outbox, a run left `running` was abandoned by a killed worker: take it over.
    services.preview_execute(run_id=run_id, takeover=bool(current_claim_token()))


@outbox_task("rules.tasks.rescreen_open_deals")
def rescreen_open_deals(version_id: int) -> int:
    return services.open_deals_rescreen(version_id=version_id)
