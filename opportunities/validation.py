"""The one validator of a deal, shared by the web form, the API and bulk imports.

Input is the API's public shape (see README). Errors name the field path and why.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

from django.utils import timezone
from rest_framework import serializers

from hrdd.api import _flatten
from taxonomy import (
    END_USE_STATEMENTS,
    END_USER_TYPES,
    INTENDED_USES,
    INTERMEDIARY_ROLES,
    PRODUCT_CAPABILITIES,
    RED_FLAGS,
)
from taxonomy.countries import country_codes, currency_codes

MAX_VALUE = Decimal("100000000000")  # 100 billion: anything above is a typing error
MAX_QUANTITY = 10_000_000
MAX_CHANNEL = 10
MAX_LINES = 200


def _code_error(kind: str, code: str, allowed) -> str:
    return f'"{code}" is not a known {kind} code. Use one of: {", ".join(sorted(allowed))}.'


class CountryField(serializers.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 2)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data).strip().upper()
        if value not in country_codes():
            raise serializers.ValidationError(
                f'"{data}" is not an ISO 3166-1 alpha-2 country code (e.g. "EG", "DE").'
            )
        return value


class CodeListField(serializers.ListField):
    """A list of taxonomy codes, each checked against its vocabulary."""

    def __init__(self, *, vocabulary: dict, kind: str, **kwargs):
        self.vocabulary, self.kind = vocabulary, kind
        kwargs.setdefault("child", serializers.CharField(max_length=60))
        kwargs.setdefault("max_length", len(vocabulary))
        super().__init__(**kwargs)

    def __deepcopy__(self, memo):
        # DRF deep-copies every declared field for each serializer it builds; the
        # vocabulary is a read-only table, shared rather than copied on every request.
        kwargs = {
            k: v if k == "vocabulary" else copy.deepcopy(v, memo) for k, v in self._kwargs.items()
        }
        return self.__class__(*copy.deepcopy(self._args, memo), **kwargs)

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        for v in values:
            if v not in self.vocabulary:
                raise serializers.ValidationError(_code_error(self.kind, v, self.vocabulary))
        return list(dict.fromkeys(values))  # keep order, drop repeats


class EndCustomerIn(serializers.Serializer):
    name = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")
    country = CountryField()
    type = serializers.CharField(max_length=30)
    sector = serializers.CharField(max_length=120, allow_blank=True, required=False, default="")

    def validate_type(self, value):
        if value not in END_USER_TYPES:
            raise serializers.ValidationError(_code_error("end-user type", value, END_USER_TYPES))
        return value


class ChannelEntryIn(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    role = serializers.CharField(max_length=20)
    country = CountryField()

    def validate_role(self, value):
        if value not in INTERMEDIARY_ROLES:
            raise serializers.ValidationError(
                _code_error("channel role", value, INTERMEDIARY_ROLES)
                + " The vendor and the end customer are not channel entries."
            )
        return value


class LineIn(serializers.Serializer):
    sku = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    capabilities = CodeListField(
        vocabulary=PRODUCT_CAPABILITIES, kind="product capability", required=False, default=list
    )
    quantity = serializers.IntegerField(min_value=1, max_value=MAX_QUANTITY)

    def validate(self, attrs):
        from .selectors import product_active_by_sku

        if attrs["sku"]:
            product = product_active_by_sku(attrs["sku"])
            if product is None:
                raise serializers.ValidationError(
                    {"sku": f'No active catalogue product has SKU "{attrs["sku"]}".'}
                )
            if attrs["capabilities"] and set(attrs["capabilities"]) != set(product.capabilities):
                raise serializers.ValidationError(
                    {
                        "capabilities": "Capabilities of a catalogue product come from the catalogue; leave them out."
                    }
                )
            attrs["product"] = product
            attrs["name"] = attrs["name"] or product.name
            attrs["capabilities"] = list(product.capabilities)
        else:
            if not attrs["name"]:
                raise serializers.ValidationError(
                    {
                        "sku": "Give a catalogue SKU, or a name and capabilities for another vendor's product."
                    }
                )
            if not attrs["capabilities"]:
                raise serializers.ValidationError(
                    {
                        "capabilities": "A product outside the catalogue needs its declared capabilities."
                    }
                )
            attrs["product"] = None
        return attrs


class ValueIn(serializers.Serializer):
    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=Decimal("0"), max_value=MAX_VALUE
    )
    currency = serializers.CharField(max_length=3)

    def validate_currency(self, value):
        value = value.upper()
        if value not in currency_codes():
            raise serializers.ValidationError(f'"{value}" is not an ISO 4217 currency code.')
        return value


class OpportunityIn(serializers.Serializer):
    external_id = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )
    title = serializers.CharField(max_length=200)
    end_customer = EndCustomerIn()
    delivery_country = CountryField(required=False)
    channel = ChannelEntryIn(many=True, required=False, default=list, max_length=MAX_CHANNEL)
    lines = LineIn(many=True, min_length=1, max_length=MAX_LINES)
    intended_use = CodeListField(vocabulary=INTENDED_USES, kind="intended use", min_length=1)
    use_description = serializers.CharField(
        max_length=5000, required=False, allow_blank=True, default=""
    )
    value = ValueIn()
    expected_close_date = serializers.DateField(required=False, allow_null=True, default=None)
    customization = serializers.BooleanField(required=False, default=False)
    red_flags = CodeListField(vocabulary=RED_FLAGS, kind="red flag", required=False, default=list)
    end_use_statement = serializers.ChoiceField(
        choices=list(END_USE_STATEMENTS), required=False, default="none"
    )

    def validate_expected_close_date(self, value):
        if value and not (
            dt.date(2000, 1, 1) <= value <= timezone.localdate() + dt.timedelta(days=3650)
        ):
            raise serializers.ValidationError("The expected close date must be within ten years.")
        return value

    def validate(self, attrs):
        attrs.setdefault("delivery_country", attrs["end_customer"]["country"])
        if not attrs.get("delivery_country"):
            attrs["delivery_country"] = attrs["end_customer"]["country"]
        submitter = self.context.get("submitter")
        if submitter is not None and submitter.is_partner_user and not attrs["channel"]:
            raise serializers.ValidationError(
                {
                    "channel": "A deal registered by a partner must name its channel: at least your own organisation."
                }
            )
        return attrs


def opportunity_validate(data, *, submitter=None) -> tuple[dict | None, dict]:
    """Validate API-shaped input. Returns (clean data, {}) or (None, {field path: message})."""
    return opportunity_validate_many([data], submitter=submitter)[0]


def opportunity_validate_many(items: list, *, submitter=None) -> list[tuple[dict | None, dict]]:
    """`opportunity_validate` for each of many inputs, with one validator built for all
    of them (building one copies every declared field, which costs more than checking a
    deal): the same rules, the same messages, item by item."""
    validator = OpportunityIn(context={"submitter": submitter})
    results: list[tuple[dict | None, dict]] = []
    for data in items:
        if not isinstance(data, dict):
            results.append(
                (None, {"non_field_errors": "Expected a JSON object describing one opportunity."})
            )
            continue
        try:
            # what `is_valid()` runs, without the per-instance state it keeps
            results.append((validator.run_validation(data), {}))
        except serializers.ValidationError as exc:
            results.append((None, _flatten(exc.detail)))
    return results
