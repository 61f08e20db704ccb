"""The rules of a deal's input, once: the API serializer (and the web form, which posts
through it) and a channel file's row check all call these functions, so they accept the
same values and refuse the rest in the same words, the form's.

Pure functions over plain values: no database. The catalogue a product line is checked
against is looked up by the caller, once for a whole deal, batch or file, and passed in.
Each check returns `(clean value, None)` or `(None, message)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from django.utils import timezone

from taxonomy import END_USE_STATEMENTS, INTERMEDIARY_ROLES, PRODUCT_CAPABILITIES
from taxonomy.countries import country_codes, currency_codes

MAX_VALUE = Decimal("100000000000")  # 100 billion: anything above is a typing error
MAX_QUANTITY = 10_000_000
MAX_CHANNEL = 10
MAX_LINES = 200
MIN_DATE = dt.date(2000, 1, 1)
DATE_WINDOW = dt.timedelta(days=3650)
CENTS = Decimal("0.01")
TRUE_WORDS = {"yes", "y", "true", "1", "x"}
FALSE_WORDS = {"no", "n", "false", "0", ""}

# Every message a deal's input can be refused with. `{max_length}` is filled in by the
# serializer's length check as well as by the file rows', hence its name.
MESSAGES: dict[str, str] = {
    "required": "Please fill this in.",
    "too_long": "Use at most {max_length} characters.",
    "too_many_codes": "Choose at most {max_length}.",
    "country": '"{value}" is not an ISO 3166-1 alpha-2 country code (e.g. "EG", "DE").',
    "currency": '"{value}" is not an ISO 4217 currency code.',
    "code": '"{value}" is not a known {kind} code. Use one of: {allowed}.',
    "channel_role": " The vendor and the end customer are not channel entries.",
    "intended_use_required": (
        "Choose at least one intended use (or “unspecified” if you do not know)."
    ),
    "product_required": "Choose at least one product.",
    "whole_number": "Enter a whole number, such as 1200.",
    "quantity_below": f"Must be between 1 and {MAX_QUANTITY:,} (greater than or equal to 1).",
    "quantity_above": f"Must be between 1 and {MAX_QUANTITY:,}.",
    "number": "Enter a number, such as 250000.",
    # The form reads thousands separators (the API and files do not), so it says so.
    "number_in_form": "Enter a number, such as 250,000 or 250000.",
    "amount_range": f"Must be between 0 and {MAX_VALUE:,}.",
    "decimals": "At most two decimal places.",
    "date": "Enter a date, such as 2026-12-31.",
    "date_window": "The date must be within ten years.",
    "end_use_statement": '"{value}" is not one of: {allowed}.',
    "yes_no": 'Use "yes" or "no".',
    "sku_unknown": 'No active catalogue product has SKU "{value}".',
    "catalogue_capabilities": (
        "Capabilities of a catalogue product come from the catalogue; leave them out."
    ),
    "product_needed": (
        "Give a catalogue SKU, or a product name and capabilities for another vendor's product."
    ),
    "capabilities_needed": "A product outside the catalogue needs its declared capabilities.",
    "partner_channel": (
        "A deal registered by a partner must name its channel: at least your own organisation."
    ),
    "reseller_required": "Please fill this in: the reseller that sold to the end customer.",
}

Checked = tuple[Any, str | None]


class CatalogueProduct(Protocol):
    name: str
    capabilities: list[str]


def _shown(value: Any) -> str:
    """A refused value as quoted back in a message (a pasted novel is cut short)."""
    text = "" if value is None else str(value).strip()
    return text if len(text) <= 60 else text[:57] + "..."


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def too_long(text: str, limit: int) -> str | None:
    return MESSAGES["too_long"].format(max_length=limit) if len(text) > limit else None


def country(value: Any) -> Checked:
    """An ISO 3166-1 alpha-2 code, in any case."""
    code = "" if value is None else str(value).strip().upper()
    if not code:
        return None, MESSAGES["required"]
    if code not in country_codes():
        return None, MESSAGES["country"].format(value=_shown(value))
    return code, None


def currency(value: Any) -> Checked:
    code = "" if value is None else str(value).strip().upper()
    if not code:
        return None, MESSAGES["required"]
    if code not in currency_codes():
        return None, MESSAGES["currency"].format(value=_shown(value))
    return code, None


def unknown_code(kind: str, value: Any, vocabulary: Iterable[str]) -> str:
    allowed = ", ".join(sorted(vocabulary))
    return MESSAGES["code"].format(value=_shown(value), kind=kind, allowed=allowed)


def code(kind: str, value: Any, vocabulary: Mapping[str, Any]) -> Checked:
    """One taxonomy code (end-user type, channel role...)."""
    if _blank(value):
        return None, MESSAGES["required"]
    if value not in vocabulary:
        return None, unknown_code(kind, value, vocabulary)
    return value, None


def channel_role(value: Any) -> Checked:
    role, problem = code("channel role", value, INTERMEDIARY_ROLES)
    if problem and not _blank(value):
        problem += MESSAGES["channel_role"]
    return role, problem


def codes(
    kind: str, values: Iterable[str], vocabulary: Mapping[str, Any], *, required: str = ""
) -> Checked:
    """A list of taxonomy codes: order kept, repeats dropped; the first unknown one named.
    `required` is the message when the list may not be empty."""
    values = list(dict.fromkeys(values))
    unknown = [value for value in values if value not in vocabulary]
    if unknown:
        return None, unknown_code(kind, unknown[0], vocabulary)
    if required and not values:
        return None, required
    return values, None


def quantity(value: Any) -> Checked:
    """A whole number of units, 1 to MAX_QUANTITY ("12", 12 and "12.0" alike)."""
    if _blank(value):
        return None, MESSAGES["required"]
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        number = Decimal(str(value).strip())
        if not number.is_finite() or number != number.to_integral_value():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        return None, MESSAGES["whole_number"]
    if number < 1:
        return None, MESSAGES["quantity_below"]
    if number > MAX_QUANTITY:
        return None, MESSAGES["quantity_above"]
    return int(number), None


def amount(value: Any) -> Checked:
    """A deal's value: 0 to MAX_VALUE, at most two decimal places, a dot for decimals."""
    if _blank(value):
        return None, MESSAGES["required"]
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        number = Decimal(str(value).strip())
        if not number.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        return None, MESSAGES["number"]
    if number < 0 or number > MAX_VALUE:
        return None, MESSAGES["amount_range"]
    if number != number.quantize(CENTS):
        return None, MESSAGES["decimals"]
    # abs(): a zero typed with a sign ("-0") is stored as 0.00; without it the registration
    # answered -0.00 and the deal read back 0.00.
    return abs(number.quantize(CENTS)), None


def date_in_window(value: dt.date, *, today: dt.date | None = None) -> Checked:
    """A sale or close date: from 2000 to ten years ahead (beyond is a typing error)."""
    if not MIN_DATE <= value <= (today or timezone.localdate()) + DATE_WINDOW:
        return None, MESSAGES["date_window"]
    return value, None


def date_text(value: Any, *, today: dt.date | None = None) -> Checked:
    """A date written as YYYY-MM-DD (a time after it is ignored), or a date itself."""
    if isinstance(value, dt.datetime):
        value = value.date()
    elif not isinstance(value, dt.date):
        text = str(value).strip()
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            try:
                value = dt.datetime.fromisoformat(text).date()
            except ValueError:
                return None, MESSAGES["date"]
    return date_in_window(value, today=today)


def end_use_statement(value: Any) -> Checked:
    # Checked as text first: a list or an object sent as the statement is refused, not
    # looked up (a look-up of an unhashable value raised, and the client got a 500).
    if not isinstance(value, str) or value not in END_USE_STATEMENTS:
        allowed = ", ".join(END_USE_STATEMENTS)
        return None, MESSAGES["end_use_statement"].format(value=_shown(value), allowed=allowed)
    return value, None


def yes_no(text: str) -> Checked:
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True, None
    if word in FALSE_WORDS:
        return False, None
    return None, MESSAGES["yes_no"]


def product_line(
    *, sku: str, name: str, capabilities: list[str], catalogue: Mapping[str, CatalogueProduct]
) -> tuple[dict, dict[str, str]]:
    """A product line against the catalogue: a catalogue SKU brings its name and
    capabilities (a rep cannot under-declare them); a product outside the catalogue needs
    a name and its declared capabilities. Returns (the line's product, name and
    capabilities; {field: message}), with field one of "sku" or "capabilities"."""
    if sku:
        product = catalogue.get(sku)
        if product is None:
            return {}, {"sku": MESSAGES["sku_unknown"].format(value=_shown(sku))}
        if capabilities and set(capabilities) != set(product.capabilities):
            return {}, {"capabilities": MESSAGES["catalogue_capabilities"]}
        return {
            "product": product,
            "name": name or product.name,
            "capabilities": list(product.capabilities),
        }, {}
    if not name:
        return {}, {"sku": MESSAGES["product_needed"]}
    if not capabilities:
        return {}, {"capabilities": MESSAGES["capabilities_needed"]}
    return {"product": None, "name": name, "capabilities": list(capabilities)}, {}


def declared_capabilities(values: Iterable[str]) -> Checked:
    return codes("product capability", values, PRODUCT_CAPABILITIES)


def skus_in(items: Iterable[Any]) -> set[str]:
    """The SKUs named in API-shaped deals, read as leniently as the input may be shaped,
    so their products are looked up in one go before any deal is checked."""
    skus: set[str] = set()
    for data in items:
        lines = data.get("lines") if isinstance(data, dict) else None
        for line in lines if isinstance(lines, list) else ():
            sku = line.get("sku") if isinstance(line, dict) else None
            if isinstance(sku, str) and sku.strip():
                skus.add(sku.strip())
    return skus
