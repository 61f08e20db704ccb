"""The deal API as a CRM integration uses it."""

from __future__ import annotations

import json

import pytest

from opportunities.models import Opportunity
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"

ISSUE_EXAMPLE = {
    "external_id": "CRM-0042",
    "title": "Core network refresh",
    "end_customer": {
        "name": "Example Telecom",
        "country": "EG",
        "type": "state_telecom",
        "sector": "telecommunications",
    },
    "delivery_country": "EG",
    "channel": [
        {"name": "Gulf Distribution FZE", "role": "distributor", "country": "AE"},
        {"name": "Cairo Systems", "role": "integrator", "country": "EG"},
    ],
    "lines": [
        {"sku": "NET-4400", "quantity": 40},
        {"name": "Third-party probe", "capabilities": ["deep_packet_inspection"], "quantity": 2},
    ],
    "intended_use": ["network_operations"],
    "use_description": "free text",
    "value": {"amount": "1250000.00", "currency": "USD"},
    "expected_close_date": "2027-03-31",
    "customization": False,
    "red_flags": ["consignee_intermediary"],
    "end_use_statement": "requested",
}


def test_a_token_from_username_and_password_opens_the_api(api, sales_rep):
    r = api.post(
        "/api/v1/auth/token/",
        {"username": "rita_rep", "password": "correct horse battery"},
        format="json",
    )
    assert r.status_code == 200
    api.credentials(HTTP_AUTHORIZATION=f"Token {r.json()['token']}")
    assert api.get(URL).status_code == 200


def test_wrong_password_gets_no_token(api, sales_rep):
    r = api.post("/api/v1/auth/token/", {"username": "rita_rep", "password": "nope"}, format="json")
    assert r.status_code == 400
    assert "credentials" in r.json()["detail"]


def test_the_issue_example_round_trips_with_its_screening(api, sales_rep, catalogue):
    client = api.as_user(sales_rep)
    r = client.post(URL, ISSUE_EXAMPLE, format="json")
    assert r.status_code == 201, r.json()
    body = r.json()
    assert body["external_id"] == "CRM-0042"
    assert body["reference"].startswith("D-")
    assert [c["name"] for c in body["channel"]] == ["Gulf Distribution FZE", "Cairo Systems"]
    assert body["lines"][0]["capabilities"] == ["networking"]  # from the catalogue
    assert body["lines"][1]["capabilities"] == ["deep_packet_inspection"]  # declared
    assert body["end_customer"]["type"] == "state_telecom"
    screening = body["screening"]
    assert screening["tier"] in {"medium", "high", "critical"}
    assert screening["criteria_version"] == 1
    assert screening["findings"], "a DPI probe for a state telecom must fire criteria"
    for finding in screening["findings"]:
        assert finding["code"] and finding["dimension"] and finding["explanation"]
        assert isinstance(finding["evidence"], dict)
    fetched = client.get(f"{URL}{body['id']}/").json()
    assert fetched["screening"]["findings"] == screening["findings"]


def test_posting_the_same_external_id_again_returns_the_existing_deal(api, sales_rep, catalogue):
    client = api.as_user(sales_rep)
    first = client.post(URL, ISSUE_EXAMPLE, format="json")
    again = client.post(URL, {**ISSUE_EXAMPLE, "title": "Changed title"}, format="json")
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert Opportunity.objects.filter(external_id="CRM-0042").count() == 1


def test_the_same_external_id_from_another_organisation_is_another_deal(
    api, sales_rep, partner_a, catalogue
):
    api.as_user(sales_rep).post(URL, ISSUE_EXAMPLE, format="json")
    body = {
        **ISSUE_EXAMPLE,
        "channel": [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
    }
    r = api.as_user(partner_a).post(URL, body, format="json")
    assert r.status_code == 201
    assert Opportunity.objects.filter(external_id="CRM-0042").count() == 2


def test_lists_are_paginated_and_filterable(api, sales_rep, catalogue):
    client = api.as_user(sales_rep)
    client.post(URL, deal_body(title="Norway switches"), format="json")
    client.post(
        URL,
        deal_body(
            title="Egypt probe",
            end_customer={"name": "Nile Net", "country": "EG", "type": "state_telecom"},
            delivery_country="EG",
        ),
        format="json",
    )
    page = client.get(URL).json()
    assert page["count"] == 2 and len(page["results"]) == 2
    assert [d["title"] for d in client.get(URL, {"country": "EG"}).json()["results"]] == [
        "Egypt probe"
    ]
    assert [d["title"] for d in client.get(URL, {"search": "norway"}).json()["results"]] == [
        "Norway switches"
    ]
    low = client.get(URL, {"tier": "low"}).json()["results"]
    assert all(d["tier"] == "low" for d in low)


@pytest.mark.parametrize(
    "change, field, words",
    [
        (
            {"end_customer": {"name": "X", "country": "ZZ", "type": "police"}},
            "end_customer.country",
            "ISO 3166",
        ),
        (
            {"end_customer": {"name": "X", "country": "EG", "type": "secret_police"}},
            "end_customer.type",
            "end-user type",
        ),
        ({"intended_use": ["mind_control"]}, "intended_use", "intended use"),
        ({"red_flags": ["bad_vibes"]}, "red_flags", "red flag"),
        (
            {"lines": [{"sku": "NET-4400", "quantity": -3}]},
            "lines[0].quantity",
            "greater than or equal to 1",
        ),
        ({"lines": [{"sku": "NOPE-1", "quantity": 1}]}, "lines[0].sku", "NOPE-1"),
        (
            {"lines": [{"name": "Mystery box", "quantity": 1}]},
            "lines[0].capabilities",
            "declared capabilities",
        ),
        (
            {"lines": [{"name": "Box", "capabilities": ["telepathy"], "quantity": 1}]},
            "lines[0].capabilities",
            "capability",
        ),
        ({"lines": []}, "lines", ""),
        ({"value": {"amount": "9999999999999", "currency": "USD"}}, "value.amount", ""),
        ({"value": {"amount": "100", "currency": "XXQ"}}, "value.currency", "ISO 4217"),
        (
            {"channel": [{"name": "Vendor Inc", "role": "vendor", "country": "US"}]},
            "channel[0].role",
            "channel role",
        ),
        ({"delivery_country": "Egypt"}, "delivery_country", "ISO 3166"),
        ({"use_description": "x" * 6000}, "use_description", "5000"),
        ({"expected_close_date": "2090-01-01"}, "expected_close_date", "ten years"),
        ({"title": ""}, "title", ""),
    ],
)
def test_bad_input_is_refused_with_the_field_and_why_and_nothing_is_saved(
    api, sales_rep, catalogue, change, field, words
):
    r = api.as_user(sales_rep).post(URL, deal_body(**change), format="json")
    assert r.status_code == 400, r.content
    body = r.json()
    assert field in body["errors"], body
    assert words in body["errors"][field]
    assert Opportunity.objects.count() == 0


def test_a_partner_deal_without_a_channel_is_refused(api, partner_a, catalogue):
    r = api.as_user(partner_a).post(URL, deal_body(channel=[]), format="json")
    assert r.status_code == 400
    assert "channel" in r.json()["errors"]
    assert Opportunity.objects.count() == 0


def test_malformed_json_is_a_400_with_a_message(api, sales_rep):
    r = api.as_user(sales_rep).post(URL, data='{"title": "x",', content_type="application/json")
    assert r.status_code == 400
    assert "JSON" in r.json()["detail"]


def test_a_json_array_instead_of_an_object_is_a_400(api, sales_rep):
    r = api.as_user(sales_rep).post(URL, data="[1, 2]", content_type="application/json")
    assert r.status_code == 400


def test_wrong_content_type_is_a_415(api, sales_rep):
    r = api.as_user(sales_rep).post(
        URL, data="title=x", content_type="application/x-www-form-urlencoded"
    )
    assert r.status_code == 415
    assert "Unsupported media type" in r.json()["detail"]


def test_ten_megabytes_of_text_is_refused_not_a_500(api, sales_rep, catalogue):
    body = json.dumps(deal_body(use_description="x" * 10_000_000))
    r = api.as_user(sales_rep).post(URL, data=body, content_type="application/json")
    assert r.status_code in (400, 413)
    assert r.json()["detail"]
    assert Opportunity.objects.count() == 0


def test_no_token_no_api(api):
    r = api.get(URL)
    assert r.status_code == 401
    assert r.json()["detail"]


def test_a_bad_token_is_refused(api):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api.get(URL).status_code == 401


def test_products_and_organisations_are_readable(api, sales_rep, catalogue, reseller_a):
    client = api.as_user(sales_rep)
    products = client.get("/api/v1/products/", {"capability": "deep_packet_inspection"}).json()[
        "results"
    ]
    assert [p["sku"] for p in products] == ["DPI-9000"]
    orgs = client.get("/api/v1/organisations/", {"role": "reseller"}).json()["results"]
    assert "Alpha Systems Integration" in [o["name"] for o in orgs]


def test_the_openapi_schema_and_docs_are_served(client, sales_rep):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/opportunities/" in schema.content
    assert client.get("/api/docs/").status_code == 200


@pytest.mark.parametrize("amount", ["-0", "-0.00", "0e5"])
def test_a_zero_value_reads_back_as_it_was_answered(api, sales_rep, reviewer, catalogue, amount):
    """A zero written with a sign or an exponent is the number zero: the registration's
    answer and the deal read back both say 0.00."""
    r = api.as_user(sales_rep).post(
        URL, deal_body(value={"amount": amount, "currency": "EUR"}), format="json"
    )
    assert r.status_code == 201, r.json()
    assert r.json()["value"]["amount"] == "0.00"
    fetched = api.as_user(reviewer).get(f"{URL}{r.json()['id']}/").json()
    assert fetched["value"] == r.json()["value"]
