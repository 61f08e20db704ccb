"""A deal's input rules are one set: the form, the API and a channel file's rows refuse
the same bad input in the same words, and products are looked up once per batch."""

from __future__ import annotations

import datetime as dt
import html

import pytest

from channel_imports.rows import RowValidator
from channel_imports.services import catalogue_active
from opportunities.validation import opportunity_validate, opportunity_validate_many
from tests.factories import ProductFactory, deal_body

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Campus refresh",
    "ec_name": "Fjord Logistics AS",
    "ec_country": "NO",
    "ec_type": "private_enterprise",
    "line-0-sku": "NET-4400",
    "line-0-quantity": "12",
    "intended_use": "enterprise_it",
    "value_amount": "250000",
    "value_currency": "USD",
    "end_use_statement": "none",
}
ROW = {
    "partner_reference": "POS-1",
    "end_customer_name": "Fjord Logistics AS",
    "end_customer_country": "NO",
    "end_user_type": "private_enterprise",
    "sector": "logistics",
    "delivery_country": "NO",
    "sku": "NET-4400",
    "product_name": "",
    "capabilities": "",
    "quantity": "10",
    "intended_use": "enterprise_it",
    "value_amount": "12000.00",
    "currency": "EUR",
    "sale_date": "2026-01-15",
    "reseller_name": "Nordic Resale AB",
    "reseller_country": "SE",
    "red_flags": "",
    "customization": "no",
    "end_use_statement": "signed",
}

# The same bad input as each path takes it: (form fields, API change, API error path,
# row change, row column).
CASES = {
    "quantity below one": (
        {"line-0-quantity": "0"},
        {"lines": [{"sku": "NET-4400", "quantity": 0}]},
        "lines[0].quantity",
        {"quantity": "0"},
        "quantity",
    ),
    "quantity too large": (
        {"line-0-quantity": "20000000"},
        {"lines": [{"sku": "NET-4400", "quantity": 20_000_000}]},
        "lines[0].quantity",
        {"quantity": "20000000"},
        "quantity",
    ),
    "quantity not whole": (
        {"line-0-quantity": "2.5"},
        {"lines": [{"sku": "NET-4400", "quantity": "2.5"}]},
        "lines[0].quantity",
        {"quantity": "2.5"},
        "quantity",
    ),
    "three decimals": (
        {"value_amount": "100.125"},
        {"value": {"amount": "100.125", "currency": "EUR"}},
        "value.amount",
        {"value_amount": "100.125"},
        "value_amount",
    ),
    "negative amount": (
        {"value_amount": "-5"},
        {"value": {"amount": "-5", "currency": "EUR"}},
        "value.amount",
        {"value_amount": "-5"},
        "value_amount",
    ),
    "unknown currency in lower case": (
        {"value_currency": "xxq"},
        {"value": {"amount": "100", "currency": "xxq"}},
        "value.currency",
        {"currency": "xxq"},
        "currency",
    ),
    "unknown end-use statement": (
        {"end_use_statement": "maybe"},
        {"end_use_statement": "maybe"},
        "end_use_statement",
        {"end_use_statement": "maybe"},
        "end_use_statement",
    ),
    "no intended use": (
        {"intended_use": []},
        {"intended_use": []},
        "intended_use",
        {"intended_use": ""},
        "intended_use",
    ),
    "unknown end-user type": (
        {"ec_type": "spies"},
        {"end_customer": {"name": "X", "country": "NO", "type": "spies"}},
        "end_customer.type",
        {"end_user_type": "spies"},
        "end_user_type",
    ),
    "no end-user type": (
        {"ec_type": ""},
        {"end_customer": {"name": "X", "country": "NO", "type": ""}},
        "end_customer.type",
        {"end_user_type": ""},
        "end_user_type",
    ),
    "no end customer country": (
        {"ec_country": ""},
        {"end_customer": {"name": "X", "country": "", "type": "police"}},
        "end_customer.country",
        {"end_customer_country": "", "delivery_country": "NO"},
        "end_customer_country",
    ),
    "unknown country": (
        {"ec_country": "ZZ"},
        {"end_customer": {"name": "X", "country": "ZZ", "type": "police"}},
        "end_customer.country",
        {"end_customer_country": "ZZ"},
        "end_customer_country",
    ),
    "unknown sku": (
        {"line-0-sku": "NOPE-1"},
        {"lines": [{"sku": "NOPE-1", "quantity": 1}]},
        "lines[0].sku",
        {"sku": "NOPE-1"},
        "sku",
    ),
    "catalogue product with other capabilities": (
        {"line-0-sku": "NET-4400"},  # the form sends no capabilities for a catalogue line
        {"lines": [{"sku": "NET-4400", "capabilities": ["general_compute"], "quantity": 1}]},
        "lines[0].capabilities",
        {"sku": "NET-4400", "capabilities": "general_compute"},
        "capabilities",
    ),
    "other vendor's product without capabilities": (
        {"line-0-sku": "", "line-0-name": "Mystery box"},
        {"lines": [{"name": "Mystery box", "quantity": 1}]},
        "lines[0].capabilities",
        {"sku": "", "product_name": "Mystery box"},
        "capabilities",
    ),
}


def _row_message(catalogue, change: dict, column: str) -> str:
    _row, issues = RowValidator(catalogue).validate({**ROW, **change})
    reasons = [reason for col, _value, reason in issues if col == column]
    assert reasons, issues
    return reasons[0]


@pytest.mark.parametrize("case", list(CASES))
def test_the_form_the_api_and_a_file_row_refuse_bad_input_in_the_same_words(
    case, client, api, sales_rep, catalogue
):
    form_change, api_change, path, row_change, column = CASES[case]
    r = api.as_user(sales_rep).post(
        "/api/v1/opportunities/", deal_body(**api_change), format="json"
    )
    assert r.status_code == 400, r.content
    api_message = r.json()["errors"][path]
    row_message = _row_message(catalogue_active(), row_change, column)
    assert api_message == row_message

    if case == "catalogue product with other capabilities":
        return  # the form offers no capabilities for a catalogue line
    client.force_login(sales_rep)
    page = client.post("/deals/new/", {**FORM, **form_change}).content.decode()
    assert html.escape(api_message) in page, (api_message, page[:3000])


def test_the_same_words_are_in_the_form_s_own_terms():
    """Blank and missing values are asked for as the form asks, in every path."""
    clean, errors = opportunity_validate(
        deal_body(end_customer={"name": "X", "country": "", "type": ""}, intended_use=[])
    )
    assert clean is None
    assert errors["end_customer.country"] == "Please fill this in."
    assert errors["end_customer.type"] == "Please fill this in."
    row_issues = RowValidator({}).validate({**ROW, "end_customer_country": "", "intended_use": ""})[
        1
    ]
    by_column = {col: reason for col, _v, reason in row_issues}
    assert by_column["end_customer_country"] == "Please fill this in."
    assert by_column["intended_use"] == errors["intended_use"]


def test_a_deal_of_many_catalogue_lines_looks_its_products_up_in_one_query(
    catalogue, django_assert_max_num_queries
):
    skus = [f"BULK-{i}" for i in range(30)]
    for sku in skus:
        ProductFactory(sku=sku, name=sku, capabilities=["networking"])
    body = deal_body(lines=[{"sku": sku, "quantity": 1} for sku in skus])
    opportunity_validate(body)  # the process's copy of the catalogue is loaded
    with django_assert_max_num_queries(1):
        clean, errors = opportunity_validate(body)
    assert errors == {}
    assert [line["product"].sku for line in clean["lines"]] == skus


def test_a_batch_of_deals_looks_its_products_up_in_one_query(
    catalogue, django_assert_max_num_queries
):
    items = [
        deal_body(lines=[{"sku": sku, "quantity": 1}, {"sku": "NOPE-9", "quantity": 1}])
        for sku in ["NET-4400", "DPI-9000", "SRV-100", "FACE-1"] * 10
    ]
    opportunity_validate_many(items[:1])
    with django_assert_max_num_queries(1):
        results = opportunity_validate_many(items)
    assert [errors for _clean, errors in results] == [
        {"lines[1].sku": 'No active catalogue product has SKU "NOPE-9".'}
    ] * 40


def test_a_file_s_rows_look_products_up_in_one_query_not_one_per_row(
    catalogue, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        validator = RowValidator(catalogue_active())
        results = [
            validator.validate({**ROW, "partner_reference": f"P-{i}", "sku": sku})
            for i, sku in enumerate(["NET-4400", "DPI-9000", "SRV-100", "NOPE-2"] * 25)
        ]
    assert sum(1 for row, _issues in results if row is None) == 25
    assert results[1][0]["capabilities"] == ["deep_packet_inspection"]


def test_the_sale_date_and_the_close_date_share_the_ten_year_window():
    far = (dt.date.today() + dt.timedelta(days=3660)).isoformat()
    _clean, errors = opportunity_validate(deal_body(expected_close_date=far))
    row_issues = RowValidator({}).validate({**ROW, "sale_date": far})[1]
    assert {col: reason for col, _v, reason in row_issues}["sale_date"] == errors[
        "expected_close_date"
    ]
