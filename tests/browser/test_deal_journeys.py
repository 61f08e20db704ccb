"""A sales rep registers a deal in a real browser; a partner cannot see another's deal."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lifecycle.services import opportunity_register
from opportunities.models import Opportunity
from tests.factories import deal_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_rep_signs_in_registers_a_deal_and_finds_it_in_my_deals(new_page, sales_rep, catalogue):
    page = new_page("rita_rep")
    page.click("text=Register a deal")
    page.fill("input[name=title]", "Browser-registered core upgrade")
    page.fill("input[name=ec_name]", "Delta Port Authority")
    page.select_option("select[name=ec_country]", "EG")
    page.select_option("select[name=ec_type]", "state_telecom")
    page.fill("input[name=channel-0-name]", "Cairo Systems")
    page.select_option("select[name=channel-0-role]", "integrator")
    page.select_option("select[name=channel-0-country]", "EG")
    page.select_option("select[name=line-0-sku]", "DPI-9000")
    page.fill("input[name=line-0-quantity]", "3")
    page.check("input[name=intended_use][value=network_operations]")
    page.fill("input[name=value_amount]", "250000")
    # A mistake first: no quantity on a second line. The form keeps what was typed.
    page.select_option("select[name=line-1-sku]", "NET-4400")
    page.click("button[type=submit]")
    assert page.locator(".error-box").is_visible()
    assert "quantity" in page.locator(".error-box").inner_text()
    assert page.input_value("input[name=title]") == "Browser-registered core upgrade"
    assert page.input_value("input[name=ec_name]") == "Delta Port Authority"
    page.fill("input[name=line-1-quantity]", "10")
    page.click("button[type=submit]")
    page.wait_for_selector("#screening")
    assert "registered and screened" in page.content()
    tier = page.locator("#screening h2 .tier").inner_text()
    assert tier in {"medium", "high", "critical"}
    assert page.locator(".finding").count() >= 1
    deal = Opportunity.objects.get(title="Browser-registered core upgrade")
    page.goto("/deals/?mine=1")
    assert deal.reference in page.content()
    # Search narrows the list live (htmx).
    page.fill("input[name=search]", "no such deal")
    # (a locator wait: the content-security policy forbids evaluating strings in the page)
    expect(page.locator("#deal-rows")).not_to_contain_text(deal.reference)


def test_a_partner_user_cannot_see_another_partners_deal(new_page, partner_a, partner_b, catalogue):
    theirs = opportunity_register(
        actor=partner_b,
        data=deal_body(
            title="Bravo private deal",
            channel=[{"name": "Bravo Channel Solutions", "role": "reseller", "country": "FR"}],
        ),
    ).opportunity
    mine = opportunity_register(
        actor=partner_a,
        data=deal_body(
            title="Alpha own deal",
            channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
        ),
    ).opportunity
    page = new_page("paula_partner_a")
    page.goto("/deals/")
    assert mine.reference in page.content()
    assert theirs.reference not in page.content()
    response = page.goto(f"/deals/{theirs.pk}/")
    assert response.status == 404
