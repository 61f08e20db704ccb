"""Output shapes of a deal, shared by the API and the exports.

The serializer classes declare the shapes (for the schema); their `to_representation`
builds the dicts directly, as DRF's per-field machinery (deep-copied nested fields, one
call per field and row) costs more than the rest of a list request.

Status, tier and screening come from `presenters`: what partners and reps may see.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from rest_framework import serializers

from monitoring.selectors import screening_basis_for_viewer
from rules.presentation import opportunity_screening_for_viewer, screening_for_viewer

from . import presenters


class ChannelEntryOut(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    country = serializers.CharField()
    organisation_id = serializers.IntegerField()


class LineOut(serializers.Serializer):
    sku = serializers.CharField()
    name = serializers.CharField()
    capabilities = serializers.ListField(child=serializers.CharField())
    quantity = serializers.IntegerField()


class FindingOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    dimension = serializers.CharField()
    explanation = serializers.CharField()
    evidence = serializers.DictField()
    severity = serializers.IntegerField(required=False)
    likelihood = serializers.IntegerField(required=False)
    outcome = serializers.CharField(required=False)
    ask = serializers.CharField(required=False)


class OpportunityOut(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    external_id = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    owner = serializers.CharField(source="owner.username")
    submitted_by = serializers.CharField(source="submitted_by_organisation.name")
    end_customer = serializers.SerializerMethodField()
    delivery_country = serializers.CharField()
    channel = ChannelEntryOut(many=True, source="channel.all")
    lines = LineOut(many=True, source="lines.all")
    intended_use = serializers.ListField(child=serializers.CharField())
    use_description = serializers.CharField()
    value = serializers.SerializerMethodField()
    expected_close_date = serializers.DateField()
    customization = serializers.BooleanField()
    red_flags = serializers.ListField(child=serializers.CharField(), source="declared_red_flags")
    end_use_statement = serializers.CharField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    screening = serializers.SerializerMethodField()
    screening_basis = serializers.DictField(
        allow_null=True,
        help_text="Versions the screening used: criteria, country data, and (compliance "
        "only) each restricted-party list",
    )

    def get_end_customer(self, obj) -> dict:
        return _end_customer(obj)

    def get_value(self, obj) -> dict:
        return _value(obj)

    def get_screening(self, obj) -> dict | None:
        return opportunity_screening_for_viewer(obj, self.context["request"].user)

    def to_representation(self, obj) -> dict:
        return opportunity_out(obj, self.context["request"].user)


class OpportunitySummaryOut(serializers.Serializer):
    """The shape of a list row, for the schema; the rows themselves are built by
    `summary_out` from values, never through this class's fields."""

    id = serializers.IntegerField()
    reference = serializers.CharField()
    external_id = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    end_customer_name = serializers.CharField()
    end_customer_country = serializers.CharField()
    end_user_type = serializers.CharField()
    tier = serializers.CharField(allow_null=True)
    score = serializers.IntegerField(allow_null=True)
    value = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def get_value(self, obj) -> dict:
        return _value(obj)


def summary_out(row: dict, everything: bool, zone=None) -> dict:
    """A list row (`selectors.opportunity_rows`) in the shape of `OpportunitySummaryOut`;
    `everything`: the viewer sees deals as they are (`presenters.sees_everything`);
    `zone`: `output_zone()`, looked up once for a page's rows."""
    status, status_label = presenters.status_words(
        row["status"], row["current_screening__shown_tier"] or "", everything
    )
    tier_field, score_field = presenters.tier_fields(everything)
    if row["current_screening"] is None:
        tier = score = None
    else:
        tier, score = row[tier_field], row[score_field]
        if not everything:
            tier = tier or "low"
    return {
        "id": row["id"],
        "reference": row["reference"],
        "external_id": row["external_id"],
        "title": row["title"],
        "status": status,
        "status_label": status_label,
        "end_customer_name": row["end_customer_name"],
        "end_customer_country": row["end_customer_country"],
        "end_user_type": row["end_user_type"],
        "tier": tier,
        "score": score,
        "value": {"amount": str(row["value_amount"]), "currency": row["value_currency"]},
        "created_at": _datetime(row["created_at"], zone),
    }


def _heading(obj, user) -> dict:
    """What every shape of a deal starts with; status as this viewer may see it."""
    status, status_label = presenters.status_for_viewer(obj, user)
    return {
        "id": obj.pk,
        "reference": obj.reference,
        "external_id": obj.external_id,
        "title": obj.title,
        "status": status,
        "status_label": status_label,
    }


def _value(obj) -> dict:
    return {"amount": str(obj.value_amount), "currency": obj.value_currency}


def _end_customer(obj) -> dict:
    return {
        "name": obj.end_customer_name,
        "country": obj.end_customer_country,
        "type": obj.end_user_type,
        "sector": obj.end_customer_sector,
    }


_DATETIME = serializers.DateTimeField()
_DATE = serializers.DateField()


def output_zone():
    """The time zone DRF writes date-times in (the current one), for `_datetime`."""
    return timezone.get_current_timezone() if settings.USE_TZ else None


def _datetime(value, zone=None):
    """What DRF's DateTimeField writes; given the `zone` (a list's rows), without looking
    it up and checking the field's options again for every row."""
    if value is None:
        return None
    if zone is None or timezone.is_naive(value):
        return _DATETIME.to_representation(value)
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _channel(obj) -> list[dict]:
    if hasattr(obj, "channel_read"):  # read as JSON with the deal (selectors.opportunity_read)
        return obj.channel_read
    return [
        {"name": e.name, "role": e.role, "country": e.country, "organisation_id": e.organisation_id}
        for e in obj.channel.all()
    ]


def _lines(obj) -> list[dict]:
    if hasattr(obj, "lines_read"):
        return obj.lines_read
    return [
        {
            "sku": li.sku,
            "name": li.name,
            "capabilities": list(li.capabilities),
            "quantity": li.quantity,
        }
        for li in obj.lines.all()
    ]


def opportunity_out(obj, user) -> dict:
    """One deal in the shape of `OpportunityOut`, for this viewer. The channel and lines
    come from `opportunity_read`'s JSON when the deal was read so, else through `.all()`
    (a prefetch, or what the registration just wrote)."""
    head = _heading(obj, user)
    return {
        **head,
        "owner": obj.owner.username,
        "submitted_by": obj.submitted_by_organisation.name,
        "end_customer": _end_customer(obj),
        "delivery_country": obj.delivery_country,
        "channel": _channel(obj),
        "lines": _lines(obj),
        "intended_use": list(obj.intended_use),
        "use_description": obj.use_description,
        "value": _value(obj),
        "expected_close_date": (
            _DATE.to_representation(obj.expected_close_date) if obj.expected_close_date else None
        ),
        "customization": obj.customization,
        "red_flags": list(obj.declared_red_flags),
        "end_use_statement": obj.end_use_statement,
        "created_at": _datetime(obj.created_at),
        "updated_at": _datetime(obj.updated_at),
        "screening": screening_for_viewer(obj.current_screening, user, shown_status=head["status"]),
        "screening_basis": screening_basis_for_viewer(obj.current_screening, user),
    }
