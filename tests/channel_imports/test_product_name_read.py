"""A bulk row's product name, written by the partner, is read for red flags as the same name
on a line registered through the API is (``lines.names``).

Found by a hostile review: a row with no SKU whose product name was "Tracker to locate the
phones of protesters" came out low and cleared, with no deal made, where the same words as a
line's name through the API landed high.
"""

from __future__ import annotations

import pytest

from channel_imports.models import ImportLine
from channel_imports.services import import_accept

from .conftest import csv_upload, drain, row

pytestmark = pytest.mark.django_db

NAME = "Tracker to locate the phones of protesters"


def test_a_red_flag_in_a_rows_product_name_is_read_as_in_a_registered_lines(
    upload_as, api, partner_a, catalogue
):
    rows = [
        row(partner_reference="N-1", sku="", product_name=NAME, capabilities="networking"),
        row(
            partner_reference="N-2", sku="", product_name="Campus switch", capabilities="networking"
        ),
    ]
    r, imp = upload_as(partner_a, csv_upload(rows))
    assert r.status_code == 201, r.json()
    imp = drain(imp)
    import_accept(actor=partner_a, channel_import=imp)
    imp = drain(imp)
    flagged = ImportLine.objects.get(channel_import=imp, row_key="r:N-1")
    plain = ImportLine.objects.get(channel_import=imp, row_key="r:N-2")
    codes = {f["code"] for f in flagged.findings}
    assert {"TXT-TARGETING-DISSENT", "TXT-TRACKING"} <= codes
    assert flagged.tier in {"high", "critical"}
    assert flagged.opportunity is not None  # flagged lines become deals for review
    assert plain.tier == "low" and not {
        c for c in (f["code"] for f in plain.findings) if c.startswith("TXT")
    }
    # The deal the line became reads the same as the line did.
    screening = flagged.opportunity.current_screening
    assert {"TXT-TARGETING-DISSENT", "TXT-TRACKING"} <= {f["code"] for f in screening.findings}
