"""Where a deal stands, for the banner at the top of its page.

One sentence for the status the viewer may see (partners and reps: the projection of
`presenters.status_for_viewer`, so the banner never tells one compliance hold from another),
what happens next, and what the viewer must do: answer an open question, meet a condition,
or provide what the screening asks for. "What you need to do" shows only while it applies:
never on a decided, cleared or withdrawn deal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Opportunity
from .presenters import status_for_viewer

S = Opportunity.Status
# (tone, what happens next), by the status the viewer is shown.
NEXT_STEP = {
    S.NEW: ("pending", "The deal is being screened; this page updates when it is done."),
    S.CLEARED: ("good", "You may proceed with the sale on standard terms."),
    S.IN_REVIEW: (
        "pending",
        "Compliance is reviewing the deal and may ask you for information. "
        "Do not proceed with the sale until it is cleared.",
    ),
    S.ON_HOLD: (
        "pending",
        "The deal is on hold for heightened due diligence: compliance reviewers must "
        "approve it before the sale.",
    ),
    S.BLOCKED: ("bad", "Do not proceed with the sale; compliance will contact you."),
    S.APPROVED: ("good", "Compliance approved the deal: you may proceed with the sale."),
    S.APPROVED_WITH_CONDITIONS: (
        "good",
        "Compliance approved the deal with conditions: proceed only as the conditions below say.",
    ),
    S.REJECTED: ("bad", "Compliance rejected the deal: do not proceed with the sale."),
    S.WITHDRAWN: ("neutral", "The deal was withdrawn; nothing more is needed."),
}
DECIDED = (S.APPROVED, S.APPROVED_WITH_CONDITIONS, S.REJECTED)
# Statuses in which the screening's asks still apply to the submitter.
ASKS_APPLY = (S.NEW, S.IN_REVIEW, S.ON_HOLD, S.BLOCKED)


@dataclass
class Standing:
    status: str
    label: str
    tone: str
    next_step: str
    decision: object | None = None
    conditions: list = field(default_factory=list)
    open_requests: list = field(default_factory=list)
    asks: list[str] = field(default_factory=list)
    my_conditions: list = field(default_factory=list)

    @property
    def to_do(self) -> bool:
        return bool(self.open_requests or self.asks or self.my_conditions)


def opportunity_standing(*, opportunity: Opportunity, user, screening: dict | None, review: dict):
    """The banner's content for `user`, from what the page already loaded for them (the
    screening as `rules.presentation` projects it, and `reviews.selectors`' panel)."""
    status, label = status_for_viewer(opportunity, user)
    tone, next_step = NEXT_STEP.get(status, ("neutral", ""))
    decided = opportunity.status in DECIDED
    decision = (review or {}).get("decision") if decided else None
    conditions = list((review or {}).get("conditions") or []) if decision else []
    standing = Standing(
        status=status,
        label=label,
        tone=tone,
        next_step=next_step,
        decision=decision,
        conditions=conditions,
        open_requests=list((review or {}).get("my_requests") or []),
        my_conditions=[c for c in conditions if c.status == "open" and c.owner_id == user.pk],
    )
    if opportunity.status in ASKS_APPLY and screening:
        standing.asks = list(screening.get("asks") or [])
    return standing
