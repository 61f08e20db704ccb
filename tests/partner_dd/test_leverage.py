"""Findings speak to each party by its channel position, and a partner is told its own
steps only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lifecycle.services import opportunity_register
from partner_dd.leverage import leverage_by_position
from tests.factories import deal_body


def _steps(rows, position):
    return " ".join(next(steps for name, steps in rows if name.startswith(position)))


def test_a_distributor_is_told_to_check_its_reseller_and_a_reseller_to_ask_the_end_user():
    findings = [
        {"code": "EU-POLICE", "dimension": "end_user"},
        {"code": "PTR-NOT-ASSESSED", "dimension": "partner"},
    ]
    rows = leverage_by_position(roles=["distributor", "reseller"], findings=findings, tier="medium")
    assert [name for name, _ in rows] == [
        "Vendor (you, the account team)",
        "Distributor",
        "Reseller",
    ]
    assert "Check the reseller below you" in _steps(rows, "Distributor")
    assert "Screen this order" in _steps(rows, "Distributor")
    assert "Flow the vendor's human-rights clauses down" in _steps(rows, "Distributor")
    assert "Hold fulfilment" in _steps(rows, "Distributor")
    assert "end-use statement" in _steps(rows, "Reseller")
    assert "Visit the site" in _steps(rows, "Reseller")


def test_customisation_tells_the_integrator_to_stay_within_scope_and_a_low_deal_holds_nothing():
    rows = leverage_by_position(
        roles=["integrator"],
        findings=[{"code": "RF-CUSTOMIZATION", "dimension": "channel_red_flag"}],
        tier="low",
    )
    steps = _steps(rows, "System integrator")
    assert "customisation beyond the approved scope" in steps
    assert "Do not deploy" not in steps


@pytest.mark.django_db
def test_a_partner_sees_the_steps_of_its_own_position_only(client, partner_a, reviewer, catalogue):
    deal = opportunity_register(
        actor=partner_a,
        data=deal_body(
            channel=[
                {"name": "Nordic Distribution AB", "role": "distributor", "country": "SE"},
                {"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"},
            ]
        ),
    ).opportunity
    client.force_login(partner_a)
    body = client.get(reverse("opportunity-detail", args=[deal.pk])).content.decode()
    assert "Where each party" in body
    assert "<h4>Reseller</h4>" in body
    assert "<h4>Distributor</h4>" not in body and "<h4>Vendor" not in body
    client.force_login(reviewer)
    body = client.get(reverse("opportunity-detail", args=[deal.pk])).content.decode()
    assert "<h4>Distributor</h4>" in body and "<h4>Reseller</h4>" in body
    assert reverse("partner-profile", args=[deal.channel.first().organisation_id]) in body
