"""Writing a deal's facts: its row, lines and channel, and their audit events.

These functions neither screen nor route: `lifecycle.services` composes them with the
screening (rules) and the routing (reviews), so a deal is never saved without its
screening. Call the lifecycle, not these, to register or change a deal."""

from __future__ import annotations

from django.db import IntegrityError, connection, transaction

from audit.services import audit_record
from hrdd.bulk import bulk_insert, insert_with_children, unsaved
from hrdd.errors import ApplicationError, Conflict, PermissionDenied
from partners.models import Organisation
from partners.services import NamesCleaned, organisations_get_or_register
from taxonomy.visible import name_as_read

from . import policies
from .models import ChannelEntry, Opportunity, OpportunityLine
from .selectors import opportunity_by_external_id
from .validation import opportunity_validate

# A change to any of these after a decision reopens the review (issue: material change).
MATERIAL_FIELDS = ("end_customer_name", "end_customer_country", "end_user_type", "delivery_country")


def submitting_organisation(user) -> Organisation:
    reason = policies.why_not_register(user)
    if reason:
        raise PermissionDenied(reason)
    return user.organisation


def opportunity_existing(actor, org: Organisation, external_id: str) -> Opportunity | None:
    """The deal this organisation already registered under `external_id`, if the actor
    may see it; a Conflict (409) when it belongs to someone the actor may not see."""
    existing = opportunity_by_external_id(organisation_id=org.pk, external_id=external_id)
    reason = existing and policies.why_not_reuse_external_id(actor, existing)
    if reason:
        raise Conflict(reason, errors={"external_id": "Already used by a deal you cannot see."})
    return existing


def _organisations(data: dict) -> tuple[Organisation, list[Organisation]]:
    """The end customer's organisation and each channel entry's, found in one query."""
    ec = data["end_customer"]
    name = ec["name"].strip() or "Undisclosed end customer"
    orgs = organisations_get_or_register(
        [(name, ec["country"], "end_customer")]
        + [(e["name"], e["country"], e["role"]) for e in data["channel"]]
    )
    return orgs[0], orgs[1:]


def remember_parts(opportunity: Opportunity, lines: list, channel: list) -> None:
    """Keep the lines and channel just written on the instance, as a prefetch would, so
    the screening and the response read them from memory instead of the database."""
    cache = opportunity.__dict__.setdefault("_prefetched_objects_cache", {})
    cache["lines"] = _prefetched(opportunity, OpportunityLine, lines)
    cache["channel"] = _prefetched(opportunity, ChannelEntry, channel)


def _prefetched(opportunity: Opportunity, model: type, rows: list):
    """The queryset a prefetch leaves for `opportunity.<related>`: holding `rows`, with the
    related manager's filter, hints and known parent, the filter deferred as the manager
    defers it. Built here rather than through the manager: its `get_queryset()` clones a
    queryset per call, which cost a promoted batch about 0.2 ms a deal."""
    qs = model._default_manager.get_queryset()
    qs._add_hints(instance=opportunity)
    qs._deferred_filter = (False, (), {"opportunity": opportunity})
    qs._known_related_objects = {
        model._meta.get_field("opportunity"): {opportunity.pk: opportunity}
    }
    qs._result_cache = list(rows)
    qs._prefetch_done = True
    return qs


def _lines_of(opportunity: Opportunity, data: dict) -> list[OpportunityLine]:
    return [
        unsaved(
            OpportunityLine,
            opportunity=opportunity,
            position=i,
            product=line.get("product"),
            sku=line.get("sku", ""),
            name=line["name"],
            capabilities=list(line["capabilities"]),
            quantity=line["quantity"],
        )
        for i, line in enumerate(data["lines"], start=1)
    ]


def _channel_of(
    opportunity: Opportunity, data: dict, channel_orgs: list[Organisation]
) -> list[ChannelEntry]:
    return [
        unsaved(
            ChannelEntry,
            opportunity=opportunity,
            position=i,
            organisation=org,
            role=entry["role"],
            name=name_as_read(entry["name"]),
            country=entry["country"],
        )
        for i, (entry, org) in enumerate(zip(data["channel"], channel_orgs, strict=True), start=1)
    ]


def _write_parts(opportunity: Opportunity, data: dict, channel_orgs: list[Organisation]) -> None:
    lines = bulk_insert(OpportunityLine, _lines_of(opportunity, data))
    channel = bulk_insert(ChannelEntry, _channel_of(opportunity, data, channel_orgs))
    remember_parts(opportunity, lines, channel)


def _opportunity_fields(data: dict) -> dict:
    ec = data["end_customer"]
    return {
        "title": data["title"],
        "end_customer_name": ec["name"].strip(),
        "end_customer_country": ec["country"],
        "end_user_type": ec["type"],
        "end_customer_sector": ec.get("sector", ""),
        "delivery_country": data["delivery_country"],
        "intended_use": list(data["intended_use"]),
        "use_description": data.get("use_description", ""),
        "value_amount": data["value"]["amount"],
        "value_currency": data["value"]["currency"],
        "expected_close_date": data.get("expected_close_date"),
        "customization": data.get("customization", False),
        "end_use_statement": data.get("end_use_statement", "none"),
        "declared_red_flags": list(data.get("red_flags", [])),
    }


def opportunity_insert(*, actor, org: Organisation, data: dict) -> Opportunity:
    """Insert a new deal of `org` from validated `data`, with its lines and channel (kept
    on the instance for the screening). Not screened: see `lifecycle.services`.

    On PostgreSQL the deal, its lines and its channel go in one statement. The database
    fills the reference from the id in the INSERT itself (migration 0003): no second
    write, and no two uncommitted deals ever share a unique value, so concurrent
    registrations never wait on each other here."""
    end_customer, channel_orgs = _organisations(data)
    opportunity = Opportunity(
        reference="",
        external_id=data["external_id"],
        provenance=data.get("provenance", ""),
        owner=actor,
        submitted_by_organisation=org,
        end_customer=end_customer,
        **_opportunity_fields(data),
    )
    lines = _lines_of(opportunity, data)
    channel = _channel_of(opportunity, data, channel_orgs)
    insert_with_children(opportunity, [("opportunity_id", lines), ("opportunity_id", channel)])
    opportunity.reference = Opportunity.reference_for(opportunity.pk)
    remember_parts(opportunity, lines, channel)
    return opportunity


def opportunity_registered_record(
    opportunity: Opportunity, *, actor, data: dict, source: str
) -> None:
    audit_record(
        actor=actor,
        action="opportunity.registered",
        object_type="opportunity",
        object_id=opportunity.pk,
        opportunity_id=opportunity.pk,
        changes={"source": source, "external_id": data["external_id"]},
    )


def opportunity_update_clean(*, actor, opportunity: Opportunity, data: dict) -> dict:
    """The validated new facts of a deal `actor` may edit; refused otherwise."""
    reason = policies.why_not_edit(actor, opportunity)
    if reason:
        raise PermissionDenied(reason)
    clean, errors = opportunity_validate(data, submitter=actor)
    if errors:
        raise ApplicationError("The opportunity is not valid.", errors=errors)
    return clean


def opportunity_facts_replace(locked: Opportunity, clean: dict) -> tuple[dict, set[int]]:
    """Replace the declared facts of `locked` (locked by the caller's transaction) with
    `clean`. Returns the material changes (a change to any of them after a decision
    reopens the review) and the ids of the organisations that left the deal's channel
    (their users may no longer see the deal, unless theirs submitted it)."""
    before = {f: getattr(locked, f) for f in MATERIAL_FIELDS}
    before_caps = sorted({c for line in locked.lines.all() for c in line.capabilities})
    for field, value in _opportunity_fields(clean).items():
        setattr(locked, field, value)
    locked.end_customer, channel_orgs = _organisations(clean)
    locked.save()
    locked.lines.all().delete()
    left = _channel_clear(locked) - {o.pk for o in channel_orgs}
    _write_parts(locked, clean, channel_orgs)
    after_caps = sorted({c for line in clean["lines"] for c in line["capabilities"]})
    changed = {
        f: [str(before[f]), str(getattr(locked, f))]
        for f in MATERIAL_FIELDS
        if before[f] != getattr(locked, f)
    }
    if set(after_caps) - set(before_caps):
        changed["capabilities"] = [before_caps, after_caps]
    return changed, left


def _returning_supported() -> bool:
    """RETURNING on a DELETE, as on an INSERT: SQLite before 3.35 has neither (Django 5.2
    still runs on 3.31)."""
    return connection.features.can_return_columns_from_insert


def _channel_clear(opportunity: Opportunity) -> set[int]:
    """Delete the deal's channel entries; return their organisations' ids, read by the
    DELETE itself (no statement more than the delete an edit makes anyway). Nothing
    refers to a channel entry and no signal listens for its deletion, so this is what the
    ORM's delete does."""
    if not _returning_supported():
        entries = ChannelEntry.objects.filter(opportunity=opportunity)
        left = set(entries.values_list("organisation_id", flat=True))
        entries.delete()
        return left
    opts = ChannelEntry._meta
    quote = connection.ops.quote_name
    # Identifiers come from the model's options, never from input.
    sql = (
        f"DELETE FROM {quote(opts.db_table)} WHERE {quote(opts.get_field('opportunity').column)}"  # noqa: S608
        f" = %s RETURNING {quote(opts.get_field('organisation').column)}"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [opportunity.pk])
        return {row[0] for row in cur.fetchall()}


def opportunity_updated_record(opportunity: Opportunity, *, actor, changed: dict) -> None:
    audit_record(
        actor=actor,
        action="opportunity.updated",
        object_type="opportunity",
        object_id=opportunity.pk,
        opportunity_id=opportunity.pk,
        changes={"material": changed},
    )


def opportunities_existing(org: Organisation, external_ids: list[str]) -> dict:
    """The deals `org` already registered under these external ids, by external id."""
    wanted = [e for e in external_ids if e]
    if not wanted:
        return {}
    return {
        o.external_id: o
        for o in Opportunity.objects.filter(
            submitted_by_organisation_id=org.pk, external_id__in=wanted
        )
    }


def opportunities_insert_many(*, actor, org: Organisation, items: list[dict]) -> list:
    """`opportunity_insert` for many deals: organisations found in one query, deals,
    lines and channel entries inserted in bulk (each deal's kept on its instance).
    An IntegrityError when the same external_id comes twice."""
    if not items:
        return []
    seen: set[str] = set()
    for data in items:
        if data["external_id"] and data["external_id"] in seen:
            raise IntegrityError("the same external_id twice in one batch")
        seen.add(data["external_id"])
    parties: list[tuple[str, str, str]] = []
    for data in items:
        ec = data["end_customer"]
        parties.append(
            (ec["name"].strip() or "Undisclosed end customer", ec["country"], "end_customer")
        )
        parties += [(e["name"], e["country"], e["role"]) for e in data["channel"]]
    orgs = iter(organisations_get_or_register(parties))
    deals, channel_orgs = [], []
    for data in items:
        end_customer = next(orgs)
        channel_orgs.append([next(orgs) for _ in data["channel"]])
        deals.append(
            unsaved(
                Opportunity,
                reference="",
                external_id=data["external_id"],
                provenance=data.get("provenance", ""),
                owner=actor,
                submitted_by_organisation=org,
                end_customer=end_customer,
                **_opportunity_fields(data),
            )
        )
    deals = bulk_insert(Opportunity, deals)  # references filled by the database
    lines, channel = [], []
    for deal, data, entry_orgs in zip(deals, items, channel_orgs, strict=True):
        deal.reference = Opportunity.reference_for(deal.pk)
        lines.append(_lines_of(deal, data))
        channel.append(_channel_of(deal, data, entry_orgs))
    bulk_insert(OpportunityLine, [row for rows in lines for row in rows])
    bulk_insert(ChannelEntry, [row for rows in channel for row in rows])
    for deal, deal_lines, deal_channel in zip(deals, lines, channel, strict=True):
        remember_parts(deal, deal_lines, deal_channel)
    return deals


def opportunity_names_clean(*, actor=None) -> NamesCleaned:
    """Clean the deal's own copies of the names typed into it (the end customer's, each
    channel entry's, each line's), stored before names were read at input, as
    `partners.services.organisation_names_clean` cleans the organisations': each becomes
    its name as read, one audited `opportunity.names_cleaned` event per deal changed (each
    name before and after), in the deal's own transaction.

    The live deal's facts are what reviewers read and the deal list searches, and an
    edit replaces them anyway; they are not the record as submitted: the event keeps the
    names before, and each decision keeps the deal as decided in its frozen snapshot. Updates are conditional on the name as read, so a name
    edited meanwhile is left alone. A channel partner's or a line's name that reads as
    nothing is left and listed (a person must name it); an end customer's is left out,
    as input leaves it out. Nothing is screened again: the restricted-party matcher
    already read names with these characters undone. Run again, it finds nothing more.
    """
    found: dict[int, dict] = {}
    left: list[tuple[int, str, str]] = []
    deals = Opportunity.objects.only("pk", "end_customer_name").order_by("pk")
    for deal in deals.iterator():
        if (name := name_as_read(deal.end_customer_name).strip()) != deal.end_customer_name:
            found.setdefault(deal.pk, {})["end_customer_name"] = [deal.end_customer_name, name]
    for model, key, what in (
        (ChannelEntry, "channel", "channel entry"),
        (OpportunityLine, "lines", "line"),
    ):
        rows = model.objects.only("pk", "opportunity_id", "position", "name").order_by("pk")
        for row in rows.iterator():
            name = name_as_read(row.name).strip()
            if name == row.name:
                continue
            if not name:
                left.append(
                    (row.opportunity_id, row.name, f"its {what} {row.position} reads as nothing")
                )
                continue
            found.setdefault(row.opportunity_id, {}).setdefault(key, []).append(
                [row.position, row.name, name, row.pk]
            )
    cleaned = sum(_deal_names_clean(pk, names, actor=actor) for pk, names in sorted(found.items()))
    return NamesCleaned(cleaned=cleaned, left=left)


def _deal_names_clean(pk: int, names: dict, *, actor) -> bool:
    """Apply one deal's cleaned names (those still as found) and record them."""
    changes: dict = {}
    with transaction.atomic():
        if (pair := names.get("end_customer_name")) and Opportunity.objects.filter(
            pk=pk, end_customer_name=pair[0]
        ).update(end_customer_name=pair[1]):
            changes["end_customer_name"] = pair
        for key, model in (("channel", ChannelEntry), ("lines", OpportunityLine)):
            done = [
                [position, before, after]
                for position, before, after, row_pk in names.get(key, [])
                if model.objects.filter(pk=row_pk, name=before).update(name=after)
            ]
            if done:
                changes[key] = done
        if not changes:
            return False
        audit_record(
            actor=actor,
            action="opportunity.names_cleaned",
            object_type="opportunity",
            object_id=pk,
            opportunity_id=pk,
            changes=changes,
            comment="Invisible or blank-looking characters removed from the names on the deal.",
        )
    return True
