"""Notifications: sending the messages of review events to the inbox and by email
(what each event says, and to whom: `reviews.messages`).

Runs in a Celery task after the change committed (services queue it with
`transaction.on_commit`). Idempotent: a notification is unique per (recipient, audit
event, kind), and each email is claimed by a conditional update before it is sent, so a
redelivered task neither duplicates inbox rows nor re-sends mail.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation

from audit.models import AuditEvent

from . import policies, probing, text_probing
from .messages import (  # noqa: F401  (callers import these from here, as before)
    RECHECK_TOLD,
    RECHECK_TRIGGERS,
    compliance_staff,
    level_users,
    messages_for,
)
from .models import Notification, ReviewCase

# Reports about a person (object: the user), not about a case: the messages of each.
REPORTS = {
    probing.ACTION: probing.probing_messages,
    text_probing.ACTION: text_probing.text_probing_messages,
}


def notifications_send(*, event_ids: Iterable[int]) -> int:
    """Create inbox notifications for these audit events and email them. Returns how many
    notifications were created by this call."""
    created = 0
    events = AuditEvent.objects.filter(
        Q(object_type="review_case") | Q(action__in=list(REPORTS)), pk__in=list(event_ids)
    )
    cases = {
        c.pk: c
        for c in ReviewCase.objects.filter(
            pk__in=[int(e.object_id) for e in events if e.object_type == "review_case"]
        ).select_related("opportunity", "opportunity__owner", "screening")
    }
    for event in events:
        if event.action in REPORTS:
            case, messages = None, REPORTS[event.action](event, compliance_staff())
        else:
            case = cases.get(int(event.object_id))
            if case is None:
                continue
            with translation.override(settings.LANGUAGE_CODE):  # not the request's language
                messages = messages_for(event, case)
        in_language = _InLanguage(event, case, messages)
        hearing = (
            policies.who_may_hear_of(
                case.opportunity, list({u.pk: u for m in messages for u in m[0]}.values())
            )
            if case is not None
            else None
        )
        for index, (users, _title, _body, url) in enumerate(messages):
            seen = set()
            for user in users:
                if user.pk in seen or user.pk == event.actor_id:
                    continue
                if hearing is not None and user.pk not in hearing:
                    continue
                seen.add(user.pk)
                title, body = in_language(user, index)
                try:
                    with transaction.atomic():
                        Notification.objects.create(
                            recipient=user,
                            event_id=event.pk,
                            kind=event.action,
                            title=title[:200],
                            body=body,
                            url=url,
                            case=case,
                            created_at=timezone.now(),
                        )
                    created += 1
                except IntegrityError:
                    pass  # already notified by an earlier run of this task
    notifications_email_pending(event_ids=[e.pk for e in events])
    return created


class _InLanguage:
    """The title and body of message `index` in the recipient's language (the one they
    last chose), written once per language. The messages are built again under that
    language; they are the same list in the same order, only their words differ."""

    def __init__(self, event, case, messages):
        self.event, self.case = event, case
        self.by_language = {settings.LANGUAGE_CODE: messages, "": messages}

    def __call__(self, user, index: int) -> tuple[str, str]:
        language = getattr(user, "language", "") or ""
        if language not in self.by_language:
            with translation.override(language):
                self.by_language[language] = (
                    messages_for(self.event, self.case)
                    if self.case is not None
                    else self.by_language[""]
                )
        _users, title, body, _url = self.by_language[language][index]
        return title, body


def notifications_email_pending(*, event_ids: list[int]) -> None:
    """Email each not-yet-emailed notification once (claimed by conditional update), only
    to those who may still hear of its deal: a mail given back after a failure is sent
    by a later run, and the reader may have left the deal's channel meanwhile."""
    pending = list(
        Notification.objects.filter(event_id__in=event_ids, emailed_at=None).select_related(
            "recipient", "case__opportunity"
        )
    )
    hearing = _still_hearing(pending)
    for n in pending:
        if n.case is not None and n.recipient_id not in hearing.get(n.case.opportunity_id, ()):
            continue
        if not Notification.objects.filter(pk=n.pk, emailed_at=None).update(
            emailed_at=timezone.now()
        ):
            continue
        if not n.recipient.email:
            continue
        try:
            send_mail(
                subject=f"[HRDD] {n.title}",
                message=f"{n.body}\n\n{settings.SITE_URL.rstrip('/')}{n.url}",
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[n.recipient.email],
            )
        except Exception:
            # Give the mail back so the retried task sends it.
            Notification.objects.filter(pk=n.pk).update(emailed_at=None)
            raise


def _still_hearing(notifications: list[Notification]) -> dict[int, set[int]]:
    """For each deal the notifications are about, who of their recipients may hear of it
    now (one query a deal)."""
    recipients: dict[int, dict] = {}
    deals = {}
    for n in notifications:
        if n.case is not None:
            deals[n.case.opportunity_id] = n.case.opportunity
            recipients.setdefault(n.case.opportunity_id, {})[n.recipient_id] = n.recipient
    return {
        pk: policies.who_may_hear_of(deals[pk], list(users.values()))
        for pk, users in recipients.items()
    }


def notification_mark_read(*, user, notification_id: int | None = None) -> int:
    """Mark one (or all) of the notifications the user may read as read."""
    qs = policies.notifications_visible_to(user).filter(read_at=None)
    if notification_id is not None:
        qs = qs.filter(pk=notification_id)
    return qs.update(read_at=timezone.now())
