"""Re-screening one deal of a run: evaluate in memory, compare with its last screening,
and write only what changed (through `lifecycle.services.opportunity_screen`, the one
path that screens and routes a deal)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from lifecycle.services import opportunities_evaluate, opportunity_screen
from opportunities.models import ChannelEntry, Opportunity
from opportunities.workflow import DECIDED, OPEN, UNDER_REVIEW
from refdata.cache import pinned

from .compare import Comparison, change_summary, screening_compare
from .models import BasisChange, RescreenChange, RescreenRun

S = Opportunity.Status
APPROVED = (S.APPROVED, S.APPROVED_WITH_CONDITIONS)
IN_SCOPE = set(OPEN) | set(APPROVED)


@dataclass(frozen=True)
class Outcome:
    direction: str
    reopened: bool


def opportunities_rescreen_evaluate(run: RescreenRun, ids: list[int]) -> Iterator[tuple]:
    """(deal, evaluation, comparison) for each deal of `ids` still in scope and not
    screened since the run's trigger (a later screening already saw the new world)."""
    qs = (
        Opportunity.objects.filter(pk__in=ids)
        .select_related("current_screening")
        # The comparison reads the last screening's tier, findings and basis; its
        # snapshot (the largest column) only for screenings stored before the basis.
        .defer("current_screening__snapshot", "current_screening__reasons")
        .prefetch_related(
            "lines",
            Prefetch("channel", queryset=ChannelEntry.objects.select_related("organisation")),
        )
        .order_by("pk")
    )
    # Reference data (criteria, countries) checked once for the chunk, as a batch
    # registration does, instead of once per look-up; the deals evaluated together (the
    # answers, the basis and each distinct party read once).
    with pinned():
        kept = [
            o
            for o in qs
            if o.status in IN_SCOPE
            and not (o.current_screening and o.current_screening.created_at > run.created_at)
        ]
        for opportunity, evaluated in zip(kept, opportunities_evaluate(kept), strict=True):
            current = opportunity.current_screening
            yield opportunity, evaluated, screening_compare(current, evaluated[2], evaluated[3])


def opportunity_rescreen(
    run: RescreenRun, opportunity: Opportunity, evaluated: tuple, comparison: Comparison
) -> Outcome | None:
    """Record a changed result and let the review workflow act on it; an unchanged deal
    gets nothing (a new criteria version alone is recorded silently). Runs inside the
    chunk's transaction."""
    version = evaluated[0]
    current = opportunity.current_screening
    new_criteria = current is None or current.criteria_version_id != version.pk
    if not comparison.changed and not new_criteria:
        return None
    locked = (
        Opportunity.objects.select_for_update(of=("self",))
        .select_related("current_screening")
        .get(pk=opportunity.pk)
    )
    if locked.current_screening_id != opportunity.current_screening_id:
        return None  # screened again meanwhile (an edit): that screening saw the new world
    if not comparison.changed:
        opportunity_screen(opportunity=locked, actor=None, trigger=run.trigger, evaluated=evaluated)
        return None
    decided = locked.status in DECIDED
    reopen = decided and (comparison.delta > 0 or bool(comparison.new_matches))
    material = comparison.escalates and (reopen or locked.status in UNDER_REVIEW)
    summary = change_summary(run.label, comparison, opportunity)
    screening = opportunity_screen(
        opportunity=locked,
        actor=None,
        trigger=run.trigger,
        material_change=material,
        change_reason=summary if comparison.escalates else "",
        evaluated=evaluated,
    )
    reopened = decided and locked.status not in DECIDED
    now = timezone.now()
    if opportunity.status in APPROVED and comparison.escalates:
        BasisChange.objects.create(
            opportunity=locked,
            run=run,
            created_at=now,
            reason=summary + (" (reopened for review)" if reopened else ""),
        )
    RescreenChange.objects.create(
        run=run,
        opportunity=locked,
        screening=screening,
        from_tier=comparison.from_tier,
        to_tier=comparison.to_tier,
        direction=comparison.direction,
        summary=summary,
        reopened=reopened,
        created_at=now,
    )
    return Outcome(comparison.direction, reopened)
