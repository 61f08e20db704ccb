"""Exports of screening results and templates; partner text never runs as a formula."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from channel_imports.exports import neutralise
from channel_imports.rows import COLUMNS
from channel_imports.services import import_accept

from .conftest import FLAGGED, csv_upload, drain, row

pytestmark = pytest.mark.django_db

NASTY = {
    "end_customer_name": "=cmd|' /C calc'!A0",
    "sector": "+SUM(1,2)",
    "product_name": "-2+3",
    "partner_reference": "@REF-1",
}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        (12, 12),
        ("", ""),
    ],
)
def test_neutralise_prefixes_an_apostrophe_to_formula_like_text(value, expected):
    assert neutralise(value) == expected


@pytest.fixture
def completed(upload_as, partner_a, catalogue):
    rows = [
        row(
            partner_reference="@REF-1",
            end_customer_name=NASTY["end_customer_name"],
            sector=NASTY["sector"],
        ),
        row(FLAGGED, sku="", product_name="-2+3", capabilities="deep_packet_inspection"),
    ]
    _, imp = upload_as(partner_a, csv_upload(rows))
    import_accept(actor=partner_a, channel_import=drain(imp))
    imp = drain(imp)
    assert imp.status == "completed"
    return imp


def test_the_csv_export_has_findings_per_line_and_no_live_formulas(client, partner_a, completed):
    client.force_login(partner_a)
    r = client.get(f"/imports/{completed.pk}/results.csv?headers=codes")
    assert r["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(r.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 2
    first, flagged = rows
    assert first["end_customer_name"] == "'=cmd|' /C calc'!A0"
    assert first["sector"] == "'+SUM(1,2)" and first["partner_reference"] == "'@REF-1"
    assert flagged["product_name"] == "'-2+3"
    assert flagged["tier"] in {"high", "critical"}
    assert "CAP-DPI" in flagged["finding_codes"].split(";")
    assert "CAP-DPI: " in flagged["finding_explanations"]
    assert flagged["deal_reference"].startswith("D-")
    for r_ in rows:
        for value in r_.values():
            assert not (value or "").startswith(("=", "+", "-", "@", "\t", "\r"))


def test_the_xlsx_export_writes_text_cells_not_formulas(client, partner_a, completed):
    client.force_login(partner_a)
    r = client.get(f"/imports/{completed.pk}/results.xlsx?headers=codes")
    wb = load_workbook(io.BytesIO(b"".join(r.streaming_content)))
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[: len(COLUMNS) + 1] == ["line", *COLUMNS]
    cells = [c for line in ws.iter_rows(min_row=2) for c in line]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    by_name = dict(zip(header, [c.value for c in ws[2]], strict=False))
    assert by_name["end_customer_name"] == "'=cmd|' /C calc'!A0"
    flagged = dict(zip(header, [c.value for c in ws[3]], strict=False))
    assert "CAP-DPI" in flagged["finding_codes"]


def test_the_api_exports_the_same_results(api, partner_a, completed):
    r = api.as_user(partner_a).get(f"/api/v1/imports/{completed.pk}/results.csv")
    assert r.status_code == 200
    assert "'=cmd|" in b"".join(r.streaming_content).decode("utf-8-sig")


def test_templates_list_the_expected_columns(client, partner_a):
    client.force_login(partner_a)
    text = b"".join(client.get("/imports/template.csv").streaming_content).decode("utf-8-sig")
    assert text.strip() == ",".join(COLUMNS)
    r = client.get("/imports/template.xlsx")
    wb = load_workbook(io.BytesIO(b"".join(r.streaming_content)))
    assert [c.value for c in wb["Lines"][1]] == list(COLUMNS)
    codes = [(r_[0], r_[1]) for r_ in wb["Columns and codes"].iter_rows(values_only=True)]
    assert ("end_user_type", "state_telecom") in codes


def test_people_read_the_header_in_words_programs_get_codes(client, api, partner_a, completed):
    client.force_login(partner_a)
    r = client.get(f"/imports/{completed.pk}/results.csv")
    header = next(csv.reader(io.StringIO(b"".join(r.streaming_content).decode("utf-8-sig"))))
    assert header[:4] == ["Line", "Partner reference", "End customer", "End customer's country"]
    assert "Criteria that fired" in header and not [h for h in header if "_" in h]
    wb = load_workbook(
        io.BytesIO(b"".join(client.get(f"/imports/{completed.pk}/results.xlsx").streaming_content))
    )
    assert [c.value for c in wb.active[1]][:2] == ["Line", "Partner reference"]
    # the API keeps the codes, stable for programs
    r = api.as_user(partner_a).get(f"/api/v1/imports/{completed.pk}/results.csv")
    text = b"".join(r.streaming_content).decode("utf-8-sig")
    assert text.startswith(",".join(["line", *COLUMNS]))
