"""The deal's status as an explicit state machine: named transitions, one table.

Only `opportunity_transition` (and, for many new deals at once, `opportunity_route_new`)
changes a deal's status, through the one transition helper (`audit.transitions`): a
conditional update so two concurrent actors cannot both move it, and an audit event in
the same transaction. What is particular to deals is the authority hold (checked once,
before the update) and the batched routing of new deals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection, models
from django.db.models import Case, Value, When

from accounts.policies import is_compliance
from audit.transitions import Workflow, transition_apply, transition_apply_many
from hrdd.errors import Conflict

from .models import Opportunity

S = Opportunity.Status
OPEN = {S.NEW, S.CLEARED, S.IN_REVIEW, S.ON_HOLD, S.BLOCKED}
UNDER_REVIEW = {S.IN_REVIEW, S.ON_HOLD, S.BLOCKED}
DECIDED = {S.APPROVED, S.APPROVED_WITH_CONDITIONS, S.REJECTED}

# transition name -> (allowed from, to)
TRANSITIONS: dict[str, tuple[set, set]] = {
    # a screening routes a deal by its tier (fresh, re-screened, or reopened)
    "route_cleared": ({S.NEW, S.CLEARED}, {S.CLEARED}),
    "route_review": (OPEN, {S.IN_REVIEW}),
    "route_hold": (OPEN, {S.ON_HOLD}),
    "route_block": (OPEN, {S.BLOCKED}),
    "reopen": (DECIDED, {S.IN_REVIEW, S.ON_HOLD, S.BLOCKED}),
    "approve": (UNDER_REVIEW, {S.APPROVED}),
    "approve_with_conditions": (UNDER_REVIEW, {S.APPROVED_WITH_CONDITIONS}),
    "reject": (UNDER_REVIEW, {S.REJECTED}),
    "withdraw": (OPEN | DECIDED, {S.WITHDRAWN}),
    # EU 2021/821 Art. 5: once the company is aware of a use linked to internal repression
    # or serious violations, the deal waits for the competent authority's answer.
    "authority_hold": (OPEN | DECIDED, {S.BLOCKED}),
    "authority_release": ({S.BLOCKED}, set(S) - {S.NEW, S.WITHDRAWN}),
    "authority_prohibit": ({S.BLOCKED}, {S.REJECTED}),
}
DEALS = Workflow(
    model=Opportunity,
    table=TRANSITIONS,
    object_type="opportunity",
    noun="deal",
    refused="A deal that is {state} cannot be moved to {to}.",
    # A held deal's status reads differently to partners and reps (`presenters`), so the
    # loser of a race is not told the state: the page it reloads shows it in their words.
    moved="The deal was changed by someone else; reload and try again.",
)
# The transitions that place or end an authority hold; every other one waits while it stands.
HOLD_TRANSITIONS = {"authority_hold", "authority_release", "authority_prohibit"}
HELD_NEUTRALLY = "The deal is in compliance review and cannot change now."

# Apps above the deal register checks that hold a deal where it is (the record of a
# notification to the competent authority): a check returns why, or None. Registered in
# those apps' `ready()`, so this module never imports them.
_HOLD_CHECKS: list[Callable[[int], str | None]] = []


def opportunity_hold_register(check: Callable[[int], str | None]) -> None:
    if check not in _HOLD_CHECKS:
        _HOLD_CHECKS.append(check)


def opportunity_hold_reason(opportunity_id: int) -> str | None:
    """Why the deal must stay where it is (None: it may move)."""
    for check in _HOLD_CHECKS:
        if reason := check(opportunity_id):
            return reason
    return None


TIER_STATUS = {
    "low": S.CLEARED,
    "medium": S.IN_REVIEW,
    "high": S.ON_HOLD,
    "critical": S.ON_HOLD,
    "prohibited": S.BLOCKED,
}


ROUTE_TRANSITION = {
    S.CLEARED: "route_cleared",
    S.IN_REVIEW: "route_review",
    S.ON_HOLD: "route_hold",
    S.BLOCKED: "route_block",
}


def status_for_tier(tier: str) -> str:
    return TIER_STATUS[tier]


def opportunity_transition(
    *,
    opportunity: Opportunity,
    transition: str,
    to: str,
    actor,
    comment: str = "",
    also: dict | None = None,
) -> Opportunity:
    """Apply one named transition, or raise Conflict if the table does not allow it, an
    authority hold keeps the deal where it is, or the deal is no longer where it was.

    `also`: other columns of the deal written by the same conditional UPDATE (a new
    deal's first screening), so the deal is written once instead of twice.
    """
    if DEALS.allows(transition, opportunity.status, to):  # else the helper says why not
        _require_not_held(opportunity, transition, actor)
    return _move(opportunity, transition, to, actor=actor, comment=comment, also=also)


def _require_not_held(opportunity: Opportunity, transition: str, actor) -> None:
    # A deal just registered cannot be held yet: no query on the registration path.
    if opportunity.status == S.NEW or transition in HOLD_TRANSITIONS:
        return
    if reason := opportunity_hold_reason(opportunity.pk):
        # Only compliance staff learn why (a notification to an authority is not news
        # for the channel); anyone else reads the neutral "in compliance review".
        raise Conflict(reason if is_compliance(actor) else HELD_NEUTRALLY)


def _move(
    opportunity: Opportunity, transition: str, to: str, *, actor, comment: str, also: dict | None
) -> Opportunity:
    """The transition itself, once the hold is checked (`audit.transitions`)."""
    transition_apply(
        DEALS,
        opportunity,
        transition,
        actor=actor,
        to=to,
        values=also,
        comment=comment,
        opportunity_id=opportunity.pk,
    )
    return opportunity


def opportunity_route(
    *, opportunity: Opportunity, tier: str, actor, reopen: bool = False, also: dict | None = None
) -> bool:
    """Move a freshly screened deal to the status its tier calls for. Returns whether the
    deal was written (and with it the columns in `also`)."""
    target = status_for_tier(tier)
    current = opportunity.status
    if current == target and not reopen:
        return False
    if current != S.NEW and opportunity_hold_reason(opportunity.pk):
        return False  # screened and recorded, but the deal stays held (see `opportunity_hold_register`)
    # The hold is checked above (a held deal stays quietly): `_move`, not `opportunity_transition`.
    if current in DECIDED:
        if reopen:
            to = target if target != S.CLEARED else S.IN_REVIEW
            _move(
                opportunity,
                "reopen",
                to,
                actor=actor,
                comment="Reopened: the deal changed or its risk rose after the decision",
                also=also,
            )
            return True
        return False
    if current == S.WITHDRAWN:
        return False
    _move(opportunity, ROUTE_TRANSITION[target], target, actor=actor, comment="", also=also)
    return True


def opportunity_route_new(*, routes: list[tuple[Opportunity, Any]], actor) -> None:
    """`opportunity_route` for many deals still new (registered in this transaction), each
    given with its first screening: one conditional UPDATE writes every deal's status
    and screening, one audit event records each transition (in one INSERT). Raises
    Conflict if any of them is no longer new (the caller's transaction then rolls back
    whole)."""
    if not routes:
        return
    if any(o.status != S.NEW for o, _ in routes):
        raise Conflict("Only new deals are routed together.")
    rows = [(o.pk, status_for_tier(s.tier), s.pk) for o, s in routes]
    transition_apply_many(
        DEALS,
        [(o, ROUTE_TRANSITION[to], to) for (o, _), (_, to, _) in zip(routes, rows, strict=True)],
        actor=actor,
        write=lambda _moves: _route_rows(rows),
        event_of=lambda o: {"opportunity_id": o.pk},
        moved="A deal was changed by someone else; reload and try again.",
    )


def _route_rows(rows: list[tuple[int, str, int]]) -> int:
    """Set (deal id, status, screening id) on deals still new; returns how many matched."""
    if connection.vendor == "postgresql":
        # Three arrays instead of a CASE per row: the statement's size and planning stay flat.
        table = Opportunity._meta.db_table
        with connection.cursor() as cur:
            cur.execute(
                f"UPDATE {table} AS o SET status = v.status, current_screening_id = v.sid "  # noqa: S608
                "FROM unnest(%s::bigint[], %s::text[], %s::bigint[]) AS v(id, status, sid) "
                "WHERE o.id = v.id AND o.status = %s",
                [[r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], S.NEW],
            )
            return cur.rowcount
    return Opportunity.objects.filter(pk__in=[r[0] for r in rows], status=S.NEW).update(
        status=Case(*(When(pk=i, then=Value(to)) for i, to, _ in rows)),
        current_screening=Case(
            *(When(pk=i, then=Value(sid)) for i, _, sid in rows),
            output_field=models.BigIntegerField(),
        ),
    )
