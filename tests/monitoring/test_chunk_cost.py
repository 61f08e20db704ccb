"""A re-screening chunk reads its deals in a fixed number of statements: a run over a
million deals costs its chunks, not a few queries per deal."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from monitoring.models import RescreenRun
from monitoring.services import rescreen_chunk, rescreen_plan, rescreen_run_start
from rules.selectors import criteria_published_current

pytestmark = pytest.mark.django_db

TIERS = ("low", "medium", "high", "critical", "prohibited")


def same_criteria_run() -> RescreenRun:
    with transaction.atomic():
        return rescreen_run_start(
            actor=None,
            trigger=RescreenRun.Trigger.CRITERIA_PUBLISHED,
            label="Criteria re-read",
            criteria_version_id=criteria_published_current().pk,
        )


def chunk_statements(deals: list, start=same_criteria_run) -> tuple[int, RescreenRun]:
    """Statements of re-screening `deals` (all in scope) as one chunk of a full run."""
    run = start()
    run = rescreen_plan(run_id=run.pk)
    assert run.chunks_total == 1 and run.total == len(deals)
    with CaptureQueriesContext(connection) as ctx:
        rescreen_chunk(run_id=run.pk, index=0)
    run.refresh_from_db()
    return len(ctx.captured_queries), run


def test_a_chunks_statements_do_not_grow_with_its_deals(sample_list, make_deal, settings):
    settings.MONITORING_CHUNK_DEALS = 100
    deals = [make_deal(tier) for tier in TIERS]
    few, run = chunk_statements(deals)
    assert run.status == "done" and run.done == len(TIERS)
    deals += [make_deal(tier) for tier in TIERS * 3]
    many, run = chunk_statements(deals)
    assert run.status == "done" and run.done == 4 * len(TIERS)
    # Nothing changed, so nothing was written for any deal.
    assert (run.raised, run.lowered, run.changed_same_tier) == (0, 0, 0)
    assert many == few, f"{few} statements for {len(TIERS)} deals, {many} for {4 * len(TIERS)}"


def test_new_criteria_record_a_chunks_screenings_in_statements_that_do_not_grow(
    sample_list, make_deal, settings, admin_user
):
    """Publishing criteria gives every deal a new screening (silently when its result is
    the same): written in bulk, not one deal at a time."""
    from audit.models import AuditEvent
    from rules.models import Screening
    from rules.services import criteria_draft_start, criteria_publish

    def publish() -> RescreenRun:
        criteria_publish(actor=admin_user, draft=criteria_draft_start(actor=admin_user))
        return RescreenRun.objects.filter(status="queued").latest("id")

    settings.MONITORING_CHUNK_DEALS = 100
    deals = [make_deal(tier) for tier in TIERS]
    few, run = chunk_statements(deals, publish)
    deals += [make_deal(tier) for tier in TIERS * 3]
    many, run = chunk_statements(deals, publish)
    assert (run.raised, run.lowered, run.changed_same_tier) == (0, 0, 0)
    version = criteria_published_current()
    for deal in deals:
        deal.refresh_from_db()
        # Each deal points at its own new screening under the new version, audited.
        assert deal.current_screening.criteria_version_id == version.pk
        assert deal.current_screening.opportunity_id == deal.pk
    screened = AuditEvent.objects.filter(
        action="opportunity.screened", changes__criteria_version=version.number
    )
    assert screened.count() == len(deals)
    assert Screening.objects.filter(criteria_version=version).count() == len(deals)
    assert many == few, f"{few} statements for {len(TIERS)} deals, {many} for {4 * len(TIERS)}"
