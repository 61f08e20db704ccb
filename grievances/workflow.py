"""A report's status as a state machine: one table, one transition function.

Only `report_transition` changes a report's status, with a conditional update (so two
staff members cannot both move it) and an audit event in the same transaction.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from hrdd.errors import Conflict

from .models import Report

S = Report.Status
OPEN = frozenset(Report.OPEN_STATES)

TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "assess": (frozenset({S.RECEIVED}), S.IN_TRIAGE),
    "investigate": (frozenset({S.RECEIVED, S.IN_TRIAGE}), S.INVESTIGATING),
    "close": (OPEN, S.CLOSED),
}


def report_transition(
    *, report: Report, transition: str, actor, values: dict[str, Any] | None = None,
    changes: dict | None = None, comment: str = "",
) -> None:  # fmt: skip
    """Apply one named transition to `report`, or raise Conflict (409)."""
    allowed_from, to = TRANSITIONS[transition]
    old = report.status
    if old not in allowed_from:
        raise Conflict(f"A report that is {S(old).label.lower()} cannot be moved that way.")
    with transaction.atomic(savepoint=False):
        updated = Report.objects.filter(pk=report.pk, status=old).update(
            status=to, updated_at=timezone.now(), **(values or {})
        )
        if updated:
            audit_record(
                actor=actor, action=f"report.{transition}", object_type="report",
                object_id=report.pk, from_state=old, to_state=to, changes=changes or {},
                comment=comment,
            )  # fmt: skip
    if not updated:
        raise Conflict("The report was changed by someone else; reload and try again.")
    report.refresh_from_db()
