"""The review case's state machine: named transitions, one table, one transition function.

Only `_transition` changes a case's status, through the one transition helper
(`audit.transitions`): the table, a conditional update (`status=old` and the `guard`),
the audit event in the same transaction, so two reviewers (or a reviewer and the
escalation sweep) can never both win. What is particular to cases is how a loser is
told: who moved the case first, when, and where it is now (`transition_conflict`).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from audit.models import AuditEvent
from audit.transitions import Workflow, transition_apply, transition_apply_many
from hrdd.errors import Conflict

from .models import CaseCondition, ReviewCase

S = ReviewCase.Status
OPEN = frozenset(ReviewCase.OPEN_STATES)
DECIDED = frozenset({S.APPROVED, S.APPROVED_WITH_CONDITIONS, S.REJECTED})

# transition name -> (allowed from, to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "claim": (frozenset({S.NEW, S.ESCALATED}), S.IN_REVIEW),
    "assign": (frozenset({S.NEW, S.ESCALATED, S.IN_REVIEW}), S.IN_REVIEW),
    "request_information": (frozenset({S.IN_REVIEW}), S.INFORMATION_REQUESTED),
    "answer": (frozenset({S.INFORMATION_REQUESTED}), S.IN_REVIEW),
    "recommend": (frozenset({S.IN_REVIEW}), S.RECOMMENDED),
    # the decider sends a recommendation back, or the deal changed under it
    "send_back": (frozenset({S.RECOMMENDED}), S.IN_REVIEW),
    "approve": (frozenset({S.IN_REVIEW, S.RECOMMENDED}), S.APPROVED),
    "approve_with_conditions": (
        frozenset({S.IN_REVIEW, S.RECOMMENDED}),
        S.APPROVED_WITH_CONDITIONS,
    ),
    "reject": (frozenset({S.IN_REVIEW, S.RECOMMENDED}), S.REJECTED),
    "escalate": (OPEN, S.ESCALATED),
}
CASES = Workflow(
    model=ReviewCase,
    table=TRANSITIONS,
    object_type="review_case",
    noun="case",
    stamp="updated_at",
)

# how the winner of a conflicting transition is named: "<who> <did> this case first"
PAST_TENSE = {
    "claim": "claimed",
    "assign": "assigned",
    "request_information": "asked for information on",
    "answer": "answered",
    "recommend": "recommended",
    "send_back": "sent back",
    "approve": "approved",
    "approve_with_conditions": "approved with conditions",
    "reject": "rejected",
    "escalate": "escalated",
}


_TRANSITION_ACTIONS = [f"review_case.{name}" for name in TRANSITIONS]


def transition_allowed(transition: str, status: str) -> bool:
    return CASES.allows(transition, status)


def transition_conflict(case: ReviewCase, actor) -> Conflict:
    """A 409 saying where the case is now and, to compliance staff, who moved it last and
    when (partners and reps are not told which reviewer decided).

    Read from the database, not from `case`: the caller's copy is what was stale.
    """
    now_in = CASES.words(CASES.state_now(case.pk))
    if not getattr(actor, "is_reviewer", False):
        return Conflict(f"The case was changed by someone else; it is now {now_in}.")
    last = (
        AuditEvent.objects.filter(
            object_type="review_case", object_id=str(case.pk), action__in=_TRANSITION_ACTIONS
        )
        .order_by("-id")
        .values("actor_label", "action", "created_at")
        .first()
    )
    if last is None:
        return Conflict(f"The case was changed by someone else; it is now {now_in}.")
    verb = PAST_TENSE.get(last["action"].removeprefix("review_case."), "changed")
    when = timezone.localtime(last["created_at"]).strftime("%Y-%m-%d %H:%M")
    return Conflict(f"{last['actor_label']} {verb} this case first ({when}); it is now {now_in}.")


def require_transition(case: ReviewCase, transition: str, actor) -> None:
    """Conflict (409, naming who won) when the case's state no longer allows `transition`
    and `actor` is compliance staff.

    Services call this before the permission checks: a case someone else has just moved
    is a lost race for a reviewer, not a missing right (a 403). Anyone else goes on to
    the permission checks, which refuse them as before.
    """
    if not transition_allowed(transition, case.status) and getattr(actor, "is_reviewer", False):
        raise transition_conflict(case, actor)


def _transition(
    *,
    case: ReviewCase,
    transition: str,
    actor,
    guard: dict[str, Any] | None = None,
    values: dict[str, Any] | None = None,
    changes: dict | None = None,
    comment: str = "",
    refresh: bool = True,
):
    """Apply one named transition to `case` (`audit.transitions.transition_apply`), or
    raise Conflict naming who moved it first.

    `guard` adds conditions the row must still meet (e.g. `assignee=None` for a claim,
    `escalation_level=2` for the sweep); `values` are the other columns the transition
    sets. Returns the audit event. `case` is refreshed from the database afterwards
    (unless `refresh` is off, as in the sweep, which does not read the case again).
    """
    event = transition_apply(
        CASES,
        case,
        transition,
        actor=actor,
        guard=guard,
        values=values,
        changes=changes,
        comment=comment,
        opportunity_id=case.opportunity_id,
        conflict=transition_conflict,
    )
    if refresh:
        case.refresh_from_db()
    return event


def _transition_locked_many(
    *,
    cases: list[ReviewCase],
    transition: str,
    actor,
    values: dict[str, Any],
    changes_of,
    comment_of,
) -> list:
    """Apply one transition to many cases with one UPDATE, and one audit event each.

    The caller holds the cases' rows locked (select_for_update, in its transaction), so
    their status cannot move under it; cases the table does not allow it from are left
    out, and Conflict is raised if any other row escaped. `changes_of(case)` and
    `comment_of(case)` give each event's details. Returns the audit events.
    """
    to = CASES.target(transition)
    return transition_apply_many(
        CASES,
        [(c, transition, to) for c in cases if transition_allowed(transition, c.status)],
        actor=actor,
        values=values,
        event_of=lambda c: {
            "opportunity_id": c.opportunity_id,
            "changes": changes_of(c),
            "comment": comment_of(c),
        },
        moved="Cases changed while locked; nothing was applied.",
    )


# --- Conditions of an approval: their own small table ---------------------------------

C = CaseCondition.Status
CONDITION_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "fulfil": (frozenset({C.OPEN}), C.FULFILLED),
    "verify": (frozenset({C.FULFILLED}), C.VERIFIED),
    "reject_evidence": (frozenset({C.FULFILLED}), C.OPEN),
}


CONDITIONS = Workflow(
    model=CaseCondition,
    table=CONDITION_TRANSITIONS,
    object_type="review_case",
    action_prefix="condition",
    noun="condition",
)


def _condition_transition(
    *,
    condition: CaseCondition,
    transition: str,
    actor,
    values: dict | None = None,
    comment: str = "",
):
    """A condition's transition; its audit event is recorded on the case."""
    event = transition_apply(
        CONDITIONS,
        condition,
        transition,
        actor=actor,
        values=values,
        comment=comment,
        object_id=condition.case_id,
        opportunity_id=condition.opportunity_id,
        changes={"condition_id": condition.pk, "mitigation": condition.mitigation.code},
    )
    condition.refresh_from_db()
    return event
