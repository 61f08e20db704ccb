"""Working a case: claim, assign, questions and answers, recommendation (the decision
is in `decisions`)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from hrdd.errors import ApplicationError, Conflict, PermissionDenied
from opportunities.selectors import opportunities_visible_to
from webhooks.services import webhooks_emit

from .. import policies
from ..models import InformationRequest, ReviewCase
from ..uploads import evidence_validate
from ..workflow import OPEN, _transition, require_transition
from ._common import S, _fresh, _notify, _require


def review_claim(*, case: ReviewCase, actor) -> ReviewCase:
    """Take an unassigned case. Two reviewers claiming at once: exactly one wins (the
    conditional update on `assignee=None`), the other gets a Conflict naming the winner."""
    if case.assignee_id and case.assignee_id != actor.pk:
        raise Conflict(f"{case.assignee.username} has already claimed this case.")
    if case.assignee_id == actor.pk and case.status == S.IN_REVIEW:
        return case
    _require(policies.why_not_work(actor, case))
    try:
        _transition(
            case=case,
            transition="claim",
            actor=actor,
            guard={"assignee": None},
            values={"assignee": actor},
        )
    except Conflict:
        current = ReviewCase.objects.select_related("assignee").get(pk=case.pk)
        if current.assignee_id and current.assignee_id != actor.pk:
            raise Conflict(f"{current.assignee.username} claimed this case first.") from None
        raise
    return _fresh(case)


def review_assign(*, case: ReviewCase, actor, assignee) -> ReviewCase:
    """A lead gives the case to a reviewer who may work it at its level."""
    require_transition(case, "assign", actor)
    _require(policies.why_not_assign(actor, case))
    _require(policies.why_not_assignee(assignee, case))
    event = _transition(
        case=case,
        transition="assign",
        actor=actor,
        guard={"assignee_id": case.assignee_id},
        values={"assignee": assignee},
        changes={
            "assignee_id": assignee.pk,
            "assignee": assignee.username,
            "previous_assignee_id": case.assignee_id,
        },
    )
    _notify([event])
    return _fresh(case)


def _information_addressee(case: ReviewCase, addressed_to):
    user = addressed_to or case.opportunity.owner
    if user.is_reviewer:
        raise ApplicationError(
            "Questions go to the deal's rep or partner, not to a reviewer.",
            errors={"addressed_to": "Choose the rep or a partner user."},
        )
    if not opportunities_visible_to(user).filter(pk=case.opportunity_id).exists():
        raise ApplicationError(
            f"{user.username} cannot see this deal.",
            errors={"addressed_to": "Choose someone who can see the deal."},
        )
    return user


INFORMATION_DUE_BUSINESS_DAYS = 5


def information_due_default() -> date:
    """The answer's due date when the reviewer names none: five business days on."""
    from ..business_days import add_business_days

    return add_business_days(timezone.localtime(), INFORMATION_DUE_BUSINESS_DAYS).date()


def review_request_information(
    *, case: ReviewCase, actor, questions: str, addressed_to=None, due_date: date | None = None
) -> InformationRequest:
    """Ask the rep or a partner specific questions, to be answered by `due_date` (five
    business days on when not given; never in the past); the case waits for the answer."""
    require_transition(case, "request_information", actor)
    _require(policies.why_not_request_information(actor, case))
    questions = (questions or "").strip()
    if not questions:
        message = "Write the questions you need answered."
        raise ApplicationError(message, errors={"questions": message})
    today = timezone.localdate()
    due_date = due_date or information_due_default()
    if due_date < today:
        raise ApplicationError(
            "The answer cannot be due in the past.",
            errors={"due_date": "Choose a date from today on."},
        )
    user = _information_addressee(case, addressed_to)
    with transaction.atomic():
        request = InformationRequest.objects.create(
            case=case,
            addressed_to=user,
            questions=questions,
            asked_by=actor,
            asked_at=timezone.now(),
            due_date=due_date,
        )
        event = _transition(
            case=case,
            transition="request_information",
            actor=actor,
            guard={"assignee": actor},
            changes={
                "request_id": request.pk,
                "addressed_to_id": user.pk,
                "addressed_to": user.username,
                "due_date": due_date.isoformat(),
            },
        )
        webhooks_emit(
            event="information.requested",
            opportunity_id=case.opportunity_id,
            facts={
                "case_id": case.pk,
                "request_id": request.pk,
                "questions": questions,
                "addressed_to": user.username,
                "due_date": due_date.isoformat(),
            },
            # A partner's systems hear of questions put to that partner, not to the rep.
            partner_facts={
                "request_id": request.pk,
                "questions": questions,
                "due_date": due_date.isoformat(),
            }
            if user.is_partner_user
            else None,
            partner_organisations=[user.organisation_id],
        )
    _notify([event])
    return request


def review_answer_record(
    *, information_request: InformationRequest, actor, answer: str, attachment=None
) -> InformationRequest:
    """The rep or partner answers a request for information, optionally with an end-use certificate or
    statement file. The case goes back to its reviewer. The deal is screened again with
    the answer by the caller, `lifecycle.services.review_answer`, in one transaction."""
    reason = policies.why_not_answer(actor, information_request)
    if reason and information_request.is_open:
        raise PermissionDenied(reason)
    if reason:
        raise Conflict(reason)
    answer = (answer or "").strip()
    if not answer:
        raise ApplicationError("Write your answer.", errors={"answer": "Write your answer."})
    if attachment is not None:
        evidence_validate(attachment)
    case = information_request.case
    with transaction.atomic():
        now = timezone.now()
        updated = InformationRequest.objects.filter(
            pk=information_request.pk, answered_at=None
        ).update(answer=answer, answered_by=actor, answered_at=now)
        if not updated:
            raise Conflict("This request has already been answered.")
        information_request.refresh_from_db()
        if attachment is not None:
            original = str(getattr(attachment, "name", "evidence"))[-200:]
            information_request.attachment.save(original, attachment, save=False)
            InformationRequest.objects.filter(pk=information_request.pk).update(
                attachment=information_request.attachment.name, attachment_name=original
            )
        changes = {"request_id": information_request.pk, "attachment": attachment is not None}
        still_open = InformationRequest.objects.filter(case=case, answered_at=None).exists()
        case.refresh_from_db()
        if case.status == S.INFORMATION_REQUESTED and not still_open:
            event = _transition(case=case, transition="answer", actor=actor, changes=changes)
        else:
            event = audit_record(
                actor=actor,
                action="review_case.answered",
                object_type="review_case",
                object_id=case.pk,
                opportunity_id=case.opportunity_id,
                changes=changes,
            )
    _notify([event])
    information_request.refresh_from_db()
    return information_request


def _outcome(outcome: str) -> str:
    if outcome not in ReviewCase.Outcome.values:
        raise ApplicationError(
            f"Unknown outcome {outcome!r}; choose one of {', '.join(ReviewCase.Outcome.values)}.",
            errors={"outcome": "Choose one of the outcomes."},
        )
    return outcome


def review_recommend(*, case: ReviewCase, actor, outcome: str, reasons: str) -> ReviewCase:
    """The assigned reviewer recommends an outcome; on a four-eyes tier another reviewer decides."""
    require_transition(case, "recommend", actor)
    _require(policies.why_not_recommend(actor, case))
    outcome = _outcome(outcome)
    reasons = (reasons or "").strip()
    if not reasons:
        message = "Give the reasons for your recommendation."
        raise ApplicationError(message, errors={"reasons": message})
    event = _transition(
        case=case,
        transition="recommend",
        actor=actor,
        guard={"assignee": actor},
        values={
            "recommended_by": actor,
            "recommendation": outcome,
            "recommendation_reasons": reasons,
        },
        changes={"recommendation": outcome},
        comment=reasons,
    )
    _notify([event])
    return _fresh(case)


def review_send_back(*, case: ReviewCase, actor, reason: str) -> ReviewCase:
    """A decider returns a recommendation to its reviewer with a reason."""
    require_transition(case, "send_back", actor)
    _require(policies.why_not_send_back(actor, case))
    reason = (reason or "").strip()
    if not reason:
        message = "Say what needs another look."
        raise ApplicationError(message, errors={"reason": message})
    event = _transition(
        case=case,
        transition="send_back",
        actor=actor,
        guard={"recommended_by_id": case.recommended_by_id},
        values={"recommended_by": None, "recommendation": "", "recommendation_reasons": ""},
        comment=reason,
    )
    _notify([event])
    return _fresh(case)


def review_clear_hard_stop(*, case: ReviewCase, actor, note: str) -> ReviewCase:
    """A senior reviewer records that the restricted-party match (or sanctions hit) behind
    a prohibited deal is cleared (a false positive, or a licence). Only then may the deal
    be approved; the decision itself still needs the usual four eyes."""
    _require(policies.why_not_clear_hard_stop(actor, case))
    note = (note or "").strip()
    if not note:
        message = "Say why the hard stop is cleared."
        raise ApplicationError(message, errors={"note": message})
    with transaction.atomic():
        now = timezone.now()
        updated = ReviewCase.objects.filter(
            pk=case.pk, hard_stop_cleared_at=None, status__in=OPEN
        ).update(
            hard_stop_cleared_by=actor,
            hard_stop_cleared_at=now,
            hard_stop_note=note,
            updated_at=now,
        )
        if not updated:
            raise Conflict("The case was changed by someone else; reload and try again.")
        event = audit_record(
            actor=actor,
            action="review_case.hard_stop_cleared",
            object_type="review_case",
            object_id=case.pk,
            opportunity_id=case.opportunity_id,
            comment=note,
        )
    _notify([event])
    return _fresh(case)
