"""The deal registration form: web POST data to and from the API's shape.

Validation itself is `validation.opportunity_validate`, shared with the API, so the form
and the API accept and refuse exactly the same deals, in the words of `input_rules`.
"""

from __future__ import annotations

import re

from babel.numbers import NumberFormatError, parse_decimal
from django.utils import translation

from taxonomy.words import babel_locale

from .input_rules import MESSAGES

CHANNEL_ROWS = 3
LINE_ROWS = 4
MAX_ROWS = 20


def _row_indexes(post, prefix: str, minimum: int) -> list[int]:
    found = {int(m.group(1)) for k in post for m in [re.match(rf"{prefix}-(\d+)-", k)] if m}
    return sorted(i for i in found | set(range(minimum)) if i < MAX_ROWS)


def form_to_data(post) -> dict:
    """Turn the form's fields into the API body. Blank rows are dropped."""
    channel = []
    for i in _row_indexes(post, "channel", CHANNEL_ROWS):
        row = {k: post.get(f"channel-{i}-{k}", "").strip() for k in ("name", "role", "country")}
        if row["name"]:
            channel.append(row)
    lines = []
    for i in _row_indexes(post, "line", LINE_ROWS):
        sku = post.get(f"line-{i}-sku", "").strip()
        name = post.get(f"line-{i}-name", "").strip()
        caps = post.getlist(f"line-{i}-capabilities")
        qty = post.get(f"line-{i}-quantity", "").strip()
        if sku or name:
            line = {"sku": sku, "name": name, "quantity": _number(qty) or None}
            if not sku:
                line["capabilities"] = caps
            lines.append(line)
    return {
        "external_id": post.get("external_id", "").strip(),
        "title": post.get("title", "").strip(),
        "end_customer": {
            "name": post.get("ec_name", "").strip(),
            "country": post.get("ec_country", "").strip(),
            "type": post.get("ec_type", "").strip(),
            "sector": post.get("ec_sector", "").strip(),
        },
        "delivery_country": post.get("delivery_country", "").strip()
        or post.get("ec_country", "").strip(),
        "channel": channel,
        "lines": lines,
        "intended_use": post.getlist("intended_use"),
        "use_description": post.get("use_description", ""),
        "value": {
            "amount": _number(post.get("value_amount", "")),
            "currency": post.get("value_currency", "").strip(),
        },
        "expected_close_date": post.get("expected_close_date") or None,
        "customization": post.get("customization") == "on",
        "red_flags": post.getlist("red_flags"),
        "end_use_statement": post.get("end_use_statement", "none"),
    }


def _number(text: str) -> str:
    """A typed number as the validator reads it: "250,000" (or "250 000", or "250.000,50"
    in a German-speaking locale) becomes "250000". Anything not a well-grouped number in
    the reader's locale nor in English is passed on as typed, for the validator to
    name the problem."""
    text = (text or "").strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not text or re.fullmatch(r"-?\d+(\.\d+)?", text):
        return text
    for locale in dict.fromkeys((babel_locale(translation.get_language()), "en")):
        try:
            return str(parse_decimal(text.replace(" ", ""), locale=locale, strict=True))
        except NumberFormatError:
            continue
    return text


def data_to_form(data: dict) -> dict:
    """Values for re-display, in the template's terms."""
    ec = data.get("end_customer") or {}
    channel = list(data.get("channel") or [])
    lines = list(data.get("lines") or [])
    channel += [{}] * max(0, CHANNEL_ROWS - len(channel))
    lines += [{}] * max(0, LINE_ROWS - len(lines))
    return {
        **data,
        "ec": ec,
        "channel_rows": channel,
        "line_rows": lines,
        "value": data.get("value") or {},
    }


def errors_for_form(errors: dict) -> dict:
    """Map API error paths (e.g. "channel[1].country") onto form names ("channel-1-country")."""
    out = {}
    for path, message in errors.items():
        name = path
        name = re.sub(r"^end_customer\.", "ec_", name)
        name = re.sub(
            r"^(channel|lines)\[(\d+)\]\.?",
            lambda m: f"{'line' if m.group(1) == 'lines' else 'channel'}-{m.group(2)}-",
            name,
        )
        name = name.replace("value.", "value_").rstrip("-")
        out[name] = _in_form_words(name, str(message))
    return out


# What a row of the form is called, for messages that name the field.
_ROW_KINDS = {"channel": "Channel partner", "line": "Product"}
FIELD_LABELS = {
    "title": "Title",
    "external_id": "CRM id",
    "value_amount": "Value",
    "value_currency": "Currency",
    "expected_close_date": "Expected close date",
    "ec_name": "End customer's name",
    "ec_country": "End customer's country",
    "ec_type": "End-user type",
    "ec_sector": "Sector",
    "delivery_country": "Country of delivery",
    "channel": "Channel path",
    "lines": "Products",
    "intended_use": "Intended use",
    "use_description": "Describe the use",
    "customization": "Custom development",
    "red_flags": "Red flags",
    "end_use_statement": "End-use statement",
    "non_field_errors": "The deal",
    "name": "Name",
    "role": "Role",
    "country": "Country",
    "sku": "Catalogue product",
    "quantity": "Quantity",
    "capabilities": "Capabilities",
}
# A list left empty, said as a person would ask for it.
AT_LEAST_ONE = {
    "lines": MESSAGES["product_required"],
    "intended_use": MESSAGES["intended_use_required"],
}
# Framework messages in the words of the form.
_PLAIN = [
    (re.compile(r"^Ensure this field has at least 1 elements?\.$"), "Add at least one."),
    (
        re.compile(r"^(This field is required|This field may not be (blank|null))\.$"),
        MESSAGES["required"],
    ),
    (re.compile(r"^A valid (number|integer) is required\.$"), MESSAGES["number_in_form"]),
    (re.compile(rf"^{re.escape(MESSAGES['number'])}$"), MESSAGES["number_in_form"]),
    (
        re.compile(r"^Ensure that there are no more than (\d+) digits in total\.$"),
        "That number is too long.",
    ),
    (re.compile(r"^Date has wrong format.*"), MESSAGES["date"]),
]


def _in_form_words(name: str, message: str) -> str:
    for pattern, plain in _PLAIN:
        if pattern.match(message):
            if plain == "Add at least one." and name in AT_LEAST_ONE:
                return AT_LEAST_ONE[name]
            if plain == "Add at least one." and name in FIELD_LABELS:
                return f"Add at least one: {FIELD_LABELS[name].lower()}."
            return plain
    return message


def field_label(name: str) -> str:
    """A form field's name as the form labels it: "ec_country" -> "End customer's country",
    "line-1-quantity" -> "Product 2: quantity"."""
    match = re.fullmatch(r"(channel|line)-(\d+)(?:-(\w+))?", name)
    if match:
        kind, i, field = match.groups()
        row = f"{_ROW_KINDS[kind]} {int(i) + 1}"
        return f"{row}: {FIELD_LABELS.get(field, field).lower()}" if field else row
    return FIELD_LABELS.get(name) or name.replace("_", " ").capitalize()
