"""Reading continuous due diligence: runs, their changes, a deal's basis and marks."""

from __future__ import annotations

from django.db.models import QuerySet

from rules.presentation import screened_at_shown

from .models import BasisChange, PartyFinding, RescreenChange, RescreenRun
from .policies import why_not_monitor


def rescreen_runs_visible_to(user) -> QuerySet[RescreenRun]:
    if why_not_monitor(user):
        return RescreenRun.objects.none()
    return RescreenRun.objects.select_related(
        "requested_by", "restricted_party_list", "criteria_version"
    )


def rescreen_changes(run: RescreenRun, *, direction: str = "") -> QuerySet[RescreenChange]:
    qs = run.changes.select_related("opportunity").order_by("-direction", "id")
    if direction:
        qs = qs.filter(direction=direction)
    return qs


def basis_changes_open(opportunity_id: int) -> list[BasisChange]:
    return list(
        BasisChange.objects.filter(opportunity_id=opportunity_id, resolved_at=None).order_by(
            "created_at"
        )
    )


def opportunity_rescreen_history(opportunity_id: int, limit: int = 10) -> list[RescreenChange]:
    return list(
        RescreenChange.objects.filter(opportunity_id=opportunity_id)
        .select_related("run")
        .order_by("-created_at")[:limit]
    )


def party_findings_of(organisation_id: int) -> list[PartyFinding]:
    return list(PartyFinding.objects.filter(organisation_id=organisation_id).select_related("run"))


def screening_basis_for_viewer(screening, user) -> dict | None:
    """The versions a screening used, as this viewer may see them: everyone who sees the
    deal sees the criteria and country-data versions; only compliance sees which
    restricted-party lists were checked (a list's name says what was screened)."""
    if screening is None:
        return None
    basis = screening.basis or {}
    out = {
        "criteria_version": basis.get("criteria_version", screening.criteria_version.number),
        "country_data_version": basis.get("country_data_version"),
        "screened_at": _screened_at_for_viewer(screening, user).isoformat(),
    }
    if not why_not_monitor(user):
        out["lists"] = [
            {"name": v.get("name", ""), "id": v.get("id"), "imported_at": v.get("imported_at")}
            for v in basis.get("lists", [])
        ]
    return out


def _screened_at_for_viewer(screening, user):
    """When the deal was last screened, as this viewer may learn it: compliance staff the
    current screening, anyone else `screened_at_shown` (no tipping off)."""
    if not why_not_monitor(user):
        return screening.created_at
    return screened_at_shown(screening)


def rescreen_scope_in_words(scope: dict) -> list[str]:
    """How a run chose its deals, as sentences (the run keeps the figures as a dict)."""
    out = []
    if "lookback_months" in scope:
        out.append(f"Deals registered or changed in the last {scope['lookback_months']} months")
    if {"added", "changed", "removed"} <= scope.keys():
        out.append(
            f"the list added {scope['added']}, changed {scope['changed']} and removed "
            f"{scope['removed']} entries"
        )
    if scope.get("limited_to_delta") is True:
        hit = scope.get("organisations_hit", 0)
        out.append(
            f"only deals with one of the {hit} organisations those entries touch, or "
            "already matched, were checked"
        )
    elif scope.get("limited_to_delta") is False:
        out.append("every deal in scope was checked (no earlier list, or too many changes)")
    return out
