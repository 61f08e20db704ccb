"""What each party in the channel should do about a deal, where its leverage lies.

The domain notes' table of leverage by channel position: the vendor gates registrations
and flows terms down; a distributor checks its resellers, screens each order, flows terms
down and can refuse to fulfil; a reseller or integrator knows the end user and does the
installation work. Plain Python: given the channel roles and the (viewer-projected)
findings, it returns, per position, the steps that apply to this deal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

POSITION_NAMES = {
    "vendor": "Vendor (you, the account team)",
    "distributor": "Distributor",
    "reseller": "Reseller",
    "integrator": "System integrator",
    "agent": "Sales agent or broker",
}
_ORDER_DIMENSIONS = {"end_user", "intended_use", "channel_red_flag", "country_context"}


def _distributor(dims: set[str], codes: set[str], elevated: bool) -> list[str]:
    steps = [
        "Check the reseller below you in this deal: its due-diligence profile is answered "
        "and accepted, and its staff are trained."
    ]
    if dims & _ORDER_DIMENSIONS:
        steps.append(
            "Screen this order against the red flags shown and collect the end user's name, "
            "use and places of use from the reseller before you fulfil it."
        )
    if "partner" in dims:
        steps.append(
            "Flow the vendor's human-rights clauses down to the reseller and get them signed."
        )
    if elevated:
        steps.append("Hold fulfilment until compliance has decided; you may refuse to fulfil.")
    return steps


def _reseller(dims: set[str], codes: set[str], elevated: bool) -> list[str]:
    steps = [
        "Ask the end user for a signed end-use statement naming the use, the places of use "
        "and no re-export: you know the end user best."
    ]
    if any("CUSTOM" in c for c in codes):  # customisation criteria (RF-CUSTOMIZATION, …)
        steps.append(
            "Do no installation, integration or customisation beyond the approved scope: "
            "that work is where a sale can contribute to harm."
        )
    if dims & {"end_user", "country_context"}:
        steps.append("Visit the site or ask how access to the system and its logs is controlled.")
    if elevated:
        steps.append("Do not deploy until compliance has decided; you may refuse to deploy.")
    return steps


def _agent(dims: set[str], codes: set[str], elevated: bool) -> list[str]:
    return ["Disclose the end customer and the final consignee to the vendor and the distributor."]


def _vendor(dims: set[str], codes: set[str], elevated: bool) -> list[str]:
    steps = ["Keep the deal registration gate: no discount or support until the deal is cleared."]
    if elevated:
        steps.append(
            "Attach the flow-down clauses, audit rights and licence or support withdrawal if the product is used to harm people."
        )
    return steps


_STEPS = {
    "vendor": _vendor,
    "distributor": _distributor,
    "reseller": _reseller,
    "integrator": _reseller,
    "agent": _agent,
}


def leverage_by_position(
    *, roles: Iterable[str], findings: Iterable[Mapping[str, Any]], tier: str, held: bool = False
) -> list[tuple[str, list[str]]]:
    """(position name, steps) for each position present in the deal, vendor first. `held`:
    the deal is in compliance review as the viewer is shown it, whatever the tier they
    are shown (a hidden cause, such as a list match, holds a low-tier deal too)."""
    findings = list(findings)
    dims = {f.get("dimension", "") for f in findings}
    codes = {f.get("code", "") for f in findings}
    elevated = held or tier in ("medium", "high", "critical", "prohibited")
    present = ["vendor", *dict.fromkeys(r for r in roles if r in _STEPS and r != "vendor")]
    return [(POSITION_NAMES[r], _STEPS[r](dims, codes, elevated)) for r in present]
