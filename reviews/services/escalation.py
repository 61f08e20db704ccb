"""Escalation: by hand one level up, and the SLA sweep; the admin-editable targets."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Case, DateTimeField, Value, When
from django.utils import timezone

from audit.services import audit_record
from hrdd.errors import ApplicationError
from refdata.cache import pinned

from .. import policies
from ..models import EscalationLevel, EscalationPolicy, ReviewCase
from ..workflow import OPEN, _transition, _transition_locked_many, require_transition
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
# holds its cases' rows (and the audit chain's head row) until it commits.
SWEEP_CHUNK = 500
# What the sweep reads of each case (no more: it runs over every overdue case).
SWEEP_FIELDS = (
    "id",
    "status",
    "tier",
    "escalation_level",
    "due_at",
    "opportunity_id",
    "assignee_id",
    "opportunity__expected_close_date",
    "assignee__username",
)


def _escalate(
    *,
    case: ReviewCase,
    actor,
    to_level: int,
    reason: str,
    now: datetime | None = None,
    overdue_only: bool = False,
    target: Target | None = None,
):
    """Move a case up to `to_level`, unassigned, with the new level's timer. With
    `overdue_only` the row must still be past its target (the sweep's claim)."""
    now = now or timezone.now()
    target = target or escalation_target(case.tier)
    due = due_after(now, target.level_business_days)
    guard: dict[str, Any] = {"escalation_level": case.escalation_level}
    if overdue_only:
        guard["due_at__lte"] = now
    return _transition(
        case=case,
        transition="escalate",
        actor=actor,
        guard=guard,
        values={
            "escalation_level": to_level,
            "assignee": None,
            "due_at": due,
            "effective_due_at": effective_due(due, case.opportunity.expected_close_date),
            "escalated_at": now,
            "recommended_by": None,
            "recommendation": "",
            "recommendation_reasons": "",
        },
        changes={
            "from_level": case.escalation_level,
            "to_level": to_level,
            "previous_assignee": case.assignee.username if case.assignee_id else None,
            "missed_due_at": case.due_at.isoformat() if overdue_only and case.due_at else None,
            "due_at": due.isoformat() if due else None,
            "automatic": overdue_only,
        },
        comment=reason,
        refresh=not overdue_only,
    )


def review_escalate(*, case: ReviewCase, actor, reason: str) -> ReviewCase:
    """Send a case up one level (compliance → senior → committee), unassigned there."""
    require_transition(case, "escalate", actor)
    _require(policies.why_not_escalate(actor, case))
    reason = (reason or "").strip()
    if not reason:
        message = "Say why the case goes up a level."
        raise ApplicationError(message, errors={"reason": message})
    event = _escalate(case=case, actor=actor, to_level=case.escalation_level + 1, reason=reason)
    _notify([event])
    return _fresh(case)


def review_escalate_overdue(*, now: datetime | None = None) -> int:
    """The SLA sweep: every open case past its target goes up one level.

    Set-based: each chunk of overdue cases is locked in one query (rows another worker
    holds are skipped, for the next run), then moved with one UPDATE per (level, tier)
    group, with one audit event per case and one notification batch per chunk.

    Idempotent and restart-safe: the timer is the `due_at` column and the lock query
    re-checks (status, due_at <= now, level), so a second run, or a second worker, finds
    nothing left to do, and a case that fell due while no worker ran escalates on the next
    run. Returns how many cases this run escalated.
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
    for start in range(0, len(ids), SWEEP_CHUNK):
        with transaction.atomic(), pinned():
            cases = list(
                ReviewCase.objects.filter(
                    pk__in=ids[start : start + SWEEP_CHUNK],
                    status__in=OPEN,
                    due_at__lte=now,
                    escalation_level__lt=policies.TOP_LEVEL,
                )
                .select_for_update(of=("self",), skip_locked=True)
                .select_related("opportunity", "assignee")
                .only(*SWEEP_FIELDS)
            )
            groups: dict[tuple[int, str], list[ReviewCase]] = {}
            for case in cases:
                groups.setdefault((case.escalation_level, case.tier), []).append(case)
            events = []
            for (level, tier), group in sorted(groups.items()):
                events += _escalate_overdue_group(group, level=level, tier=tier, now=now)
            _notify(events)
        escalated += len(events)
    return escalated


def _escalate_overdue_group(cases: list[ReviewCase], *, level: int, tier: str, now: datetime):
    """One UPDATE for locked overdue cases of one level and tier (same new timer); only
    a case whose deal closes before that timer gets its own effective due date."""
    target = escalation_target(tier)
    due = due_after(now, target.level_business_days)
    earlier = {}
    for case in cases:
        effective = effective_due(due, case.opportunity.expected_close_date)
        if effective != due:
            earlier[case.pk] = effective
    effective_due_at: Any = Value(due, output_field=DateTimeField())
    if earlier:
        effective_due_at = Case(
            *(When(pk=pk, then=Value(at)) for pk, at in earlier.items()),
            default=effective_due_at,
            output_field=DateTimeField(),
        )
    level_name = EscalationLevel(level + 1).label.lower()
    return _transition_locked_many(
        cases=cases,
        transition="escalate",
        actor=None,
        values={
            "escalation_level": level + 1,
            "assignee": None,
            "due_at": due,
            "effective_due_at": effective_due_at,
            "escalated_at": now,
            "recommended_by": None,
            "recommendation": "",
            "recommendation_reasons": "",
        },
        changes_of=lambda c: {
            "from_level": level,
            "to_level": level + 1,
            "previous_assignee": c.assignee.username if c.assignee_id else None,
            "missed_due_at": c.due_at.isoformat() if c.due_at else None,
            "due_at": due.isoformat() if due else None,
            "automatic": True,
        },
        comment_of=lambda c: (
            f"Past its {tier} target ({timezone.localtime(c.due_at):%Y-%m-%d %H:%M}); "
            f"escalated to the {level_name}."
        ),
    )


def escalation_policy_update(
    *,
    actor,
    tier: str,
    target_business_days: int | None,
    start_level: int,
    level_business_days: int | None,
) -> EscalationPolicy:
    """An admin changes a tier's review target. Applies to cases opened or escalated later."""
    _require(policies.why_not_set_targets(actor))
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
        after = {
            "target_business_days": target_business_days,
            "start_level": start_level,
            "level_business_days": level_business_days,
        }
        for f, v in after.items():
            setattr(policy, f, v)
        policy.save()
        audit_record(
            actor=actor,
            action="escalation_policy.updated",
            object_type="escalation_policy",
            object_id=policy.pk,
            changes={f: [before[f], after[f]] for f in after if before[f] != after[f]},
        )
    return policy
