"""What partners and sales reps see of an import: its lines and its summary, projected.

The same rule as for a deal (`opportunities.presenters`): compliance staff see every
finding, tier and score; everyone else sees what was scored over the findings they may
see, and a held line's status in the words of any other compliance hold. Used by the
API, the page and the exports alike; every key handed out is named here.
"""

from __future__ import annotations

from opportunities.models import Opportunity
from opportunities.presenters import SHOWN_STATUS_LABELS, shown_status
from opportunities.workflow import status_for_tier
from rules.presentation import finding_shown, plain_quotes, sees_everything

from .models import ChannelImport, ImportLine
from .policies import sees_import_counts

PENDING_LABEL = "Waiting for screening"
SUMMARY_KEYS = ("tiers", "flagged", "findings", "promoted", "promotion_errors", "criteria_version")
# What everyone else reads of a summary: the tiers and findings they are shown.
SHOWN_SUMMARY_KEYS = ("criteria_version",)
# While held lines become deals, everyone but compliance reads that the import is still
# being screened: "registering flagged lines" would say that some were held.
_NEUTRAL_STATUS = {ChannelImport.Status.PROMOTING: ChannelImport.Status.SCREENING}


def import_status_for_viewer(channel_import: ChannelImport, user) -> tuple[str, str]:
    """(status code, label) of an import as `user` may see it."""
    status = ChannelImport.Status(channel_import.status)
    if not sees_import_counts(user):
        status = _NEUTRAL_STATUS.get(status, status)
    return status.value, status.label


def import_status_choices(user) -> list[tuple[str, str]]:
    """The statuses `user` may filter imports by."""
    hidden = set() if sees_import_counts(user) else set(_NEUTRAL_STATUS)
    return [(c, label) for c, label in ChannelImport.Status.choices if c not in hidden]


def statuses_behind(status: str, user) -> list[str]:
    """The stored statuses a status `user` filters by stands for."""
    if sees_import_counts(user):
        return [status]
    return [status, *(s.value for s, shown in _NEUTRAL_STATUS.items() if shown == status)]


def line_status_label(
    user,
    *,
    screened: bool,
    tier: str,
    shown_tier: str,
    deal_status: str | None,
    deal_shown_tier: str,
) -> str:
    """How a line's state reads to `user`: the deal's status once it became one, else
    the status its tier calls for (a held line reads as held, without saying why)."""
    if not screened:
        return PENDING_LABEL
    status = deal_status or status_for_tier(tier or "low")
    if sees_everything(user):
        return Opportunity.Status(status).label
    return SHOWN_STATUS_LABELS[shown_status(status, deal_shown_tier or shown_tier)]


def findings_for_viewer(findings: list[dict], user) -> list[dict]:
    full = sees_everything(user)
    return [
        {
            "code": f["code"],
            "explanation": f["explanation"] if full else plain_quotes(f["explanation"]),
        }
        for f in findings or []
        if full or finding_shown(f)
    ]


def line_for_viewer(line: ImportLine, user, products: dict[str, str] | None = None) -> dict:
    """One screened line (with `opportunity__current_screening` loaded) as `user` may see it;
    `products` names the catalogue's SKUs, so the line reads with its product's name."""
    full = sees_everything(user)
    deal = line.opportunity
    screening = deal.current_screening if deal else None
    return {
        "id": line.pk,
        "line": line.line_no,
        "data": line.data,
        "product": line.data.get("product_name")
        or (products or {}).get(line.data.get("sku", ""))
        or line.data.get("sku", ""),
        "status": line.status,
        "status_label": line_status_label(
            user,
            screened=line.status == ImportLine.Status.SCREENED,
            tier=line.tier,
            shown_tier=line.shown_tier,
            deal_status=deal.status if deal else None,
            deal_shown_tier=screening.shown_tier if screening else "",
        ),
        "tier": line.tier if full else line.shown_tier,
        "score": line.score if full else line.shown_score,
        "severity": line.severity if full else line.shown_severity,
        "likelihood": line.likelihood if full else line.shown_likelihood,
        "findings": findings_for_viewer(line.findings, user),
        "deal": {"id": deal.pk, "reference": deal.reference} if deal else None,
        "promotion_error": line.promotion_error if sees_import_counts(user) else "",
    }


def summary_for_viewer(summary: dict, user) -> dict:
    """An import's summary: the full one for compliance staff, the shown one otherwise
    (tier counts and top findings over what partners may see)."""
    if not summary:
        return {}
    if sees_everything(user) and sees_import_counts(user):
        return {k: summary[k] for k in SUMMARY_KEYS if k in summary}
    shown = summary.get("shown") or {"tiers": {}, "findings": []}
    out = {k: summary[k] for k in SHOWN_SUMMARY_KEYS if k in summary}
    out.update(tiers=shown["tiers"], findings=shown["findings"])
    return out
