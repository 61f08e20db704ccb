"""Real scenarios from the domain notes, registered through the API and screened for real."""

from __future__ import annotations

import pytest

from opportunities.models import Opportunity
from partners.models import Organisation
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"


def register(api, user, **change):
    r = api.as_user(user).post(URL, deal_body(**change), format="json")
    assert r.status_code == 201, r.json()
    return r.json()


def codes(body) -> set[str]:
    return {f["code"] for f in body["screening"]["findings"]}


def test_ordinary_networking_for_a_norwegian_company_is_cleared_automatically(
    api, sales_rep, catalogue
):
    body = register(api, sales_rep)
    assert body["screening"]["tier"] == "low"
    assert body["status"] == "cleared"


def test_spyware_for_an_intelligence_agency_in_a_repressive_country_goes_to_the_committee(
    api, sales_rep, catalogue
):
    body = register(
        api,
        sales_rep,
        end_customer={
            "name": "State Security Bureau",
            "country": "CN",
            "type": "intelligence_agency",
        },
        delivery_country="CN",
        lines=[{"name": "Implant platform", "capabilities": ["intrusion_spyware"], "quantity": 1}],
        intended_use=["targeting_dissent"],
    )
    s = body["screening"]
    assert s["tier"] == "critical" and s["severity"] == 5
    assert {
        "CAP-SPYWARE",
        "EU-INTELLIGENCE",
        "COMB-SURVEILLANCE-SECURITY-FORCE-REPRESSIVE",
    } <= codes(body)
    assert body["status"] == "on_hold"


def test_any_deal_touching_a_sanctioned_country_is_a_hard_stop(api, sales_rep, catalogue):
    body = register(
        api, sales_rep, channel=[{"name": "Tehran Trading", "role": "distributor", "country": "IR"}]
    )
    assert body["screening"]["tier"] == "prohibited"
    assert "CTRY-SANCTIONED" in codes(body)
    assert body["status"] == "blocked"


def test_dpi_for_a_state_telecom_is_scored_as_a_national_gateway(api, sales_rep, catalogue):
    body = register(
        api,
        sales_rep,
        end_customer={"name": "Nile Telecom", "country": "EG", "type": "state_telecom"},
        delivery_country="EG",
        lines=[{"sku": "DPI-9000", "quantity": 2}],
        intended_use=["network_operations"],
    )
    assert body["screening"]["severity"] == 5
    assert "CAP-DPI-NATIONAL-GATEWAY" in codes(body)
    assert body["screening"]["tier"] in {"high", "critical"}


def test_derived_red_flags_fire_without_being_asked(api, sales_rep, catalogue):
    body = register(
        api,
        sales_rep,
        end_customer={"name": "", "country": "KZ", "type": "unknown"},
        delivery_country="AE",
        channel=[{"name": f"Hop {i}", "role": "distributor", "country": "AE"} for i in range(3)],
        lines=[{"sku": "CAM-VA-1", "quantity": 50}],
        intended_use=["unspecified"],
        customization=True,
        end_use_statement="refused",
    )
    fired = codes(body)
    assert {
        "RF-END-USER-UNDISCLOSED",
        "RF-TRANSSHIPMENT",
        "RF-LONG-CHAIN",
        "RF-CUSTOMIZATION-HIGH-CAP",
        "RF-REFUSES-END-USE-STATEMENT",
        "USE-UNSPECIFIED-HIGH-CAP",
    } <= fired
    assert body["screening"]["tier"] in {"high", "critical"}
    evidence = next(f for f in body["screening"]["findings"] if f["code"] == "RF-LONG-CHAIN")[
        "evidence"
    ]
    assert evidence.get("channel.intermediaries") == 3 or "long_chain" in evidence.get(
        "red_flags", []
    )


def test_a_partner_with_a_prior_incident_raises_likelihood(api, sales_rep, reviewer, catalogue):
    """Compliance reads the finding; the rep does not (a partner's due diligence is for
    compliance: tests/access/test_other_partners_findings.py)."""
    Organisation.objects.create(
        name="Shady Resale Ltd", country="DE", role="reseller", prior_incident=True
    )
    body = register(
        api, sales_rep, channel=[{"name": "Shady Resale Ltd", "role": "reseller", "country": "DE"}]
    )
    assert "PTR-PRIOR-INCIDENT" not in codes(body)
    full = api.as_user(reviewer).get(f"{URL}{body['id']}/").json()
    assert "PTR-PRIOR-INCIDENT" in codes(full)


def test_a_prison_end_user_is_heightened_due_diligence_whatever_the_product(
    api, sales_rep, catalogue
):
    body = register(
        api,
        sales_rep,
        end_customer={"name": "Central Detention", "country": "NO", "type": "prison_detention"},
    )
    assert body["screening"]["severity"] == 5
    assert body["screening"]["tier"] in {"high", "critical"}


def test_an_armed_conflict_context_calls_for_heightened_due_diligence(api, sales_rep, catalogue):
    body = register(
        api,
        sales_rep,
        end_customer={"name": "Kyiv Grid Operator", "country": "UA", "type": "private_enterprise"},
        delivery_country="UA",
    )
    assert "CTRY-ARMED-CONFLICT" in codes(body)
    assert body["screening"]["tier"] in {"high", "critical"}


def test_changing_a_deal_rescreens_it_and_keeps_every_screening(api, sales_rep, catalogue):
    body = register(api, sales_rep)
    changed = deal_body(
        end_customer={"name": "Metro Police", "country": "EG", "type": "police"},
        delivery_country="EG",
        lines=[{"sku": "FACE-1", "quantity": 3}],
        intended_use=["public_space_surveillance"],
    )
    r = api.as_user(sales_rep).put(f"{URL}{body['id']}/", changed, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["screening"]["tier"] != "low"
    assert Opportunity.objects.get(pk=body["id"]).screenings.count() == 2


def test_a_partner_sees_the_tier_and_what_is_asked_but_not_reviewer_reasoning(
    api, partner_a, reviewer, catalogue
):
    body = register(
        api,
        partner_a,
        channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
        end_customer={"name": "Metro Police", "country": "EG", "type": "police"},
        delivery_country="EG",
        lines=[{"sku": "FACE-1", "quantity": 3}],
        intended_use=["public_space_surveillance"],
        end_use_statement="none",
    )
    seen = body["screening"]
    assert seen["tier"] in {"high", "critical"}
    assert seen["asks"], "the partner is told what to provide"
    assert all("reasoning" not in f and "source" not in f for f in seen["findings"])
    full = api.as_user(reviewer).get(f"{URL}{body['id']}/").json()["screening"]
    assert all("reasoning" in f for f in full["findings"])
