"""The questionnaire's state machine: named transitions, one table, one transition function.

Only `questionnaire_transition` changes a questionnaire's status: it checks the table,
applies the change with a conditional update (and the row count), and writes the audit
event in the same transaction, so a reviewer accepting and a partner re-editing, or two
reviewers, can never both win (the loser gets a 409).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from audit.services import audit_record
from hrdd.errors import Conflict

from .models import Questionnaire

S = Questionnaire.Status

# transition name -> (allowed from, to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "submit": (frozenset({S.SENT, S.RETURNED}), S.SUBMITTED),
    "return": (frozenset({S.SUBMITTED}), S.RETURNED),
    "accept": (frozenset({S.SUBMITTED}), S.ACCEPTED),
    "decline": (frozenset({S.SENT, S.RETURNED}), S.DECLINED),
}


def transition_allowed(transition: str, status: str) -> bool:
    return status in TRANSITIONS[transition][0]


def questionnaire_transition(
    *,
    questionnaire: Questionnaire,
    transition: str,
    actor,
    values: dict[str, Any] | None = None,
    changes: dict[str, Any] | None = None,
) -> Questionnaire:
    """Move the questionnaire along `transition`, or raise Conflict if someone moved it first."""
    allowed_from, to = TRANSITIONS[transition]
    with transaction.atomic():
        updated = Questionnaire.objects.filter(pk=questionnaire.pk, status__in=allowed_from).update(
            status=to, **(values or {})
        )
        if not updated:
            now = Questionnaire.objects.filter(pk=questionnaire.pk).values_list("status", flat=True)
            label = S(now[0]).label.lower() if now else "gone"
            raise Conflict(f"The questionnaire was changed by someone else; it is now {label}.")
        audit_record(
            actor=actor,
            action=f"partner_questionnaire.{transition}",
            object_type="partner_questionnaire",
            object_id=questionnaire.pk,
            from_state=questionnaire.status,
            to_state=to,
            changes={"organisation_id": questionnaire.organisation_id, **(changes or {})},
        )
    questionnaire.refresh_from_db()
    return questionnaire
