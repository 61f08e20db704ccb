"""The questionnaire's journey through the services and the pages, and its boundaries:
a partner sees and answers only its own, reviewers' notes never reach it, every write is
audited, and a deal through an unassessed partner is scored by its other facts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from hrdd.errors import ApplicationError, Conflict, PermissionDenied
from partner_dd import services
from partner_dd.models import Questionnaire
from partner_dd.tasks import partner_opportunities_rescreen
from partners.models import Organisation
from taxonomy import PARTNER_MATURITY

from .conftest import GOOD_ANSWERS, POOR_ANSWERS, policy_pdf

pytestmark = pytest.mark.django_db


def _answered(q, user, answers=GOOD_ANSWERS, *, policy=True):
    services.questionnaire_answers_save(actor=user, questionnaire=q, answers=answers)
    if policy:
        services.evidence_attach(actor=user, questionnaire=q, kind="policy", upload=policy_pdf())
    return services.questionnaire_submit(actor=user, questionnaire=q)


def test_an_ordinary_deal_through_an_unassessed_partner_is_low_and_asks_for_its_profile(
    gpu_deal,
):
    screening = gpu_deal.current_screening
    codes = {f["code"] for f in screening.findings}
    assert screening.tier == "low", screening.findings
    assert "PTR-NOT-ASSESSED" in codes
    assert not codes & {"PTR-NO-HRDD", "PTR-UNTRAINED"}


def test_the_same_deal_through_a_partner_assessed_without_a_programme_goes_to_review(
    gpu_deal, delta, delta_user, reviewer
):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    _answered(q, delta_user, POOR_ANSWERS, policy=False)
    services.questionnaire_accept(actor=reviewer, questionnaire=q)
    delta.refresh_from_db()
    assert (delta.dd_status, delta.hrdd_maturity, delta.staff_trained) == (
        "assessed",
        "none",
        False,
    )

    assert partner_opportunities_rescreen(delta.pk, timezone.now().isoformat()) == 1

    gpu_deal.refresh_from_db()
    screening = gpu_deal.current_screening
    assert screening.trigger == "partner_assessed"
    assert screening.tier == "medium"
    assert {"PTR-NO-HRDD", "PTR-UNTRAINED"} <= {f["code"] for f in screening.findings}
    assert gpu_deal.status == "in_review"


def test_a_partner_answers_with_its_policy_and_acceptance_records_its_maturity(
    delta, delta_user, reviewer
):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    q = _answered(q, delta_user)
    assert q.status == "submitted"

    q = services.questionnaire_accept(actor=reviewer, questionnaire=q, note="Checked the PDF.")

    delta.refresh_from_db()
    assert q.status == "accepted" and q.maturity == "advanced"
    assert "Maturity: advanced." in q.reasons
    assert (delta.dd_status, delta.hrdd_maturity, delta.staff_trained) == (
        "assessed",
        "advanced",
        True,
    )
    actions = list(
        AuditEvent.objects.filter(object_type="partner_questionnaire", object_id=str(q.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "partner_questionnaire.sent",
        "partner_questionnaire.answered",
        "partner_questionnaire.evidence_attached",
        "partner_questionnaire.submit",
        "partner_questionnaire.accept",
    ]
    assert AuditEvent.objects.filter(
        action="organisation.assessed", object_id=str(delta.pk)
    ).exists()


def test_the_partners_users_are_told_a_questionnaire_waits(delta, delta_user, reviewer):
    from reviews.models import Notification

    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    note = Notification.objects.get(recipient=delta_user, kind="partner_questionnaire")
    assert note.url == f"/partners/due-diligence/{q.pk}/"


def test_sending_twice_returns_the_open_round(delta, reviewer):
    first = services.questionnaire_send(actor=reviewer, organisation=delta)
    again = services.questionnaire_send(actor=reviewer, organisation=delta)
    assert first.pk == again.pk
    assert Questionnaire.objects.filter(organisation=delta).count() == 1


def test_submitting_needs_every_answer(delta, delta_user, reviewer):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    services.questionnaire_answers_save(
        actor=delta_user,
        questionnaire=q,
        answers={"programme": "export_only", "staff_trained": True},
    )
    with pytest.raises(ApplicationError) as exc:
        services.questionnaire_submit(actor=delta_user, questionnaire=q)
    assert {"trained_on", "accepts_audits"} <= set(exc.value.errors)
    q.refresh_from_db()
    assert q.status == "sent"


def test_a_disguised_file_is_refused(delta, delta_user, reviewer):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    fake = SimpleUploadedFile("policy.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ApplicationError, match="not the type its name says"):
        services.evidence_attach(actor=delta_user, questionnaire=q, kind="policy", upload=fake)
    assert not q.evidence.exists()


def test_a_declining_partner_is_recorded_as_refusing_and_its_deals_go_to_review(
    gpu_deal, delta, delta_user, reviewer
):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    services.questionnaire_decline(actor=delta_user, questionnaire=q, reason="Not our policy.")
    delta.refresh_from_db()
    assert delta.dd_status == "refused"

    partner_opportunities_rescreen(delta.pk, timezone.now().isoformat())

    gpu_deal.refresh_from_db()
    assert "PTR-REFUSED-ASSESSMENT" in {f["code"] for f in gpu_deal.current_screening.findings}
    assert gpu_deal.current_screening.tier == "medium"


def test_the_rescreen_is_idempotent(gpu_deal, delta, delta_user, reviewer):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    _answered(q, delta_user)
    services.questionnaire_accept(actor=reviewer, questionnaire=q)
    at = timezone.now().isoformat()
    assert partner_opportunities_rescreen(delta.pk, at) == 1
    assert partner_opportunities_rescreen(delta.pk, at) == 0  # a re-delivered task does nothing
    assert gpu_deal.screenings.count() == 2


def test_two_reviewers_accepting_at_once_one_wins(delta, delta_user, reviewer, senior_reviewer):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    q = _answered(q, delta_user)
    stale = Questionnaire.objects.get(pk=q.pk)
    services.questionnaire_accept(actor=reviewer, questionnaire=q)
    with pytest.raises(Conflict):
        services.questionnaire_accept(actor=senior_reviewer, questionnaire=stale)


def test_a_returned_questionnaire_goes_back_to_the_partner_with_the_message_only(
    client, delta, delta_user, reviewer
):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    q = _answered(q, delta_user)
    services.questionnaire_return(
        actor=reviewer,
        questionnaire=q,
        message="Attach the signed policy.",
        note="INTERNAL: their website says otherwise",
    )
    client.force_login(delta_user)
    body = client.get(reverse("partner-dd", args=[q.pk])).content.decode()
    assert "Attach the signed policy." in body
    assert "INTERNAL" not in body
    client.force_login(reviewer)
    assert "INTERNAL" in client.get(reverse("partner-dd", args=[q.pk])).content.decode()


# --- Boundaries, with the personas ---------------------------------------------------------


def test_another_partners_questionnaire_is_not_found(
    client, delta, delta_user, reviewer, partner_a, partner_b
):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    ev = services.evidence_attach(
        actor=delta_user, questionnaire=q, kind="policy", upload=policy_pdf()
    )
    for user in (partner_a, partner_b):
        client.force_login(user)
        assert client.get(reverse("partner-dd", args=[q.pk])).status_code == 404
        assert client.get(reverse("partner-dd-evidence", args=[ev.pk])).status_code == 404
        assert client.get(reverse("partner-profile", args=[delta.pk])).status_code == 404
        for name in (
            "partner-dd",
            "partner-dd-submit",
            "partner-dd-decline",
            "partner-dd-accept",
            "partner-dd-evidence-upload",
        ):
            r = client.post(reverse(name, args=[q.pk]), {"programme": "none", "reason": "x"})
            assert r.status_code == 404, name
    q.refresh_from_db()
    assert q.status == "sent" and q.programme == ""


def test_sales_reps_see_no_questionnaire(client, delta, reviewer, sales_rep):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    client.force_login(sales_rep)
    assert client.get(reverse("partner-dd", args=[q.pk])).status_code == 404
    assert client.get(reverse("partner-list")).status_code == 403
    with pytest.raises(PermissionDenied):
        services.questionnaire_send(actor=sales_rep, organisation=delta)


def test_a_partner_cannot_review_its_own_answers_or_send_itself_one(
    client, delta, delta_user, reviewer
):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    q = _answered(q, delta_user)
    client.force_login(delta_user)
    assert client.post(reverse("partner-dd-accept", args=[q.pk])).status_code == 403
    assert (
        client.post(reverse("partner-dd-return", args=[q.pk]), {"message": "x"}).status_code == 403
    )
    assert client.post(reverse("partner-dd-send", args=[delta.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        services.questionnaire_accept(actor=delta_user, questionnaire=q)
    q.refresh_from_db()
    assert q.status == "submitted"


def test_the_reviewers_note_never_reaches_the_partner(client, delta, delta_user, reviewer):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    q = _answered(q, delta_user)
    services.questionnaire_accept(actor=reviewer, questionnaire=q, note="NOTE-FOR-COMPLIANCE-ONLY")
    client.force_login(delta_user)
    for url in (reverse("partner-dd", args=[q.pk]), reverse("partner-profile", args=[delta.pk])):
        body = client.get(url).content.decode()
        assert "NOTE-FOR-COMPLIANCE-ONLY" not in body
        assert PARTNER_MATURITY["advanced"] in body  # the level in words
    client.force_login(reviewer)
    assert (
        "NOTE-FOR-COMPLIANCE-ONLY"
        in client.get(reverse("partner-dd", args=[q.pk])).content.decode()
    )


def test_answers_cannot_change_once_submitted(delta, delta_user, reviewer):
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    q = _answered(q, delta_user)
    with pytest.raises(PermissionDenied):
        services.questionnaire_answers_save(
            actor=delta_user, questionnaire=q, answers={"programme": "none"}
        )
    with pytest.raises(PermissionDenied):
        services.evidence_attach(
            actor=delta_user, questionnaire=q, kind="other", upload=policy_pdf()
        )


# --- The cycle -------------------------------------------------------------------------------


def test_the_cycle_asks_unassessed_partners_in_open_deals_and_renews_stale_answers(
    gpu_deal, delta, delta_user, reviewer, settings
):
    idle = Organisation.objects.create(name="Idle Reseller", country="DE", role="reseller")
    assert services.questionnaires_due_send() == 1  # Delta, in an open deal; not Idle
    q = Questionnaire.objects.get(organisation=delta)
    assert q.requested_by is None
    assert not Questionnaire.objects.filter(organisation=idle).exists()
    assert services.questionnaires_due_send() == 0  # open round: nothing more

    _answered(q, delta_user)
    services.questionnaire_accept(actor=reviewer, questionnaire=q)
    assert services.questionnaires_due_send() == 0
    later = timezone.now() + timedelta(days=settings.PARTNER_DD_RENEWAL_DAYS + 1)
    assert services.questionnaires_due_send(now=later) == 1
    assert Questionnaire.objects.filter(organisation=delta, status="sent").exists()
