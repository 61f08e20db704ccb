"""Conditions that bite, and approvals whose basis changed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from monitoring.conditions import conditions_reopen_lapsed
from monitoring.models import BasisChange
from monitoring.services import basis_change_confirm, basis_change_revise
from opportunities.presenters import status_for_viewer
from reviews.models import CaseCondition, ReviewCase
from reviews.notifications import notifications_send
from reviews.services import (
    condition_fulfil,
    condition_reject_evidence,
    review_claim,
    review_decide,
)

pytestmark = pytest.mark.django_db


def _due(condition, days_ago: int) -> None:
    day = timezone.now().date() - timedelta(days=days_ago)
    CaseCondition.objects.filter(pk=condition.pk).update(due_date=day)
    condition.refresh_from_db()


def _told(user, deal) -> list[str]:
    events = AuditEvent.objects.filter(opportunity_id=deal.pk).values_list("pk", flat=True)
    notifications_send(event_ids=list(events))
    return [f"{n.title}\n{n.body}" for n in user.notifications.all()]


def test_a_condition_overdue_past_its_grace_reopens_the_deal_once_and_tells_the_rep(
    approved_condition, sales_rep, settings
):
    settings.CONDITION_GRACE_BUSINESS_DAYS = 5
    deal = approved_condition.opportunity
    _due(approved_condition, 3)  # within the grace period: nothing yet
    assert conditions_reopen_lapsed() == 0
    _due(approved_condition, 10)
    assert conditions_reopen_lapsed() == 1
    assert conditions_reopen_lapsed() == 0  # once per condition
    deal.refresh_from_db()
    assert deal.status in ("in_review", "on_hold")
    reopen = AuditEvent.objects.get(action="opportunity.reopen", object_id=str(deal.pk))
    assert reopen.from_state == "approved_with_conditions"
    case = ReviewCase.objects.get(opportunity=deal, status__in=ReviewCase.OPEN_STATES)
    opened = AuditEvent.objects.get(action="review_case.opened", object_id=str(case.pk))
    assert "End-use certificate" in opened.comment or "end-use" in opened.comment.lower()
    told = "\n".join(_told(sales_rep, deal))
    assert "back in compliance review" in told and "Conditions page" in told
    assert status_for_viewer(deal, sales_rep)[1].startswith("In compliance review")


def test_rejected_evidence_reopens_the_deal(approved_condition, sales_rep, senior_reviewer):
    condition_fulfil(condition=approved_condition, actor=sales_rep, evidence_note="Signed.")
    approved_condition.refresh_from_db()
    condition_reject_evidence(
        condition=approved_condition, actor=senior_reviewer, reason="The certificate is unsigned."
    )
    deal = approved_condition.opportunity
    deal.refresh_from_db()
    assert deal.status in ("in_review", "on_hold")
    told = "\n".join(_told(sales_rep, deal))
    assert "was not accepted (The certificate is unsigned.)" in told


def test_a_deal_already_reopened_is_not_reopened_again_by_the_sweep(
    approved_condition, senior_reviewer, sales_rep
):
    condition_fulfil(condition=approved_condition, actor=sales_rep, evidence_note="Signed.")
    approved_condition.refresh_from_db()
    condition_reject_evidence(condition=approved_condition, actor=senior_reviewer, reason="No.")
    _due(approved_condition, 30)
    assert conditions_reopen_lapsed() == 0
    assert (
        ReviewCase.objects.filter(
            opportunity=approved_condition.opportunity, status__in=ReviewCase.OPEN_STATES
        ).count()
        == 1
    )


def _mark(deal) -> BasisChange:
    return BasisChange.objects.create(
        opportunity=deal, reason="Country data v2: new finding X", created_at=timezone.now()
    )


def test_a_reviewer_confirms_an_approval_whose_basis_changed(
    approved_condition, reviewer, partner_a, client
):
    deal = approved_condition.opportunity
    _mark(deal)
    client.force_login(reviewer)
    assert "Basis changed" in client.get(f"/deals/{deal.pk}/").content.decode()
    r = client.post(f"/deals/{deal.pk}/basis/confirm/", {"note": "Checked; still fine."})
    assert r.status_code == 302
    assert not BasisChange.objects.filter(opportunity=deal, resolved_at=None).exists()
    deal.refresh_from_db()
    assert deal.status == "approved_with_conditions"
    assert AuditEvent.objects.filter(action="opportunity.basis_confirmed").exists()


def test_revising_reopens_the_deal_through_the_workflow(approved_condition, reviewer):
    deal = approved_condition.opportunity
    _mark(deal)
    basis_change_revise(actor=reviewer, opportunity=deal, note="Look again.")
    deal.refresh_from_db()
    assert deal.status in ("in_review", "on_hold")
    assert BasisChange.objects.get(opportunity=deal).resolution == "revised"


def test_partners_and_reps_can_neither_see_nor_resolve_a_changed_basis(
    approved_condition, sales_rep, client
):
    deal = approved_condition.opportunity
    _mark(deal)
    client.force_login(sales_rep)
    assert "Basis changed" not in client.get(f"/deals/{deal.pk}/").content.decode()
    assert client.post(f"/deals/{deal.pk}/basis/confirm/", {"note": "x"}).status_code == 403
    with pytest.raises(Exception, match="compliance reviewers"):
        basis_change_confirm(actor=sales_rep, opportunity=deal, note="x")


def test_a_new_decision_settles_an_approval_whose_basis_changed(
    approved_condition, sales_rep, senior_reviewer
):
    deal = approved_condition.opportunity
    _mark(deal)
    condition_fulfil(condition=approved_condition, actor=sales_rep, evidence_note="Signed.")
    approved_condition.refresh_from_db()
    condition_reject_evidence(
        condition=approved_condition, actor=senior_reviewer, reason="The certificate is unsigned."
    )
    assert BasisChange.objects.get(opportunity=deal).resolved_at is None
    case = ReviewCase.objects.get(opportunity=deal, status__in=ReviewCase.OPEN_STATES)
    case = review_claim(case=case, actor=senior_reviewer)
    review_decide(
        case=case,
        actor=senior_reviewer,
        outcome="approve",
        reasons="The signed certificate arrived.",
    )
    change = BasisChange.objects.get(opportunity=deal)
    assert change.resolution == BasisChange.Resolution.DECIDED_AGAIN
    assert change.resolved_by == senior_reviewer
