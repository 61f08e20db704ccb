"""In a real browser: a rep writes that the customer will track protesters; the deal is held,
the reviewer reads the quoted phrase as evidence and the rep reads it in plain words."""

from __future__ import annotations

import pytest

from opportunities.models import Opportunity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_description_about_tracking_protesters_is_held_and_quoted(
    new_page, sales_rep, reviewer, catalogue
):
    page = new_page("rita_rep")
    page.goto("/deals/new/")
    page.fill("input[name=title]", "Campus switches for the city")
    page.fill("input[name=ec_name]", "Harbour City Council")
    page.select_option("select[name=ec_country]", "NO")
    page.select_option("select[name=ec_type]", "private_enterprise")
    page.fill("input[name=channel-0-name]", "Nordic Distribution AB")
    page.select_option("select[name=channel-0-role]", "distributor")
    page.select_option("select[name=channel-0-country]", "SE")
    page.select_option("select[name=line-0-sku]", "NET-4400")
    page.fill("input[name=line-0-quantity]", "10")
    page.check("input[name=intended_use][value=network_operations]")
    page.fill(
        "textarea[name=use_description]",
        "The council wants to locate the phones of protesters around the harbour.",
    )
    page.fill("input[name=value_amount]", "90000")
    page.click("button[type=submit]")
    page.wait_for_selector("#screening")
    assert page.locator("#screening h2 .tier").inner_text() in {"high", "critical"}
    rep_view = page.locator("#screening").inner_text()
    assert "locate the phones of protesters" in rep_view
    assert "following or locating people" in rep_view
    assert "Reasoning and source" not in page.content()

    deal = Opportunity.objects.get(title="Campus switches for the city")
    reviewer_page = new_page("rob_reviewer")
    reviewer_page.goto(f"/deals/{deal.pk}/")
    finding = reviewer_page.locator(".finding[data-code=TXT-TARGETING-DISSENT]")
    assert "Use description (English): “locate the phones of protesters”" in finding.inner_text()
    assert "text.targets_dissent" in finding.inner_text()
    assert "Use description: English" in reviewer_page.locator(".text-languages").inner_text()
