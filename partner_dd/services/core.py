"""Writes of partners' due diligence: send, answer, attach, submit, return, accept, decline.

Every service takes the acting user (None for the system), checks `policies`, runs in one
transaction with its audit event, and queues follow-up work through the outbox.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from audit.services import audit_record
from hrdd.errors import ApplicationError, Conflict, PermissionDenied
from lifecycle.services import opportunity_screen
from opportunities.models import ChannelEntry, Opportunity
from opportunities.workflow import OPEN
from outbox.services import outbox_enqueue
from partners.models import Organisation
from reviews.models import Notification
from reviews.uploads import evidence_validate
from rules.models import Screening

from .. import policies
from ..models import ANSWER_FIELDS, OPEN_STATUSES, Evidence, Questionnaire
from ..scoring import EVIDENCE_KINDS, PROGRAMMES, MaturityScore, maturity_score
from ..workflow import questionnaire_transition

RESCREEN_TASK = "partner_dd.tasks.partner_opportunities_rescreen"
YES_NO = (
    "staff_trained",
    "screens_end_users",
    "flows_down_clauses",
    "prior_incident",
    "accepts_audits",
    "accepts_flow_down",
)


def _require(reason: str | None) -> None:
    if reason:
        raise PermissionDenied(reason)


def _notify_partner_users(
    *,
    organisation: Organisation,
    event_id: int,
    title: str,
    url: str,
    kind: str = "partner_questionnaire",
):
    now = timezone.now()
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=u,
                event_id=event_id,
                kind=kind,
                title=title,
                url=url,
                created_at=now,
            )
            for u in User.objects.filter(
                organisation=organisation, role=User.Role.PARTNER_USER, is_active=True
            )
        ],
        ignore_conflicts=True,
    )


def questionnaire_send(*, actor, organisation: Organisation) -> Questionnaire:
    """Ask the partner for its due-diligence answers. At most one round is open per
    partner: sending again returns the open one. `actor` None is the renewal cycle."""
    if actor is not None:
        _require(policies.why_not_send(actor, organisation))
    open_one = organisation.dd_questionnaires.filter(status__in=OPEN_STATUSES).first()
    if open_one:
        return open_one
    try:
        with transaction.atomic():
            q = Questionnaire.objects.create(
                organisation=organisation, requested_by=actor, requested_at=timezone.now()
            )
            event = audit_record(
                actor=actor,
                action="partner_questionnaire.sent",
                object_type="partner_questionnaire",
                object_id=q.pk,
                to_state=q.status,
                changes={"organisation_id": organisation.pk},
            )
            _notify_partner_users(
                organisation=organisation,
                event_id=event.pk,
                title="Due-diligence questionnaire to answer",
                url=f"/partners/due-diligence/{q.pk}/",
            )
    except IntegrityError:  # another request opened one first: that one is the answer
        open_one = organisation.dd_questionnaires.filter(status__in=OPEN_STATUSES).first()
        if open_one is None:
            raise
        return open_one
    return q


def _clean_answers(answers: dict[str, Any]) -> dict[str, Any]:
    unknown = set(answers) - set(ANSWER_FIELDS)
    if unknown:
        raise ApplicationError(f"Unknown answers: {', '.join(sorted(unknown))}.")
    out = dict(answers)
    if out.get("programme") not in (None, "", *PROGRAMMES):
        raise ApplicationError(
            "Choose a programme from the list.", errors={"programme": "Invalid."}
        )
    for name in YES_NO:
        if name in out and out[name] not in (None, True, False):
            raise ApplicationError("Answer yes or no.", errors={name: "Yes or no."})
    trained_on = out.get("trained_on")
    if trained_on is not None and not isinstance(trained_on, date):
        raise ApplicationError("Give the training date.", errors={"trained_on": "A date."})
    for name in ("contact_name", "contact_email", "kyc_steps", "incident_details"):
        if name in out:
            out[name] = str(out[name] or "").strip()[: 200 if name == "contact_name" else 4000]
    if out.get("contact_email"):
        try:
            validate_email(out["contact_email"])
        except ValidationError as exc:
            raise ApplicationError(
                "Give a valid email address.", errors={"contact_email": "Invalid."}
            ) from exc
    return out


def questionnaire_answers_save(
    *, actor, questionnaire: Questionnaire, answers: dict[str, Any]
) -> Questionnaire:
    """Save the partner's answers (a draft until submitted). Only the partner's users, and
    only while the round is sent or returned; a conditional update so a concurrent submit
    or review wins cleanly."""
    _require(policies.why_not_answer(actor, questionnaire))
    values = _clean_answers(answers)
    with transaction.atomic():
        updated = Questionnaire.objects.filter(
            pk=questionnaire.pk,
            status__in=(Questionnaire.Status.SENT, Questionnaire.Status.RETURNED),
        ).update(**values)
        if not updated:
            raise Conflict("This questionnaire is no longer open for answers.")
        audit_record(
            actor=actor,
            action="partner_questionnaire.answered",
            object_type="partner_questionnaire",
            object_id=questionnaire.pk,
            changes={"fields": sorted(values)},
        )
    questionnaire.refresh_from_db()
    return questionnaire


def evidence_attach(*, actor, questionnaire: Questionnaire, kind: str, upload) -> Evidence:
    """Attach a file to the answers (the checks of review evidence: type by content, size)."""
    _require(policies.why_not_answer(actor, questionnaire))
    if kind not in EVIDENCE_KINDS:
        raise ApplicationError("Choose what the file is.", errors={"kind": "Invalid."})
    evidence_validate(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    original = str(getattr(upload, "name", "evidence"))[-200:]
    with transaction.atomic():
        locked = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
        if not locked.answerable:
            raise Conflict("This questionnaire is no longer open for answers.")
        ev = Evidence(
            questionnaire=locked,
            kind=kind,
            original_name=original,
            sha256=digest.hexdigest(),
            uploaded_by=actor,
            uploaded_at=timezone.now(),
        )
        ev.file.save(original, upload, save=True)
        audit_record(
            actor=actor,
            action="partner_questionnaire.evidence_attached",
            object_type="partner_questionnaire",
            object_id=questionnaire.pk,
            changes={"evidence_id": ev.pk, "kind": kind, "sha256": ev.sha256},
        )
    return ev


def _missing_answers(q: Questionnaire) -> dict[str, str]:
    missing = {}
    if not q.programme:
        missing["programme"] = "Say which programme you have."
    for name in YES_NO:
        if getattr(q, name) is None:
            missing[name] = "Answer yes or no."
    if q.staff_trained and not q.trained_on:
        missing["trained_on"] = "Give the date of the last training."
    if q.prior_incident and not q.incident_details.strip():
        missing["incident_details"] = "Say what happened and what changed since."
    return missing


def questionnaire_submit(*, actor, questionnaire: Questionnaire) -> Questionnaire:
    """Hand the answers to compliance for review; every question must be answered."""
    _require(policies.why_not_answer(actor, questionnaire))
    questionnaire.refresh_from_db()
    missing = _missing_answers(questionnaire)
    if missing:
        raise ApplicationError("Answer every question before submitting.", errors=missing)
    q = questionnaire_transition(
        questionnaire=questionnaire,
        transition="submit",
        actor=actor,
        values={"submitted_by": actor, "submitted_at": timezone.now()},
    )
    return q


def questionnaire_return(
    *, actor, questionnaire: Questionnaire, message: str, note: str = ""
) -> Questionnaire:
    """Send the answers back to the partner with a message saying what is missing."""
    _require(policies.why_not_review(actor, questionnaire, "return"))
    message = (message or "").strip()
    if not message:
        raise ApplicationError(
            "Say what the partner should add.",
            errors={"message": "Say what the partner should add."},
        )
    return questionnaire_transition(
        questionnaire=questionnaire,
        transition="return",
        actor=actor,
        values={
            "message_to_partner": message[:4000],
            "reviewer_note": (note or "")[:4000],
            "reviewed_by": actor,
            "reviewed_at": timezone.now(),
        },
    )


def questionnaire_score(
    questionnaire: Questionnaire, *, today: date | None = None
) -> MaturityScore:
    answers = {f: getattr(questionnaire, f) for f in ANSWER_FIELDS}
    kinds = set(questionnaire.evidence.values_list("kind", flat=True))
    return maturity_score(answers, evidence_kinds=kinds, today=today or timezone.localdate())


def _organisation_assess(*, actor, organisation: Organisation, values: dict, source: str) -> None:
    before = {k: getattr(organisation, k) for k in values}
    Organisation.objects.filter(pk=organisation.pk).update(**values)
    audit_record(
        actor=actor,
        action="organisation.assessed",
        object_type="organisation",
        object_id=organisation.pk,
        from_state=before.get("dd_status", ""),
        to_state=values.get("dd_status", ""),
        changes={"before": before, "after": values, "source": source},
    )
    # The partner's open deals are screened again with what is now known of it.
    outbox_enqueue(RESCREEN_TASK, organisation.pk, timezone.now().isoformat())


def questionnaire_accept(*, actor, questionnaire: Questionnaire, note: str = "") -> Questionnaire:
    """Accept the answers: score them into a maturity level with reasons, record the
    partner's factors as assessed, and re-screen its open deals in the background."""
    _require(policies.why_not_review(actor, questionnaire, "accept"))
    score = questionnaire_score(questionnaire)
    with transaction.atomic():
        q = questionnaire_transition(
            questionnaire=questionnaire,
            transition="accept",
            actor=actor,
            values={
                "maturity": score.maturity,
                "reasons": list(score.reasons),
                "reviewer_note": (note or "")[:4000],
                "reviewed_by": actor,
                "reviewed_at": timezone.now(),
                "message_to_partner": "",
            },
            changes={"maturity": score.maturity, **score.factors()},
        )
        _organisation_assess(
            actor=actor,
            organisation=q.organisation,
            values={**score.factors(), "dd_status": Organisation.Assessment.ASSESSED},
            source=f"questionnaire {q.pk}",
        )
    return q


def questionnaire_decline(*, actor, questionnaire: Questionnaire, reason: str) -> Questionnaire:
    """The partner declines to answer: it is recorded as having refused due diligence."""
    _require(policies.why_not_answer(actor, questionnaire))
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("Say why you decline.", errors={"reason": "Say why you decline."})
    with transaction.atomic():
        q = questionnaire_transition(
            questionnaire=questionnaire,
            transition="decline",
            actor=actor,
            values={
                "decline_reason": reason[:4000],
                "submitted_by": actor,
                "submitted_at": timezone.now(),
            },
        )
        _organisation_assess(
            actor=actor,
            organisation=q.organisation,
            values={"dd_status": Organisation.Assessment.REFUSED},
            source=f"questionnaire {q.pk} declined",
        )
    return q


def questionnaires_due_send(*, now=None) -> int:
    """The cycle (beat): send the questionnaire to partners not yet assessed that sit in
    an open deal and were never asked, and again to those whose last accepted answers are
    older than PARTNER_DD_RENEWAL_DAYS. Idempotent: a partner with an open round is skipped."""
    started = timezone.now()
    now = now or started
    stale_before = now - timedelta(days=settings.PARTNER_DD_RENEWAL_DAYS)
    open_orgs = Questionnaire.objects.filter(status__in=OPEN_STATUSES).values("organisation_id")
    unasked = Organisation.objects.filter(
        dd_status=Organisation.Assessment.NOT_ASSESSED,
        pk__in=ChannelEntry.objects.filter(opportunity__status__in=OPEN).values("organisation_id"),
        dd_questionnaires=None,
    ).exclude(role__in=["vendor", "end_customer"])
    renewals = (
        Organisation.objects.filter(dd_questionnaires__status=Questionnaire.Status.ACCEPTED)
        .exclude(dd_questionnaires__reviewed_at__gte=stale_before)
        .exclude(pk__in=open_orgs)
    )
    sent = 0
    for org in list(unasked.distinct()) + list(renewals.distinct()):
        q = questionnaire_send(actor=None, organisation=org)
        sent += int(q.requested_at >= started)  # not one already open
    return sent


def partner_opportunities_rescreen(*, organisation_id: int, assessed_at: str) -> int:
    """Re-screen the partner's open deals screened before its assessment, one transaction
    per deal (as a criteria publish does). Idempotent: a deal screened at or after
    `assessed_at` is skipped, so a re-delivered task does nothing twice."""
    since = datetime.fromisoformat(assessed_at)
    ids = list(
        Opportunity.objects.filter(status__in=OPEN, channel__organisation_id=organisation_id)
        .exclude(current_screening__created_at__gte=since)
        .values_list("pk", flat=True)
        .distinct()
        .order_by("pk")
    )
    done = 0
    for pk in ids:
        with transaction.atomic():
            opp = (
                Opportunity.objects.select_for_update(of=("self",))
                .select_related("current_screening")
                .get(pk=pk)
            )
            current = opp.current_screening
            if opp.status not in OPEN or (current and current.created_at >= since):
                continue
            opportunity_screen(
                opportunity=opp, actor=None, trigger=Screening.Trigger.PARTNER_ASSESSED
            )
            done += 1
    return done
