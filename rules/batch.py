"""Screening many new deals at once (bulk registration: promoted import lines)."""

from __future__ import annotations

from django.db import transaction

from .models import Screening
from .services import (
    _screening_announce,
    criteria_version_in_force,
    screening_basis,
    screening_evaluate,
    screening_record,
    screening_row,
)


def opportunities_screen_new(*, opportunities: list, actor, trigger: str) -> list[Screening]:
    """Screen and route deals registered in the caller's transaction and never screened,
    each exactly as `opportunity_screen` would (its own screening, status, case and audit
    events, its notification, the probing watch), with the writes shared: one INSERT of
    the screenings, one UPDATE of the deals (status and screening), one INSERT of the cases.

    A deal is never left without its screening: everything runs in the caller's
    transaction, and the deals' UPDATE is conditional on each still being new.
    """
    from reviews.probing import probing_check
    from reviews.services.routing import review_route_new

    if not opportunities:
        return []
    if any(o.current_screening_id is not None for o in opportunities):
        raise ValueError("opportunities_screen_new screens deals never screened before")
    version = criteria_version_in_force()
    basis = screening_basis(version)
    screenings = []
    for opportunity in opportunities:
        _, snapshot, result, deal_basis = screening_evaluate(
            opportunity, version=version, basis=basis
        )
        screenings.append(
            screening_row(opportunity, version, trigger, result, snapshot, deal_basis)
        )
    with transaction.atomic(savepoint=False):
        Screening.objects.bulk_create(screenings)
        for opportunity, screening in zip(opportunities, screenings, strict=True):
            opportunity.current_screening = screening
            screening_record(opportunity, screening, actor=actor, previous=None)
            _screening_announce(opportunity, screening, None, trigger=trigger)
        review_route_new(opportunities=opportunities, screenings=screenings, actor=actor)
        ids = [s.pk for s in screenings]
        for i, screening in enumerate(screenings):
            probing_check(actor=actor, screening=screening, not_yet=ids[i + 1 :])
    return screenings
