"""Reading continuous due diligence: runs, their changes, a deal's basis and marks."""

from __future__ import annotations

from django.db.models import QuerySet

from rules.models import Screening
from rules.presentation import trigger_for_partners

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
    """When the deal was last screened, as this viewer may learn it. Compliance staff: the
    current screening. Anyone else: the last screening they could tell from the one before
    (their own act, or a re-check that moved the tier they are shown), since a re-check
    after a list update reaches only the deals near a new entry, and a new "screened on"
    on a deal that reads the same would say that one of its parties is (tipping off)."""
    if not why_not_monitor(user) or trigger_for_partners(screening.trigger) != "recheck":
        return screening.created_at  # no query: the deal's page reads it in one statement
    rows = list(
        Screening.objects.filter(opportunity_id=screening.opportunity_id, pk__lte=screening.pk)
        .order_by("-pk")
        .values_list("trigger", "shown_tier", "created_at")[:50]
    )
    for (trigger, shown, at), earlier in zip(rows, [*rows[1:], None], strict=True):
        if trigger_for_partners(trigger) != "recheck" or earlier is None:
            return at
        if (earlier[1] or "low") != (shown or "low"):
            return at
    return rows[-1][2]


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
