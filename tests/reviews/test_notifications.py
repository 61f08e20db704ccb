"""Who is told what, in the inbox and by email; sent by a task after commit, once."""

from __future__ import annotations

import pytest
from django.core import mail

from audit.models import AuditEvent
from reviews.models import Notification
from reviews.notifications import notifications_send
from reviews.services import (
    review_claim,
    review_decide,
    review_recommend,
    review_request_information,
)

pytestmark = pytest.mark.django_db


def test_a_routine_new_case_waits_in_the_queue_without_mail(
    make_deal, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_deal("medium")
    assert not Notification.objects.exists()


def test_an_urgent_new_case_is_pushed_to_the_reviewers(
    make_deal, reviewer, second_reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        deal = make_deal("critical")
    assert {n.recipient for n in Notification.objects.all()} == {reviewer, second_reviewer}
    assert all(deal.reference in n.title for n in Notification.objects.all())


def test_questions_reach_the_addressee_by_inbox_and_mail(
    make_deal, case_of, reviewer, sales_rep, django_capture_on_commit_callbacks
):
    case = review_claim(case=case_of(make_deal("medium")), actor=reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        question = review_request_information(
            case=case, actor=reviewer, questions="Who operates the cluster?"
        )
    note = Notification.objects.get(recipient=sales_rep)
    assert (
        note.url == f"/deals/{case.opportunity_id}/#question-{question.pk}"
    )  # the question itself
    assert [m.to for m in mail.outbox] == [[sales_rep.email]]
    assert "Who operates the cluster?" in mail.outbox[0].body


def test_the_submitter_hears_the_feedback_never_the_reasons(
    make_deal, case_of, reviewer, second_reviewer, sales_rep, django_capture_on_commit_callbacks
):
    case = review_claim(case=case_of(make_deal("high")), actor=reviewer)
    case = review_recommend(
        case=case, actor=reviewer, outcome="reject", reasons="INTERNAL-RECOMMENDATION"
    )
    with django_capture_on_commit_callbacks(execute=True):
        review_decide(
            case=case,
            actor=second_reviewer,
            outcome="reject",
            reasons="INTERNAL-REASONS",
            feedback="Interception gateways need a court-order regime we can verify.",
        )
    to_rep = Notification.objects.get(recipient=sales_rep)
    assert "court-order regime" in to_rep.body
    assert "INTERNAL" not in to_rep.body + to_rep.title
    assert Notification.objects.filter(
        recipient=reviewer
    ).exists()  # the recommender hears the outcome
    rep_mail = [m for m in mail.outbox if sales_rep.email in m.to][0]
    assert "INTERNAL" not in rep_mail.body


def test_a_redelivered_notification_task_changes_nothing(
    make_deal, case_of, reviewer, sales_rep, django_capture_on_commit_callbacks
):
    case = review_claim(case=case_of(make_deal("medium")), actor=reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        review_request_information(case=case, actor=reviewer, questions="Which site?")
    event = AuditEvent.objects.get(action="review_case.request_information")
    assert notifications_send(event_ids=[event.pk]) == 0  # the same task, delivered again
    assert Notification.objects.filter(recipient=sales_rep).count() == 1
    assert len(mail.outbox) == 1


def _deal_reads_while_telling(make_deal, case_of, reviewer, owners) -> int:
    """How many reads of deals it takes to tell a decision to its submitters, here the
    rep and the owners of its conditions."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    alpha = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
    case = review_claim(case=case_of(make_deal("medium", channel=alpha)), actor=reviewer)
    review_decide(
        case=case,
        actor=reviewer,
        outcome="approve_with_conditions",
        reasons="Research use.",
        feedback="Approved once the conditions are met.",
        conditions=[
            {"mitigation": "end-use-certificate", "owner": o.pk, "due_date": "2030-06-30"}
            for o in owners
        ],
    )
    event = AuditEvent.objects.filter(action="review_case.approve_with_conditions").latest("pk")
    with CaptureQueriesContext(connection) as queries:
        notifications_send(event_ids=[event.pk])
    assert set(
        Notification.objects.filter(event_id=event.pk).values_list("recipient", flat=True)
    ) >= {o.pk for o in owners}
    return sum('"opportunities_opportunity"' in q["sql"] for q in queries.captured_queries)


def test_telling_many_partners_asks_who_may_see_the_deal_once(
    make_deal, case_of, reviewer, partner_a, reseller_a
):
    from tests.factories import UserFactory

    colleagues = [
        UserFactory(username=f"alpha_{i}", role="partner_user", organisation=reseller_a)
        for i in range(5)
    ]
    one = _deal_reads_while_telling(make_deal, case_of, reviewer, [partner_a])
    six = _deal_reads_while_telling(make_deal, case_of, reviewer, [partner_a, *colleagues])
    assert six == one
