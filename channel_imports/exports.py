"""Files we hand out: screening results, validation reports and the template, as CSV or
XLSX. Every text cell is neutralised so a spreadsheet never runs partner-supplied text
as a formula (CSV/formula injection): a cell starting with =, +, -, @, tab or CR gets a
leading apostrophe."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from rules.presentation import sees_everything
from taxonomy import (
    END_USE_STATEMENTS,
    END_USER_TYPES,
    INTENDED_USES,
    PRODUCT_CAPABILITIES,
    RED_FLAGS,
)

from .policies import sees_import_counts
from .presenters import findings_for_viewer, line_status_label
from .rows import COLUMN_HELP, COLUMNS

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

RESULT_COLUMNS = (
    "line",
    *COLUMNS,
    "status",
    "tier",
    "score",
    "severity",
    "likelihood",
    "finding_codes",
    "finding_explanations",
    "deal_reference",
    "promotion_error",
)
REPORT_COLUMNS = ("line", "column", "value", "reason")
# Header rows in words for people; `?headers=codes` keeps the column codes for programs
# (and for a results file fed back into an import).
HEADER_WORDS = {
    "line": "Line",
    "partner_reference": "Partner reference",
    "end_customer_name": "End customer",
    "end_customer_country": "End customer's country",
    "end_user_type": "End-user type",
    "sector": "Sector",
    "delivery_country": "Country of delivery",
    "sku": "Catalogue product (SKU)",
    "product_name": "Product name",
    "capabilities": "Capabilities",
    "quantity": "Quantity",
    "intended_use": "Intended use",
    "value_amount": "Value",
    "currency": "Currency",
    "sale_date": "Sale date",
    "reseller_name": "Reseller",
    "reseller_country": "Reseller's country",
    "red_flags": "Red flags",
    "customization": "Custom development",
    "end_use_statement": "End-use statement",
    "status": "Status",
    "tier": "Tier",
    "score": "Score",
    "severity": "Severity",
    "likelihood": "Likelihood",
    "finding_codes": "Criteria that fired",
    "finding_explanations": "Why they fired",
    "deal_reference": "Deal",
    "promotion_error": "Why no deal was registered",
    "column": "Column",
    "value": "Value",
    "reason": "Problem",
}


def header(columns: Iterable[str], codes: bool = False) -> list[str]:
    """A header row: the columns' names in words, or their codes when asked for."""
    return list(columns) if codes else [HEADER_WORDS[c] for c in columns]


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would read as a formula, made inert; numbers untouched."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        value = ";".join(str(v) for v in value)
    elif isinstance(value, bool):
        value = "yes" if value else "no"
    elif value is None:
        value = ""
    return neutralise(value)


def result_rows(lines: Iterable[dict], viewer, *, codes: bool = False) -> Iterator[list]:
    """Export rows (header first, in words unless `codes`) from `selectors.import_lines_iter`,
    as `viewer` may see them (`presenters`: partners and reps get the shown tier, findings
    and status)."""
    full = sees_everything(viewer)
    counts = sees_import_counts(viewer)
    p = "" if full else "shown_"
    yield header(RESULT_COLUMNS, codes)
    for line in lines:
        d = line["data"]
        findings = findings_for_viewer(line["findings"], viewer)
        status = line_status_label(
            viewer,
            screened=line["status"] == "screened",
            tier=line["tier"],
            shown_tier=line["shown_tier"],
            deal_status=line["opportunity__status"],
            deal_shown_tier=line["opportunity__current_screening__shown_tier"] or "",
        )
        yield [
            _cell(v)
            for v in (
                line["line_no"],
                *(d.get(c) for c in COLUMNS),
                status,
                line[f"{p}tier"],
                line[f"{p}score"],
                line[f"{p}severity"],
                line[f"{p}likelihood"],
                [f["code"] for f in findings],
                " | ".join(f"{f['code']}: {f['explanation']}" for f in findings),
                line["opportunity__reference"] or "",
                line["promotion_error"] if counts else "",
            )
        ]


def report_rows(issues: Iterable, *, codes: bool = False) -> Iterator[list]:
    yield header(REPORT_COLUMNS, codes)
    for i in issues:
        yield [i.line, _cell(i.column), _cell(i.value), _cell(i.reason)]


def template_rows() -> Iterator[list]:
    yield list(COLUMNS)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_stream(rows: Iterable[list]) -> Iterator[str]:
    """CSV text, row by row, for a StreamingHttpResponse (UTF-8 BOM so Excel reads it)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow(row)


def row_accounting_rows(imp, rows: dict) -> list[list]:
    """Where every row of the file went, for the export's "Rows" sheet."""
    return [
        ["File", _cell(imp.original_name)],
        *([["Sheet", _cell(imp.sheet)]] if imp.sheet else []),
        ["Rows in the file", rows["in_file"]],
        ["Imported", rows["imported"]],
        ["Already imported (skipped)", rows["duplicates"]],
        ["Invalid (left out)", rows["invalid"]],
        ["All rows accounted for", "yes" if rows["accounted_for"] else "no"],
    ]


def xlsx_file(
    rows: Iterable[list],
    *,
    title: str,
    codes_sheet: bool = False,
    extra_sheets: dict[str, list[list]] | None = None,
) -> tempfile.SpooledTemporaryFile:
    """An XLSX written as a stream (openpyxl write-only) to a temporary file."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title[:31])
    for row in rows:
        ws.append(row)
    for name, sheet_rows in (extra_sheets or {}).items():
        extra = wb.create_sheet(name[:31])
        for row in sheet_rows:
            extra.append(row)
    if codes_sheet:
        help_ws = wb.create_sheet("Columns and codes")
        help_ws.append(["column", "meaning"])
        for col in COLUMNS:
            help_ws.append([col, COLUMN_HELP.get(col, "")])
        help_ws.append([])
        help_ws.append(["list", "code", "name"])
        for label, vocab in (
            ("end_user_type", END_USER_TYPES),
            ("intended_use", INTENDED_USES),
            ("capabilities", PRODUCT_CAPABILITIES),
            ("red_flags", RED_FLAGS),
        ):
            for term in vocab.values():
                help_ws.append([label, term.code, term.name])
        for code, name in END_USE_STATEMENTS.items():
            help_ws.append(["end_use_statement", code, name])
    out = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    wb.save(out)
    out.seek(0)
    return out
