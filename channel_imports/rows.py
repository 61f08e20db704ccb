"""The expected columns of a channel file and the plain-Python check of one row.

The vocabulary and the rules are those of `opportunities.validation` (the API's one
validator): the same taxonomy codes, country and currency codes, quantity and amount
limits, date window and catalogue rules. A DRF serializer per row is ~50 times slower,
which matters at a million rows, so rows are checked here with set look-ups instead; a
flagged row is validated once more by the serializer when it is promoted to a deal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone

from opportunities.validation import MAX_QUANTITY, MAX_VALUE
from taxonomy import (
    END_USE_STATEMENTS,
    END_USER_TYPES,
    INTENDED_USES,
    PRODUCT_CAPABILITIES,
    RED_FLAGS,
)
from taxonomy.countries import country_codes, currency_codes

COLUMNS: tuple[str, ...] = (
    "partner_reference",
    "end_customer_name",
    "end_customer_country",
    "end_user_type",
    "sector",
    "delivery_country",
    "sku",
    "product_name",
    "capabilities",
    "quantity",
    "intended_use",
    "value_amount",
    "currency",
    "sale_date",
    "reseller_name",
    "reseller_country",
    "red_flags",
    "customization",
    "end_use_statement",
)

# Columns a file must map; a product needs `sku`, or `product_name` with `capabilities`.
REQUIRED: tuple[str, ...] = (
    "end_customer_country",
    "end_user_type",
    "quantity",
    "intended_use",
    "value_amount",
    "currency",
    "reseller_name",
    "reseller_country",
)

COLUMN_HELP: dict[str, str] = {
    "partner_reference": "Your unique id of the line (invoice or registration number). Re-sending it never duplicates the line.",
    "end_customer_name": "Who uses the product.",
    "end_customer_country": "ISO 3166-1 alpha-2, e.g. EG, DE.",
    "end_user_type": "End-user type code, e.g. private_enterprise, police, state_telecom.",
    "sector": "Free text, e.g. logistics.",
    "delivery_country": "ISO code; the end customer's country when empty.",
    "sku": "Catalogue SKU; leave empty for another vendor's product.",
    "product_name": "Needed when there is no SKU.",
    "capabilities": "Capability codes separated by ';' (only for products outside the catalogue).",
    "quantity": "Whole number, at least 1.",
    "intended_use": "Intended-use codes separated by ';', e.g. enterprise_it.",
    "value_amount": "Number with a dot for decimals, no thousands separators.",
    "currency": "ISO 4217, e.g. USD, EUR.",
    "sale_date": "YYYY-MM-DD.",
    "reseller_name": "The reseller that sold to the end customer.",
    "reseller_country": "ISO code of the reseller.",
    "red_flags": "Red-flag codes separated by ';' (optional).",
    "customization": "yes or no.",
    "end_use_statement": "signed, requested, refused or none.",
}

# Header spellings seen in partners' files, beyond the column names themselves.
SYNONYMS: dict[str, str] = {
    "reference": "partner_reference",
    "ref": "partner_reference",
    "invoice": "partner_reference",
    "invoice_number": "partner_reference",
    "customer": "end_customer_name",
    "customer_name": "end_customer_name",
    "end_customer": "end_customer_name",
    "customer_country": "end_customer_country",
    "end_user": "end_user_type",
    "customer_type": "end_user_type",
    "ship_to_country": "delivery_country",
    "product": "product_name",
    "qty": "quantity",
    "amount": "value_amount",
    "value": "value_amount",
    "date": "sale_date",
    "reseller": "reseller_name",
}

MAX_LENGTHS = {
    "partner_reference": 60,
    "end_customer_name": 200,
    "sector": 120,
    "sku": 60,
    "product_name": 200,
    "reseller_name": 200,
    "end_use_statement": 10,
}
MIN_DATE = dt.date(2000, 1, 1)
CENTS = Decimal("0.01")
TRUE_WORDS = {"yes", "y", "true", "1", "x"}
FALSE_WORDS = {"no", "n", "false", "0", ""}

Issue = tuple[str, str, str]  # (column, value, reason)


def header_key(header: Any) -> str:
    """A header as a comparable key: "End customer-Country " -> "end_customer_country"."""
    text = "" if header is None else str(header)
    return "_".join(text.strip().lower().replace("-", " ").replace("/", " ").split())


def mapping_suggest(
    headers: list[str], remembered: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Expected column -> file header: the partner's remembered mapping where its headers
    are in this file, then headers named like the columns (or a known synonym)."""
    present = [h for h in headers if h]
    out: dict[str, str] = {}
    for col, header in (remembered or {}).items():
        if col in COLUMNS and header in present:
            out[col] = header
    used = set(out.values())
    for header in present:
        if header in used:
            continue
        key = header_key(header)
        col = key if key in COLUMNS else SYNONYMS.get(key)
        if col and col not in out:
            out[col] = header
            used.add(header)
    return out


def headers_all_named(headers: list[str], mapping: Mapping[str, str]) -> bool:
    """Does every header of the file name an expected column (or a known synonym), each
    once, and does `mapping` use them all, completely? Then there is nothing to map."""
    present = [h for h in headers if h]
    if not present or len(set(present)) != len(present):
        return False
    named = {h: header_key(h) if header_key(h) in COLUMNS else SYNONYMS.get(header_key(h))
             for h in present}  # fmt: skip
    return (
        all(named.values())
        and all(mapping.get(col) == h for h, col in named.items())
        and not mapping_problems(mapping, headers)
    )


def mapping_problems(mapping: Mapping[str, str], headers: list[str]) -> dict[str, str]:
    """Why a mapping cannot be used, by expected column; empty when it can."""
    problems: dict[str, str] = {}
    for col, header in mapping.items():
        if col not in COLUMNS:
            problems[col] = "Not an expected column."
        elif header not in headers:
            problems[col] = f'The file has no column "{header}".'
    for col in REQUIRED:
        if not mapping.get(col):
            problems.setdefault(col, "Required: choose the file's column for it.")
    if not mapping.get("sku") and not mapping.get("product_name"):
        problems.setdefault("sku", "Map sku, or product_name with capabilities.")
    return problems


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return (
            value.date().isoformat()
            if not (value.hour or value.minute or value.second)
            else value.isoformat()
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _codes(text: str) -> list[str]:
    return list(
        dict.fromkeys(c.strip().lower() for c in text.replace(",", ";").split(";") if c.strip())
    )


class RowValidator:
    """Checks rows against the vocabulary and a catalogue loaded once.

    `catalogue` maps each active SKU to (product name, capabilities). `validate` returns
    (normalised row, []) or (None, [issues]); a row is never half-valid.
    """

    def __init__(
        self, catalogue: Mapping[str, tuple[str, list[str]]], *, today: dt.date | None = None
    ):
        self.catalogue = catalogue
        self.countries = country_codes()
        self.currencies = currency_codes()
        self.max_date = (today or timezone.localdate()) + dt.timedelta(days=3650)

    def validate(self, raw: Mapping[str, Any]) -> tuple[dict | None, list[Issue]]:
        issues: list[Issue] = []
        t = {col: _text(raw.get(col)) for col in COLUMNS}

        def bad(col: str, reason: str) -> None:
            issues.append((col, t[col][:200], reason))

        for col, limit in MAX_LENGTHS.items():
            if len(t[col]) > limit:
                bad(col, f"Longer than {limit} characters.")
        row: dict[str, Any] = {
            "partner_reference": t["partner_reference"],
            "end_customer_name": " ".join(t["end_customer_name"].split()),
            "sector": t["sector"],
            "sku": t["sku"],
            "product_name": " ".join(t["product_name"].split()),
            "reseller_name": " ".join(t["reseller_name"].split()),
        }
        for col in ("end_customer_country", "delivery_country", "reseller_country"):
            value = t[col].upper()
            if not value and col == "delivery_country":
                value = ""
            elif value not in self.countries:
                bad(
                    col,
                    f'"{t[col]}" is not an ISO 3166-1 alpha-2 country code (e.g. "EG", "DE").'
                    if t[col]
                    else "Required.",
                )
            row[col] = value
        row["delivery_country"] = row["delivery_country"] or row["end_customer_country"]
        if not row["reseller_name"]:
            bad("reseller_name", "Required: the reseller that sold to the end customer.")

        eut = t["end_user_type"].lower()
        if eut not in END_USER_TYPES:
            bad("end_user_type", _code_reason("end-user type", t["end_user_type"], END_USER_TYPES))
        row["end_user_type"] = eut

        row["intended_use"] = self._code_list(
            "intended_use", t, INTENDED_USES, "intended use", issues
        )
        if not row["intended_use"] and not any(i[0] == "intended_use" for i in issues):
            bad(
                "intended_use",
                "Required: at least one intended-use code (use unspecified if unknown).",
            )
        row["red_flags"] = self._code_list("red_flags", t, RED_FLAGS, "red flag", issues)
        declared = self._code_list(
            "capabilities", t, PRODUCT_CAPABILITIES, "product capability", issues
        )

        if t["sku"]:
            product = self.catalogue.get(t["sku"])
            if product is None:
                bad("sku", f'No active catalogue product has SKU "{t["sku"]}".')
                row["capabilities"] = declared
            else:
                if declared and set(declared) != set(product[1]):
                    bad(
                        "capabilities",
                        "Capabilities of a catalogue product come from the catalogue; leave them out.",
                    )
                row["product_name"] = row["product_name"] or product[0]
                row["capabilities"] = list(product[1])
        else:
            if not row["product_name"]:
                bad(
                    "sku",
                    "Give a catalogue SKU, or a product_name and capabilities for another vendor's product.",
                )
            elif not declared and t["capabilities"] == "":
                bad(
                    "capabilities",
                    "A product outside the catalogue needs its declared capabilities.",
                )
            row["capabilities"] = declared

        row["quantity"] = self._quantity(t["quantity"], bad)
        row["value_amount"] = self._amount(t["value_amount"], bad)
        currency = t["currency"].upper()
        if currency not in self.currencies:
            bad(
                "currency",
                f'"{t["currency"]}" is not an ISO 4217 currency code.'
                if t["currency"]
                else "Required.",
            )
        row["currency"] = currency
        row["sale_date"] = self._date(raw.get("sale_date"), t["sale_date"], bad)

        flag = t["customization"].lower()
        if flag in TRUE_WORDS:
            row["customization"] = True
        elif flag in FALSE_WORDS:
            row["customization"] = False
        else:
            bad("customization", 'Use "yes" or "no".')
        eus = t["end_use_statement"].lower() or "none"
        if eus not in END_USE_STATEMENTS:
            bad(
                "end_use_statement",
                f'"{t["end_use_statement"]}" is not one of: {", ".join(END_USE_STATEMENTS)}.',
            )
        row["end_use_statement"] = eus
        if issues:
            return None, issues
        return row, []

    @staticmethod
    def _code_list(col, t, vocabulary, kind, issues) -> list[str]:
        codes = _codes(t[col])
        unknown = [c for c in codes if c not in vocabulary]
        if unknown:
            issues.append((col, t[col][:200], _code_reason(kind, unknown[0], vocabulary)))
        return codes

    @staticmethod
    def _quantity(text: str, bad) -> int | None:
        if not text:
            bad("quantity", "Required.")
            return None
        try:
            number = Decimal(text)
            if number != number.to_integral_value():
                raise InvalidOperation
            quantity = int(number)
        except (InvalidOperation, ValueError):
            bad("quantity", "Not a whole number.")
            return None
        if not 1 <= quantity <= MAX_QUANTITY:
            bad("quantity", f"Must be between 1 and {MAX_QUANTITY:,}.")
            return None
        return quantity

    @staticmethod
    def _amount(text: str, bad) -> str | None:
        if not text:
            bad("value_amount", "Required.")
            return None
        try:
            amount = Decimal(text)
            if not amount.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            bad("value_amount", "Not a number: use a dot for decimals and no thousands separators.")
            return None
        if amount < 0 or amount > MAX_VALUE:
            bad("value_amount", f"Must be between 0 and {MAX_VALUE:,}.")
            return None
        if amount != amount.quantize(CENTS):
            bad("value_amount", "At most two decimal places.")
            return None
        return str(amount.quantize(CENTS))

    def _date(self, raw: Any, text: str, bad) -> str:
        if not text:
            return ""
        if isinstance(raw, dt.datetime):
            value = raw.date()
        elif isinstance(raw, dt.date):
            value = raw
        else:
            try:
                value = dt.date.fromisoformat(text)
            except ValueError:
                try:
                    value = dt.datetime.fromisoformat(text).date()
                except ValueError:
                    bad("sale_date", "Not a date: use YYYY-MM-DD.")
                    return ""
        if not MIN_DATE <= value <= self.max_date:
            bad("sale_date", "The date must be within ten years.")
            return ""
        return value.isoformat()


def _code_reason(kind: str, code: str, allowed: Iterable[str]) -> str:
    if not code:
        return f"Required: a {kind} code."
    return f'"{code}" is not a known {kind} code. Use one of: {", ".join(sorted(allowed))}.'


def row_key(row: Mapping[str, Any]) -> str:
    """The line's identity within its organisation: the partner's reference when given,
    else a hash of the normalised row (so the same line sent twice is one line)."""
    if row["partner_reference"]:
        return "r:" + row["partner_reference"]
    payload = json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "h:" + hashlib.sha256(payload.encode()).hexdigest()
