"""The deal form forgives: numbers with thousands separators, errors in its own words."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from opportunities.forms import errors_for_form, field_label, form_to_data
from opportunities.models import Opportunity

pytestmark = pytest.mark.django_db


def _post(**overrides):
    body = {
        "title": "Campus refresh",
        "ec_name": "Fjord Logistics AS",
        "ec_country": "NO",
        "ec_type": "private_enterprise",
        "line-0-sku": "NET-4400",
        "line-0-quantity": "1,200",
        "intended_use": "enterprise_it",
        "value_amount": "250,000",
        "value_currency": "USD",
        "end_use_statement": "none",
    }
    body.update(overrides)
    return body


def test_thousands_separators_are_accepted(client, sales_rep, catalogue):
    client.force_login(sales_rep)
    response = client.post("/deals/new/", _post())
    assert response.status_code == 302, response.content.decode()[:2000]
    deal = Opportunity.objects.get(title="Campus refresh")
    assert deal.value_amount == 250000
    assert deal.lines.get().quantity == 1200


def test_a_german_reader_types_numbers_the_german_way():
    with translation.override("de"):
        data = form_to_data(_qd(_post(value_amount="1.250.000,50")))
    assert data["value"]["amount"] == "1250000.50"


def test_a_badly_grouped_number_is_refused_in_the_forms_words(client, sales_rep, catalogue):
    client.force_login(sales_rep)
    response = client.post("/deals/new/", _post(value_amount="25,00,0"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Value: Enter a number" in page
    error_box = page.split('class="error-box"')[1].split("</div>")[0]
    assert "value_amount" not in re.sub(r"<[^>]+>", " ", error_box)  # the words, not the name
    assert 'value="Campus refresh"' in page  # what was typed survives


def test_errors_name_the_field_as_the_form_labels_it():
    errors = errors_for_form(
        {
            "end_customer.country": "This field may not be blank.",
            "lines": "Ensure this field has at least 1 elements.",
            "lines[1].quantity": "A valid integer is required.",
        }
    )
    assert errors == {
        "ec_country": "Please fill this in.",
        "lines": "Choose at least one product.",
        "line-1-quantity": "Enter a number, such as 250,000 or 250000.",
    }
    assert field_label("line-1-quantity") == "Product 2: quantity"
    assert field_label("ec_country") == "End customer's country"
    assert field_label("channel-0-role") == "Channel partner 1: role"


def _qd(body: dict):
    from django.http import QueryDict

    qd = QueryDict(mutable=True)
    for k, v in body.items():
        qd[k] = v
    return qd


def test_same_as_the_end_customer_stays_chosen_after_an_error(client, sales_rep, catalogue):
    """Re-shown with the end customer's country pinned, a later change of the end
    customer's country would leave the delivery behind (and raise a transshipment flag)."""
    client.force_login(sales_rep)
    page = client.post("/deals/new/", _post(title="", delivery_country="")).content.decode()
    delivery = page.split('name="delivery_country"')[1].split("</select>")[0]
    assert "selected" not in delivery
    page = client.post("/deals/new/", _post(title="", delivery_country="SE")).content.decode()
    delivery = page.split('name="delivery_country"')[1].split("</select>")[0]
    assert '<option value="SE" selected>' in delivery


def test_a_partners_refused_deal_comes_back_with_every_value_typed(client, partner_a, catalogue):
    client.force_login(partner_a)
    body = _post(title="", value_currency="EUR", use_description="Warehouse wi-fi")
    page = client.post("/deals/new/", body).content.decode()
    currency = page.split('name="value_currency"')[1].split("</select>")[0]
    assert "<option selected>EUR</option>" in currency
    assert 'value="Fjord Logistics AS"' in page
    assert 'value="1200"' in page and 'value="250000"' in page  # as numbers, grouping gone
    assert 'value="NO" selected' in page and 'value="private_enterprise" selected' in page
    assert 'value="NET-4400" selected' in page and 'value="enterprise_it" checked' in page
    assert ">Warehouse wi-fi</textarea>" in page
