"""Screening many new deals at once (bulk registration: promoted import lines)."""

from __future__ import annotations

from hrdd.bulk import bulk_insert

from .models import Screening
from .services import (
    criteria_version_in_force,
    screening_basis,
    screening_evaluate,
    screening_record,
    screening_row,
)


def screenings_store_new(*, opportunities: list, actor, trigger: str) -> list[Screening]:
    """Screen deals registered in the caller's transaction and never screened, each as
    `screening_store` would (its own screening and audit event), with the criteria and
    the basis read once and the screenings written in one INSERT. Each deal's
    `current_screening` is set in memory; the caller writes it with the deal's first
    status (`lifecycle.services.opportunities_screen_new`)."""
    if any(o.current_screening_id is not None for o in opportunities):
        raise ValueError("screenings_store_new screens deals never screened before")
    version = criteria_version_in_force()
    basis = screening_basis(version)
    screenings = []
    for opportunity in opportunities:
        # A deal never screened has no case, so no answers to read.
        _, snapshot, result, deal_basis = screening_evaluate(
            opportunity, version=version, basis=basis
        )
        screenings.append(
            screening_row(opportunity, version, trigger, result, snapshot, deal_basis)
        )
    bulk_insert(Screening, screenings)
    for opportunity, screening in zip(opportunities, screenings, strict=True):
        opportunity.current_screening = screening
        screening_record(opportunity, screening, actor=actor, previous=None)
    return screenings
