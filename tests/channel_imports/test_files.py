"""Uploads that are not what they claim are refused with a message that says why."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from channel_imports.models import ChannelImport, ImportLine

from .conftest import FLAGGED, LOW, csv_bytes, drain, row, xlsx_bytes

pytestmark = pytest.mark.django_db


def _refused(upload_as, user, name, content):
    r, imp = upload_as(user, SimpleUploadedFile(name, content))
    assert imp is None and not ChannelImport.objects.exists()
    assert r.status_code in (400, 413), r.status_code
    return r.json()["detail"]


def test_a_binary_file_named_csv_is_refused(upload_as, partner_a):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert "not a CSV file: it contains binary data" in _refused(
        upload_as, partner_a, "pos.csv", png
    )


def test_an_xlsx_renamed_to_csv_is_refused(upload_as, partner_a, catalogue):
    detail = _refused(upload_as, partner_a, "pos.csv", xlsx_bytes([LOW]))
    assert "binary data" in detail


def test_undecodable_text_is_refused(upload_as, partner_a):
    # Bytes that are neither UTF-8 nor Windows-1252 text (0x81 is undefined in cp1252).
    content = b"partner_reference,end_customer_name\n\x81\x8d\x8f\x90\x9d,abc\n"
    assert "not readable text" in _refused(upload_as, partner_a, "pos.csv", content)


def test_a_file_that_is_not_a_zip_named_xlsx_is_refused(upload_as, partner_a, catalogue):
    detail = _refused(upload_as, partner_a, "pos.xlsx", csv_bytes([LOW]))
    assert detail.startswith("This is not an XLSX file (it is not a zip archive).")


def test_a_zip_that_is_not_a_workbook_is_refused(upload_as, partner_a):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "not an Excel workbook" in _refused(upload_as, partner_a, "pos.xlsx", buf.getvalue())


def test_a_zip_bomb_named_xlsx_is_refused_before_openpyxl_opens_it(upload_as, partner_a):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as entry:  # 50 MB of zeros, streamed
            block = b"\0" * (1024 * 1024)
            for _ in range(50):
                entry.write(block)
    content = buf.getvalue()
    assert len(content) < 200_000
    detail = _refused(upload_as, partner_a, "pos.xlsx", content)
    assert "xl/worksheets/sheet1.xml expands" in detail and "zip bomb" in detail


def test_a_zip_declaring_a_huge_total_size_is_refused(upload_as, partner_a, settings):
    settings.CHANNEL_IMPORT_MAX_UNCOMPRESSED_BYTES = 10 * 1024 * 1024
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"<x/>" * (3 * 1024 * 1024))  # 12 MB stored
    detail = _refused(upload_as, partner_a, "pos.xlsx", buf.getvalue())
    assert "would expand to 12.0 MB; the limit is 10.0 MB" in detail


def test_an_old_xls_or_other_file_type_is_refused(upload_as, partner_a):
    assert ".xls) are not supported" in _refused(
        upload_as, partner_a, "pos.xls", b"\xd0\xcf\x11\xe0"
    )
    assert "Upload a .csv or .xlsx file." == _refused(upload_as, partner_a, "pos.pdf", b"%PDF-1.4")


def test_xlsx_formulas_are_read_as_text_never_evaluated(upload_as, partner_a, catalogue):
    rows = [
        row(
            partner_reference="F-1",
            end_customer_name="=1+1",
            sector='=HYPERLINK("http://x.test","y")',
        )
    ]
    r, imp = upload_as(partner_a, SimpleUploadedFile("pos.xlsx", xlsx_bytes(rows)))
    imp = drain(imp)
    assert imp.valid_rows == 1
    from channel_imports.services import import_accept

    import_accept(actor=partner_a, channel_import=imp)
    drain(imp)
    line = ImportLine.objects.get()
    assert line.data["end_customer_name"] == "=1+1"
    assert line.data["sector"].startswith("=HYPERLINK(")


def test_windows_1252_and_semicolon_separated_csv_are_read(upload_as, partner_a, catalogue):
    content = (
        csv_bytes([row(end_customer_name="Société Générale Câbles")], delimiter=";")
        .decode()
        .encode("cp1252")
    )
    r, imp = upload_as(partner_a, SimpleUploadedFile("pos.csv", content))
    assert r.status_code == 201, r.json()
    imp = drain(imp)
    assert imp.encoding == "cp1252" and imp.valid_rows == 1
    from channel_imports.services import import_accept

    import_accept(actor=partner_a, channel_import=imp)
    drain(imp)
    assert ImportLine.objects.get().data["end_customer_name"] == "Société Générale Câbles"


def test_a_file_with_only_a_header_is_rejected(upload_as, partner_a, catalogue):
    r, imp = upload_as(partner_a, SimpleUploadedFile("pos.csv", csv_bytes([])))
    imp = drain(imp)
    assert imp.status == "rejected" and imp.message == "The file has a header row but no lines."


def test_blank_lines_are_skipped_and_line_numbers_match_the_spreadsheet(
    upload_as, partner_a, catalogue
):
    text = csv_bytes([row(), row(FLAGGED, quantity="-1")]).decode()
    head, first, second = text.strip("\r\n").split("\r\n")
    content = "\r\n".join([head, first, ",,,", "", second]).encode()
    _, imp = upload_as(partner_a, SimpleUploadedFile("pos.csv", content))
    imp = drain(imp)
    assert (imp.total_rows, imp.invalid_rows) == (2, 1)
    assert imp.issues.get().line == 5


def test_tabs_backslashes_and_newlines_in_cells_survive_the_import(upload_as, partner_a, catalogue):
    from channel_imports.services import import_accept

    rows = [row(partner_reference="R\\1\tb", sector="a\\b\tc\nd \\n")]
    _, imp = upload_as(partner_a, SimpleUploadedFile("pos.csv", csv_bytes(rows)))
    import_accept(actor=partner_a, channel_import=drain(imp))
    assert drain(imp).status == "completed"
    line = ImportLine.objects.get()
    assert line.row_key == "r:R\\1\tb"
    assert line.data["sector"] == "a\\b\tc\nd \\n"
