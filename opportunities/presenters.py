"""What partner users and sales reps see of a deal: a projection built from an allow-list.

Compliance staff see the deal as it is. Everyone else sees its status in words that never
tell one compliance hold from another: a hold reads as the hold its visible facts would
cause ("In compliance review", or heightened due diligence for a high-risk deal), never as
"blocked" or "hard stop" because a party matched a restricted-party list. A block with a
public cause (a sanctioned country in the deal) is named, since the partner knows it.

Pages, the API and the import exports take status and screening from here (and
`rules.presentation`), so a new output cannot show more than this allows. Notifications
and emails to partners and reps carry only what compliance wrote for them: questions,
the decision and its feedback (`reviews.notifications`).
"""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.policies import is_compliance

from .models import Opportunity

# Compliance staff see a deal as it is (the role check behind `rules.presentation`
# `sees_everything`, which screenings use).
sees_everything = is_compliance

S = Opportunity.Status
HELD = (S.IN_REVIEW, S.ON_HOLD, S.BLOCKED)
# A held deal's status as partners and reps see it, from the tier they are shown.
HELD_STATUS_FOR_SHOWN_TIER = {
    "low": S.IN_REVIEW,
    "medium": S.IN_REVIEW,
    "high": S.ON_HOLD,
    "critical": S.ON_HOLD,
    "prohibited": S.BLOCKED,
}
SHOWN_STATUS_LABELS = {
    S.NEW: "Registered, not yet screened",
    S.CLEARED: "Cleared",
    S.IN_REVIEW: "In compliance review",
    S.ON_HOLD: "In compliance review (heightened due diligence)",
    S.BLOCKED: "Blocked: a country in this deal is under sanctions",
    S.APPROVED: "Approved",
    S.APPROVED_WITH_CONDITIONS: "Approved with conditions",
    S.REJECTED: "Rejected",
    S.WITHDRAWN: "Withdrawn",
}


def shown_status(status: str, shown_tier: str) -> str:
    """The status partners and reps see, from the real one and the tier they are shown."""
    if status in HELD:
        return HELD_STATUS_FOR_SHOWN_TIER.get(shown_tier or "medium", S.IN_REVIEW)
    return status


def status_for_viewer(opportunity: Opportunity, user) -> tuple[str, str]:
    """(status code, label) of a deal as `user` may see it."""
    screening = opportunity.current_screening
    return status_words(
        opportunity.status, screening.shown_tier if screening else "", sees_everything(user)
    )


def status_words(status: str, shown_tier: str, everything: bool) -> tuple[str, str]:
    """(status code, label) from the stored status and the shown tier: for a list's rows
    read as values, which have no deal object. `everything`: `sees_everything(viewer)`."""
    if everything:
        return status, STATUS_LABELS.get(status, status)
    code = shown_status(status, shown_tier)
    return code, SHOWN_STATUS_LABELS[code]


STATUS_LABELS = dict(S.choices)


def tier_for_viewer(opportunity: Opportunity, user) -> tuple[str | None, int | None]:
    """(tier, score) for lists."""
    s = opportunity.current_screening
    if s is None:
        return None, None
    if sees_everything(user):
        return s.tier, s.score
    return s.shown_tier or "low", s.shown_score


def tier_fields(everything: bool) -> tuple[str, str]:
    """The screening's (tier, score) fields a list reads for this viewer: the shown ones
    for partners and reps, so the real ones never leave the database for them."""
    if everything:
        return "current_screening__tier", "current_screening__score"
    return "current_screening__shown_tier", "current_screening__shown_score"


def filter_status_tier(qs: QuerySet[Opportunity], user, *, status: str = "", tier: str = ""):
    """Filter a deal list by status and tier as this viewer sees them, so a filter can
    never find what the page would not show (e.g. `tier=prohibited` for a partner)."""
    if sees_everything(user):
        if status:
            qs = qs.filter(status=status)
        if tier:
            qs = qs.filter(current_screening__tier=tier)
        return qs
    if tier:
        qs = qs.filter(current_screening__shown_tier=tier)
    if status in HELD:
        tiers = [t for t, st in HELD_STATUS_FOR_SHOWN_TIER.items() if st == status]
        qs = qs.filter(status__in=HELD, current_screening__shown_tier__in=tiers)
    elif status:
        qs = qs.filter(status=status)
    return qs


def status_choices_for_viewer(user) -> list[tuple[str, str]]:
    if sees_everything(user):
        return list(S.choices)
    return [(c, label) for c, label in SHOWN_STATUS_LABELS.items()]
