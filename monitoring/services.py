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
from refdata.cache import pinned
from restricted_parties.selectors import active_list_versions, match_index_invalidate

from . import policies, scope
from .models import (
    BasisChange,
    ListDelta,
    PartyFinding,
    RescreenChunk,
    RescreenOrganisationChunk,
    RescreenRun,
)

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
    """The deals a run covers, other than a list update's."""
    base = scope.opportunities_in_scope(run.created_at)
    if run.trigger == RescreenRun.Trigger.COUNTRY_DATA:
        return scope.opportunities_of_countries(base, run.countries)
    if run.trigger == RescreenRun.Trigger.PARTNER_FACTORS:
        return scope.opportunities_of_organisations(base, run.organisation_ids)
    return base


def _is_list_update(run: RescreenRun) -> bool:
    return run.trigger == RescreenRun.Trigger.LIST_UPDATE and bool(run.restricted_party_list_id)


def rescreen_plan(*, run_id: int, takeover: bool = False) -> RescreenRun:
    """Choose the run's deals, split them into chunks and queue one task per chunk. A list
    update first screens every organisation against what its new version added or
    changed: in the plan when they fit in one chunk of MONITORING_CHUNK_ORGANISATIONS,
    otherwise as chunks of their own (`rescreen_organisations`), the last of which
    chooses the deals. A re-delivered task finds the run planned and does nothing
    (`takeover`: a previous execution died mid-plan: plan again)."""
    claimable = [R.QUEUED] + ([R.RUNNING] if takeover else [])
    with transaction.atomic():
        run = RescreenRun.objects.select_for_update().get(pk=run_id)
        planned = run.chunks_total or run.organisation_chunks.exists()
        if run.status not in claimable or (run.status == R.RUNNING and planned):
            return run
        match_index_invalidate()  # a list imported a moment ago by another process
        notes = {"lookback_months": settings.MONITORING_LOOKBACK_MONTHS}
        RescreenRun.objects.filter(pk=run.pk).update(status=R.RUNNING, started_at=timezone.now())
        if not _is_list_update(run):
            _deal_chunks_queue(run, _scoped_opportunities(run), notes)
        else:
            delta, more = scope.list_update_delta(run)
            notes.update(more)
            org_ids = scope.organisations_to_screen(delta)
            size = settings.MONITORING_CHUNK_ORGANISATIONS
            if len(org_ids) > size:
                _organisation_chunks_queue(run, org_ids, size, notes)
            else:
                name = run.restricted_party_list.name
                hits = scope.organisations_hit_by(delta, name, org_ids)
                base = scope.opportunities_in_scope(run.created_at)
                deals = scope.list_update_deals(base, notes, sorted(hits))
                _deal_chunks_queue(run, deals, notes, found=_party_findings_record(run, hits))
    run.refresh_from_db()
    return run


def _organisation_chunks_queue(run: RescreenRun, org_ids: list[int], size: int, notes: dict):
    chunks = RescreenOrganisationChunk.objects.bulk_create(
        [
            RescreenOrganisationChunk(run=run, index=i, organisation_ids=org_ids[at : at + size])
            for i, at in enumerate(range(0, len(org_ids), size))
        ]
    )
    notes["organisations_screened"] = len(org_ids)
    RescreenRun.objects.filter(pk=run.pk).update(scope=notes)
    outbox_enqueue_many(
        "monitoring.tasks.rescreen_organisations", [[run.pk, c.index] for c in chunks]
    )


def _deal_chunks_queue(run: RescreenRun, deals, notes: dict, found: int | None = None) -> None:
    """Split the chosen deals into chunks and queue them (the run is done at once when
    there are none). `found`: organisations newly found on a list, when counted here."""
    ids = sorted(set(deals.values_list("pk", flat=True)))
    size = settings.MONITORING_CHUNK_DEALS
    chunks = RescreenChunk.objects.bulk_create(
        [
            RescreenChunk(run=run, index=i, deal_ids=ids[at : at + size])
            for i, at in enumerate(range(0, len(ids), size))
        ]
    )
    more = {} if found is None else {"organisations_matched": found}
    RescreenRun.objects.filter(pk=run.pk).update(
        status=R.RUNNING if chunks else R.DONE,
        total=len(ids),
        chunks_total=len(chunks),
        scope=notes,
        finished_at=None if chunks else timezone.now(),
        **more,
    )
    outbox_enqueue_many("monitoring.tasks.rescreen_chunk", [[run.pk, c.index] for c in chunks])


def _lists_in_force_for(run: RescreenRun) -> None:
    """A list update's chunk screens with the run's list version: re-read the lists when
    this process still holds older ones (they are checked only every few seconds)."""
    if _is_list_update(run):
        ids = {v["id"] for v in active_list_versions()}
        if run.restricted_party_list_id not in ids:
            match_index_invalidate()


def rescreen_organisations(*, run_id: int, index: int) -> int:
    """Screen one chunk of a list update's organisations against what the new version
    added or changed, in one transaction: record those found (on themselves, and on the
    chunk for the run's deals). The last chunk done chooses the run's deals and queues
    them. Returns how many organisations were found."""
    with transaction.atomic():
        chunk = (
            RescreenOrganisationChunk.objects.select_for_update(of=("self",))
            .select_related("run", "run__restricted_party_list")
            .filter(run_id=run_id, index=index)
            .first()
        )
        if chunk is None or chunk.done:
            return 0
        run = chunk.run
        _lists_in_force_for(run)
        delta = ListDelta.objects.get(restricted_party_list_id=run.restricted_party_list_id)
        hits = scope.organisations_hit_by(
            delta, run.restricted_party_list.name, chunk.organisation_ids
        )
        found = _party_findings_record(run, hits)
        RescreenOrganisationChunk.objects.filter(pk=chunk.pk).update(done=True, hits=sorted(hits))
        # Taken in turn: the chunk that sees every other one done is the last, and plans.
        run = RescreenRun.objects.select_for_update().get(pk=run_id)
        RescreenRun.objects.filter(pk=run_id).update(
            organisations_matched=F("organisations_matched") + found
        )
        pending = run.organisation_chunks.filter(done=False).exists()
        if not pending and run.status == R.RUNNING and not run.chunks_total:
            hit_ids = sorted(
                {
                    pk
                    for hits_of in run.organisation_chunks.values_list("hits", flat=True)
                    for pk in hits_of
                }
            )
            notes = dict(run.scope)
            base = scope.opportunities_in_scope(run.created_at)
            _deal_chunks_queue(run, scope.list_update_deals(base, notes, hit_ids), notes)
    return found


def _party_findings_record(run: RescreenRun, hits: dict) -> int:
    """A newly listed organisation is a finding on itself (shown on its page), once per
    list entry. Returns how many organisations were newly found."""
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
    PartyFinding.objects.bulk_create(rows, ignore_conflicts=True)
    # Counted by the run and these organisations: other chunks insert meanwhile.
    return PartyFinding.objects.filter(run=run, organisation_id__in=list(hits)).count()


def rescreen_chunk(*, run_id: int, index: int) -> int:
    """Re-screen one chunk of a run's deals in one transaction: the chunk row is locked
    and marked done with the run's counters, so a re-delivered or retried task either
    finds it done or redoes it whole. Returns how many deals changed."""
    from .rescreen import (
        new_criteria_only,
        opportunities_rescreen_evaluate,
        opportunities_rescreen_unchanged,
        opportunity_rescreen,
    )

    # Reference data (criteria, countries, webhooks) checked once for the whole chunk.
    with transaction.atomic(), pinned():
        chunk = (
            RescreenChunk.objects.select_for_update()
            .select_related("run")
            .filter(run_id=run_id, index=index)
            .first()
        )
        if chunk is None or chunk.done:
            return 0
        run = chunk.run
        _lists_in_force_for(run)
        counts = {"raised": 0, "lowered": 0, "changed_same_tier": 0, "reopened": 0}
        silent, changed = [], []
        for opportunity, evaluated, comparison in opportunities_rescreen_evaluate(
            run, chunk.deal_ids
        ):
            item = (opportunity, evaluated, comparison)
            if new_criteria_only(opportunity, evaluated, comparison):
                silent.append(item)
            elif comparison.changed or opportunity.current_screening_id is None:
                changed.append(item)
        # The same result under new criteria is recorded in bulk; what changed, one by one.
        changed += opportunities_rescreen_unchanged(run, silent)
        for opportunity, evaluated, comparison in changed:
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
        raise ApplicationError(
            "Say why the approval stands.", errors={"note": "Say why the approval stands."}
        )
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
