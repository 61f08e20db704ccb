"""Escalation: by hand one level up, and the SLA sweep; the admin-editable targets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from hrdd.errors import ApplicationError, Conflict, PermissionDenied

from .. import policies
from ..models import EscalationLevel, EscalationPolicy, ReviewCase
from ..workflow import OPEN, _transition, require_transition
from ._common import (
    DEFAULT_POLICIES,
    Target,
    _fresh,
    _notify,
    _require,
    due_after,
    effective_due,
    escalation_target,
)

# The sweep commits every SWEEP_CHUNK escalations: fewer commits are faster, but each chunk
# holds the audit chain's head row (every audited write waits for it) until it commits.
SWEEP_CHUNK = 100
# What the sweep reads of each case (no more: it runs over every overdue case).
SWEEP_FIELDS = (
    "id", "status", "tier", "escalation_level", "due_at", "opportunity_id", "assignee_id",
    "opportunity__expected_close_date", "assignee__username",
)  # fmt: skip


def _escalate(
    *, case: ReviewCase, actor, to_level: int, reason: str, now: datetime | None = None,
    overdue_only: bool = False, target: Target | None = None,
):  # fmt: skip
    """Move a case up to `to_level`, unassigned, with the new level's timer. With
    `overdue_only` the row must still be past its target (the sweep's claim)."""
    now = now or timezone.now()
    target = target or escalation_target(case.tier)
    due = due_after(now, target.level_business_days)
    guard: dict[str, Any] = {"escalation_level": case.escalation_level}
    if overdue_only:
        guard["due_at__lte"] = now
    return _transition(
        case=case, transition="escalate", actor=actor, guard=guard,
        values={
            "escalation_level": to_level, "assignee": None, "due_at": due,
            "effective_due_at": effective_due(due, case.opportunity.expected_close_date),
            "escalated_at": now, "recommended_by": None, "recommendation": "",
            "recommendation_reasons": "",
        },
        changes={
            "from_level": case.escalation_level, "to_level": to_level,
            "previous_assignee": case.assignee.username if case.assignee_id else None,
            "missed_due_at": case.due_at.isoformat() if overdue_only and case.due_at else None,
            "due_at": due.isoformat() if due else None,
            "automatic": overdue_only,
        },
        comment=reason,
        refresh=not overdue_only,
    )  # fmt: skip


def review_escalate(*, case: ReviewCase, actor, reason: str) -> ReviewCase:
    """Send a case up one level (compliance → senior → committee), unassigned there."""
    require_transition(case, "escalate", actor)
    _require(policies.why_not_escalate(actor, case))
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("Say why the case goes up a level.", errors={"reason": "Required."})
    event = _escalate(case=case, actor=actor, to_level=case.escalation_level + 1, reason=reason)
    _notify([event.pk])
    return _fresh(case)


def review_escalate_overdue(*, now: datetime | None = None) -> int:
    """The SLA sweep: every open case past its target goes up one level.

    Idempotent and restart-safe: the timer is the `due_at` column, and each case is
    claimed by a conditional update on (status, level, due_at <= now), so a second run —
    or a second worker — finds nothing left to do, and a case that fell due while no
    worker ran escalates on the next run. Returns how many cases this run escalated.
    """
    now = now or timezone.now()
    ids = list(
        ReviewCase.objects.filter(
            status__in=OPEN, due_at__lte=now, escalation_level__lt=policies.TOP_LEVEL
        )
        .order_by("due_at", "id")
        .values_list("pk", flat=True)
    )
    escalated = 0
    targets: dict[str, Target] = {}
    for start in range(0, len(ids), SWEEP_CHUNK):
        chunk = ids[start : start + SWEEP_CHUNK]
        events = []
        with transaction.atomic():
            cases = (
                ReviewCase.objects.filter(pk__in=chunk)
                .select_related("opportunity", "assignee")
                .only(*SWEEP_FIELDS)
            )
            for case in cases:
                if not case.is_open or case.due_at is None or case.due_at > now:
                    continue
                if case.tier not in targets:
                    targets[case.tier] = escalation_target(case.tier)
                level_name = EscalationLevel(case.escalation_level + 1).label.lower()
                try:
                    events.append(
                        _escalate(
                            case=case,
                            actor=None,
                            to_level=case.escalation_level + 1,
                            now=now,
                            overdue_only=True,
                            target=targets[case.tier],
                            reason=f"Past its {case.tier} target ({timezone.localtime(case.due_at):%Y-%m-%d %H:%M}); "
                            f"escalated to the {level_name}.",
                        )  # fmt: skip
                    )
                except Conflict:
                    continue  # someone acted on it first; the next run looks again
            _notify(e.pk for e in events)
        escalated += len(events)
    return escalated


def escalation_policy_update(
    *,
    actor,
    tier: str,
    target_business_days: int | None,
    start_level: int,
    level_business_days: int | None,
) -> EscalationPolicy:
    """An admin changes a tier's review target. Applies to cases opened or escalated later."""
    if not getattr(actor, "is_admin", False):
        raise PermissionDenied("Only admins change review targets.")
    if tier not in EscalationPolicy.Tier.values:
        raise ApplicationError(f"Unknown tier {tier!r}.")
    if start_level not in EscalationLevel.values:
        raise ApplicationError(
            "Unknown escalation level.", errors={"start_level": "Invalid choice."}
        )
    for name, value in (
        ("target_business_days", target_business_days),
        ("level_business_days", level_business_days),
    ):
        if value is not None and not (0 <= int(value) <= 365):
            raise ApplicationError(
                "Targets are between 0 and 365 business days.", errors={name: "Out of range."}
            )
    with transaction.atomic():
        policy, _ = EscalationPolicy.objects.select_for_update().get_or_create(
            tier=tier, defaults=DEFAULT_POLICIES[tier]
        )
        before = {
            f: getattr(policy, f)
            for f in ("target_business_days", "start_level", "level_business_days")
        }
        after = {"target_business_days": target_business_days, "start_level": start_level,
                 "level_business_days": level_business_days}  # fmt: skip
        for f, v in after.items():
            setattr(policy, f, v)
        policy.save()
        audit_record(
            actor=actor, action="escalation_policy.updated", object_type="escalation_policy",
            object_id=policy.pk, changes={f: [before[f], after[f]] for f in after if before[f] != after[f]},
        )  # fmt: skip
    return policy
