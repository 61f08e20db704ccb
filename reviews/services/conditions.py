"""Conditions after the sale: fulfilled by their owner, verified by a reviewer, flagged when overdue."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from hrdd.errors import ApplicationError
from opportunities.policies import opportunity_seen_by
from webhooks.services import webhooks_emit

from .. import policies
from ..models import CaseCondition
from ..signals import condition_evidence_rejected
from ..workflow import _condition_transition
from ._common import _notify, _require, due_after

CONDITION_OVERDUE_REPEAT_DAYS = 2


def condition_fulfil(*, condition: CaseCondition, actor, evidence_note: str) -> CaseCondition:
    """The condition's owner says it is done, with a note on the evidence, while it still
    sees the deal (`policies.why_not_fulfil`)."""
    _require(policies.why_not_fulfil(actor, condition))
    note = (evidence_note or "").strip()
    if not note:
        raise ApplicationError(
            "Describe the evidence that the condition is met.",
            errors={"evidence_note": "Describe the evidence that the condition is met."},
        )
    event = _condition_transition(
        condition=condition,
        transition="fulfil",
        actor=actor,
        comment=note,
        values={"evidence_note": note, "fulfilled_by": actor, "fulfilled_at": timezone.now()},
    )
    _notify([event])
    return condition


def _why_not_verify(actor, condition: CaseCondition) -> str | None:
    if policies.authority(actor) < 1:
        return "Only compliance reviewers verify conditions."
    if actor.pk in (condition.owner_id, condition.fulfilled_by_id):
        return "Someone other than the condition's owner verifies it."
    return policies.conflict_of_interest(actor, condition.opportunity)


def condition_verify(*, condition: CaseCondition, actor, note: str = "") -> CaseCondition:
    """A reviewer confirms the evidence; the condition is closed."""
    _require(_why_not_verify(actor, condition))
    event = _condition_transition(
        condition=condition,
        transition="verify",
        actor=actor,
        comment=(note or "").strip(),
        values={"verified_by": actor, "verified_at": timezone.now()},
    )
    _notify([event])
    return condition


def condition_reject_evidence(*, condition: CaseCondition, actor, reason: str) -> CaseCondition:
    """A reviewer finds the evidence insufficient; the condition is open again."""
    _require(_why_not_verify(actor, condition))
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("Say what is missing.", errors={"reason": "Say what is missing."})
    with transaction.atomic():
        event = _condition_transition(
            condition=condition, transition="reject_evidence", actor=actor, comment=reason
        )
        _notify([event])
        # A condition whose evidence fails bites: the approval is reviewed again
        # (monitoring reopens it, in this transaction).
        condition_evidence_rejected.send(
            sender=CaseCondition, actor=actor, condition=condition, reason=reason
        )
    return condition


def conditions_flag_overdue(*, now: datetime | None = None) -> int:
    """The conditions sweep: an open condition past its due date escalates one step
    (owner and decider, then senior reviewers, then the committee), with the same
    conditional-update claim as cases, so it is idempotent. Returns how many it flagged."""
    now = now or timezone.now()
    rows = list(
        CaseCondition.objects.filter(
            status=CaseCondition.Status.OPEN, due_at__lte=now, escalation_level__lt=3
        )
        .select_related("mitigation", "owner")
        .order_by("due_at", "id")
    )
    events = []
    with transaction.atomic():
        for c in rows:
            level = c.escalation_level + 1
            claimed = CaseCondition.objects.filter(
                pk=c.pk,
                status=CaseCondition.Status.OPEN,
                escalation_level=c.escalation_level,
                due_at__lte=now,
            ).update(escalation_level=level, due_at=due_after(now, CONDITION_OVERDUE_REPEAT_DAYS))
            if not claimed:
                continue
            events.append(
                audit_record(
                    actor=None,
                    action="condition.overdue",
                    object_type="review_case",
                    object_id=c.case_id,
                    opportunity_id=c.opportunity_id,
                    changes={
                        "condition_id": c.pk,
                        "mitigation": c.mitigation.code,
                        "level": level,
                        "due_date": c.due_date.isoformat(),
                    },
                    comment=f"Condition '{c.mitigation.name}' was due on {c.due_date:%Y-%m-%d} and is not fulfilled.",
                )
            )
            _overdue_announce(c, level)
        _notify(events)
    return len(events)


def _overdue_announce(condition: CaseCondition, level: int) -> None:
    """The `condition.overdue` webhook; a partner's systems hear of conditions that
    partner owns."""
    facts = {
        "condition_id": condition.pk,
        "mitigation": condition.mitigation.code,
        "name": condition.mitigation.name,
        "due_date": condition.due_date.isoformat(),
    }
    owner = condition.owner
    webhooks_emit(
        event="condition.overdue",
        opportunity_id=condition.opportunity_id,
        facts={**facts, "level": level, "owner": owner.username},
        partner_facts=facts if owner.is_partner_user else None,
        partner_organisations=[owner.organisation_id],
    )


def conditions_hand_over(*, opportunity, actor) -> list[CaseCondition]:
    """Open conditions whose owner no longer sees the deal (a partner dropped from its
    channel) go to the deal's owner, audited and announced: left with the partner, they
    could be neither fulfilled nor verified, yet would still escalate when due and pull
    the approved deal back into review."""
    candidates = list(
        CaseCondition.objects.select_for_update()
        .select_related("owner", "mitigation")
        .filter(opportunity=opportunity, status=CaseCondition.Status.OPEN)
        .exclude(owner_id=opportunity.owner_id)
    )
    if not candidates:
        return []
    seen = opportunity_seen_by(opportunity.pk, [c.owner for c in candidates])
    handed, events = [], []
    for condition, sees in zip(candidates, seen, strict=True):
        if sees:
            continue
        before = condition.owner
        condition.owner_id = opportunity.owner_id
        condition.save(update_fields=["owner"])
        handed.append(condition)
        events.append(
            audit_record(
                actor=actor,
                action="condition.handed_over",
                object_type="review_case",
                object_id=condition.case_id,
                opportunity_id=opportunity.pk,
                changes={
                    "condition_id": condition.pk,
                    "mitigation": condition.mitigation.code,
                    "owner": [before.pk, opportunity.owner_id],
                },
                comment=(
                    f"Condition '{condition.mitigation.name}' was owned by {before.username}, "
                    "who no longer sees the deal."
                ),
            )
        )
    _notify(events)
    return handed
