"""A report's status as a state machine: one table, one transition function.

Only `report_transition` changes a report's status, through the one transition helper
(`audit.transitions`): a conditional update (so two staff members cannot both move it)
and an audit event in the same transaction.
"""

from __future__ import annotations

from typing import Any

from audit.transitions import Workflow, transition_apply

from .models import Report

S = Report.Status
OPEN = frozenset(Report.OPEN_STATES)

TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "assess": (frozenset({S.RECEIVED}), S.IN_TRIAGE),
    "investigate": (frozenset({S.RECEIVED, S.IN_TRIAGE}), S.INVESTIGATING),
    "close": (OPEN, S.CLOSED),
}


REPORTS = Workflow(
    model=Report,
    table=TRANSITIONS,
    object_type="report",
    noun="report",
    stamp="updated_at",
    refused="A report that is {state} cannot be moved that way.",
)


def report_transition(
    *,
    report: Report,
    transition: str,
    actor,
    values: dict[str, Any] | None = None,
    changes: dict | None = None,
    comment: str = "",
) -> None:
    """Apply one named transition to `report` (`audit.transitions`), or raise Conflict (409)."""
    transition_apply(
        REPORTS, report, transition, actor=actor, values=values, changes=changes, comment=comment
    )
    report.refresh_from_db()
