"""Continuous due diligence fixtures: the review fixtures (personas, deals of each tier,
eager Celery), list files written from the fictional sample list, and a helper that runs
a re-screening the way the outbox would (plan, then each chunk)."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitoring.models import RescreenRun
from monitoring.services import rescreen_chunk, rescreen_organisations, rescreen_plan
from restricted_parties.services import SAMPLE_LIST_NAME, SAMPLE_LIST_PATH
from tests.reviews.conftest import (  # noqa: F401 - fixtures shared with the review tests
    approved_condition,
    case_of,
    eager_celery,
    fast_passwords,
    flushable_audit_trail,
    make_deal,
    media_root,
)
from tests.reviews.test_worker import real_worker, worker_thread  # noqa: F401 - a real worker

ROW = (
    "{id},Company,{name},,,{country},,,Fictional sample sanctions programme (FSP),,,"
    "fictional_sample,2024-01-01T00:00:00,2026-11-20T00:00:00,2026-11-20T00:00:00"
)


def write_list(folder: Path, *, add=(), drop=(), name: str = "list.csv") -> Path:
    """The sample list with entries added ((id, name, iso2) rows) or dropped (ids)."""
    lines = SAMPLE_LIST_PATH.read_text(encoding="utf-8").splitlines()
    rows = [r for r in lines[1:] if r.split(",", 1)[0] not in set(drop)]
    rows += [ROW.format(id=i, name=n, country=c.lower()) for i, n, c in add]
    path = folder / name
    path.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    return path


def import_list(actor, path: Path):
    from restricted_parties.services import restricted_party_list_import

    return restricted_party_list_import(
        actor=actor, fmt="opensanctions", path_or_file=path, name=SAMPLE_LIST_NAME
    )


def run_latest(trigger: str | None = None) -> RescreenRun:
    """Plan and run the newest queued re-screening (of `trigger`), as the worker would."""
    qs = RescreenRun.objects.filter(status="queued")
    if trigger:
        qs = qs.filter(trigger=trigger)
    run = qs.latest("id")
    run = rescreen_plan(run_id=run.pk)
    for index in run.organisation_chunks.filter(done=False).values_list("index", flat=True):
        rescreen_organisations(run_id=run.pk, index=index)
    for index in run.chunks.filter(done=False).values_list("index", flat=True):
        rescreen_chunk(run_id=run.pk, index=index)
    run.refresh_from_db()
    return run


@pytest.fixture
def sample_list(admin_user, tmp_path):
    """The sample list in force (imported as a first version) and its run finished."""
    imported = import_list(admin_user, write_list(tmp_path, name="v1.csv"))
    run_latest("list_update")
    return imported
