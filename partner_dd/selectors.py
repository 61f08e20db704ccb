"""Reads of partners' due diligence, always from the policies' scopes."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from accounts.models import User
from accounts.policies import is_compliance
from opportunities.models import ChannelEntry
from opportunities.policies import opportunities_visible_to
from opportunities.presenters import sees_everything, status_words
from opportunities.selectors import opportunity_rows
from opportunities.workflow import OPEN
from partners.models import Organisation
from partners.policies import organisations_visible_to

from .models import Evidence, Questionnaire
from .policies import (
    evidence_visible_to,
    partners_below,
    profiles_visible_to,
    questionnaires_visible_to,
)


def questionnaire_get(*, user, pk) -> Questionnaire | None:
    return (
        questionnaires_visible_to(user)
        .select_related("organisation", "submitted_by", "reviewed_by", "requested_by")
        .prefetch_related("evidence")
        .filter(pk=pk)
        .first()
    )


def evidence_get(*, user, pk) -> Evidence | None:
    return evidence_visible_to(user).filter(pk=pk).first()


def organisation_profile_get(*, user, pk) -> Organisation | None:
    return profiles_visible_to(user).filter(pk=pk).first()


def organisation_profile(*, user, organisation: Organisation) -> dict:
    """What the profile page shows, each part from its own scope: the deals the
    organisation is in that the viewer may see, its users (compliance and its own users),
    and its questionnaires (compliance and its own users)."""
    # Each deal once without DISTINCT (which would read the screening of every row
    # before keeping 50); the screening of the 50 rows only (`opportunity_rows`).
    in_channel = ChannelEntry.objects.filter(opportunity=OuterRef("pk"), organisation=organisation)
    deals = opportunity_rows(
        opportunities_visible_to(user).filter(Exists(in_channel)).order_by("-created_at", "-id"),
        tier_fields=(),
    )[:50]
    own = getattr(user, "organisation_id", None) == organisation.pk
    users = (
        User.objects.filter(organisation=organisation, is_active=True).order_by("username")
        if is_compliance(user) or own
        else User.objects.none()
    )
    questionnaires = questionnaires_visible_to(user).filter(organisation=organisation)
    accepted = questionnaires.filter(status=Questionnaire.Status.ACCEPTED).first()
    from .models import Affiliation

    link = Affiliation.objects.filter(organisation=organisation).select_related("parent").first()
    parent = link.parent if link else None
    sees_links = is_compliance(user) or own
    return {
        "parent": parent if sees_links else None,
        "parent_link": link if sees_links else None,
        "subsidiaries": list(Organisation.objects.filter(affiliation__parent=organisation))
        if sees_links
        else [],
        "affiliates": list(
            Organisation.objects.filter(affiliation__parent=parent).exclude(pk=organisation.pk)
        )
        if sees_links and parent
        else [],
        "deals": _with_shown_status(deals, user),
        "users": list(users),
        "questionnaires": list(questionnaires.prefetch_related("evidence")[:20]),
        "accepted": accepted,
        "below": list(partners_below(organisation.pk).order_by("name")) if own else [],
        "open": questionnaires.filter(status__in=["sent", "submitted", "returned"]).first(),
    }


def _with_shown_status(deals, user) -> list:
    """Each deal (a row of `opportunity_rows`) with the status this viewer may see (the
    partner projection: a restricted-party hold reads as any other compliance review)."""
    everything = sees_everything(user)
    out = list(deals)
    for d in out:
        d["pk"] = d["id"]
        shown = d["current_screening__shown_tier"] or ""
        d["shown_status"] = status_words(d["status"], shown, everything)[1]
    return out


def partner_league_table(*, user) -> QuerySet[Organisation]:
    """Channel partners by maturity with their open conditions and flagged-deal rate
    (compliance staff only: the caller checks)."""
    flagged = ~Q(channel_entries__opportunity__current_screening__tier="low")
    return (
        organisations_visible_to(user)
        .exclude(role__in=["vendor", "end_customer"])
        .annotate(
            deals=Count("channel_entries__opportunity", distinct=True),
            open_deals=Count(
                "channel_entries__opportunity",
                filter=Q(channel_entries__opportunity__status__in=OPEN),
                distinct=True,
            ),
            flagged_deals=Count("channel_entries__opportunity", filter=flagged, distinct=True),
            open_conditions=Count(
                "channel_entries__opportunity__review_cases__conditions",
                filter=Q(channel_entries__opportunity__review_cases__conditions__status="open"),
                distinct=True,
            ),
        )
        .order_by("name")
    )
