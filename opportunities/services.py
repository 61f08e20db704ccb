"""Services that change deals. Every write to a deal goes through here."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from audit.services import audit_batch, audit_record
from hrdd.errors import ApplicationError, Conflict, PermissionDenied
from partners.models import Organisation
from partners.services import organisations_get_or_register
from refdata.cache import pinned

from . import policies
from .models import ChannelEntry, Opportunity, OpportunityLine
from .selectors import opportunity_by_external_id
from .validation import opportunity_validate, opportunity_validate_many

# A change to any of these after a decision reopens the review (issue: material change).
MATERIAL_FIELDS = ("end_customer_name", "end_customer_country", "end_user_type", "delivery_country")


@dataclass(frozen=True)
class RegistrationResult:
    opportunity: Opportunity
    created: bool


def submitting_organisation(user) -> Organisation:
    reason = policies.why_not_register(user)
    if reason:
        raise PermissionDenied(reason)
    return user.organisation


def _existing(actor, org: Organisation, external_id: str) -> Opportunity | None:
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
    for name, rows in (("lines", lines), ("channel", channel)):
        qs = getattr(opportunity, name).get_queryset()
        qs._result_cache = list(rows)
        qs._prefetch_done = True
        cache[name] = qs


def _lines_of(opportunity: Opportunity, data: dict) -> list[OpportunityLine]:
    return [
        OpportunityLine(
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
        ChannelEntry(
            opportunity=opportunity,
            position=i,
            organisation=org,
            role=entry["role"],
            name=" ".join(entry["name"].split()),
            country=entry["country"],
        )
        for i, (entry, org) in enumerate(zip(data["channel"], channel_orgs, strict=True), start=1)
    ]


def _write_parts(opportunity: Opportunity, data: dict, channel_orgs: list[Organisation]) -> None:
    lines = OpportunityLine.objects.bulk_create(_lines_of(opportunity, data))
    channel = ChannelEntry.objects.bulk_create(_channel_of(opportunity, data, channel_orgs))
    remember_parts(opportunity, lines, channel)


def _deal_fields(data: dict) -> dict:
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


def opportunity_register(
    *, actor, data: dict, source: str = "web", validated: bool = False
) -> RegistrationResult:
    """Register a deal and screen it, all in one transaction.

    Invariants: a deal is never saved without its screening; the same `external_id` from
    the same organisation returns the existing deal instead of a duplicate, and is refused
    (409) when that deal is one the actor may not see; nothing is saved when any part of
    the input is invalid.
    """
    with pinned():  # reference data (criteria, catalogue, targets) checked once
        return _register(actor=actor, data=data, source=source, validated=validated)


def _register(*, actor, data: dict, source: str, validated: bool) -> RegistrationResult:
    org = submitting_organisation(actor)
    if not validated:
        clean, errors = opportunity_validate(data, submitter=actor)
        if errors:
            raise ApplicationError("The opportunity is not valid.", errors=errors)
        data = clean
    # No look-up first: the unique index on (organisation, external_id) refuses a repeat,
    # which then returns the deal already registered (a statement saved on every new
    # deal; a repeat costs a rolled-back attempt instead).
    try:
        with transaction.atomic():
            opportunity = _create(actor=actor, org=org, data=data, source=source)
    except IntegrityError:
        # Registered before, or two submissions of the same external_id raced.
        existing = _existing(actor, org, data["external_id"])
        if existing is None:
            raise
        return RegistrationResult(existing, created=False)
    return RegistrationResult(opportunity, created=True)


def _deal_insert(
    *, actor, org: Organisation, end_customer: Organisation, data: dict
) -> Opportunity:
    """Insert the deal row. The database fills its reference from the id in the INSERT
    itself (migration 0003): no second write, and no two uncommitted deals ever share a
    unique value, so concurrent registrations never wait on each other here."""
    opportunity = Opportunity.objects.create(
        reference="",
        external_id=data["external_id"],
        owner=actor,
        submitted_by_organisation=org,
        end_customer=end_customer,
        **_deal_fields(data),
    )
    opportunity.reference = Opportunity.reference_for(opportunity.pk)
    return opportunity


def _create(*, actor, org: Organisation, data: dict, source: str) -> Opportunity:
    end_customer, channel_orgs = _organisations(data)
    opportunity = _deal_insert(actor=actor, org=org, end_customer=end_customer, data=data)
    _write_parts(opportunity, data, channel_orgs)
    # The registration's events (registered, screened, routed, case opened) in one INSERT.
    with audit_batch():
        _record_and_screen(opportunity, actor=actor, data=data, source=source)
    return opportunity


def _record_and_screen(opportunity: Opportunity, *, actor, data: dict, source: str) -> None:
    """Record the registration and screen the new deal (which routes it)."""
    from rules.services import opportunity_screen

    _record_registered(opportunity, actor=actor, data=data, source=source)
    opportunity_screen(opportunity=opportunity, actor=actor, trigger="registration")


def _record_registered(opportunity: Opportunity, *, actor, data: dict, source: str) -> None:
    audit_record(
        actor=actor,
        action="opportunity.registered",
        object_type="opportunity",
        object_id=opportunity.pk,
        opportunity_id=opportunity.pk,
        changes={"source": source, "external_id": data["external_id"]},
    )


def opportunity_update(*, actor, opportunity: Opportunity, data: dict) -> Opportunity:
    """Replace a deal's declared facts and screen it again.

    A material change after a decision (new end user, country or capability) reopens the
    review: the new screening routes the deal as a fresh one would.
    """
    reason = policies.why_not_edit(actor, opportunity)
    if reason:
        raise PermissionDenied(reason)
    clean, errors = opportunity_validate(data, submitter=actor)
    if errors:
        raise ApplicationError("The opportunity is not valid.", errors=errors)
    with transaction.atomic():
        locked = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
        before = {f: getattr(locked, f) for f in MATERIAL_FIELDS}
        before_caps = sorted({c for line in locked.lines.all() for c in line.capabilities})
        for field, value in _deal_fields(clean).items():
            setattr(locked, field, value)
        locked.end_customer, channel_orgs = _organisations(clean)
        locked.save()
        locked.lines.all().delete()
        locked.channel.all().delete()
        _write_parts(locked, clean, channel_orgs)
        after_caps = sorted({c for line in clean["lines"] for c in line["capabilities"]})
        changed = {
            f: [str(before[f]), str(getattr(locked, f))]
            for f in MATERIAL_FIELDS
            if before[f] != getattr(locked, f)
        }
        if set(after_caps) - set(before_caps):
            changed["capabilities"] = [before_caps, after_caps]
        _record_update_and_screen(locked, actor=actor, changed=changed)
    return locked


def _record_update_and_screen(opportunity: Opportunity, *, actor, changed: dict) -> None:
    from rules.services import opportunity_screen

    with audit_batch():  # the change's events in one INSERT
        audit_record(
            actor=actor,
            action="opportunity.updated",
            object_type="opportunity",
            object_id=opportunity.pk,
            opportunity_id=opportunity.pk,
            changes={"material": changed},
        )
        opportunity_screen(
            opportunity=opportunity, actor=actor, trigger="update", material_change=bool(changed)
        )


def opportunity_register_many(
    *, actor, items: list[dict], source: str = "import"
) -> list[RegistrationResult | ApplicationError]:
    """Register many deals of one submitter in one transaction, each screened and
    routed as `opportunity_register` would (its own screening, case and audit events);
    the rows are inserted in bulk. Returns, in order, each item's result or the error
    that refused it (nothing is saved for a refused item; the others are).

    Idempotent per external_id like the single path. If the batch hits a concurrent
    insert (the same external_id or a new organisation registered meanwhile), it is
    rolled back and each item goes the single path instead.
    """
    with pinned():
        try:
            org = submitting_organisation(actor)
        except ApplicationError as exc:  # refused for every item, as the single path would
            return [exc] * len(items)
        results: list = [None] * len(items)
        clean_items: list[tuple[int, dict]] = []
        validated = opportunity_validate_many(items, submitter=actor)
        for i, (clean, errors) in enumerate(validated):
            if errors:
                results[i] = ApplicationError("The opportunity is not valid.", errors=errors)
            else:
                clean_items.append((i, clean))
        existing = _existing_by_external_id(org, [c["external_id"] for _, c in clean_items])
        todo = []
        for i, clean in clean_items:
            found = existing.get(clean["external_id"])
            reason = found and policies.why_not_reuse_external_id(actor, found)
            if reason:
                results[i] = Conflict(
                    reason, errors={"external_id": "Already used by a deal you cannot see."}
                )
            elif found is not None:
                results[i] = RegistrationResult(found, created=False)
            else:
                todo.append((i, clean))
        try:
            with transaction.atomic():
                created = _create_many(
                    actor=actor, org=org, items=[c for _, c in todo], source=source
                )
        except IntegrityError:
            return [
                r if r is not None else _register_one(actor, clean, source)
                for r, clean in zip(results, _clean_by_index(items, clean_items), strict=True)
            ]
        for (i, _), opportunity in zip(todo, created, strict=True):
            results[i] = RegistrationResult(opportunity, created=True)
        return results


def _clean_by_index(items: list[dict], clean_items: list[tuple[int, dict]]) -> list:
    by_index = dict(clean_items)
    return [by_index.get(i) for i in range(len(items))]


def _register_one(actor, clean: dict, source: str, attempts: int = 3):
    """The single path, tried again when a concurrent registration created the same
    organisation between its look-up and its insert."""
    for attempt in range(attempts):
        try:
            return opportunity_register(actor=actor, data=clean, source=source, validated=True)
        except ApplicationError as exc:
            return exc
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    return None


def _existing_by_external_id(org: Organisation, external_ids: list[str]) -> dict:
    wanted = [e for e in external_ids if e]
    if not wanted:
        return {}
    return {
        o.external_id: o
        for o in Opportunity.objects.filter(
            submitted_by_organisation_id=org.pk, external_id__in=wanted
        )
    }


def _create_many(*, actor, org: Organisation, items: list[dict], source: str) -> list:
    """`_create` for many deals: organisations found in one query, deals, lines and
    channel entries inserted in bulk, then each deal recorded and screened."""
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
        parties.append((ec["name"].strip() or "Undisclosed end customer", ec["country"],
                        "end_customer"))  # fmt: skip
        parties += [(e["name"], e["country"], e["role"]) for e in data["channel"]]
    orgs = iter(organisations_get_or_register(parties))
    deals, channel_orgs = [], []
    for data in items:
        end_customer = next(orgs)
        channel_orgs.append([next(orgs) for _ in data["channel"]])
        deals.append(
            Opportunity(
                reference="", external_id=data["external_id"], owner=actor,
                submitted_by_organisation=org, end_customer=end_customer, **_deal_fields(data),
            )
        )  # fmt: skip
    deals = Opportunity.objects.bulk_create(deals)  # references filled by the database
    lines, channel = [], []
    for deal, data, entry_orgs in zip(deals, items, channel_orgs, strict=True):
        deal.reference = Opportunity.reference_for(deal.pk)
        lines.append(_lines_of(deal, data))
        channel.append(_channel_of(deal, data, entry_orgs))
    OpportunityLine.objects.bulk_create([row for rows in lines for row in rows])
    ChannelEntry.objects.bulk_create([row for rows in channel for row in rows])
    from rules.batch import opportunities_screen_new

    with audit_batch():  # the batch's audit events in one INSERT, its notifications in one row
        for deal, data, deal_lines, deal_channel in zip(deals, items, lines, channel, strict=True):
            remember_parts(deal, deal_lines, deal_channel)
            _record_registered(deal, actor=actor, data=data, source=source)
        # screened and routed together: screenings, statuses and cases written in bulk
        opportunities_screen_new(opportunities=deals, actor=actor, trigger="registration")
    return deals
