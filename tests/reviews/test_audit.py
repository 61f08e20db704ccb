"""Every case event is in the hash-chained audit trail; the database refuses rewrites."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from audit.models import AuditEvent
from audit.selectors import audit_chain_verify
from lifecycle.services import review_answer
from reviews.services import (
    condition_fulfil,
    condition_verify,
    review_claim,
    review_decide,
    review_recommend,
    review_request_information,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(make_deal, case_of, reviewer, second_reviewer, sales_rep):
    """A high deal from screening to a verified condition."""
    deal = make_deal("high")
    case = review_claim(case=case_of(deal), actor=reviewer)
    info = review_request_information(
        case=case, actor=reviewer, questions="Which court orders the intercepts?"
    )
    review_answer(information_request=info, actor=sales_rep, answer="The federal court.")
    case.refresh_from_db()
    case = review_recommend(
        case=case, actor=reviewer, outcome="approve_with_conditions", reasons="Lawful."
    )
    decision = review_decide(
        case=case,
        actor=second_reviewer,
        outcome="approve_with_conditions",
        reasons="Lawful, licensed.",
        feedback="Approved once the end-use certificate is signed.",
        conditions=[{"mitigation": "end-use-certificate", "owner": sales_rep.pk}],
    )
    condition = decision.case.conditions.get()
    condition_fulfil(condition=condition, actor=sales_rep, evidence_note="Signed.")
    condition_verify(condition=condition, actor=reviewer)
    return decision.case


def test_every_step_of_the_journey_is_audited_on_the_case(journey):
    actions = list(
        AuditEvent.objects.filter(object_type="review_case", object_id=str(journey.pk)).values_list(
            "action", flat=True
        )
    )
    assert actions == [
        "review_case.opened",
        "review_case.claim",
        "review_case.request_information",
        "review_case.answer",
        "review_case.recommend",
        "review_case.approve_with_conditions",
        "condition.fulfil",
        "condition.verify",
    ]
    assert all(
        e.opportunity_id == journey.opportunity_id
        for e in AuditEvent.objects.filter(object_type="review_case", object_id=str(journey.pk))
    )
    # the deal's own status moves are audited with it
    assert AuditEvent.objects.filter(
        opportunity_id=journey.opportunity_id, action="opportunity.approve_with_conditions"
    ).exists()


def test_the_audit_chain_verifies_after_a_full_journey(journey, capsys):
    assert audit_chain_verify().ok
    call_command("verify_audit_chain")
    assert "Audit chain intact" in capsys.readouterr().out


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET comment = 'rewritten' WHERE action = 'review_case.approve_with_conditions'",
        "DELETE FROM audit_auditevent WHERE action = 'review_case.recommend'",
    ],
)
def test_tampering_with_an_audit_row_by_raw_sql_is_refused(journey, sql):
    before = AuditEvent.objects.count()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AuditEvent.objects.count() == before
    assert not AuditEvent.objects.filter(comment="rewritten").exists()
    assert audit_chain_verify().ok
