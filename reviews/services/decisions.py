"""Deciding a case: approve, approve with conditions or reject, with the Decision that
freezes what it was based on; the deal moves with it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from hrdd.errors import ApplicationError
from hrdd.params import as_id
from opportunities.models import Opportunity
from opportunities.selectors import opportunities_visible_to
from opportunities.workflow import opportunity_transition
from webhooks.services import webhooks_emit

from .. import policies
from ..models import CaseCondition, Decision, Mitigation, ReviewCase
from ..precedents import precedent_divergence, precedent_record
from ..signals import case_decided
from ..workflow import _transition, require_transition
from ._common import S, _notify, _require, close_date_deadline
from .cases import _outcome

DEAL_STATUS_FOR_OUTCOME = {
    "approve": "approved",
    "approve_with_conditions": "approved_with_conditions",
    "reject": "rejected",
}


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
    reasons, feedback = (reasons or "").strip(), (feedback or "").strip()
    conditions = list(conditions or [])
    _decision_words_check(outcome, reasons, feedback, conditions)
    precedent_reason = (precedent_reason or "").strip()
    divergence = _divergence_check(case, outcome, precedent_reason)
    cleaned = _conditions_clean(conditions, opportunity=case.opportunity)
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
            .prefetch_related("channel", "lines__product")
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
            conditions=[_condition_frozen(c) for c in cleaned],
        )
        CaseCondition.objects.bulk_create(
            [_condition_row(c, case=case, opportunity=opportunity, now=now) for c in cleaned]
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


def _decision_words_check(outcome: str, reasons: str, feedback: str, conditions: list) -> None:
    """Written reasons always; feedback the submitter can act on for a rejection or
    conditions; conditions only, and at least one, on an approval with conditions."""
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


def _divergence_check(case: ReviewCase, outcome: str, precedent_reason: str):
    """The precedents this decision departs from (None if it follows them); departing
    needs a reason."""
    divergence = precedent_divergence(case.opportunity, outcome)
    if divergence is not None and not precedent_reason:
        refs = ", ".join(divergence.references[:5])
        raise ApplicationError(
            f"Closely similar deals ({refs}) were {divergence.usual_label.lower()}; "
            "say why this decision differs.",
            errors={"precedent_reason": "Why does this decision differ from its precedents?"},
        )
    return divergence


def _conditions_clean(conditions: list, *, opportunity) -> list[dict]:
    """Each condition checked; an error names the condition it lies in."""
    today = timezone.localdate()
    cleaned = []
    for i, item in enumerate(conditions):
        try:
            cleaned.append(_condition_clean(item, opportunity=opportunity, today=today))
        except ApplicationError as exc:
            errors = {
                k.replace("conditions.", f"conditions[{i}].", 1): v for k, v in exc.errors.items()
            }
            raise ApplicationError(exc.message, errors=errors) from None
    return cleaned


def _condition_frozen(c: dict) -> dict:
    """A condition as the Decision keeps it, in plain values."""
    return {
        "mitigation": c["mitigation"].code,
        "name": c["mitigation"].name,
        "details": c["details"],
        "owner": c["owner"].username,
        "due_date": c["due_date"].isoformat(),
    }


def _condition_row(c: dict, *, case: ReviewCase, opportunity, now) -> CaseCondition:
    """A condition to follow up after the sale, due at the end of its due date."""
    return CaseCondition(
        case=case,
        opportunity=opportunity,
        mitigation=c["mitigation"],
        details=c["details"],
        owner=c["owner"],
        due_date=c["due_date"],
        due_at=close_date_deadline(c["due_date"] + timedelta(days=1)),
        created_at=now,
    )
