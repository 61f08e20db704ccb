"""The one validator of a deal in the API's public shape (see README), shared by the web
form, the API and the promotion of imported lines. Errors name the field path and why.

The rules and their words are `input_rules`, which a channel file's rows use too; the
serializer declares the shape (and the API schema) and reads each value with a rule.
"""

from __future__ import annotations

import copy
import re
import threading
from datetime import date
from decimal import Decimal

from rest_framework import serializers
from rest_framework.fields import empty

from hrdd.api import _flatten
from taxonomy import (
    END_USE_STATEMENTS,
    END_USER_TYPES,
    INTENDED_USES,
    PRODUCT_CAPABILITIES,
    RED_FLAGS,
)
from taxonomy.visible import name_as_read

from . import input_rules as rules
from .input_rules import MAX_CHANNEL, MAX_LINES, MESSAGES
from .selectors import products_active_by_sku


def _checked(result: rules.Checked):
    value, problem = result
    if problem:
        raise serializers.ValidationError(problem)
    return value


class _FormWords:
    """The framework's own checks (missing, blank, too long) in the rules' words."""

    default_error_messages = {
        "required": MESSAGES["required"],
        "null": MESSAGES["required"],
        "blank": MESSAGES["required"],
        "max_length": MESSAGES["too_long"],
    }


class Text(_FormWords, serializers.CharField):
    pass


class Name(Text):
    """A name reviewers read: invisible characters and direction controls are undone
    before it is checked, so a name of nothing else is refused as missing."""

    def run_validation(self, data=serializers.empty):
        if isinstance(data, str):
            data = name_as_read(data)
        return super().run_validation(data)


class _Ruled(_FormWords):
    """A field whose value is read by one of `input_rules` (the declared DRF type stays
    for the API schema)."""

    rule = None

    def to_internal_value(self, data):
        return _checked(type(self).rule(data))


class CountryField(_Ruled, serializers.CharField):
    rule = staticmethod(rules.country)

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 2)
        super().__init__(**kwargs)


class CurrencyField(_Ruled, serializers.CharField):
    rule = staticmethod(rules.currency)


class QuantityField(_Ruled, serializers.IntegerField):
    rule = staticmethod(rules.quantity)


class AmountField(_Ruled, serializers.DecimalField):
    rule = staticmethod(rules.amount)


class EndUseStatementField(_Ruled, serializers.ChoiceField):
    rule = staticmethod(rules.end_use_statement)


class DateField(_FormWords, serializers.DateField):
    default_error_messages = {"invalid": MESSAGES["date"], "datetime": MESSAGES["date"]}

    def to_internal_value(self, data):
        return _checked(rules.date_in_window(super().to_internal_value(data)))


class CodeListField(_FormWords, serializers.ListField):
    """A list of taxonomy codes, each checked against its vocabulary."""

    default_error_messages = {"max_length": MESSAGES["too_many_codes"]}

    def __init__(self, *, vocabulary: dict, kind: str, **kwargs):
        self.vocabulary, self.kind = vocabulary, kind
        kwargs.setdefault("child", Text(max_length=60))
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
        return _checked(rules.codes(self.kind, values, self.vocabulary))


class EndCustomerIn(serializers.Serializer):
    name = Name(max_length=200, allow_blank=True, required=False, default="")
    country = CountryField()
    type = Text(max_length=30)
    sector = Text(max_length=120, allow_blank=True, required=False, default="")

    def validate_type(self, value):
        return _checked(rules.code("end-user type", value, END_USER_TYPES))


class ChannelEntryIn(serializers.Serializer):
    name = Name(max_length=200)
    role = Text(max_length=20)
    country = CountryField()

    def validate_role(self, value):
        return _checked(rules.channel_role(value))


class LineIn(serializers.Serializer):
    sku = Text(max_length=60, required=False, allow_blank=True, default="")
    name = Name(max_length=200, required=False, allow_blank=True, default="")
    capabilities = CodeListField(
        vocabulary=PRODUCT_CAPABILITIES, kind="product capability", required=False, default=list
    )
    # The bounds are the rule's, declared again for the API schema.
    quantity = QuantityField(min_value=1, max_value=rules.MAX_QUANTITY)

    def validate(self, attrs):
        # The products of every line of the batch were looked up before validation began.
        product, problems = rules.product_line(
            sku=attrs["sku"],
            name=attrs["name"],
            capabilities=attrs["capabilities"],
            catalogue=self.context["catalogue"],
        )
        if problems:
            raise serializers.ValidationError(problems)
        return {**attrs, **product}


class ValueIn(serializers.Serializer):
    amount = AmountField(
        max_digits=14, decimal_places=2, min_value=Decimal("0"), max_value=rules.MAX_VALUE
    )
    currency = CurrencyField(max_length=3)


class OpportunityIn(serializers.Serializer):
    external_id = Text(max_length=100, required=False, allow_blank=True, default="")
    title = Text(max_length=200)
    end_customer = EndCustomerIn()
    delivery_country = CountryField(required=False)
    channel = ChannelEntryIn(many=True, required=False, default=list, max_length=MAX_CHANNEL)
    lines = LineIn(many=True, min_length=1, max_length=MAX_LINES)
    intended_use = CodeListField(
        vocabulary=INTENDED_USES,
        kind="intended use",
        min_length=1,
        error_messages={"min_length": MESSAGES["intended_use_required"]},
    )
    use_description = Text(max_length=5000, required=False, allow_blank=True, default="")
    value = ValueIn()
    expected_close_date = DateField(required=False, allow_null=True, default=None)
    customization = serializers.BooleanField(required=False, default=False)
    red_flags = CodeListField(vocabulary=RED_FLAGS, kind="red flag", required=False, default=list)
    end_use_statement = EndUseStatementField(
        choices=list(END_USE_STATEMENTS), required=False, default="none"
    )

    def validate(self, attrs):
        attrs.setdefault("delivery_country", attrs["end_customer"]["country"])
        if not attrs.get("delivery_country"):
            attrs["delivery_country"] = attrs["end_customer"]["country"]
        submitter = self.context.get("submitter")
        if submitter is not None and submitter.is_partner_user and not attrs["channel"]:
            raise serializers.ValidationError({"channel": MESSAGES["partner_channel"]})
        return attrs


_validators = threading.local()


def _validator(context: dict) -> OpportunityIn:
    """This thread's validator, given `context` for this call. Building one deep-copies
    every declared field (about a millisecond, more than checking a deal), and
    `run_validation` keeps nothing between calls, so each thread builds it once."""
    validator = getattr(_validators, "validator", None)
    if validator is None:
        validator = _validators.validator = OpportunityIn(context=context)
    validator._context = context  # what every nested field reads through `root.context`
    return validator


def opportunity_validate(data, *, submitter=None, direct: bool = True) -> tuple[dict | None, dict]:
    """Validate API-shaped input. Returns (clean data, {}) or (None, {field path: message}).
    `direct=False` always runs the serializer (tests compare the two readings)."""
    return opportunity_validate_many([data], submitter=submitter, direct=direct)[0]


def opportunity_validate_many(
    items: list, *, submitter=None, direct: bool = True
) -> list[tuple[dict | None, dict]]:
    """`opportunity_validate` for each of many inputs, with one validator built for all
    of them (building one copies every declared field, which costs more than checking a
    deal): the same rules, the same messages, item by item."""
    # One look-up for the products of every line of every item, not one per line.
    catalogue = products_active_by_sku(rules.skus_in(items))
    validator = _validator({"submitter": submitter, "catalogue": catalogue})
    results: list[tuple[dict | None, dict]] = []
    for data in items:
        if not isinstance(data, dict):
            results.append(
                (None, {"non_field_errors": "Expected a JSON object describing one opportunity."})
            )
            continue
        # Input the direct reading vouches for (nearly every valid deal) skips the
        # serializer's machinery; anything else, and every error, is the validator's.
        clean = (
            opportunity_clean_direct(data, catalogue=catalogue, submitter=submitter)
            if direct and type(data) is dict  # a form's QueryDict reads nested fields its own way
            else None
        )
        if clean is not None:
            results.append((clean, {}))
            continue
        try:
            # what `is_valid()` runs, without the per-instance state it keeps
            results.append((validator.run_validation(data), {}))
        except serializers.ValidationError as exc:
            results.append((None, _flatten(exc.detail)))
    return results


class _Refused(Exception):
    """Anything `opportunity_clean_direct` will not vouch for: the validator decides."""


def _fields(fields) -> dict[str, serializers.Field]:
    """A serializer's fields as a plain dict (its own table is slow to index, call by
    call). A text field the direct path cannot read as the serializer does stops the
    application at start-up, rather than letting the two paths take different input."""
    for field in fields.values():
        for text in (field, getattr(field, "child", None)):
            if isinstance(text, Text) and (
                type(text) not in (Text, Name)
                or text.allow_null
                or text.min_length is not None
                or not text.trim_whitespace
                or text.max_length is None
            ):
                raise TypeError(f"{text.field_name!r}: the direct path reads only bounded Text")
    return dict(fields)


# The serializer's own fields, read by the direct path for their limits, blank-ness,
# defaults and bounds, so that the two paths cannot drift apart.
_DEAL = _fields(OpportunityIn().fields)
_END_CUSTOMER = _fields(_DEAL["end_customer"].fields)
_CHANNEL_ENTRY = _fields(_DEAL["channel"].child.fields)
_LINE = _fields(_DEAL["lines"].child.fields)
_VALUE = _fields(_DEAL["value"].fields)


def _ok(result: rules.Checked):
    value, problem = result
    if problem:
        raise _Refused
    return value


def _given(data, field: serializers.Field):
    """The value given for `field`, else its default; a required field missing, or
    `data` not an object, is for the validator to word."""
    try:
        return data[field.field_name]  # a list or text in place of an object: TypeError
    except KeyError:
        if field.default is empty:
            raise _Refused from None
        return field.default() if callable(field.default) else field.default


# What DRF's text fields refuse besides length: NUL characters and lone surrogates.
_PROHIBITED = re.compile("[\x00\ud800-\udfff]")


def _text(value, field: Text) -> str:
    # What a `Text` field does: a string, trimmed, not too long, blank only where allowed.
    if not isinstance(value, str):
        raise _Refused
    if isinstance(field, Name):
        value = name_as_read(value)
    value = value.strip()
    if len(value) > field.max_length or not (value or field.allow_blank):
        raise _Refused
    if _PROHIBITED.search(value):
        raise _Refused
    return value


def _text_in(data, field: Text) -> str:
    return _text(_given(data, field), field)


def _sized(items, field) -> list:
    """`items` if it is a list of as many items as the list `field` takes."""
    if not isinstance(items, list) or not (items or field.allow_empty):
        raise _Refused
    if len(items) < (field.min_length or 0):
        raise _Refused
    if field.max_length is not None and len(items) > field.max_length:
        raise _Refused
    return items


def _codes_in(data, field: CodeListField) -> list[str]:
    values = _given(data, field)
    if not isinstance(values, list):
        raise _Refused
    codes = _ok(rules.codes(field.kind, [_text(v, field.child) for v in values], field.vocabulary))
    return _sized(codes, field)  # counted as the validator counts them: a repeat is one


def _line_direct(line, catalogue: dict) -> dict:
    sku = _text_in(line, _LINE["sku"])
    name = _text_in(line, _LINE["name"])
    capabilities = _codes_in(line, _LINE["capabilities"])
    quantity = _ok(rules.quantity(_given(line, _LINE["quantity"])))
    product, problems = rules.product_line(
        sku=sku, name=name, capabilities=capabilities, catalogue=catalogue
    )
    if problems:
        raise _Refused
    return {"sku": sku, "name": name, "capabilities": capabilities, "quantity": quantity, **product}


def _close_date(value):
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Refused
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise _Refused from exc
    return _ok(rules.date_in_window(day))


def opportunity_clean_direct(data: dict, *, catalogue: dict, submitter=None) -> dict | None:
    """What `opportunity_validate(data)` returns as clean data, computed with the same
    input rules but without the serializer's machinery, for input built by code in the
    API's shape and types (a promoted import line): a few percent of the validator's cost.
    None whenever anything is off, and then the caller runs the validator, whose words
    it keeps. Its limits, defaults and bounds are the serializer's fields' own;
    `tests/channel_imports/test_promotion_clean.py` and
    `tests/opportunities/test_direct_clean_follows_serializer.py` hold the two equal.
    `catalogue`: the active products of the SKUs named (`products_active_by_sku`)."""
    try:
        ec = _given(data, _DEAL["end_customer"])
        end_customer = {
            "name": _text_in(ec, _END_CUSTOMER["name"]),
            "country": _ok(rules.country(_given(ec, _END_CUSTOMER["country"]))),
            "type": _ok(
                rules.code("end-user type", _text_in(ec, _END_CUSTOMER["type"]), END_USER_TYPES)
            ),
            "sector": _text_in(ec, _END_CUSTOMER["sector"]),
        }
        channel = _sized(_given(data, _DEAL["channel"]), _DEAL["channel"])
        lines = _sized(_given(data, _DEAL["lines"]), _DEAL["lines"])
        value = _given(data, _DEAL["value"])
        customization = _given(data, _DEAL["customization"])
        if not isinstance(customization, bool):
            raise _Refused
        clean = {
            "external_id": _text_in(data, _DEAL["external_id"]),
            "title": _text_in(data, _DEAL["title"]),
            "end_customer": end_customer,
            "delivery_country": (
                _ok(rules.country(data["delivery_country"]))
                if "delivery_country" in data
                else end_customer["country"]
            ),
            "channel": [
                {
                    "name": _text_in(e, _CHANNEL_ENTRY["name"]),
                    "role": _ok(rules.channel_role(_text_in(e, _CHANNEL_ENTRY["role"]))),
                    "country": _ok(rules.country(_given(e, _CHANNEL_ENTRY["country"]))),
                }
                for e in channel
            ],
            "lines": [_line_direct(line, catalogue) for line in lines],
            "intended_use": _codes_in(data, _DEAL["intended_use"]),
            "use_description": _text_in(data, _DEAL["use_description"]),
            "value": {
                "amount": _ok(rules.amount(_given(value, _VALUE["amount"]))),
                "currency": _ok(rules.currency(_given(value, _VALUE["currency"]))),
            },
            "expected_close_date": _close_date(_given(data, _DEAL["expected_close_date"])),
            "customization": customization,
            "red_flags": _codes_in(data, _DEAL["red_flags"]),
            "end_use_statement": _ok(
                rules.end_use_statement(_given(data, _DEAL["end_use_statement"]))
            ),
        }
    except (_Refused, KeyError, TypeError, AttributeError):
        return None
    if submitter is not None and submitter.is_partner_user and not clean["channel"]:
        return None
    return clean
