"""Property: whatever a generated file holds (valid rows, invalid rows, rows sent before or
twice, quotes left open), rows in the file = imported + duplicates + invalid."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from channel_imports.rows import COLUMNS
from channel_imports.services import import_accept, import_map, import_upload

from .conftest import LOW, drain, row

pytestmark = pytest.mark.django_db

kinds = st.sampled_from(["valid", "valid", "valid", "invalid", "stray_quote"])
references = st.sampled_from([f"PROP-{i}" for i in range(12)])  # few: duplicates happen


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=st.lists(st.tuples(kinds, references), min_size=1, max_size=12), crlf=st.booleans())
def test_every_row_is_imported_skipped_as_a_duplicate_or_reported(rows, crlf, partner_a, catalogue):
    lines = [",".join(COLUMNS)]
    for kind, ref in rows:
        r = row(LOW, partner_reference=ref)
        if kind == "invalid":
            r["quantity"] = "-1"
        if kind == "stray_quote":
            r["end_customer_name"] = '"' + r["end_customer_name"]
        lines.append(",".join(r[c] for c in COLUMNS))
    newline = "\r\n" if crlf else "\n"
    upload = SimpleUploadedFile("pos.csv", (newline.join(lines) + newline).encode())
    imp = import_upload(actor=partner_a, organisation=partner_a.organisation, uploaded_file=upload)
    import_map(actor=partner_a, channel_import=imp, mapping={c: c for c in COLUMNS})
    imp = drain(imp)
    assert imp.total_rows == len(rows)
    assert imp.invalid_rows == sum(kind != "valid" for kind, _ in rows)
    assert imp.valid_rows + imp.invalid_rows == imp.total_rows
    if imp.valid_rows:
        import_accept(actor=partner_a, channel_import=imp)
        imp = drain(imp)
        assert imp.status == "completed"
    assert imp.lines_total + imp.duplicate_rows + imp.invalid_rows == len(rows)
