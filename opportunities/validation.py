"""The one validator of a deal in the API's public shape (see README), shared by the web
form, the API and the promotion of imported lines. Errors name the field path and why.

The rules and their words are `input_rules`, which a channel file's rows use too; the
serializer (`input_shape`) declares the shape (and the API schema) and reads each value
with a rule.
"""

from __future__ import annotations

import re
import threading
from datetime import date
from typing import Any, NamedTuple

from rest_framework import serializers
from rest_framework.fields import empty

from hrdd.api import _flatten
from taxonomy import END_USER_TYPES

from . import input_rules as rules
from .input_shape import CodeListField, OpportunityIn, Text
from .selectors import products_active_by_sku

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


def opportunity_validate(data, *, submitter=None) -> tuple[dict | None, dict]:
    """Validate API-shaped input. Returns (clean data, {}) or (None, {field path: message})."""
    return opportunity_validate_many([data], submitter=submitter)[0]


def opportunity_validate_many(items: list, *, submitter=None) -> list[tuple[dict | None, dict]]:
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
        try:
            # what `is_valid()` runs, without the per-instance state it keeps
            results.append((validator.run_validation(data), {}))
        except serializers.ValidationError as exc:
            results.append((None, _flatten(exc.detail)))
    return results


class _Refused(Exception):
    """Anything `opportunity_clean_direct` will not vouch for: the validator decides."""


# --- what the direct path knows of the serializer, read from its fields once ----------
# Limits, blank-ness, defaults and list bounds are the serializer's own, so the two
# cannot drift apart; the values themselves are read by the same `input_rules`.


class _TextRule(NamedTuple):
    """What a `Text` field takes: at most `limit` characters once trimmed, blank or not;
    `default` is `empty` when the field is required."""

    name: str
    limit: int
    blank: bool
    default: Any


class _CodesRule(NamedTuple):
    """What a `CodeListField` takes: `least` to `most` codes of `vocabulary`."""

    name: str
    kind: str
    vocabulary: dict
    least: int
    most: int
    code: _TextRule
    default: Any


class _ListRule(NamedTuple):
    """How many items a list of nested objects may have."""

    name: str
    least: int
    most: float
    default: Any


def _text_rule(field: serializers.Field) -> _TextRule:
    # A field the direct path could not follow stops the application at start-up,
    # rather than letting the two paths accept different input.
    if (
        not isinstance(field, Text)
        or field.allow_null
        or field.min_length is not None
        or not field.trim_whitespace
        or field.max_length is None
    ):
        raise TypeError(f"{field.field_name!r}: the direct path reads only bounded Text fields")
    return _TextRule(field.field_name, field.max_length, field.allow_blank, field.default)


def _text_rules(fields) -> dict[str, _TextRule]:
    return {name: _text_rule(f) for name, f in fields.items() if isinstance(f, Text)}


def _codes_rule(field: CodeListField) -> _CodesRule:
    most = len(field.vocabulary) if field.max_length is None else field.max_length
    least = field.min_length or (0 if field.allow_empty else 1)
    return _CodesRule(
        field.field_name,
        field.kind,
        field.vocabulary,
        least,
        most,
        _text_rule(field.child),
        field.default,
    )


def _list_rule(field: serializers.ListSerializer) -> _ListRule:
    least = field.min_length or (0 if field.allow_empty else 1)
    most = field.max_length if field.max_length is not None else float("inf")
    return _ListRule(field.field_name, least, most, field.default)


_DEAL = OpportunityIn().fields
_DEAL_TEXT = _text_rules(_DEAL)
_END_CUSTOMER = _DEAL["end_customer"].fields
_END_CUSTOMER_TEXT = _text_rules(_END_CUSTOMER)
_CHANNEL = _list_rule(_DEAL["channel"])
_CHANNEL_ENTRY = _DEAL["channel"].child.fields
_CHANNEL_ENTRY_TEXT = _text_rules(_CHANNEL_ENTRY)
_LINES = _list_rule(_DEAL["lines"])
_LINE = _DEAL["lines"].child.fields
_LINE_TEXT = _text_rules(_LINE)
_CAPABILITIES = _codes_rule(_LINE["capabilities"])
_INTENDED_USE = _codes_rule(_DEAL["intended_use"])
_RED_FLAGS = _codes_rule(_DEAL["red_flags"])
_VALUE = _DEAL["value"].fields


def _defaults(fields) -> dict[str, Any]:
    # A plain dict: the serializer's table of fields is slow to index, call by call.
    return {name: field.default for name, field in fields.items()}


_DEAL_DEFAULTS = _defaults(_DEAL)
_END_CUSTOMER_DEFAULTS = _defaults(_END_CUSTOMER)
_CHANNEL_ENTRY_DEFAULTS = _defaults(_CHANNEL_ENTRY)
_LINE_DEFAULTS = _defaults(_LINE)
_VALUE_DEFAULTS = _defaults(_VALUE)


def _ok(result: rules.Checked):
    value, problem = result
    if problem:
        raise _Refused
    return value


def _given(data, name: str, default):
    """The value given for `name`, else the field's `default`; a required field (no
    default) missing, or `data` not an object, is for the validator to word."""
    try:
        return data[name]  # a list or text in place of an object: TypeError, refused
    except KeyError:
        if default is empty:
            raise _Refused from None
        return default() if callable(default) else default


# What DRF's text fields refuse besides length: NUL characters and lone surrogates.
_PROHIBITED = re.compile("[\x00\ud800-\udfff]")


def _text(value, rule: _TextRule) -> str:
    # What a `Text` field does: a string, trimmed, not too long, blank only where allowed.
    if not isinstance(value, str):
        raise _Refused
    value = value.strip()
    if len(value) > rule.limit or not (value or rule.blank) or _PROHIBITED.search(value):
        raise _Refused
    return value


def _text_in(data, rule: _TextRule) -> str:
    return _text(_given(data, rule.name, rule.default), rule)


def _codes_in(data, rule: _CodesRule) -> list[str]:
    values = _given(data, rule.name, rule.default)
    if not isinstance(values, list):
        raise _Refused
    codes = _ok(rules.codes(rule.kind, [_text(v, rule.code) for v in values], rule.vocabulary))
    if not rule.least <= len(codes) <= rule.most:
        raise _Refused
    return codes


def _list_in(data, rule: _ListRule) -> list:
    items = _given(data, rule.name, rule.default)
    if not isinstance(items, list) or not rule.least <= len(items) <= rule.most:
        raise _Refused
    return items


def _line_direct(line, catalogue: dict) -> dict:
    sku = _text_in(line, _LINE_TEXT["sku"])
    name = _text_in(line, _LINE_TEXT["name"])
    capabilities = _codes_in(line, _CAPABILITIES)
    quantity = _ok(rules.quantity(_given(line, "quantity", _LINE_DEFAULTS["quantity"])))
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
    it keeps. Its limits, defaults and bounds are read from the serializer's fields;
    `tests/channel_imports/test_promotion_clean.py` and
    `tests/opportunities/test_direct_clean_follows_serializer.py` hold the two equal.
    `catalogue`: the active products of the SKUs named (`products_active_by_sku`)."""
    try:
        ec = _given(data, "end_customer", _DEAL_DEFAULTS["end_customer"])
        end_customer = {
            "name": _text_in(ec, _END_CUSTOMER_TEXT["name"]),
            "country": _ok(rules.country(_given(ec, "country", _END_CUSTOMER_DEFAULTS["country"]))),
            "type": _ok(
                rules.code(
                    "end-user type", _text_in(ec, _END_CUSTOMER_TEXT["type"]), END_USER_TYPES
                )
            ),
            "sector": _text_in(ec, _END_CUSTOMER_TEXT["sector"]),
        }
        channel = _list_in(data, _CHANNEL)
        lines = _list_in(data, _LINES)
        value = _given(data, "value", _DEAL_DEFAULTS["value"])
        customization = _given(data, "customization", _DEAL_DEFAULTS["customization"])
        if not isinstance(customization, bool):
            raise _Refused
        clean = {
            "external_id": _text_in(data, _DEAL_TEXT["external_id"]),
            "title": _text_in(data, _DEAL_TEXT["title"]),
            "end_customer": end_customer,
            "delivery_country": (
                _ok(rules.country(data["delivery_country"]))
                if "delivery_country" in data
                else end_customer["country"]
            ),
            "channel": [
                {
                    "name": _text_in(e, _CHANNEL_ENTRY_TEXT["name"]),
                    "role": _ok(rules.channel_role(_text_in(e, _CHANNEL_ENTRY_TEXT["role"]))),
                    "country": _ok(
                        rules.country(_given(e, "country", _CHANNEL_ENTRY_DEFAULTS["country"]))
                    ),
                }
                for e in channel
            ],
            "lines": [_line_direct(line, catalogue) for line in lines],
            "intended_use": _codes_in(data, _INTENDED_USE),
            "use_description": _text_in(data, _DEAL_TEXT["use_description"]),
            "value": {
                "amount": _ok(rules.amount(_given(value, "amount", _VALUE_DEFAULTS["amount"]))),
                "currency": _ok(
                    rules.currency(_given(value, "currency", _VALUE_DEFAULTS["currency"]))
                ),
            },
            "expected_close_date": _close_date(
                _given(data, "expected_close_date", _DEAL_DEFAULTS["expected_close_date"])
            ),
            "customization": customization,
            "red_flags": _codes_in(data, _RED_FLAGS),
            "end_use_statement": _ok(
                rules.end_use_statement(
                    _given(data, "end_use_statement", _DEAL_DEFAULTS["end_use_statement"])
                )
            ),
        }
    except (_Refused, KeyError, TypeError, AttributeError):
        return None
    if submitter is not None and submitter.is_partner_user and not clean["channel"]:
        return None
    return clean
