"""A bulk row says what it is for in its columns: a product named in the row and the
customer's sector are read together, as a deal's title and description are, so a red
flag written half in each column raises the line's tier and is quoted with both columns."""

from __future__ import annotations

import pytest

from channel_imports.models import ImportLine

from .conftest import csv_upload, drain, row
from .test_pipeline import _accept

pytestmark = pytest.mark.django_db


def _line(upload_as, partner_a, **overrides) -> ImportLine:
    _, imp = upload_as(partner_a, csv_upload([row(**overrides)]))
    _accept(drain(imp), partner_a)
    return ImportLine.objects.get(channel_import=imp)


def test_a_flag_split_between_the_product_and_sector_columns_is_read(
    upload_as, partner_a, catalogue
):
    line = _line(
        upload_as,
        partner_a,
        sku="",
        product_name="Location platform",
        capabilities="networking",
        sector="protest movements",
    )
    assert line.tier in {"high", "critical", "prohibited"}
    codes = {f["code"] for f in line.findings}
    assert "TXT-TRACKING" in codes
    # The partner's own words, with the two columns they were read from, in plain words.
    tracking = next(f["explanation"] for f in line.findings if f["code"] == "TXT-TRACKING")
    assert (
        "Product line and end customer's sector, read together (English): "
        "“Location platform” + “protest”"
    ) in tracking


def test_the_same_columns_with_an_ordinary_sector_stay_clear(upload_as, partner_a, catalogue):
    line = _line(
        upload_as,
        partner_a,
        sku="",
        product_name="Location platform",
        capabilities="networking",
        sector="logistics",
    )
    assert not any(f["code"].startswith("TXT-") for f in line.findings)
