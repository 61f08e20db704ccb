from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from django.db import connections
from django.db.models import OuterRef, Q, QuerySet, Subquery, prefetch_related_objects
from django.db.models.fields.json import KeyTransform

from hrdd.compiled import CompiledRead
from hrdd.jsonrows import json_rows
from refdata.cache import CATALOGUE, cached

from .models import ChannelEntry, Opportunity, OpportunityLine, Product
from .policies import (  # noqa: F401 - the scopes, re-exported for readers of this module
    opportunities_in_scope,
    opportunities_visible_to,
    opportunity_scope,
    products_visible_to,
)

# The screening model, as the deal's relation names it (rules sits above this app).
Screening = Opportunity._meta.get_field("current_screening").related_model

SUMMARY_FIELDS = (
    "id",
    "reference",
    "external_id",
    "title",
    "status",
    "end_customer_name",
    "end_customer_country",
    "end_user_type",
    "value_amount",
    "value_currency",
    "created_at",
    "current_screening",
)


def opportunity_rows(qs: QuerySet[Opportunity], *, tier_fields: tuple[str, ...]) -> QuerySet:
    """A list's rows as dicts: SUMMARY_FIELDS, the screening's shown tier and the
    `tier_fields` this viewer may see (`presenters.tier_fields`, or the first of them
    for a page that shows no score); no screening JSON. For the API's list, the deals
    page and a partner's deals.

    On PostgreSQL each of the screening's columns is a scalar subquery by key, not a
    join: PostgreSQL works out a subquery of the select list after the page's ORDER BY
    and LIMIT, so it reads the screenings of the page's 50 rows whatever plan it picks,
    where a join it planned from missing or stale statistics read the screening of every
    deal the viewer may see before sorting them (2,000 joined rows for a page of 50).
    On SQLite, which plans from no statistics and reads a page's rows through the
    join's index, the join stays."""
    screening = dict.fromkeys(("current_screening__shown_tier", *tier_fields))
    if connections[qs.db].vendor != "postgresql":
        return qs.values(*SUMMARY_FIELDS, *screening)
    by_key = Screening.objects.filter(pk=OuterRef("current_screening_id")).order_by()
    return qs.values(
        *SUMMARY_FIELDS,
        **{name: Subquery(by_key.values(name.split("__", 1)[1])) for name in screening},
    )


# The snapshot's key the detail shows (rules.presentation.TEXT_LANGUAGES; rules sits
# above this app, so the name is repeated here).
TEXT_LANGUAGES = "text.languages"


def _shown(scope: QuerySet[Opportunity], **annotations) -> QuerySet[Opportunity]:
    """A deal as its page and the API show it, with `annotations`, from its `scope`."""
    return (
        scope.select_related(
            "current_screening__criteria_version", "owner", "submitted_by_organisation"
        )
        # The snapshot (the engine's whole input) stays in the database; the one key the
        # detail shows of it comes with the row, not in a second query that loads it all.
        .defer("current_screening__snapshot")
        .annotate(
            screening_text_languages=KeyTransform(TEXT_LANGUAGES, "current_screening__snapshot"),
            **annotations,
        )
        .order_by()[:1]  # one row by its key: no ORDER BY to build or run
    )


LINE_FIELDS = ("position", "sku", "name", "capabilities", "quantity")
CHANNEL_FIELDS = ("position", "name", "role", "country", "organisation_id")

# What the API's detail (`serializers.opportunity_out`) shows of the records read with a
# deal: the owner's username, the submitting organisation's name, the criteria's number.
# On PostgreSQL each comes as one column of the deal's row (a scalar subquery by key),
# not by joining its table: PostgreSQL plans a statement afresh on every request unless
# it is prepared, and searching the order of five joined tables was a third of the
# detail's planning. On SQLite, which plans in microseconds, a detail with the subqueries
# cost the worker 3.1 ms of CPU against 1.8-2.0 joined (gunicorn, two runs each, load
# 5-6), so there they stay joined.
# Either way their other columns (a password hash, dates, notes) are left in the database.
DETAIL_RELATED_SHOWN = {
    "owner": "username",
    "submitted_by_organisation": "name",
    "current_screening__criteria_version": "number",
}


def _model_at(path: str):
    """The model of the record at `path` (from a deal)."""
    model = Opportunity
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model


def _shown_column(path: str) -> str:
    return f"shown_{path}"


def _not_shown(path: str, keep: str) -> list[str]:
    """The columns of the record at `path` (from a deal) other than its key and `keep`."""
    return [
        f"{path}__{f.name}"
        for f in _model_at(path)._meta.concrete_fields
        if not f.primary_key and f.name != keep
    ]


def _read_for_detail(scope: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
    """A deal with its screening (but for the snapshot's one key), its lines and channel
    as JSON, and the one column of each DETAIL_RELATED_SHOWN record the detail shows; the
    deal's provenance stays in the database (a deferred column is still read, by a query
    of its own, if ever asked for)."""
    lines_and_channel = {
        "lines_json": json_rows(OpportunityLine, "opportunity", *LINE_FIELDS),
        "channel_json": json_rows(ChannelEntry, "opportunity", *CHANNEL_FIELDS),
    }
    if connections[scope.db].vendor != "postgresql":
        return _shown(scope, **lines_and_channel).defer(
            "provenance",
            *(
                name
                for path, keep in DETAIL_RELATED_SHOWN.items()
                for name in _not_shown(path, keep)
            ),
        )
    shown = {
        _shown_column(path): Subquery(
            _model_at(path)
            ._default_manager.filter(pk=OuterRef(f"{path}_id"))
            .order_by()
            .values(field)
        )
        for path, field in DETAIL_RELATED_SHOWN.items()
    }
    return (
        scope.select_related("current_screening")
        .defer("current_screening__snapshot", "provenance")
        .annotate(
            screening_text_languages=KeyTransform(TEXT_LANGUAGES, "current_screening__snapshot"),
            **lines_and_channel,
            **shown,
        )
        .order_by()[:1]
    )


def _attach_shown(opportunity: Opportunity) -> None:
    """The DETAIL_RELATED_SHOWN records as the deal's related objects, built from the
    columns read with it: each holds its key and the one field shown, the others
    deferred, as `select_related` with `only` would give them (on SQLite they were
    joined, and are there already)."""
    if _shown_column("owner") not in opportunity.__dict__:
        return
    db = opportunity._state.db
    for path, field in DETAIL_RELATED_SHOWN.items():
        *parents, name = path.split("__")
        holder = opportunity
        for parent in parents:
            holder = getattr(holder, parent)
        key = getattr(holder, f"{name}_id") if holder is not None else None
        if key is None:
            continue
        value = getattr(opportunity, _shown_column(path))
        setattr(holder, name, _model_at(path).from_db(db, ["id", field], [key, value]))


# Compiled once per rule of the visibility policy (`hrdd.compiled`): the policy names the
# rule for this viewer on every request, and the viewer's values run in its statement.
_DEAL_SHOWN = CompiledRead(_shown)
_DEAL_READ = CompiledRead(_read_for_detail)


def _one_deal(rule: str) -> Callable[[Mapping[str, int]], QuerySet[Opportunity]]:
    return lambda values: opportunities_in_scope(rule, values).filter(pk=values["pk"])


_ONE_DEAL: dict[str, Callable[[Mapping[str, int]], QuerySet[Opportunity]]] = {}


def _deal_shown(user, pk, read: CompiledRead) -> Opportunity | None:
    """A deal `user` may see, as `read` reads it."""
    rule, values = opportunity_scope(user)
    build = _ONE_DEAL.get(rule) or _ONE_DEAL.setdefault(rule, _one_deal(rule))
    # The ORM's own check of the id (a ValueError for one that is no number).
    values = {**values, "pk": Opportunity._meta.pk.get_prep_value(pk)}
    opportunity = read.first_in(rule, build, values)
    if opportunity is not None and opportunity.current_screening is not None:
        opportunity.current_screening.text_languages_read = opportunity.screening_text_languages
    return opportunity


def opportunity_get(*, user, pk) -> Opportunity | None:
    opportunity = _deal_shown(user, pk, _DEAL_SHOWN)
    if opportunity is not None:
        prefetch_related_objects([opportunity], "lines", "channel")
    return opportunity


def opportunity_read(*, user, pk) -> Opportunity | None:
    """A deal `user` may see, for showing it: its lines and channel come in its own row
    as JSON (`lines_read`, `channel_read`: dicts in position order), so reading a deal is
    one statement. Not for changing it: the lines are no model objects."""
    opportunity = _deal_shown(user, pk, _DEAL_READ)
    if opportunity is None:
        return None
    _attach_shown(opportunity)
    opportunity.lines_read = _in_order(opportunity.lines_json, LINE_FIELDS)
    opportunity.channel_read = _in_order(opportunity.channel_json, CHANNEL_FIELDS)
    return opportunity


def _in_order(rows: list | None, fields: tuple[str, ...]) -> list[dict]:
    """JSON rows (lists of `fields`, position first) as dicts in position order."""
    return [dict(zip(fields[1:], row[1:], strict=True)) for row in sorted(rows or [], key=_first)]


def _first(row: list):
    return row[0]


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


def products_active_by_sku(skus: Iterable[str]) -> dict[str, Product]:
    """The active catalogue products among `skus`, for all the lines of a deal or a batch
    at once: the catalogue is cached per process until it changes, so this is one check
    of its version (none within `refdata.cache.pinned`), never one query per line."""
    skus = set(skus)
    if not skus:
        return {}
    catalogue = cached(CATALOGUE, _catalogue_load)
    return {sku: catalogue[sku] for sku in skus if sku in catalogue}


def _catalogue_load() -> dict[str, Product]:
    return {p.sku: p for p in Product.objects.filter(active=True)}
