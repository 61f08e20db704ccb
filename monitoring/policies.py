"""Who sees continuous due diligence. Compliance staff only: a run names the list update
that raised a deal, and an organisation's findings name the entry it matched, which
partners and sales reps must never learn (tipping-off)."""

from __future__ import annotations

from accounts.policies import is_compliance
from reviews import policies as review_policies


def why_not_monitor(user) -> str | None:
    """Read the monitoring page and API, organisations' findings."""
    if not is_compliance(user):
        return "Only compliance staff see re-screening runs and their findings."
    return None


def why_not_resolve_basis(user, opportunity) -> str | None:
    """Confirm or revise an approval whose basis changed: a case worker without a
    conflict of interest on the deal (the review workflow's own rule)."""
    if review_policies.authority(user) < 1:
        return "Only compliance reviewers confirm or revise an approval."
    return review_policies.conflict_of_interest(user, opportunity)
