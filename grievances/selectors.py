"""Reads for the public follow-up page and compliance's triage pages."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from rapidfuzz import fuzz, process

from opportunities.models import Opportunity
from partners.models import Organisation
from restricted_parties.names import name_key

from .models import Report, ReportLink
from .policies import reports_visible_to
from .services import receipt_hash

SUGGESTION_SCORE = 75
SUGGESTIONS = 5


def report_by_receipt(code: str) -> Report | None:
    """The report a receipt code opens (exact hash match), or None."""
    if not code or len(code) > 64:
        return None
    return Report.objects.filter(receipt_hash=receipt_hash(code)).first()


def reporter_view(report: Report) -> dict:
    """What the reporter sees: status, the outcome in plain words, the conversation.
    Never which organisations or deals compliance linked."""
    return {
        "reference": report.reference,
        "status": report.get_status_display(),
        "outcome": report.get_outcome_display() if report.outcome else "",
        "received_at": report.received_at,
        "messages": list(report.messages.all()),
        "open": report.is_open,
    }


def triage_queue(*, user, status: str = "open"):
    qs = reports_visible_to(user)
    if status == "open":
        qs = qs.filter(status__in=Report.OPEN_STATES)
    elif status in Report.Status.values:
        qs = qs.filter(status=status)
    return qs.order_by("triage_due_at", "id")


def report_get(*, user, pk: int) -> Report | None:
    return reports_visible_to(user).filter(pk=pk).first()


@dataclass
class Suggestion:
    organisation: Organisation
    score: int
    deals: list


def _names_for(report: Report) -> list[str]:
    return [t for t in (report.about_organisation, report.where_place) if t]


def link_suggestions(report: Report) -> list[Suggestion]:
    """Channel partners and end customers whose names match what the reporter named
    (normalised as restricted-party names are: legal forms aside, look-alikes folded),
    with their deals that are decided or under review."""
    wanted = [name_key(n) for n in _names_for(report)]
    wanted = [w for w in wanted if w]
    if not wanted:
        return []
    linked = set(report.links.exclude(organisation=None).values_list("organisation_id", flat=True))
    choices = _organisation_keys()
    best: dict[int, int] = {}
    for w in wanted:
        for _key, score, pk in process.extract(
            w,
            choices,
            scorer=fuzz.token_set_ratio,
            limit=SUGGESTIONS,
            score_cutoff=SUGGESTION_SCORE,
        ):
            best[pk] = max(best.get(pk, 0), int(score))
    ranked = sorted((pk for pk in best if pk not in linked), key=lambda pk: -best[pk])[:SUGGESTIONS]
    by_pk = Organisation.objects.in_bulk(ranked)
    deals = _opportunities_of(ranked)
    return [Suggestion(by_pk[pk], best[pk], deals.get(pk, [])) for pk in ranked if pk in by_pk]


# This process's comparison keys of organisation names: {pk: (name, key)}. Normalising a
# name costs ~50 µs, so each page reads the names (one query) and normalises only those
# added or renamed since the last page.
_keys: dict[int, tuple[str, str]] = {}
_keys_lock = threading.Lock()


def _organisation_keys() -> dict[int, str]:
    rows = Organisation.objects.exclude(role="vendor").values_list("pk", "name")
    with _keys_lock:
        current = {}
        for pk, name in rows:
            held = _keys.get(pk)
            current[pk] = held if held and held[0] == name else (name, name_key(name))
        _keys.clear()
        _keys.update(current)
        return {pk: key for pk, (_name, key) in current.items()}


def _opportunities_of(org_ids: list[int]) -> dict[int, list]:
    out: dict[int, list] = {}
    if not org_ids:
        return out
    qs = (
        Opportunity.objects.filter(
            Q(end_customer_id__in=org_ids) | Q(channel__organisation_id__in=org_ids)
        )
        .exclude(status__in=["withdrawn", "new"])
        .distinct()
        .prefetch_related("channel")
        .order_by("-created_at")[:100]
    )
    for deal in qs:
        ids = {deal.end_customer_id} | {c.organisation_id for c in deal.channel.all()}
        for org_id in ids & set(org_ids):
            out.setdefault(org_id, []).append(deal)
    return out


def report_links(report: Report) -> list[ReportLink]:
    return list(report.links.select_related("organisation", "opportunity"))


def organisation_reports(*, user, organisation) -> list[Report]:
    """Reports linked to an organisation, directly or through one of its deals (its
    profile for compliance staff)."""
    return list(
        reports_visible_to(user)
        .filter(
            Q(links__organisation=organisation)
            | Q(links__opportunity__end_customer=organisation)
            | Q(links__opportunity__channel__organisation=organisation)
        )
        .distinct()
        .order_by("-received_at")
    )


def is_overdue(report: Report) -> bool:
    return report.status in ("received", "in_triage") and report.triage_due_at < timezone.now()
