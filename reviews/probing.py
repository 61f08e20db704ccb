"""Noticing someone probing the restricted-party lists.

Partner users and reps learn nothing from a hold (`opportunities.presenters`), but a
person could still register name after name to see which are held. When the deals one
person registered or changed matched a restricted-party list RP_PROBING_THRESHOLD times
within RP_PROBING_WINDOW_HOURS, compliance staff are told in their inbox (and by email),
with the deals, once per window; the report is an audit event of its own.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from audit.services import audit_batch_flush, audit_record
from rules.models import Screening
from rules.presentation import sees_everything

ACTION = "restricted_party.probing_reported"
# Screenings a person caused by naming parties; re-screens after criteria are published
# are not theirs, and an answer to an information request names no party (it repeats the
# deal's match, so answering compliance's questions on a held deal is not probing).
OWN_TRIGGERS = (Screening.Trigger.REGISTRATION, Screening.Trigger.UPDATE)


def probing_check(
    *, actor, screening: Screening, not_yet: list[int] | None = None
) -> AuditEvent | None:
    """Report `actor` to compliance if their deals matched restricted-party lists too
    often. Runs in the screening's transaction for every registration or change by a
    partner user or rep; only a screening that matched can cross the threshold, so the
    others cost no query (a matched deal already does more work: its hold and routing).

    Once per window: the actor's own row is locked for the rest of the transaction, so
    two registrations by one person take turns here and cannot both miss (or both make)
    each other's report; other people's registrations do not wait.

    `not_yet`: screenings inserted with this one (a batch) that count only from their own
    check on, so a batch is reported at the same match as one deal after another.
    """
    if actor is None or sees_everything(actor) or screening.trigger not in OWN_TRIGGERS:
        return None
    if not screening.restricted_party_matched:
        return None
    actor_lock(actor)
    since = timezone.now() - timedelta(hours=settings.RP_PROBING_WINDOW_HOURS)
    hits = list(
        Screening.objects.filter(
            restricted_party_matched=True,
            created_at__gte=since,
            opportunity__owner=actor,
            trigger__in=OWN_TRIGGERS,
        )
        .exclude(pk__in=not_yet or [])
        .order_by("id")
        .values_list("opportunity_id", "opportunity__reference")
    )
    if len(hits) < settings.RP_PROBING_THRESHOLD:
        return None
    deals = dict(hits)  # id -> reference, in the order they matched
    return report_once_per_window(
        actor=actor,
        action=ACTION,
        since=since,
        changes={
            "matches": len(hits),
            "window_hours": settings.RP_PROBING_WINDOW_HOURS,
            "deal_ids": list(deals),
            "deals": list(deals.values()),
        },
        comment=f"{len(hits)} restricted-party matches within {settings.RP_PROBING_WINDOW_HOURS} h",
    )


def actor_lock(actor) -> None:
    """Lock the actor's own row for the rest of the transaction: two registrations by one
    person take turns at a watch and cannot both miss (or both make) its report; other
    people's registrations do not wait."""
    list(get_user_model().objects.select_for_update().filter(pk=actor.pk).values_list("pk"))


def report_once_per_window(
    *,
    actor,
    action: str,
    since,
    changes: dict[str, Any],
    comment: str,
    opportunity_id: int | None = None,
) -> AuditEvent | None:
    """Record a watch's report about `actor` (an audit event of its own, object: the user,
    with who they are and `changes`) and tell compliance staff (`reviews.notifications`),
    unless `action` already reported them since `since`. The caller holds `actor_lock`.

    `opportunity_id`: the deal the report is about, when it is about one (its compliance
    pages show it); the audit trail is compliance staff's only."""
    audit_batch_flush()  # a report recorded earlier in the same batch counts
    if AuditEvent.objects.filter(
        action=action, object_type="user", object_id=str(actor.pk), created_at__gte=since
    ).exists():
        return None
    event = audit_record(
        actor=None,
        action=action,
        object_type="user",
        object_id=actor.pk,
        opportunity_id=opportunity_id,
        changes={
            "user": actor.username,
            "organisation": actor.organisation.name if actor.organisation_id else "",
            **changes,
        },
        comment=comment,
    )
    from .services._common import _notify

    _notify([event])
    return event


def reported_who(changes: dict[str, Any]) -> str:
    """The person a report is about, as its message names them: user (organisation)."""
    org = changes.get("organisation")
    return changes["user"] + (f" ({org})" if org else "")


def probing_messages(event: AuditEvent, staff: list) -> list[tuple[list, str, str, str]]:
    """The inbox message for compliance staff about one report (see notifications)."""
    ch = event.changes
    who = reported_who(ch)
    body = (
        f"Deals registered or changed by {who} matched restricted-party lists {ch['matches']} "
        f"times within {ch['window_hours']} hours: {', '.join(ch['deals'])}. Nothing about the "
        "matches was shown to them. Check whether someone is testing names against the lists."
    )
    url = reverse("opportunity-detail", args=[ch["deal_ids"][-1]])
    return [(staff, f"Possible probing of the restricted-party lists by {ch['user']}", body, url)]
