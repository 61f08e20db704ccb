from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from .models import ChannelEntry, Opportunity, Product


def opportunities_visible_to(user) -> QuerySet[Opportunity]:
    """Every deal this user may see. The one place visibility is decided: pages, the API
    and exports all start here.

    - reviewers, senior reviewers, committee members and admins: all deals;
    - sales reps: the deals they own and those owned by their team;
    - partner users: deals where their organisation is in the channel or submitted it;
    - anyone else: none.
    """
    qs = Opportunity.objects.all()
    if user is None or not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.sees_all_deals:
        return qs
    if user.is_sales_rep:
        mine = Q(owner=user)
        if user.team_id:
            mine |= Q(owner__team_id=user.team_id)
        return qs.filter(mine)
    if user.is_partner_user and user.organisation_id:
        in_channel = ChannelEntry.objects.filter(
            opportunity=OuterRef("pk"), organisation_id=user.organisation_id
        )
        return qs.filter(Q(submitted_by_organisation_id=user.organisation_id) | Exists(in_channel))
    return qs.none()


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


def product_list(*, search: str = "", capability: str = "") -> QuerySet[Product]:
    qs = Product.objects.filter(active=True)
    if search:
        qs = qs.filter(Q(sku__icontains=search) | Q(name__icontains=search))
    if capability:
        # JSON "contains" is not portable to SQLite; the catalogue is small, so filter here.
        qs = qs.filter(pk__in=[p.pk for p in qs if capability in p.capabilities])
    return qs
