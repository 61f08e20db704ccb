from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from refdata.cache import CATALOGUE, cached

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
        if user.team_id:
            # The team's members in a subquery: the deal list needs no join to users.
            from django.contrib.auth import get_user_model

            team = get_user_model().objects.filter(team_id=user.team_id).values("pk")
            return qs.filter(Q(owner_id=user.pk) | Q(owner_id__in=team))
        return qs.filter(owner_id=user.pk)
    if user.is_partner_user and user.organisation_id:
        in_channel = ChannelEntry.objects.filter(
            opportunity=OuterRef("pk"), organisation_id=user.organisation_id
        )
        return qs.filter(Q(submitted_by_organisation_id=user.organisation_id) | Exists(in_channel))
    return qs.none()


# What a list shows of a deal's screening; its findings, reasons and snapshot (JSON,
# kilobytes per deal) are left in the database.
SUMMARY_SCREENING_FIELDS = (
    "current_screening__tier",
    "current_screening__score",
    # What partners and reps are shown (presenters.tier_for_viewer).
    "current_screening__shown_tier",
    "current_screening__shown_score",
)
SUMMARY_FIELDS = (
    "id", "reference", "external_id", "title", "status", "end_customer_name",
    "end_customer_country", "end_user_type", "value_amount", "value_currency", "created_at",
    "current_screening",
)  # fmt: skip


def opportunity_summaries(qs: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
    """A list's rows: the summary columns and the screening's tier and score only."""
    return qs.select_related("current_screening").only(*SUMMARY_FIELDS, *SUMMARY_SCREENING_FIELDS)


def opportunity_list(
    *,
    user,
    search: str = "",
    status: str = "",
    tier: str = "",
    country: str = "",
    mine: bool = False,
) -> QuerySet[Opportunity]:
    qs = opportunity_summaries(opportunities_visible_to(user))
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
    found = (
        opportunities_visible_to(user)
        .select_related("current_screening__criteria_version", "owner", "submitted_by_organisation")
        .defer("current_screening__snapshot")
        .prefetch_related("lines", "channel")
        .filter(pk=pk)
        .order_by()[:1]  # one row by its key: no ORDER BY to build or run
    )
    return next(iter(found), None)


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


def product_active_by_sku(sku: str) -> Product | None:
    """An active catalogue product (the catalogue is cached per process until it changes)."""
    return cached(CATALOGUE, _catalogue_load).get(sku)


def _catalogue_load() -> dict[str, Product]:
    return {p.sku: p for p in Product.objects.filter(active=True)}
