"""Services that change deals. Every write to a deal goes through here."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from audit.services import audit_record
from hrdd.errors import ApplicationError, Conflict, PermissionDenied
from partners.models import Organisation
from partners.services import organisation_get_or_register

from . import policies
from .models import ChannelEntry, Opportunity, OpportunityLine
from .selectors import opportunity_by_external_id
from .validation import opportunity_validate

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


def _end_customer_org(data: dict) -> Organisation:
    ec = data["end_customer"]
    name = ec["name"].strip() or "Undisclosed end customer"
    return organisation_get_or_register(name=name, country=ec["country"], role="end_customer")


def _write_parts(opportunity: Opportunity, data: dict) -> None:
    OpportunityLine.objects.bulk_create(
        [
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
    )
    ChannelEntry.objects.bulk_create(
        [
            ChannelEntry(
                opportunity=opportunity,
                position=i,
                organisation=organisation_get_or_register(
                    name=entry["name"], country=entry["country"], role=entry["role"]
                ),
                role=entry["role"],
                name=" ".join(entry["name"].split()),
                country=entry["country"],
            )
            for i, entry in enumerate(data["channel"], start=1)
        ]
    )


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
    org = submitting_organisation(actor)
    if not validated:
        clean, errors = opportunity_validate(data, submitter=actor)
        if errors:
            raise ApplicationError("The opportunity is not valid.", errors=errors)
        data = clean
    existing = _existing(actor, org, data["external_id"])
    if existing:
        return RegistrationResult(existing, created=False)
    try:
        with transaction.atomic():
            opportunity = _create(actor=actor, org=org, data=data, source=source)
    except IntegrityError:
        # Two submissions of the same external_id raced; the first one won.
        existing = _existing(actor, org, data["external_id"])
        if existing is None:
            raise
        return RegistrationResult(existing, created=False)
    return RegistrationResult(opportunity, created=True)


def _create(*, actor, org: Organisation, data: dict, source: str) -> Opportunity:
    from rules.services import opportunity_screen

    opportunity = Opportunity.objects.create(
        reference="",
        external_id=data["external_id"],
        owner=actor,
        submitted_by_organisation=org,
        end_customer=_end_customer_org(data),
        **_deal_fields(data),
    )
    opportunity.reference = f"D-{opportunity.pk:06d}"
    Opportunity.objects.filter(pk=opportunity.pk).update(reference=opportunity.reference)
    _write_parts(opportunity, data)
    audit_record(
        actor=actor,
        action="opportunity.registered",
        object_type="opportunity",
        object_id=opportunity.pk,
        opportunity_id=opportunity.pk,
        changes={"source": source, "external_id": data["external_id"]},
    )
    opportunity_screen(opportunity=opportunity, actor=actor, trigger="registration")
    return opportunity


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
    from rules.services import opportunity_screen

    with transaction.atomic():
        locked = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
        before = {f: getattr(locked, f) for f in MATERIAL_FIELDS}
        before_caps = sorted({c for line in locked.lines.all() for c in line.capabilities})
        for field, value in _deal_fields(clean).items():
            setattr(locked, field, value)
        locked.end_customer = _end_customer_org(clean)
        locked.save()
        locked.lines.all().delete()
        locked.channel.all().delete()
        _write_parts(locked, clean)
        after_caps = sorted({c for line in clean["lines"] for c in line["capabilities"]})
        changed = {
            f: [str(before[f]), str(getattr(locked, f))]
            for f in MATERIAL_FIELDS
            if before[f] != getattr(locked, f)
        }
        if set(after_caps) - set(before_caps):
            changed["capabilities"] = [before_caps, after_caps]
        audit_record(
            actor=actor,
            action="opportunity.updated",
            object_type="opportunity",
            object_id=locked.pk,
            opportunity_id=locked.pk,
            changes={"material": changed},
        )
        opportunity_screen(
            opportunity=locked, actor=actor, trigger="update", material_change=bool(changed)
        )
    return locked
