"""Bad files: every row of the file is accounted for, and a row that cannot be read says
where and why (issue: unclosed quotes, mixed encodings, several sheets)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from channel_imports.models import ChannelImport
from channel_imports.services import import_accept

from .conftest import csv_bytes, drain, row

pytestmark = pytest.mark.django_db


def _rows(n: int) -> list[dict]:
    return [row(partner_reference=f"POS-{i}") for i in range(1, n + 1)]


def _with_line_replaced(content: bytes, line: int, text: str) -> bytes:
    lines = content.decode().split("\r\n")
    lines[line - 1] = text
    return "\r\n".join(lines).encode()


def test_an_unclosed_quote_in_row_5001_of_10000_loses_no_other_row(upload_as, partner_a, catalogue):
    content = csv_bytes(_rows(10_000))
    # data row 5,001 is line 5,002 (the header is line 1): its customer's quote never closes
    broken = csv_bytes([row(partner_reference="POS-5001")]).decode().split("\r\n")[1]
    broken = broken.replace("Fjord Logistics AS", '"Fjord Logistics AS')
    content = _with_line_replaced(content, 5002, broken)
    r, imp = upload_as(partner_a, SimpleUploadedFile("pos.csv", content))
    assert r.status_code == 201, r.json()
    imp = drain(imp)
    assert imp.status == "validated", imp.message
    assert (imp.total_rows, imp.valid_rows, imp.invalid_rows) == (10_000, 9_999, 1)
    issue = imp.issues.get()
    assert issue.line == 5002
    assert "quote" in issue.reason and "never closed" in issue.reason


def test_every_row_is_accounted_for_on_the_page_in_the_api_and_in_the_export(
    api, upload_as, partner_a, catalogue
):
    first = csv_bytes(_rows(3))
    _, imp = upload_as(partner_a, SimpleUploadedFile("first.csv", first))
    import_accept(actor=partner_a, channel_import=drain(imp))
    drain(imp)
    # 3 rows imported before, 2 new, 1 twice in this file, 1 with an unclosed quote,
    # 1 invalid: 8 rows in the file
    rows = _rows(5) + [
        row(partner_reference="POS-5"),
        row(partner_reference="POS-Q"),
        row(partner_reference="POS-BAD", quantity="-1"),
    ]
    content = csv_bytes(rows)
    quoted = content.decode().split("\r\n")[7].replace("Fjord", '"Fjord', 1)
    content = _with_line_replaced(content, 8, quoted)
    _, imp = upload_as(partner_a, SimpleUploadedFile("second.csv", content))
    imp = drain(imp)
    assert (imp.total_rows, imp.valid_rows, imp.invalid_rows) == (8, 6, 2)
    import_accept(actor=partner_a, channel_import=imp)
    imp = drain(imp)
    assert imp.status == "completed"
    assert (imp.lines_total, imp.duplicate_rows, imp.invalid_rows) == (2, 4, 2)

    body = api.as_user(partner_a).get(f"/api/v1/imports/{imp.pk}/").json()
    assert body["rows"] == {
        "in_file": 8,
        "valid": 6,
        "imported": 2,
        "duplicates": 4,
        "invalid": 2,
        "accounted_for": True,
    }

    page = api.as_user(partner_a)
    page.force_login(partner_a)
    html = page.get(f"/imports/{imp.pk}/").content.decode()
    assert "8 rows in the file: 2 imported, 4 already imported (skipped), 2 invalid" in html

    import io

    from openpyxl import load_workbook

    xlsx = page.get(f"/imports/{imp.pk}/results.xlsx")
    wb = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)), read_only=True)
    summary = {r[0]: r[1] for r in wb["Rows"].iter_rows(values_only=True) if r and r[0]}
    assert (
        summary["Rows in the file"],
        summary["Imported"],
        summary["Already imported (skipped)"],
        summary["Invalid (left out)"],
    ) == (8, 2, 4, 2)


def test_a_utf8_file_with_windows_1252_bytes_names_the_line_offset_and_byte(
    upload_as, partner_a, catalogue
):
    text = csv_bytes(_rows(3)).decode()
    lines = text.split("\r\n")
    content = b"\xef\xbb\xbf" + "\r\n".join(lines[:2]).encode() + b"\r\n"
    offset = len(content) + lines[2].index("Fjord")
    content += lines[2].replace("Fjord", "Soci\x00").encode().replace(b"\x00", b"\xe9")
    content += b"\r\n" + "\r\n".join(lines[3:]).encode()
    r, imp = upload_as(partner_a, SimpleUploadedFile("pos.csv", content))
    assert r.status_code == 201, r.json()
    imp = drain(imp)
    assert (imp.total_rows, imp.valid_rows, imp.invalid_rows) == (3, 2, 1)
    issue = imp.issues.get()
    assert issue.line == 3
    assert "Line 3" in issue.reason and "0xE9" in issue.reason
    assert f"byte offset {offset + 4:,}" in issue.reason


def test_reading_files_leaves_the_process_wide_csv_field_limit_alone():
    """Importing the readers (in a fresh process) changes no csv setting of the process."""
    code = (
        "import csv, django; default = csv.field_size_limit(); django.setup(); "
        "import restricted_parties.importers, channel_imports.services; "
        "print(default, csv.field_size_limit())"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hrdd.settings"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=settings.BASE_DIR,
    )
    default, after = out.stdout.split()
    assert after == default


def test_an_unclosed_quote_in_the_last_row_is_reported(upload_as, partner_a, catalogue):
    content = csv_bytes(_rows(2)).decode().rstrip("\r\n")
    content = content[: content.rindex("\r\n") + 2] + '"' + content[content.rindex("\r\n") + 2 :]
    _, imp = upload_as(partner_a, SimpleUploadedFile("pos.csv", content.encode()))
    imp = drain(imp)
    assert (imp.total_rows, imp.valid_rows, imp.invalid_rows) == (2, 1, 1)
    assert imp.issues.get().line == 3
    assert ChannelImport.objects.count() == 1
