"""Re-screening one deal of a run: evaluate in memory, compare with its last screening,
and write only what changed (through `lifecycle.services.opportunity_screen`, the one
path that screens and routes a deal)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from lifecycle.services import (
    opportunities_evaluate,
    opportunities_screen_unchanged,
    opportunity_screen,
)
from opportunities.models import ChannelEntry, Opportunity
from opportunities.workflow import DECIDED, OPEN, UNDER_REVIEW
from refdata.cache import pinned
from reviews.models import ReviewCase

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
            "lines__product",  # a line's own name is read when it is not the product's
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


def new_criteria_only(opportunity: Opportunity, evaluated: tuple, comparison: Comparison) -> bool:
    """The same result under a newer criteria version: recorded silently."""
    current = opportunity.current_screening
    return (
        not comparison.changed
        and current is not None
        and current.criteria_version_id != evaluated[0].pk
    )


def opportunities_rescreen_unchanged(run: RescreenRun, items: list[tuple]) -> list[tuple]:
    """Record silently, in bulk, the new screenings of deals whose result is the same under
    new criteria (`lifecycle.services.opportunities_screen_unchanged`); `items`: (deal,
    evaluation, comparison). Returns the items left to the one-by-one path: a deal under
    review without its open case (that path opens it). A deal screened again meanwhile
    (an edit) is left alone."""
    if not items:
        return []
    ids = [item[0].pk for item in items]
    locked = dict(
        Opportunity.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .values_list("pk", "current_screening_id")
    )
    with_case = set(
        ReviewCase.objects.filter(
            opportunity_id__in=ids, status__in=ReviewCase.OPEN_STATES
        ).values_list("opportunity_id", flat=True)
    )
    bulk, one_by_one = [], []
    for opportunity, evaluated, comparison in items:
        if locked.get(opportunity.pk) != opportunity.current_screening_id:
            continue
        if opportunity.status in UNDER_REVIEW and opportunity.pk not in with_case:
            one_by_one.append((opportunity, evaluated, comparison))
        else:
            bulk.append((opportunity, evaluated))
    opportunities_screen_unchanged(items=bulk, trigger=run.trigger)
    return one_by_one


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
