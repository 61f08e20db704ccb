"""Working a case: claim, assign, questions and answers, recommendation, decision."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import audit_record
from hrdd.errors import ApplicationError, Conflict, PermissionDenied
from hrdd.params import as_id
from opportunities.models import Opportunity
from opportunities.selectors import opportunities_visible_to
from opportunities.workflow import opportunity_transition
from webhooks.services import webhooks_emit

from .. import policies
from ..models import CaseCondition, Decision, InformationRequest, Mitigation, ReviewCase
from ..precedents import precedent_divergence, precedent_record
from ..signals import case_decided
from ..uploads import evidence_validate
from ..workflow import OPEN, _transition, require_transition
from ._common import S, _fresh, _notify, _require, close_date_deadline

DEAL_STATUS_FOR_OUTCOME = {
    "approve": "approved",
    "approve_with_conditions": "approved_with_conditions",
    "reject": "rejected",
}


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
        raise ApplicationError(
            "Write the questions you need answered.", errors={"questions": "Required."}
        )
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
        raise ApplicationError("Write your answer.", errors={"answer": "Required."})
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
            errors={"outcome": "Invalid choice."},
        )
    return outcome


def review_recommend(*, case: ReviewCase, actor, outcome: str, reasons: str) -> ReviewCase:
    """The assigned reviewer recommends an outcome; on a four-eyes tier another reviewer decides."""
    require_transition(case, "recommend", actor)
    _require(policies.why_not_recommend(actor, case))
    outcome = _outcome(outcome)
    reasons = (reasons or "").strip()
    if not reasons:
        raise ApplicationError(
            "Give the reasons for your recommendation.", errors={"reasons": "Required."}
        )
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
        raise ApplicationError("Say what needs another look.", errors={"reason": "Required."})
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
        raise ApplicationError("Say why the hard stop is cleared.", errors={"note": "Required."})
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


def deal_snapshot(opportunity) -> dict[str, Any]:
    """The deal as it stands, as a plain dict (what a decision was based on)."""
    return {
        "id": opportunity.pk,
        "reference": opportunity.reference,
        "title": opportunity.title,
        "status": opportunity.status,
        "owner": opportunity.owner.username,
        "submitted_by": opportunity.submitted_by_organisation.name,
        "end_customer": {
            "name": opportunity.end_customer_name,
            "country": opportunity.end_customer_country,
            "type": opportunity.end_user_type,
            "sector": opportunity.end_customer_sector,
        },
        "delivery_country": opportunity.delivery_country,
        "channel": [
            {
                "name": e.name,
                "role": e.role,
                "country": e.country,
                "organisation_id": e.organisation_id,
            }
            for e in opportunity.channel.all()
        ],
        "lines": [
            {
                "sku": li.sku,
                "name": li.name,
                "capabilities": li.capabilities,
                "quantity": li.quantity,
            }
            for li in opportunity.lines.all()
        ],
        "intended_use": list(opportunity.intended_use),
        "use_description": opportunity.use_description,
        "value": {"amount": str(opportunity.value_amount), "currency": opportunity.value_currency},
        "expected_close_date": opportunity.expected_close_date.isoformat()
        if opportunity.expected_close_date
        else None,
        "customization": opportunity.customization,
        "red_flags": list(opportunity.declared_red_flags),
        "end_use_statement": opportunity.end_use_statement,
        "updated_at": opportunity.updated_at.isoformat() if opportunity.updated_at else None,
    }


def _condition_clean(item: dict, *, opportunity, today: date) -> dict:
    code = str(item.get("mitigation") or "").strip()
    mitigation = Mitigation.objects.filter(code=code, active=True).first()
    if mitigation is None:
        raise ApplicationError(
            f"Unknown mitigation {code!r}.",
            errors={"conditions.mitigation": "Choose one from the library."},
        )
    owner = item.get("owner")
    if not isinstance(owner, User):
        owner_id = as_id(owner)
        owner = User.objects.filter(pk=owner_id, is_active=True).first() if owner_id else None
    if owner is None:
        raise ApplicationError(
            "Each condition needs an owner.", errors={"conditions.owner": "Choose a person."}
        )
    if not opportunities_visible_to(owner).filter(pk=opportunity.pk).exists():
        raise ApplicationError(
            f"{owner.username} cannot see this deal, so cannot own its condition.",
            errors={"conditions.owner": "Choose someone who can see the deal."},
        )
    due = item.get("due_date") or (today + timedelta(days=mitigation.default_due_days))
    if isinstance(due, str):
        try:
            due = date.fromisoformat(due)
        except ValueError:
            raise ApplicationError(
                "Due dates are YYYY-MM-DD.",
                errors={"conditions.due_date": "Enter a date, such as 2026-12-31."},
            ) from None
    if due < today:
        raise ApplicationError(
            "A condition cannot be due in the past.",
            errors={"conditions.due_date": "Choose a date from today on."},
        )
    return {
        "mitigation": mitigation,
        "owner": owner,
        "due_date": due,
        "details": str(item.get("details") or "").strip()[:2000],
    }


def review_decide(
    *,
    case: ReviewCase,
    actor,
    outcome: str,
    reasons: str,
    feedback: str = "",
    conditions: Iterable[dict] = (),
    precedent_reason: str = "",
) -> Decision:
    """Decide a case: approve, approve with conditions, or reject; the deal moves with it.

    Invariants: the four-eyes, authority and conflict rules of `policies` hold; written
    reasons always, and feedback the submitter can act on for a rejection or conditions;
    the Decision row freezes the deal, its screening and criteria version, the reasons
    and the conditions; case, decision, conditions, deal status and their audit events
    commit together.
    """
    outcome = _outcome(outcome)
    require_transition(case, outcome, actor)
    _require(policies.why_not_decide(actor, case, outcome))
    reasons = (reasons or "").strip()
    feedback = (feedback or "").strip()
    conditions = list(conditions or [])
    errors = {}
    if not reasons:
        errors["reasons"] = "Give the reasons for the decision."
    if outcome in ("reject", "approve_with_conditions") and not feedback:
        errors["feedback"] = "Tell the submitter why, in words they can act on."
    if outcome == "approve_with_conditions" and not conditions:
        errors["conditions"] = "Attach at least one condition."
    if outcome != "approve_with_conditions" and conditions:
        errors["conditions"] = "Only an approval with conditions carries conditions."
    if errors:
        raise ApplicationError(next(iter(errors.values())), errors=errors)
    precedent_reason = (precedent_reason or "").strip()
    divergence = precedent_divergence(case.opportunity, outcome)
    if divergence is not None and not precedent_reason:
        refs = ", ".join(divergence.references[:5])
        raise ApplicationError(
            f"Closely similar deals ({refs}) were {divergence.usual_label.lower()}; "
            "say why this decision differs.",
            errors={"precedent_reason": "Why does this decision differ from its precedents?"},
        )
    today = timezone.localdate()
    cleaned = []
    for i, item in enumerate(conditions):
        try:
            cleaned.append(_condition_clean(item, opportunity=case.opportunity, today=today))
        except ApplicationError as exc:  # name the condition the fault lies in
            errors = {
                k.replace("conditions.", f"conditions[{i}].", 1): v for k, v in exc.errors.items()
            }
            raise ApplicationError(exc.message, errors=errors) from None
    guard: dict[str, Any] = (
        {"recommended_by_id": case.recommended_by_id}
        if case.status == S.RECOMMENDED
        else {"assignee": actor}
    )
    with transaction.atomic():
        now = timezone.now()
        opportunity = (
            Opportunity.objects.select_related(
                "owner", "submitted_by_organisation", "current_screening__criteria_version"
            )
            .prefetch_related("channel", "lines")
            .get(pk=case.opportunity_id)
        )
        screening = opportunity.current_screening or case.screening
        recommended_by, recommendation = case.recommended_by, case.recommendation
        event = _transition(
            case=case,
            transition=outcome,
            actor=actor,
            guard=guard,
            values={"closed_at": now},
            changes={
                "outcome": outcome,
                "conditions": len(cleaned),
                "recommended_by": recommended_by.username if recommended_by else None,
                **_divergence_changes(divergence, precedent_reason),
            },
            comment=reasons,
        )
        decision = Decision.objects.create(
            case=case,
            opportunity=opportunity,
            outcome=outcome,
            decided_by=actor,
            decided_at=now,
            recommended_by=recommended_by,
            recommendation=recommendation,
            screening=screening,
            criteria_version=screening.criteria_version.number,
            tier=case.tier,
            escalation_level=case.escalation_level,
            deal_snapshot=deal_snapshot(opportunity),
            reasons=reasons,
            feedback=feedback,
            precedent_reason=precedent_reason if divergence else "",
            diverges_from=divergence.references if divergence else [],
            conditions=[
                {
                    "mitigation": c["mitigation"].code,
                    "name": c["mitigation"].name,
                    "details": c["details"],
                    "owner": c["owner"].username,
                    "due_date": c["due_date"].isoformat(),
                }
                for c in cleaned
            ],
        )
        CaseCondition.objects.bulk_create(
            [
                CaseCondition(
                    case=case,
                    opportunity=opportunity,
                    mitigation=c["mitigation"],
                    details=c["details"],
                    owner=c["owner"],
                    due_date=c["due_date"],
                    due_at=close_date_deadline(c["due_date"] + timedelta(days=1)),
                    created_at=now,
                )
                for c in cleaned
            ]
        )
        opportunity_transition(
            opportunity=opportunity,
            transition=outcome,
            to=DEAL_STATUS_FOR_OUTCOME[outcome],
            actor=actor,
            comment=feedback or reasons,
        )
        # A new decision settles an approval whose basis had changed (monitoring).
        case_decided.send(sender=ReviewCase, actor=actor, opportunity_id=opportunity.pk)
        precedent_record(decision)
        _decision_announce(decision)
    _notify([event])
    return decision


def _divergence_changes(divergence, reason: str) -> dict:
    """What the decision's audit event keeps about precedents it departs from."""
    if divergence is None:
        return {}
    return {
        "precedents_usual_outcome": divergence.usual_outcome,
        "diverges_from": divergence.references,
        "precedent_reason": reason,
    }


def _decision_announce(decision: Decision) -> None:
    """The `case.decided` webhook: partners' systems get the outcome and the feedback
    written for them, never the reasons or the recommendation."""
    common = {
        "outcome": decision.outcome,
        "decided_at": decision.decided_at.isoformat(),
        "feedback": decision.feedback,
    }
    webhooks_emit(
        event="case.decided",
        opportunity_id=decision.opportunity_id,
        facts={
            **common,
            "case_id": decision.case_id,
            "reasons": decision.reasons,
            "conditions": decision.conditions,
            "decided_by": decision.decided_by.username,
        },
        partner_facts=common,
    )
