from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import Opportunity, Product
from .policies import (  # noqa: F401 - the scopes, re-exported for readers of this module
    opportunities_visible_to,
    products_visible_to,
)


def opportunity_list(
    *,
    user,
    search: str = "",
    status: str = "",
    tier: str = "",
    country: str = "",
    mine: bool = False,
) -> QuerySet[Opportunity]:
    qs = opportunities_visible_to(user).select_related("current_screening", "owner")
    if mine:
        qs = qs.filter(owner=user)
    if search:
        qs = qs.filter(
            Q(title__icontains=search)
            | Q(reference__icontains=search)
            | Q(end_customer_name__icontains=search)
            | Q(external_id__icontains=search)
        )
    from .presenters import filter_status_tier

    qs = filter_status_tier(qs, user, status=status, tier=tier)
    if country:
        qs = qs.filter(end_customer_country=country.upper())
    return qs


def opportunity_get(*, user, pk) -> Opportunity | None:
    return (
        opportunities_visible_to(user)
        .select_related("current_screening__criteria_version", "owner", "submitted_by_organisation")
        .prefetch_related("lines", "channel")
        .filter(pk=pk)
        .first()
    )


def opportunity_by_external_id(*, organisation_id: int, external_id: str) -> Opportunity | None:
    if not external_id:
        return None
    return Opportunity.objects.filter(
        submitted_by_organisation_id=organisation_id, external_id=external_id
    ).first()


def product_list(*, user, search: str = "", capability: str = "") -> QuerySet[Product]:
    qs = products_visible_to(user)
    if search:
        qs = qs.filter(Q(sku__icontains=search) | Q(name__icontains=search))
    if capability:
        # JSON "contains" is not portable to SQLite; the catalogue is small, so filter here.
        qs = qs.filter(pk__in=[p.pk for p in qs if capability in p.capabilities])
    return qs
