"""What each viewer may see of a screening.

Reviewers see everything. Everyone else (sales reps, partner users) sees the tier, the
findings and what is asked of them, but never restricted-party match details: telling a
party it matched a sanctions list ("tipping off") can defeat the screening.
"""

from __future__ import annotations

HIDDEN_DIMENSIONS = {"restricted_party"}
PLAIN_TIER = {
    "low": "Cleared: standard terms apply.",
    "medium": "Standard review: compliance will check the deal; you may be asked for an end-use statement.",
    "high": "On hold for heightened due diligence: compliance reviewers must approve before the sale.",
    "critical": "On hold for a committee decision: the human-rights committee must approve before the sale.",
    "prohibited": "Blocked pending compliance checks: do not proceed; compliance will contact you.",
}


def _visible_evidence(evidence: dict) -> dict:
    return {k: v for k, v in evidence.items() if not k.startswith("restricted_party.")}


def screening_for_viewer(screening, user) -> dict | None:
    if screening is None:
        return None
    full = user is not None and getattr(user, "is_reviewer", False)
    findings = []
    for f in screening.findings:
        if not full and f["dimension"] in HIDDEN_DIMENSIONS:
            continue
        item = {
            "code": f["code"],
            "name": f["name"],
            "dimension": f["dimension"],
            "explanation": f["explanation"],
            "evidence": f["evidence"] if full else _visible_evidence(f["evidence"]),
            "severity": f["severity"],
            "likelihood": f["likelihood"],
            "outcome": f["outcome"],
            "ask": f.get("ask", ""),
        }
        if full:
            item["reasoning"] = f.get("reasoning", "")
            item["source"] = f.get("source", "")
        findings.append(item)
    asks = list(dict.fromkeys(f["ask"] for f in findings if f.get("ask")))
    return {
        "tier": screening.tier,
        "score": screening.score,
        "severity": screening.severity,
        "likelihood": screening.likelihood,
        "criteria_version": screening.criteria_version.number,
        "screened_at": screening.created_at,
        "summary": PLAIN_TIER.get(screening.tier, ""),
        "reasons": list(screening.reasons) if full else [PLAIN_TIER.get(screening.tier, "")],
        "asks": asks,
        "findings": findings,
    }


def restricted_party_explained(screening, user) -> dict | None:
    """Why each party matched or possibly matched a list entry, and the thresholds the
    screening used: for compliance staff only (None for anyone else, or when nothing
    matched)."""
    if screening is None or not getattr(user, "is_reviewer", False):
        return None
    snap = screening.snapshot or {}
    lines = snap.get("restricted_party.explanations") or []
    if not lines:
        return None
    return {
        "lines": list(lines),
        "match_threshold": snap.get("restricted_party.match_threshold"),
        "possible_match_threshold": snap.get("restricted_party.possible_match_threshold"),
    }
