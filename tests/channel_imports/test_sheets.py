"""A workbook of several sheets is never read at a guess: the API asks for `sheet`, the
pages ask the user, and the import records (and shows) which sheet it read."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from channel_imports.models import ChannelImport
from channel_imports.rows import COLUMNS

from .conftest import FLAGGED, LOW, drain, row

pytestmark = pytest.mark.django_db


def _workbook(sheets: dict[str, list[dict]]) -> SimpleUploadedFile:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        ws.append(list(COLUMNS))
        for r in rows:
            ws.append([r.get(c, "") or None for c in COLUMNS])
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("pos.xlsx", buf.getvalue())


def _two_sheets() -> SimpleUploadedFile:
    return _workbook(
        {
            "Q1": [row(partner_reference="Q1-1")],
            "Q2": [row(partner_reference=f"Q2-{i}") for i in range(3)] + [row(FLAGGED)],
        }
    )


def test_the_api_refuses_a_workbook_of_several_sheets_without_a_sheet_naming_them(
    upload_as, partner_a, catalogue
):
    r, imp = upload_as(partner_a, _two_sheets())
    assert r.status_code == 400
    assert '"Q1", "Q2"' in r.json()["detail"] and "sheet" in r.json()["errors"]
    assert imp is None and not ChannelImport.objects.exists()


def test_the_api_reads_the_sheet_it_is_given_and_says_so(upload_as, api, partner_a, catalogue):
    r, imp = upload_as(partner_a, _two_sheets(), sheet="Q2")
    assert r.status_code == 201, r.json()
    assert (r.json()["sheet"], r.json()["sheets"]) == ("Q2", ["Q1", "Q2"])
    imp = drain(imp)
    assert (imp.sheet, imp.total_rows, imp.valid_rows) == ("Q2", 4, 4)


def test_a_sheet_the_workbook_does_not_have_is_refused(upload_as, partner_a, catalogue):
    r, _ = upload_as(partner_a, _two_sheets(), sheet="Q3")
    assert r.status_code == 400 and '"Q1", "Q2"' in r.json()["detail"]


def test_a_single_sheet_workbook_records_the_sheet_it_read(upload_as, partner_a, catalogue):
    r, imp = upload_as(partner_a, _workbook({"POS report": [LOW]}))
    assert r.status_code == 201, r.json()
    assert drain(imp).sheet == "POS report" and imp.valid_rows == 1


def test_the_pages_ask_which_sheet_then_map_and_validate_it(client, partner_a, catalogue):
    client.force_login(partner_a)
    r = client.post("/imports/upload/", {"file": _two_sheets()})
    imp = ChannelImport.objects.get()
    assert r.status_code == 302 and imp.needs_sheet and imp.headers == []
    page = client.get(f"/imports/{imp.pk}/mapping/").content.decode()
    assert 'id="sheet-choice"' in page and 'id="mapping"' not in page
    assert "This workbook has 2 sheets" in page
    # mapping before choosing a sheet is refused
    assert (
        client.post(f"/imports/{imp.pk}/mapping/", {"map-quantity": "quantity"}).status_code == 400
    )
    client.post(f"/imports/{imp.pk}/mapping/", {"sheet": "Q2"})
    imp.refresh_from_db()
    assert imp.sheet == "Q2" and imp.headers == list(COLUMNS)
    page = client.get(f"/imports/{imp.pk}/mapping/").content.decode()
    assert 'id="mapping"' in page and "Reading sheet “Q2” of 2" in page
    client.post(f"/imports/{imp.pk}/mapping/", {f"map-{c}": c for c in COLUMNS})
    imp = drain(imp)
    assert (imp.status, imp.total_rows) == ("validated", 4)
    assert "sheet “Q2” (of 2)" in client.get(f"/imports/{imp.pk}/").content.decode()


def test_the_api_can_choose_the_sheet_of_a_workbook_uploaded_from_the_pages(
    client, api, partner_a, catalogue
):
    client.force_login(partner_a)
    client.post("/imports/upload/", {"file": _two_sheets()})
    imp = ChannelImport.objects.get()
    url = f"/api/v1/imports/{imp.pk}/mapping/"
    mapping = {c: c for c in COLUMNS}
    r = api.as_user(partner_a).post(url, {"mapping": mapping}, format="json")
    assert r.status_code == 400 and "sheet" in r.json()["errors"]
    r = api.as_user(partner_a).post(url, {"mapping": mapping, "sheet": "Q1"}, format="json")
    assert r.status_code == 200, r.json()
    assert (drain(imp).sheet, imp.total_rows) == ("Q1", 1)
