"""Demo decisions: some flagged demo deals decided, so the case pages show precedents, the
human-rights lead's report has pairs to compare, and a misuse report can reopen an
approved deal. Decided through the normal review services, as reviewers would."""

from __future__ import annotations

from accounts.models import User
from reviews.models import Decision, ReviewCase
from reviews.services import review_claim, review_decide, review_recommend

# Medium cases are decided by one reviewer; high ones by a second after a recommendation.
DECIDE_TIERS = ("medium", "high")
WHY_DIFFERENT = "Demo: decided differently from its precedents on purpose, to show the check."


def demo_decisions_load(*, limit: int = 12) -> int:
    """Decide up to `limit` open demo cases (every third one rejected), leaving every
    other later phase of a scenario open. Runs once: nothing when any decision exists."""
    if Decision.objects.exists():
        return 0
    reviewer = User.objects.get(username="reviewer")
    second = User.objects.get(username="reviewer2")
    cases = ReviewCase.objects.filter(status="new", tier__in=DECIDE_TIERS, escalation_level=1)
    made = 0
    twins = 0
    for case in cases.select_related("opportunity").order_by("id"):
        if made >= limit:
            break
        # Every other later phase of a decided deal stays open: its case page shows the
        # earlier phase as a close precedent.
        if "(phase" in case.opportunity.title:
            twins += 1
            if twins % 2 == 0:
                continue
        outcome = "reject" if made % 3 == 2 else "approve"
        feedback = "The end use could not be confirmed." if outcome == "reject" else ""
        case = review_claim(case=case, actor=reviewer)
        decider = reviewer
        if case.tier == "high":
            case = review_recommend(
                case=case, actor=reviewer, outcome=outcome, reasons="Demo recommendation."
            )
            decider = second
        review_decide(
            case=case,
            actor=decider,
            outcome=outcome,
            feedback=feedback,
            reasons=f"Demo decision ({case.tier}).",
            precedent_reason=WHY_DIFFERENT,
        )
        made += 1
    return made
