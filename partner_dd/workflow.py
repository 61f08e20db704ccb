"""The questionnaire's state machine: named transitions, one table, one transition function.

Only `questionnaire_transition` changes a questionnaire's status, through the one
transition helper (`audit.transitions`): the table, a conditional update and the audit
event in the same transaction, so a reviewer accepting and a partner re-editing, or two
reviewers, can never both win (the loser gets a 409).
"""

from __future__ import annotations

from typing import Any

from audit.transitions import Workflow, transition_apply
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


QUESTIONNAIRES = Workflow(
    model=Questionnaire,
    table=TRANSITIONS,
    object_type="partner_questionnaire",
    noun="questionnaire",
)


def _moved(questionnaire: Questionnaire, _actor) -> Conflict:
    # The policies refuse a move the table does not allow before this runs, so either
    # refusal here means the caller's copy is stale: both name the state in the database.
    now = QUESTIONNAIRES.state_now(questionnaire.pk)
    return Conflict(
        f"The questionnaire was changed by someone else; it is now {QUESTIONNAIRES.words(now)}."
    )


def transition_allowed(transition: str, status: str) -> bool:
    return QUESTIONNAIRES.allows(transition, status)


def questionnaire_transition(
    *,
    questionnaire: Questionnaire,
    transition: str,
    actor,
    values: dict[str, Any] | None = None,
    changes: dict[str, Any] | None = None,
) -> Questionnaire:
    """Move the questionnaire along `transition` (`audit.transitions`), or raise Conflict
    if someone moved it first."""
    transition_apply(
        QUESTIONNAIRES,
        questionnaire,
        transition,
        actor=actor,
        values=values,
        changes={"organisation_id": questionnaire.organisation_id, **(changes or {})},
        conflict=_moved,
    )
    questionnaire.refresh_from_db()
    return questionnaire
