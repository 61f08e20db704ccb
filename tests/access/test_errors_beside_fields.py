"""Every form shows each field's error beside the field, in the form's words, with
aria-invalid and aria-describedby set by the server (not only by the page's script)."""

from __future__ import annotations

import pytest

from tests.fielderrors import invalid_fields

pytestmark = pytest.mark.django_db


def _deal(**overrides):
    body = {
        "title": "Campus refresh", "ec_name": "Fjord Logistics AS", "ec_country": "NO",
        "ec_type": "private_enterprise", "line-0-sku": "NET-4400", "line-0-quantity": "12",
        "intended_use": "enterprise_it", "value_amount": "250000", "value_currency": "USD",
        "end_use_statement": "none",
    }  # fmt: skip
    body.update(overrides)
    return body


def test_the_deal_form_marks_each_refused_field_and_says_why_beside_it(
    client, sales_rep, catalogue
):
    client.force_login(sales_rep)
    response = client.post("/deals/new/", _deal(title="", ec_country="", value_amount="lots",
                                                **{"line-0-quantity": "0"}))  # fmt: skip
    assert response.status_code == 400
    fields = invalid_fields(response.content.decode())
    assert fields["title"] == "Please fill this in."
    assert fields["ec_country"] == "Please fill this in."
    assert fields["value_amount"].startswith("Value: Enter a number")
    assert "line-0-quantity" in fields and "1" in fields["line-0-quantity"]
    assert "ec_name" not in fields and "ec_type" not in fields  # only the refused ones


def test_a_deal_without_products_points_the_first_product_at_the_message(
    client, sales_rep, catalogue
):
    client.force_login(sales_rep)
    body = _deal(**{"line-0-sku": ""})
    del body["intended_use"]
    response = client.post("/deals/new/", body)
    fields = invalid_fields(response.content.decode())
    assert fields["line-0-sku"] == "Add at least one: products."
    assert fields["intended_use"].startswith("Add at least one")
