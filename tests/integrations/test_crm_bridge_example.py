"""The example CRM bridge (scripts/crm_bridge_example.py) stays true to the API and to
the webhook signature: a Salesforce-shaped opportunity posts as a valid deal, and its
receiver accepts our signed delivery and refuses a forged or replayed one."""

from __future__ import annotations

import importlib.util
import json
from http.server import HTTPServer
from pathlib import Path
from threading import Thread

import pytest
import requests
from django.conf import settings

from tests.servers import server_port
from webhooks.signing import signature_header

pytestmark = pytest.mark.django_db


def _bridge():
    path = Path(settings.BASE_DIR) / "scripts" / "crm_bridge_example.py"
    spec = importlib.util.spec_from_file_location("crm_bridge_example", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SF_OPPORTUNITY = {
    "Id": "0065g00000XyZ12AAB",
    "Name": "Port cameras",
    "Amount": 250000.0,
    "CurrencyIsoCode": "EUR",
    "CloseDate": "2027-02-28",
    "Description": "Quay safety",
    "Intended_Use__c": "public_services",
    "End_Use_Statement__c": "Signed",
    "Account": {
        "Name": "Port of Rotterdam Authority",
        "ShippingCountryCode": "NL",
        "Type": "State-owned Enterprise",
        "Industry": "Logistics",
    },
    "OpportunityPartnersFrom": {
        "records": [
            {"Role": "Reseller", "AccountTo": {"Name": "Alpha Systems", "BillingCountryCode": "DE"}}
        ]
    },
    "OpportunityLineItems": {"records": [{"ProductCode": "NET-4400", "Quantity": 3.0}]},
}


def test_a_salesforce_opportunity_posts_as_a_deal(api, sales_rep, catalogue):
    body = _bridge().salesforce_to_hrdd(SF_OPPORTUNITY)
    r = api.as_user(sales_rep).post("/api/v1/opportunities/", body, format="json")
    assert r.status_code == 201, r.json()
    deal = r.json()
    assert deal["external_id"] == "0065g00000XyZ12AAB"
    assert deal["end_customer"]["type"] == "state_owned_enterprise"
    assert deal["value"] == {"amount": "250000.00", "currency": "EUR"}
    # posting it again is safe: the same deal comes back
    again = api.as_user(sales_rep).post("/api/v1/opportunities/", body, format="json")
    assert again.status_code == 200 and again.json()["id"] == deal["id"]


def test_the_bridge_receiver_checks_our_signature_and_applies_each_event_once():
    bridge = _bridge()
    applied = []
    server = HTTPServer(
        ("127.0.0.1", server_port()),
        bridge.make_handler("whsec_test", set(), lambda e, u: applied.append(u)),
    )
    Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/hrdd-webhook"
    event = {
        "id": "evt_1",
        "type": "case.decided",
        "data": {
            "outcome": "approve",
            "feedback": "Go ahead.",
            "deal": {"id": 7, "external_id": "0065g00000XyZ12AAB", "status_label": "Approved"},
        },
    }
    body = json.dumps(event).encode()
    try:
        signed = {"HRDD-Signature": signature_header(secret="whsec_test", body=body)}
        assert requests.post(url, data=body, headers=signed, timeout=5).status_code == 204
        assert requests.post(url, data=body, headers=signed, timeout=5).status_code == 204
        forged = {"HRDD-Signature": signature_header(secret="whsec_other", body=body)}
        assert requests.post(url, data=body, headers=forged, timeout=5).status_code == 401
        old = {"HRDD-Signature": signature_header(secret="whsec_test", body=body, timestamp=1)}
        assert requests.post(url, data=body, headers=old, timeout=5).status_code == 401
    finally:
        server.shutdown()
        server.server_close()
    assert applied == [
        (
            "0065g00000XyZ12AAB",
            {
                "HRDD_Deal_Id__c": 7,
                "HRDD_Status__c": "Approved",
                "HRDD_Decision__c": "approve",
                "HRDD_Feedback__c": "Go ahead.",
            },
        )
    ]
