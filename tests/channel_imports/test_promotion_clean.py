"""Promotion builds a line's clean deal data directly from the input rules, without the
API's serializer; what it builds is exactly what the API's validator returns for the same
input, and whatever the validator refuses, it leaves to the validator."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from django.utils import timezone

from channel_imports.models import ImportLine
from channel_imports.promotion import opportunity_data
from opportunities.selectors import products_active_by_sku
from opportunities.validation import opportunity_clean_direct, opportunity_validate

from .conftest import FLAGGED, LOW, csv_upload, drain, row
from .test_pipeline import _accept

pytestmark = pytest.mark.django_db


def _both(data, partner):
    catalogue = products_active_by_sku({li.get("sku", "") for li in data["lines"]} - {""})
    direct = opportunity_clean_direct(data, catalogue=catalogue, submitter=partner)
    return direct, opportunity_validate(data, submitter=partner, direct=False)


def _lines(upload_as, partner, rows):
    _, imp = upload_as(partner, csv_upload(rows))
    imp = _accept(drain(imp), partner)
    lines = list(ImportLine.objects.filter(channel_import=imp).order_by("line_no"))
    assert len(lines) == len(rows)
    return imp, lines


def test_a_line_built_directly_is_what_the_api_validator_returns(upload_as, partner_a, catalogue):
    later = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    rows = [
        row(FLAGGED),
        row(LOW, partner_reference="P-2", sale_date=later, red_flags="unusual_payment"),
        row(
            LOW,
            partner_reference="P-3",
            sku="",
            product_name="  Other   vendor probe ",
            capabilities="deep_packet_inspection;networking",
            end_customer_name="",
            delivery_country="",
            customization="yes",
        ),
        row(FLAGGED, partner_reference="P-4", reseller_name="Cairo   Systems ", sector=""),
    ]
    imp, lines = _lines(upload_as, partner_a, rows)
    names = {sku: p.name for sku, p in catalogue.items()}
    for line in lines:
        data = opportunity_data(imp, line, names)
        direct, (clean, errors) = _both(data, partner_a)
        assert errors == {}
        assert direct is not None, line.data  # the fast path is the one taken
        assert direct == clean


def _variants(base: dict):
    """Input the validator refuses or reads its own way, one change at a time."""
    yield "title blank", {**base, "title": "   "}
    yield "title too long", {**base, "title": "x" * 201}
    yield "title padded", {**base, "title": "  A deal  "}
    yield "title not text", {**base, "title": 12}
    yield "NUL in a name", {**base, "title": "a\x00b"}
    yield "unknown country", {**base, "end_customer": {**base["end_customer"], "country": "XX"}}
    yield "lower-case country", {**base, "delivery_country": "eg"}
    yield "no delivery country", {k: v for k, v in base.items() if k != "delivery_country"}
    yield "unknown type", {**base, "end_customer": {**base["end_customer"], "type": "spy"}}
    yield "withdrawn SKU", {**base, "lines": [{"sku": "NO-SUCH", "quantity": 1}]}
    yield (
        "catalogue capabilities given",
        {**base, "lines": [{"sku": "DPI-9000", "capabilities": ["networking"], "quantity": 1}]},
    )
    yield "free line without capabilities", {**base, "lines": [{"name": "Box", "quantity": 1}]}
    yield "no lines", {**base, "lines": []}
    yield "quantity zero", {**base, "lines": [{"sku": "DPI-9000", "quantity": 0}]}
    yield "quantity as text", {**base, "lines": [{"sku": "DPI-9000", "quantity": "3"}]}
    yield "no intended use", {**base, "intended_use": []}
    yield "repeated use", {**base, "intended_use": ["network_operations", "network_operations"]}
    yield "unknown red flag", {**base, "red_flags": ["nope"]}
    yield "amount with cents", {**base, "value": {"amount": "10.5", "currency": "usd"}}
    yield "amount too precise", {**base, "value": {"amount": "10.555", "currency": "USD"}}
    yield "amount negative", {**base, "value": {"amount": "-1", "currency": "USD"}}
    yield "close date far away", {**base, "expected_close_date": "2099-01-01"}
    yield "close date not a date", {**base, "expected_close_date": "soon"}
    yield "customization as text", {**base, "customization": "yes"}
    yield "bad statement", {**base, "end_use_statement": "maybe"}
    yield "no channel", {**base, "channel": []}
    yield (
        "bad channel role",
        {**base, "channel": [{"name": "X", "role": "vendor", "country": "EG"}]},
    )
    yield "external id too long", {**base, "external_id": "x" * 101}
    yield "provenance is not input", {**base, "provenance": "typed by a client"}


def test_whatever_the_validator_refuses_or_reads_otherwise_is_left_to_it(
    upload_as, partner_a, catalogue
):
    imp, lines = _lines(upload_as, partner_a, [row(FLAGGED), row(LOW)])
    base = opportunity_data(imp, lines[0], {})
    for name, data in _variants(copy.deepcopy(base)):
        direct, (clean, errors) = _both(data, partner_a)
        if errors:
            assert direct is None, name
        else:
            assert direct is None or direct == clean, name
            assert direct is None or "provenance" not in direct, name
