"""Continuous due diligence: start, plan and run re-screenings; approvals whose basis
changed. Every write goes through here; the tasks are thin."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from audit.services import audit_record
from hrdd.errors import ApplicationError, Conflict, PermissionDenied
from lifecycle.services import opportunity_screen
from opportunities.models import Opportunity
from opportunities.workflow import DECIDED
from outbox.services import outbox_enqueue, outbox_enqueue_many
from restricted_parties.selectors import match_index_invalidate

from . import policies, scope
from .models import BasisChange, PartyFinding, RescreenChunk, RescreenRun

R = RescreenRun.Status


def rescreen_run_start(
    *,
    actor,
    trigger: str,
    label: str,
    list_id: int | None = None,
    previous_list_id: int | None = None,
    criteria_version_id: int | None = None,
    countries: list[str] | None = None,
    country_data_version: int | None = None,
    organisation_ids: list[int] | None = None,
) -> RescreenRun:
    """Record a re-screening in the caller's transaction (the change that caused it) and
    plan it in the background once that commits: the change and its re-screening exist
    together or not at all."""
    with transaction.atomic(savepoint=False):
        run = RescreenRun.objects.create(
            trigger=trigger,
            label=label[:300],
            created_at=timezone.now(),
            requested_by=actor if getattr(actor, "pk", None) else None,
            restricted_party_list_id=list_id,
            previous_list_id=previous_list_id,
            criteria_version_id=criteria_version_id,
            countries=list(countries or []),
            country_data_version=country_data_version,
            organisation_ids=list(organisation_ids or []),
        )
        audit_record(
            actor=actor,
            action="rescreen_run.queued",
            object_type="rescreen_run",
            object_id=run.pk,
            to_state=R.QUEUED,
            changes={"trigger": trigger, "label": run.label},
        )
        outbox_enqueue("monitoring.tasks.rescreen_plan", run.pk)
    return run


def _scoped_opportunities(run: RescreenRun):
    """(deal ids, organisation matches, notes) the run covers."""
    base = scope.opportunities_in_scope(run.created_at)
    notes = {"lookback_months": settings.MONITORING_LOOKBACK_MONTHS}
    hits: dict = {}
    if run.trigger == RescreenRun.Trigger.COUNTRY_DATA:
        deals = scope.opportunities_of_countries(base, run.countries)
    elif run.trigger == RescreenRun.Trigger.PARTNER_FACTORS:
        deals = scope.opportunities_of_organisations(base, run.organisation_ids)
    elif run.trigger == RescreenRun.Trigger.LIST_UPDATE and run.restricted_party_list_id:
        deals, hits, more = scope.list_update_scope(run, base)
        notes.update(more)
    else:
        deals = base
    ids = sorted(set(deals.values_list("pk", flat=True)))
    return ids, hits, notes


def rescreen_plan(*, run_id: int, takeover: bool = False) -> RescreenRun:
    """Choose the run's deals, record the organisations found on a list, split the deals
    into chunks and queue one task per chunk. A re-delivered task finds the run planned
    and does nothing (`takeover`: a previous execution died mid-plan: plan again)."""
    claimable = [R.QUEUED] + ([R.RUNNING] if takeover else [])
    with transaction.atomic():
        run = RescreenRun.objects.select_for_update().get(pk=run_id)
        if run.status not in claimable or (run.status == R.RUNNING and run.chunks_total):
            return run
        match_index_invalidate()  # a list imported a moment ago by another process
        ids, hits, notes = _scoped_opportunities(run)
        found = _party_findings_record(run, hits)
        size = settings.MONITORING_CHUNK_DEALS
        chunks = RescreenChunk.objects.bulk_create(
            [
                RescreenChunk(run=run, index=i, deal_ids=ids[at : at + size])
                for i, at in enumerate(range(0, len(ids), size))
            ]
        )
        now = timezone.now()
        RescreenRun.objects.filter(pk=run.pk).update(
            status=R.RUNNING if chunks else R.DONE,
            started_at=now,
            total=len(ids),
            chunks_total=len(chunks),
            scope=notes,
            organisations_matched=found,
            finished_at=None if chunks else now,
        )
        outbox_enqueue_many("monitoring.tasks.rescreen_chunk", [[run.pk, c.index] for c in chunks])
    run.refresh_from_db()
    return run


def _party_findings_record(run: RescreenRun, hits: dict) -> int:
    """A newly listed organisation is a finding on itself (shown on its page), once per
    list entry."""
    now = timezone.now()
    rows = [
        PartyFinding(
            organisation_id=org_id,
            run=run,
            list_name=m.list_name,
            source_id=m.source_id,
            entry_name=m.name[:1000],
            band=m.band,
            score=m.score,
            found_at=now,
        )
        for org_id, matches in hits.items()
        for m in matches
    ]
    before = PartyFinding.objects.count()
    PartyFinding.objects.bulk_create(rows, ignore_conflicts=True)
    return PartyFinding.objects.count() - before


def rescreen_chunk(*, run_id: int, index: int) -> int:
    """Re-screen one chunk of a run's deals in one transaction: the chunk row is locked
    and marked done with the run's counters, so a re-delivered or retried task either
    finds it done or redoes it whole. Returns how many deals changed."""
    from .rescreen import opportunities_rescreen_evaluate, opportunity_rescreen

    with transaction.atomic():
        chunk = (
            RescreenChunk.objects.select_for_update()
            .select_related("run")
            .filter(run_id=run_id, index=index)
            .first()
        )
        if chunk is None or chunk.done:
            return 0
        run = chunk.run
        counts = {"raised": 0, "lowered": 0, "changed_same_tier": 0, "reopened": 0}
        for opportunity, evaluated, comparison in opportunities_rescreen_evaluate(
            run, chunk.deal_ids
        ):
            outcome = opportunity_rescreen(run, opportunity, evaluated, comparison)
            if outcome is None:
                continue
            key = {"up": "raised", "down": "lowered"}.get(outcome.direction, "changed_same_tier")
            counts[key] += 1
            counts["reopened"] += int(outcome.reopened)
        RescreenChunk.objects.filter(pk=chunk.pk).update(done=True)
        RescreenRun.objects.filter(pk=run_id).update(
            done=F("done") + len(chunk.deal_ids),
            chunks_done=F("chunks_done") + 1,
            **{k: F(k) + v for k, v in counts.items()},
        )
        # The last chunk's worker finishes the run: a job's progress, claimed by this
        # counter-guarded update rather than a workflow transition (`audit.transitions`);
        # the deals it moves go through their own workflow.
        finished = RescreenRun.objects.filter(
            pk=run_id, status=R.RUNNING, chunks_done__gte=F("chunks_total")
        ).update(status=R.DONE, finished_at=timezone.now())
        if finished:
            audit_record(
                actor=None,
                action="rescreen_run.finished",
                object_type="rescreen_run",
                object_id=run_id,
                to_state=R.DONE,
            )
    return counts["raised"] + counts["lowered"] + counts["changed_same_tier"]


# --- Approvals whose basis changed -----------------------------------------------------


def _require(reason: str | None) -> None:
    if reason:
        raise PermissionDenied(reason)


def basis_change_confirm(*, actor, opportunity, note: str) -> int:
    """A reviewer confirms an approval despite the change of basis (with a note)."""
    _require(policies.why_not_resolve_basis(actor, opportunity))
    note = (note or "").strip()
    if not note:
        raise ApplicationError("Say why the approval stands.", errors={"note": "Required."})
    with transaction.atomic():
        resolved = BasisChange.objects.filter(opportunity=opportunity, resolved_at=None).update(
            resolved_at=timezone.now(),
            resolved_by=actor,
            resolution=BasisChange.Resolution.CONFIRMED,
            note=note,
        )
        if not resolved:
            raise Conflict("Nothing to confirm: the approval's basis is not marked as changed.")
        audit_record(
            actor=actor,
            action="opportunity.basis_confirmed",
            object_type="opportunity",
            object_id=opportunity.pk,
            opportunity_id=opportunity.pk,
            comment=note,
        )
    return resolved


def basis_change_revise(*, actor, opportunity, note: str):
    """A reviewer revises an approval whose basis changed: the deal is screened again
    and reopened for review (the workflow's reopen transition), with a new case."""
    _require(policies.why_not_resolve_basis(actor, opportunity))
    note = (note or "").strip() or "Approval revised after its basis changed"
    with transaction.atomic():
        locked = (
            Opportunity.objects.select_for_update(of=("self",))
            .select_related("current_screening")
            .get(pk=opportunity.pk)
        )
        if locked.status not in DECIDED:
            raise Conflict("The deal is not decided: it is already under review.")
        BasisChange.objects.filter(opportunity=locked, resolved_at=None).update(
            resolved_at=timezone.now(),
            resolved_by=actor,
            resolution=BasisChange.Resolution.REVISED,
            note=note,
        )
        opportunity_screen(
            opportunity=locked,
            actor=actor,
            trigger="manual",
            material_change=True,
            change_reason=f"Approval revised: {note}",
        )
    return locked


def basis_changes_resolve_by_decision(*, opportunity_id: int, actor) -> None:
    """A new decision on the deal settles any open change of basis."""
    BasisChange.objects.filter(opportunity_id=opportunity_id, resolved_at=None).update(
        resolved_at=timezone.now(),
        resolved_by=actor if getattr(actor, "pk", None) else None,
        resolution=BasisChange.Resolution.DECIDED_AGAIN,
    )
