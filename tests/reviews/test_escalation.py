"""SLA escalation with the clock moved by time-machine (no sleeps): the sweep escalates a
case past its target one level, records why, notifies the new level, and is idempotent."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail

from audit.models import AuditEvent
from hrdd.errors import Conflict
from reviews import tasks
from reviews.models import CaseCondition, Notification, ReviewCase
from reviews.services import conditions_flag_overdue, review_claim, review_escalate_overdue
from reviews.services.escalation import _escalate
from tests.reviews.conftest import MONDAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def medium_case(make_deal, case_of, reviewer, senior_reviewer, committee_member):
    with time_machine.travel(MONDAY, tick=False):
        case = review_claim(case=case_of(make_deal("medium")), actor=reviewer)
    assert case.due_at == datetime(2026, 3, 4, 9, tzinfo=UTC)  # Monday + 2 business days
    return case


def test_it_does_not_escalate_a_case_before_its_target(medium_case):
    with time_machine.travel("2026-03-04 08:59:59+00:00", tick=False):
        assert review_escalate_overdue() == 0
    medium_case.refresh_from_db()
    assert (medium_case.escalation_level, medium_case.status) == (1, "in_review")


def test_it_escalates_a_case_past_its_sla(
    medium_case, senior_reviewer, reviewer, django_capture_on_commit_callbacks
):
    with time_machine.travel("2026-03-04 09:00:00+00:00", tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert tasks.review_escalate_overdue() == 1  # the beat task, run inline
    case = ReviewCase.objects.get(pk=medium_case.pk)
    assert (case.escalation_level, case.status, case.assignee_id) == (2, "escalated", None)
    assert case.due_at == datetime(
        2026, 3, 5, 9, tzinfo=UTC
    )  # the senior level gets 1 business day
    event = AuditEvent.objects.get(action="review_case.escalate", object_id=str(case.pk))
    assert event.actor is None and event.actor_label == "system"
    assert (event.from_state, event.to_state) == ("in_review", "escalated")
    assert event.changes["from_level"] == 1 and event.changes["to_level"] == 2
    assert event.changes["previous_assignee"] == "rob_reviewer"
    assert "Past its medium target" in event.comment
    # the new owners hear about it, in the inbox and by email
    note = Notification.objects.get(recipient=senior_reviewer, event_id=event.pk)
    assert "Escalated to you" in note.title
    assert any(senior_reviewer.email in m.to for m in mail.outbox)
    assert not Notification.objects.filter(recipient=reviewer, event_id=event.pk).exists()


def test_running_the_sweep_twice_escalates_once(medium_case):
    with time_machine.travel("2026-03-04 10:00:00+00:00", tick=False):
        assert review_escalate_overdue() == 1
        assert review_escalate_overdue() == 0
    assert AuditEvent.objects.filter(action="review_case.escalate").count() == 1
    assert ReviewCase.objects.get(pk=medium_case.pk).escalation_level == 2


def test_a_second_worker_holding_a_stale_row_loses(medium_case):
    with time_machine.travel("2026-03-04 10:00:00+00:00", tick=False):
        stale = ReviewCase.objects.select_related("opportunity", "assignee").get(pk=medium_case.pk)
        assert review_escalate_overdue() == 1
        with pytest.raises(Conflict):
            _escalate(case=stale, actor=None, to_level=2, reason="duplicate", overdue_only=True)
    assert ReviewCase.objects.get(pk=medium_case.pk).escalation_level == 2


def test_a_case_that_fell_due_while_no_worker_ran_escalates_once_when_one_comes_back(medium_case):
    # nothing ran for a week; the timer is a column, so the first sweep afterwards catches up
    with time_machine.travel("2026-03-11 09:00:00+00:00", tick=False):
        assert review_escalate_overdue() == 1
        case = ReviewCase.objects.get(pk=medium_case.pk)
        assert case.escalation_level == 2  # one level per missed target, not a jump to the top
        assert case.due_at == datetime(2026, 3, 12, 9, tzinfo=UTC)


def test_it_climbs_to_the_committee_and_stops(medium_case):
    for when, level in [("2026-03-04 09:00", 2), ("2026-03-05 09:00", 3), ("2026-03-20 09:00", 3)]:
        with time_machine.travel(f"{when}:00+00:00", tick=False):
            review_escalate_overdue()
        assert ReviewCase.objects.get(pk=medium_case.pk).escalation_level == level
    assert AuditEvent.objects.filter(action="review_case.escalate").count() == 2


def test_weekends_do_not_count(make_deal, case_of):
    with time_machine.travel("2026-03-06 16:00:00+00:00", tick=False):  # Friday
        case = case_of(make_deal("medium"))
    assert case.due_at == datetime(2026, 3, 10, 16, tzinfo=UTC)  # Tuesday
    with time_machine.travel("2026-03-09 17:00:00+00:00", tick=False):  # Monday evening
        assert review_escalate_overdue() == 0


def test_a_prohibited_case_has_no_timer_and_never_escalates_by_sla(make_deal, case_of):
    with time_machine.travel(MONDAY, tick=False):
        case = case_of(make_deal("prohibited"))
    with time_machine.travel("2027-01-01 09:00:00+00:00", tick=False):
        assert review_escalate_overdue() == 0
    assert ReviewCase.objects.get(pk=case.pk).escalation_level == 2


def test_decided_cases_are_never_escalated(medium_case, reviewer):
    from reviews.services import review_decide

    with time_machine.travel(MONDAY, tick=False):
        review_decide(case=medium_case, actor=reviewer, outcome="approve", reasons="ok")
    with time_machine.travel("2026-04-01 09:00:00+00:00", tick=False):
        assert review_escalate_overdue() == 0


def test_an_edited_target_applies_to_new_cases(make_deal, case_of, admin_user):
    from reviews.services import escalation_policy_update

    with time_machine.travel(MONDAY, tick=False):
        escalation_policy_update(
            actor=admin_user,
            tier="medium",
            target_business_days=5,
            start_level=1,
            level_business_days=2,
        )
        case = case_of(make_deal("medium"))
    assert case.due_at == datetime(2026, 3, 9, 9, tzinfo=UTC)
    assert AuditEvent.objects.filter(action="escalation_policy.updated").exists()


# --- Conditions after the sale --------------------------------------------------------------


def test_an_overdue_condition_notifies_and_escalates_idempotently(
    approved_condition, sales_rep, reviewer, senior_reviewer, django_capture_on_commit_callbacks
):
    assert approved_condition.due_date.isoformat() == "2026-12-31"
    with time_machine.travel("2026-12-31 23:00:00+00:00", tick=False):
        assert conditions_flag_overdue() == 0  # due today is not overdue yet
    with time_machine.travel("2027-01-01 08:00:00+00:00", tick=False):  # a Friday
        with django_capture_on_commit_callbacks(execute=True):
            assert tasks.conditions_flag_overdue() == 1
            assert tasks.conditions_flag_overdue() == 0
    condition = CaseCondition.objects.get(pk=approved_condition.pk)
    assert condition.escalation_level == 1
    first = AuditEvent.objects.get(action="condition.overdue")
    assert first.object_type == "review_case" and first.changes["condition_id"] == condition.pk
    assert {n.recipient for n in Notification.objects.filter(event_id=first.pk)} == {
        sales_rep,
        reviewer,
    }
    # still not done two business days later: the senior reviewers hear about it
    with time_machine.travel("2027-01-05 08:00:00+00:00", tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert conditions_flag_overdue() == 1
    second = AuditEvent.objects.filter(action="condition.overdue").order_by("-id").first()
    assert senior_reviewer in {n.recipient for n in Notification.objects.filter(event_id=second.pk)}


def test_a_fulfilled_condition_is_not_flagged(approved_condition, sales_rep):
    from reviews.services import condition_fulfil

    condition_fulfil(
        condition=approved_condition, actor=sales_rep, evidence_note="Signed certificate on file."
    )
    with time_machine.travel("2027-02-01 08:00:00+00:00", tick=False):
        assert conditions_flag_overdue() == 0


def _sweep_statements(now: str) -> tuple[int, int]:
    """(statements besides the audit trail, audit statements) of one sweep."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.opportunities.test_registration_cost import split_audit

    with time_machine.travel(now, tick=False):
        with CaptureQueriesContext(connection) as ctx:
            escalated = review_escalate_overdue()
    own, audit = split_audit(ctx.captured_queries)
    return escalated, len(own)


def test_the_sweep_moves_cases_by_the_set_not_one_row_at_a_time(make_deal, case_of):
    """The statements besides the audit trail do not grow with the number of cases: one
    lock query and one UPDATE per level and tier, whatever the count."""
    with time_machine.travel(MONDAY, tick=False):
        few = [case_of(make_deal("medium")) for _ in range(2)]
    escalated, statements_for_two = _sweep_statements("2026-03-04 09:00:00+00:00")
    assert escalated == 2
    with time_machine.travel("2026-03-05 09:00:00+00:00", tick=False):
        many = [case_of(make_deal("medium")) for _ in range(8)]
    # the first two (now at level 2) and the eight new ones (level 1) fall due together
    escalated, statements_for_ten = _sweep_statements("2026-03-09 09:00:00+00:00")
    assert escalated == 10
    assert statements_for_ten <= statements_for_two + 1  # one more level, one more UPDATE
    levels = dict(
        ReviewCase.objects.filter(pk__in=[c.pk for c in few + many]).values_list(
            "pk", "escalation_level"
        )
    )
    assert {levels[c.pk] for c in few} == {3} and {levels[c.pk] for c in many} == {2}
    events = AuditEvent.objects.filter(action="review_case.escalate")
    assert events.count() == 12  # one per case and step, as before


def test_the_sweep_records_its_audit_events_in_one_insert_not_one_per_case(make_deal, case_of):
    """Eight overdue cases of one level and tier: one INSERT of their eight events, each
    signed on its own, and the chain still verifies once they are sealed."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from audit.selectors import audit_chain_verify
    from audit.services import audit_chain_seal_all

    with time_machine.travel(MONDAY, tick=False):
        cases = [case_of(make_deal("medium")) for _ in range(8)]
    with time_machine.travel("2026-03-04 09:00:00+00:00", tick=False):
        with CaptureQueriesContext(connection) as ctx:
            assert review_escalate_overdue() == 8
    inserts = [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].startswith('INSERT INTO "audit_auditevent"')
    ]
    assert len(inserts) == 1, f"{len(inserts)} audit inserts for 8 escalations"
    events = AuditEvent.objects.filter(action="review_case.escalate").order_by("id")
    assert sorted(int(e.object_id) for e in events) == sorted(c.pk for c in cases)
    assert all(e.signature_ok() and e.changes["automatic"] for e in events)
    audit_chain_seal_all()
    assert audit_chain_verify().ok


def test_a_deal_closing_before_the_new_target_keeps_its_earlier_due_date(make_deal, case_of):
    with time_machine.travel(MONDAY, tick=False):
        soon = case_of(make_deal("medium", expected_close_date="2026-03-05"))
        later = case_of(make_deal("medium"))
    with time_machine.travel("2026-03-04 10:00:00+00:00", tick=False):
        assert review_escalate_overdue() == 2
    soon.refresh_from_db()
    later.refresh_from_db()
    assert soon.due_at == later.due_at == datetime(2026, 3, 5, 10, tzinfo=UTC)
    assert soon.effective_due_at == datetime(2026, 3, 5, 0, tzinfo=UTC)
    assert later.effective_due_at == later.due_at
