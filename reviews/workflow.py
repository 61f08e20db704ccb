"""The review case's state machine: named transitions, one table, one transition function.

Only `_transition` changes a case's status. It checks the table, applies the change with a
conditional update (`filter(pk=…, status=old, **guard).update(…)` and the row count), and
writes the audit event in the same transaction, so two reviewers (or a reviewer and the
escalation sweep) can never both win.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from audit.models import AuditEvent
from audit.services import audit_record, audit_record_many
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


# how the winner of a conflicting transition is named: "<who> <did> this case first"
PAST_TENSE = {
    "claim": "claimed", "assign": "assigned", "request_information": "asked for information on",
    "answer": "answered", "recommend": "recommended", "send_back": "sent back",
    "approve": "approved", "approve_with_conditions": "approved with conditions",
    "reject": "rejected", "escalate": "escalated",
}  # fmt: skip


_TRANSITION_ACTIONS = [f"review_case.{name}" for name in TRANSITIONS]


def transition_allowed(transition: str, status: str) -> bool:
    allowed_from, _to = TRANSITIONS[transition]
    return status in allowed_from


def transition_conflict(case: ReviewCase, actor) -> Conflict:
    """A 409 saying where the case is now and, to compliance staff, who moved it last and
    when (partners and reps are not told which reviewer decided).

    Read from the database, not from `case`: the caller's copy is what was stale.
    """
    status = ReviewCase.objects.filter(pk=case.pk).values_list("status", flat=True).first()
    now_in = S(status).label.lower() if status else "gone"
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
    conflict_message: str = "",
    refresh: bool = True,
):
    """Apply one named transition to `case`, or raise Conflict.

    `guard` adds conditions the row must still meet (e.g. `assignee=None` for a claim,
    `escalation_level=2` for the sweep); `values` are the other columns the transition
    sets. Returns the audit event. `case` is refreshed from the database afterwards
    (unless `refresh` is off, as in the sweep, which does not read the case again).
    """
    allowed_from, to = TRANSITIONS[transition]
    old = case.status
    if old not in allowed_from:
        raise transition_conflict(case, actor)
    now = timezone.now()
    event = None
    # No savepoint: nothing is written unless the update matched, and the Conflict is
    # raised after the block, so a caller's transaction (the sweep's chunk) stays usable.
    with transaction.atomic(savepoint=False):
        updated = ReviewCase.objects.filter(pk=case.pk, status=old, **(guard or {})).update(
            status=to, updated_at=now, **(values or {})
        )
        if updated:
            event = audit_record(
                actor=actor,
                action=f"review_case.{transition}",
                object_type="review_case",
                object_id=case.pk,
                opportunity_id=case.opportunity_id,
                from_state=old,
                to_state=to,
                changes=changes or {},
                comment=comment,
            )
    if not updated:
        raise Conflict(conflict_message) if conflict_message else transition_conflict(case, actor)
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
    their status cannot move under it; the update is still conditional on the status
    the table allows, and raises Conflict if any row escaped. `changes_of(case)` and
    `comment_of(case)` give each event's details. Returns the audit events.
    """
    allowed_from, to = TRANSITIONS[transition]
    cases = [c for c in cases if c.status in allowed_from]
    if not cases:
        return []
    now = timezone.now()
    with transaction.atomic(savepoint=False):
        updated = ReviewCase.objects.filter(
            pk__in=[c.pk for c in cases], status__in=allowed_from
        ).update(status=to, updated_at=now, **values)
        if updated != len(cases):
            raise Conflict("Cases changed while locked; nothing was applied.")
        return audit_record_many(
            actor=actor,
            events=[
                {
                    "action": f"review_case.{transition}", "object_type": "review_case",
                    "object_id": c.pk, "opportunity_id": c.opportunity_id,
                    "from_state": c.status, "to_state": to, "changes": changes_of(c),
                    "comment": comment_of(c),
                }
                for c in cases
            ],
        )  # fmt: skip


# --- Conditions of an approval: their own small table ---------------------------------

C = CaseCondition.Status
CONDITION_TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "fulfil": (frozenset({C.OPEN}), C.FULFILLED),
    "verify": (frozenset({C.FULFILLED}), C.VERIFIED),
    "reject_evidence": (frozenset({C.FULFILLED}), C.OPEN),
}


def _condition_transition(
    *,
    condition: CaseCondition,
    transition: str,
    actor,
    values: dict | None = None,
    comment: str = "",
):
    """The same pattern for a condition: table check, conditional update, audit on the case."""
    allowed_from, to = CONDITION_TRANSITIONS[transition]
    old = condition.status
    if old not in allowed_from:
        raise Conflict(
            f"A condition that is {C(old).label.lower()} cannot be moved by '{transition.replace('_', ' ')}'."
        )
    event = None
    with transaction.atomic(savepoint=False):
        updated = CaseCondition.objects.filter(pk=condition.pk, status=old).update(
            status=to, **(values or {})
        )
        if updated:
            event = audit_record(
                actor=actor,
                action=f"condition.{transition}",
                object_type="review_case",
                object_id=condition.case_id,
                opportunity_id=condition.opportunity_id,
                from_state=old,
                to_state=to,
                changes={"condition_id": condition.pk, "mitigation": condition.mitigation.code},
                comment=comment,
            )
    if not updated:
        raise Conflict("The condition was changed by someone else; reload and try again.")
    condition.refresh_from_db()
    return event
