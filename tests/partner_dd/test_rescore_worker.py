"""Accepting a questionnaire re-screens the partner's open deals through the real outbox
path: the outbox row written with the acceptance, sent after commit to a real broker,
claimed and run by a real Celery worker."""

from __future__ import annotations

import pytest
from django.utils import timezone

from outbox.models import OutboxMessage
from partner_dd import services
from tests.outbox.conftest import private_redis, thread_worker, until  # noqa: F401

from .conftest import GOOD_ANSWERS, POOR_ANSWERS, policy_pdf

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _accept(q, user, reviewer, answers):
    services.questionnaire_answers_save(actor=user, questionnaire=q, answers=answers)
    services.evidence_attach(actor=user, questionnaire=q, kind="policy", upload=policy_pdf())
    services.questionnaire_submit(actor=user, questionnaire=q)
    return services.questionnaire_accept(actor=reviewer, questionnaire=q)


def test_accepting_re_screens_the_partners_open_deals_in_a_worker(
    gpu_deal,
    delta,
    delta_user,
    reviewer,
    thread_worker,  # noqa: F811
):
    assert gpu_deal.current_screening.tier == "low"
    thread_worker()
    q = services.questionnaire_send(actor=reviewer, organisation=delta)

    _accept(q, delta_user, reviewer, POOR_ANSWERS)

    message = OutboxMessage.objects.get(task="partner_dd.tasks.partner_deals_rescreen")
    assert message.args[0] == delta.pk
    until(
        lambda: OutboxMessage.objects.filter(pk=message.pk, status="done").exists(),
        timeout=60,
        what="the re-screening task done",
    )
    gpu_deal.refresh_from_db()
    screening = gpu_deal.current_screening
    assert screening.trigger == "partner_assessed"
    # assessed: no programme and untrained staff, measured now, so they count
    assert "PTR-UNTRAINED" in {f["code"] for f in screening.findings}
    assert screening.tier == "medium"
    assert gpu_deal.status == "in_review"
    assert gpu_deal.screenings.count() == 2


def test_a_good_profile_removes_the_unknown_partner_finding_in_a_worker(
    gpu_deal,
    delta,
    delta_user,
    reviewer,
    thread_worker,  # noqa: F811
):
    thread_worker()
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    started = timezone.now()

    _accept(q, delta_user, reviewer, GOOD_ANSWERS)

    until(
        lambda: gpu_deal.screenings.filter(created_at__gte=started).exists(),
        timeout=60,
        what="a new screening of the deal",
    )
    gpu_deal.refresh_from_db()
    codes = {f["code"] for f in gpu_deal.current_screening.findings}
    assert not codes & {"PTR-NOT-ASSESSED", "PTR-NO-HRDD", "PTR-UNTRAINED"}
    assert gpu_deal.current_screening.tier == "low"
