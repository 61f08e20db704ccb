"""The case's state machine: every transition from every state, allowed or refused.

The expected table is written out here as the specification; the test checks the module's
table matches it and that `_transition` enforces it (a refused move raises Conflict and
changes nothing; an allowed one moves the case and writes one audit event).
"""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from hrdd.errors import Conflict
from reviews.models import CaseCondition, ReviewCase
from reviews.workflow import CONDITION_TRANSITIONS, TRANSITIONS, _condition_transition, _transition

pytestmark = pytest.mark.django_db

STATES = [s for s, _ in ReviewCase.Status.choices]
OPEN = {"new", "in_review", "information_requested", "recommended", "escalated"}
SPEC = {
    "claim": ({"new", "escalated"}, "in_review"),
    "assign": ({"new", "escalated", "in_review"}, "in_review"),
    "request_information": ({"in_review"}, "information_requested"),
    "answer": ({"information_requested"}, "in_review"),
    "recommend": ({"in_review"}, "recommended"),
    "send_back": ({"recommended"}, "in_review"),
    "approve": ({"in_review", "recommended"}, "approved"),
    "approve_with_conditions": ({"in_review", "recommended"}, "approved_with_conditions"),
    "reject": ({"in_review", "recommended"}, "rejected"),
    "escalate": (OPEN, "escalated"),
}


def test_the_transition_table_is_the_specified_one():
    assert {name: (set(src), dst) for name, (src, dst) in TRANSITIONS.items()} == SPEC


def test_decided_states_are_final():
    for name, (src, _dst) in TRANSITIONS.items():
        assert not src & {"approved", "approved_with_conditions", "rejected"}, name


@pytest.fixture
def a_case(make_deal, case_of):
    return case_of(make_deal("medium"))


@pytest.mark.parametrize("transition", sorted(SPEC))
@pytest.mark.parametrize("state", STATES)
def test_every_transition_from_every_state(a_case, transition, state):
    # Test set-up only: put the case in `state` directly (services never do this).
    ReviewCase.objects.filter(pk=a_case.pk).update(status=state)
    a_case.refresh_from_db()
    before = AuditEvent.objects.count()
    allowed_from, to = SPEC[transition]
    if state in allowed_from:
        _transition(case=a_case, transition=transition, actor=None)
        assert a_case.status == to
        event = AuditEvent.objects.order_by("-id").first()
        assert AuditEvent.objects.count() == before + 1
        assert (event.action, event.from_state, event.to_state) == (
            f"review_case.{transition}",
            state,
            to,
        )
        assert (event.object_type, event.object_id) == ("review_case", str(a_case.pk))
    else:
        with pytest.raises(Conflict):
            _transition(case=a_case, transition=transition, actor=None)
        a_case.refresh_from_db()
        assert a_case.status == state
        assert AuditEvent.objects.count() == before


def test_a_stale_case_object_loses_to_the_row_in_the_database(a_case):
    stale = ReviewCase.objects.get(pk=a_case.pk)
    _transition(case=a_case, transition="claim", actor=None)
    with pytest.raises(Conflict):
        _transition(case=stale, transition="claim", actor=None)  # still "new" in memory only


CONDITION_SPEC = {
    "fulfil": ({"open"}, "fulfilled"),
    "verify": ({"fulfilled"}, "verified"),
    "reject_evidence": ({"fulfilled"}, "open"),
}


def test_the_condition_table_is_the_specified_one():
    assert {n: (set(s), d) for n, (s, d) in CONDITION_TRANSITIONS.items()} == CONDITION_SPEC


@pytest.mark.parametrize("transition", sorted(CONDITION_SPEC))
@pytest.mark.parametrize("state", ["open", "fulfilled", "verified"])
def test_every_condition_transition_from_every_state(approved_condition, transition, state):
    CaseCondition.objects.filter(pk=approved_condition.pk).update(status=state)
    approved_condition.refresh_from_db()
    allowed_from, to = CONDITION_SPEC[transition]
    if state in allowed_from:
        _condition_transition(condition=approved_condition, transition=transition, actor=None)
        assert approved_condition.status == to
    else:
        with pytest.raises(Conflict):
            _condition_transition(condition=approved_condition, transition=transition, actor=None)
        approved_condition.refresh_from_db()
        assert approved_condition.status == state
