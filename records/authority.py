"""Notifying the competent authority (EU Regulation 2021/821 Art. 5), as services.

Awareness → draft (written from the case) → edited → sent (date, reference) → answered.
From awareness until the answer the deal is held: `authority_hold_reason` is registered
with the deal's transition helper, which refuses every other move, and the deal itself
moves to `blocked` through that helper (partners and reps read it as "In compliance
review"). Every step is one conditional update and its audit event.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import audit_record
from audit.transitions import Workflow, transition_apply
from hrdd.errors import ApplicationError, Conflict, PermissionDenied
from opportunities.models import Opportunity
from opportunities.workflow import opportunity_transition

from . import policies
from .models import AuthorityNotification

N = AuthorityNotification.Status
OPEN_STATES = (N.DRAFT, N.SENT)
# notification transition -> (from, to)
TRANSITIONS = {
    "edit": (N.DRAFT, N.DRAFT),
    "send": (N.DRAFT, N.SENT),
    "answer": (N.SENT, N.ANSWERED),
}
NOTIFICATIONS = Workflow(
    model=AuthorityNotification,
    table=TRANSITIONS,
    object_type="authority_notification",
    action_prefix="authority",
    noun="notification",
    stamp="updated_at",
    refused="This notification is {state}; reload the page.",
    moved="Someone else changed this notification first; it is now {state}.",
)


def authority_hold_reason(opportunity_id: int) -> str | None:
    """The hold on a deal while a notification to the authority is open (None: no hold)."""
    notice = (
        AuthorityNotification.objects.filter(opportunity_id=opportunity_id, status__in=OPEN_STATES)
        .only("id")
        .first()
    )
    if notice is None:
        return None
    return (
        f"The deal is held until the competent authority's answer to {notice.reference} is "
        "recorded."
    )


def _require(reason: str | None) -> None:
    if reason:
        raise PermissionDenied(reason)


def _text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ApplicationError(message, errors={field: message})
    return value


def authority_draft_text(opportunity: Opportunity, *, reason: str) -> tuple[str, str]:
    """(subject, body) of the notification, written from the case: exporter, items, end
    user, end use, where, and what is known."""
    lines = "\n".join(
        f"- {li.quantity} × {li.name}{f' ({li.sku})' if li.sku else ''}: "
        f"{', '.join(li.capabilities) or 'no declared capability'}"
        for li in opportunity.lines.all()
    )
    channel = "\n".join(f"- {e.name} ({e.role}, {e.country})" for e in opportunity.channel.all())
    screening = opportunity.current_screening
    findings = "\n".join(
        f"- {f.get('name', f.get('code'))}" for f in (screening.findings if screening else [])
    )
    subject = (
        f"Notification under Article 5 of Regulation (EU) 2021/821: deal {opportunity.reference}"
    )
    body = "\n".join(
        [
            f"To: {settings.AUTHORITY_NOTICE_AUTHORITY}",
            "",
            f"Exporter: {settings.AUTHORITY_NOTICE_EXPORTER}",
            f"Deal: {opportunity.reference} {opportunity.title}",
            "",
            "Items:",
            lines or "- none recorded",
            "",
            f"End user: {opportunity.end_customer_name} ({opportunity.get_end_user_type_display()}, "
            f"{opportunity.end_customer_sector or 'sector not given'}), {opportunity.end_customer_country}",
            f"Where: delivery to {opportunity.delivery_country}",
            "Channel:",
            channel or "- direct",
            "",
            f"End use declared: {', '.join(opportunity.intended_use) or 'none'}",
            opportunity.use_description or "",
            "",
            "What we know:",
            reason,
            "",
            "Screening findings:",
            findings or "- none",
            "",
            "The sale is suspended until we receive your answer.",
        ]
    )
    return subject, body


def authority_awareness_record(
    *, actor, opportunity: Opportunity, reason: str
) -> AuthorityNotification:
    """Record that the company became aware (with the reason), draft the notification and
    hold the deal. One open notification per deal (a constraint, so two reviewers at once
    cannot open two)."""
    _require(policies.why_not_record_awareness(actor, opportunity))
    reason = _text(reason, "reason", "Say what the company has become aware of, and how.")
    with transaction.atomic():
        deal = Opportunity.objects.select_related("current_screening").get(pk=opportunity.pk)
        if AuthorityNotification.objects.filter(opportunity=deal, status__in=OPEN_STATES).exists():
            raise Conflict("A notification to the authority is already open for this deal.")
        subject, body = authority_draft_text(deal, reason=reason)
        now = timezone.now()
        try:
            with transaction.atomic():  # the constraint decides between two at once
                notice = AuthorityNotification.objects.create(
                    opportunity=deal,
                    awareness_reason=reason,
                    aware_by=actor,
                    aware_at=now,
                    status_before=deal.status,
                    authority=settings.AUTHORITY_NOTICE_AUTHORITY,
                    subject=subject,
                    body=body,
                    updated_at=now,
                )
        except IntegrityError:
            raise Conflict(
                "A notification to the authority is already open for this deal."
            ) from None
        audit_record(
            actor=actor,
            action="authority.awareness_recorded",
            object_type="authority_notification",
            object_id=notice.pk,
            opportunity_id=deal.pk,
            to_state=N.DRAFT,
            comment=reason,
        )
        if deal.status != Opportunity.Status.BLOCKED:
            opportunity_transition(
                opportunity=deal,
                transition="authority_hold",
                to=Opportunity.Status.BLOCKED,
                actor=actor,
                comment=f"Held until the authority answers {notice.reference}",
            )
    return notice


def _move(
    notice: AuthorityNotification,
    step: str,
    *,
    actor,
    values: dict,
    changes: dict,
    comment: str = "",
) -> None:
    """One step of the notification (`audit.transitions`: conditional update, audit event, 409)."""
    transition_apply(
        NOTIFICATIONS,
        notice,
        step,
        actor=actor,
        values=values,
        changes=changes,
        comment=comment,
        opportunity_id=notice.opportunity_id,
    )
    for k, v in values.items():
        setattr(notice, k, v)


def authority_notification_edit(
    *, actor, notification: AuthorityNotification, authority: str, subject: str, body: str
) -> AuthorityNotification:
    """Edit the draft before it is sent (what was sent is kept as sent)."""
    _require(policies.why_not_work_notification(actor, notification))
    values = {
        "authority": _text(authority, "authority", "Name the authority."),
        "subject": _text(subject, "subject", "Give the notification a subject."),
        "body": _text(body, "body", "The notification needs its text."),
    }
    changed = sorted(k for k, v in values.items() if getattr(notification, k) != v)
    with transaction.atomic():
        _move(notification, "edit", actor=actor, values=values, changes={"changed": changed})
    return notification


def authority_notification_mark_sent(
    *, actor, notification: AuthorityNotification, sent_on: date, reference: str
) -> AuthorityNotification:
    """Record that the notification went to the authority, on which day, under which reference."""
    _require(policies.why_not_work_notification(actor, notification))
    reference = _text(reference, "reference", "Give the reference of the notification as sent.")
    if sent_on is None or sent_on > timezone.localdate():
        raise ApplicationError(
            "Give the day it was sent (not in the future).", errors={"sent_on": "Invalid date."}
        )
    with transaction.atomic():
        _move(
            notification,
            "send",
            actor=actor,
            values={"sent_on": sent_on, "sent_reference": reference[:200], "sent_by": actor},
            changes={"sent_on": sent_on.isoformat(), "reference": reference[:200]},
        )
    return notification


def authority_answer_record(
    *, actor, notification: AuthorityNotification, outcome: str, answer: str, received_on: date
) -> AuthorityNotification:
    """Record the authority's answer and release the deal: back to where it was on no
    objection, rejected when the authority does not authorise it."""
    _require(policies.why_not_work_notification(actor, notification))
    if outcome not in AuthorityNotification.Outcome.values:
        raise ApplicationError("Choose the authority's answer.", errors={"outcome": "Choose one."})
    answer = _text(answer, "answer", "Record what the authority answered.")
    if (
        received_on is None
        or received_on > timezone.localdate()
        or (notification.sent_on and received_on < notification.sent_on)
    ):
        raise ApplicationError(
            "Give the day the answer arrived (after sending, not in the future).",
            errors={"received_on": "Invalid date."},
        )
    with transaction.atomic():
        _move(
            notification,
            "answer",
            actor=actor,
            values={
                "answer_outcome": outcome,
                "answer_text": answer,
                "answer_received_on": received_on,
                "answered_by": actor,
            },
            changes={"outcome": outcome, "received_on": received_on.isoformat()},
            comment=answer,
        )
        deal = Opportunity.objects.get(pk=notification.opportunity_id)
        if outcome == AuthorityNotification.Outcome.PROHIBITED:
            transition, to = "authority_prohibit", Opportunity.Status.REJECTED
        else:
            transition, to = "authority_release", notification.status_before
        if deal.status != to:
            opportunity_transition(
                opportunity=deal,
                transition=transition,
                to=to,
                actor=actor,
                comment=f"The authority answered {notification.reference}",
            )
    return notification
