"""The expected columns of a channel file and the plain-Python check of one row.

The rules and their messages are `opportunities.input_rules`, the ones the API's
serializer and the deal form use: the same taxonomy codes, country and currency codes,
quantity and amount limits, date window and catalogue rules. Rows call them directly
rather than through a DRF serializer per row (~50 times slower, which matters at a
million rows); a flagged row is validated once more by the serializer when it is
promoted to a deal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

from django.utils import timezone

from opportunities import input_rules as rules
from taxonomy import END_USER_TYPES, INTENDED_USES, PRODUCT_CAPABILITIES, RED_FLAGS
from taxonomy.visible import name_as_read

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
    named = {
        h: header_key(h) if header_key(h) in COLUMNS else SYNONYMS.get(header_key(h))
        for h in present
    }
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
    """Checks rows with the deal input rules (`opportunities.input_rules`) against a
    catalogue looked up once for the file.

    `catalogue` maps each active SKU to its product (anything with `name` and
    `capabilities`). `validate` returns (normalised row, []) or (None, [issues]); a row
    is never half-valid.
    """

    def __init__(
        self, catalogue: Mapping[str, rules.CatalogueProduct], *, today: dt.date | None = None
    ):
        self.catalogue = catalogue
        self.today = today or timezone.localdate()

    def validate(self, raw: Mapping[str, Any]) -> tuple[dict | None, list[Issue]]:
        """The row's parties, product, figures and declarations, each checked in turn;
        every problem of the row is reported, not only the first."""
        check = _RowCheck(raw)
        row = {
            "partner_reference": check.text["partner_reference"],
            "sector": check.text["sector"],
            "sku": check.text["sku"],
            **self._parties(check),
            **self._uses(check),
            **self._product(check),
            **self._figures(check),
            **self._declarations(check),
        }
        if check.issues:
            return None, check.issues
        return row, []

    @staticmethod
    def _parties(check: _RowCheck) -> dict[str, Any]:
        """End customer, delivery country and reseller."""
        t = check.text
        end_customer_country = check.rule("end_customer_country", rules.country) or ""
        # the end customer's country when left empty
        delivery_country = t["delivery_country"] and check.rule("delivery_country", rules.country)
        row = {
            "end_customer_name": name_as_read(t["end_customer_name"]),
            "end_customer_country": end_customer_country,
            "delivery_country": delivery_country or end_customer_country,
            "reseller_country": check.rule("reseller_country", rules.country) or "",
            "reseller_name": name_as_read(t["reseller_name"]),
        }
        if not row["reseller_name"]:
            check.bad("reseller_name", rules.MESSAGES["reseller_required"])
        row["end_user_type"] = t["end_user_type"].lower()
        check.rule(
            "end_user_type", lambda v: rules.code("end-user type", v.lower(), END_USER_TYPES)
        )
        return row

    @staticmethod
    def _uses(check: _RowCheck) -> dict[str, Any]:
        """Intended use and the red flags the partner declared."""
        intended_use = check.codes(
            "intended_use",
            "intended use",
            INTENDED_USES,
            required=rules.MESSAGES["intended_use_required"],
        )
        red_flags = check.codes("red_flags", "red flag", RED_FLAGS)
        return {
            "intended_use": _codes(check.text["intended_use"])
            if intended_use is None
            else intended_use,
            "red_flags": _codes(check.text["red_flags"]) if red_flags is None else red_flags,
        }

    def _product(self, check: _RowCheck) -> dict[str, Any]:
        """The catalogue product of `sku`, or another vendor's product named and declared."""
        t = check.text
        name = name_as_read(t["product_name"])
        declared = check.codes("capabilities", "product capability", PRODUCT_CAPABILITIES)
        reported = declared is None  # an unknown capability code, already reported
        if reported:
            declared = _codes(t["capabilities"])
        line, problems = rules.product_line(
            sku=t["sku"], name=name, capabilities=declared, catalogue=self.catalogue
        )
        for field, message in problems.items():
            if not (reported and field == "capabilities"):
                check.bad(field, message)
        return {
            "product_name": line.get("name", name),
            "capabilities": line.get("capabilities", declared),
        }

    def _figures(self, check: _RowCheck) -> dict[str, Any]:
        """Quantity, value, currency and the date of the sale."""
        quantity = check.rule("quantity", rules.quantity)
        amount = check.rule("value_amount", rules.amount)
        currency = check.rule("currency", rules.currency)
        sale_date = check.text["sale_date"] and check.rule(
            "sale_date", lambda _: rules.date_text(check.raw.get("sale_date"), today=self.today)
        )
        return {
            "quantity": quantity,
            "value_amount": None if amount is None else str(amount),
            "currency": currency or check.text["currency"].upper(),
            "sale_date": sale_date.isoformat() if sale_date else "",
        }

    @staticmethod
    def _declarations(check: _RowCheck) -> dict[str, Any]:
        """Custom development and the end-use statement."""
        statement = check.text["end_use_statement"].lower() or "none"
        return {
            "customization": check.rule("customization", rules.yes_no),
            "end_use_statement": check.rule(
                "end_use_statement", lambda _: rules.end_use_statement(statement)
            )
            or statement,
        }


class _RowCheck:
    """One row's cells as text and the issues found in it so far."""

    def __init__(self, raw: Mapping[str, Any]):
        self.raw = raw
        self.text = {col: _text(raw.get(col)) for col in COLUMNS}
        self.issues: list[Issue] = []
        for col, limit in MAX_LENGTHS.items():
            if len(self.text[col]) > limit:
                self.bad(col, rules.too_long(self.text[col], limit))

    def bad(self, col: str, reason: str) -> None:
        self.issues.append((col, self.text[col][:200], reason))

    def rule(self, col: str, rule: Callable[[str], rules.Checked]) -> Any:
        """The column's clean value by `rule`, or None with the rule's message reported."""
        value, problem = rule(self.text[col])
        if problem:
            self.bad(col, problem)
        return value

    def codes(self, col: str, kind: str, vocabulary, *, required: str = "") -> list[str] | None:
        """The column's codes (separated by ';'), or None with the first unknown reported."""
        values, problem = rules.codes(kind, _codes(self.text[col]), vocabulary, required=required)
        if problem:
            self.bad(col, problem)
        return values


def row_key(row: Mapping[str, Any]) -> str:
    """The line's identity within its organisation: the partner's reference when given,
    else a hash of the normalised row (so the same line sent twice is one line)."""
    if row["partner_reference"]:
        return "r:" + row["partner_reference"]
    payload = json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "h:" + hashlib.sha256(payload.encode()).hexdigest()
