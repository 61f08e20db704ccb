"""Writes across the channel: ownership links between organisations, and a distributor
inviting the users of a partner below it to a deal."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.policies import is_compliance
from audit.services import audit_record
from hrdd.errors import ApplicationError
from partners.models import Organisation

from .. import policies
from .core import _notify_partner_users, _require


def affiliation_record(
    *, actor, organisation: Organisation, parent: Organisation, source: str = ""
):
    """Record (or replace) the organisation's parent. Compliance staff only; refuses a link
    that would make an organisation its own ancestor."""
    from ..models import Affiliation

    _require(None if is_compliance(actor) else "Only compliance staff record ownership links.")
    with transaction.atomic():
        chain, node = set(), parent
        while node is not None:
            if node.pk == organisation.pk:
                raise ApplicationError("That link would make the organisation its own parent.")
            if node.pk in chain:
                break
            chain.add(node.pk)
            link = Affiliation.objects.select_for_update().filter(organisation=node).first()
            node = link.parent if link else None
        before = (
            Affiliation.objects.filter(organisation=organisation)
            .values_list("parent_id", flat=True)
            .first()
        )
        Affiliation.objects.update_or_create(
            organisation=organisation,
            defaults={
                "parent": parent,
                "source": (source or "").strip()[:300],
                "recorded_by": actor,
                "recorded_at": timezone.now(),
            },
        )
        audit_record(
            actor=actor,
            action="organisation.parent_recorded",
            object_type="organisation",
            object_id=organisation.pk,
            changes={"parent_before": before, "parent": parent.pk, "source": source[:300]},
        )


def opportunity_partner_invite(
    *, actor, opportunity, organisation: Organisation, message: str = ""
) -> int:
    """A distributor asks the users of a partner below it to work on a deal (they already
    see it: visibility follows the channel). Each of them gets an inbox message; no
    account is created. Returns how many were invited."""
    _require(policies.why_not_invite(actor, opportunity, organisation))
    users = User.objects.filter(
        organisation=organisation, role=User.Role.PARTNER_USER, is_active=True
    )
    if not users.exists():
        raise ApplicationError(
            f"{organisation.name} has no users in the application yet: ask the vendor's channel "
            "team to create their accounts."
        )
    with transaction.atomic():
        event = audit_record(
            actor=actor,
            action="opportunity.partner_invited",
            object_type="opportunity",
            object_id=opportunity.pk,
            opportunity_id=opportunity.pk,
            changes={"organisation_id": organisation.pk, "message": (message or "")[:1000]},
        )
        _notify_partner_users(
            organisation=organisation,
            event_id=event.pk,
            kind="deal_invitation",
            title=f"{actor.organisation.name} invites you to deal {opportunity.reference}"[:200],
            url=f"/deals/{opportunity.pk}/",
        )
    return users.count()
