"""The language switcher in a real browser: French, then Arabic laid out right to left."""

from __future__ import annotations

import os

import pytest

from lifecycle.services import opportunity_register
from tests.factories import deal_body

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _flushable(request):
    request.getfixturevalue("transactional_db")


def test_a_partner_switches_to_french_then_arabic(new_page, partner_a, catalogue, tmp_path):
    deal = opportunity_register(actor=partner_a, data=deal_body(title="Port cameras")).opportunity
    page = new_page("paula_partner_a")
    page.goto(f"/deals/{deal.pk}/")
    page.select_option("#language-choice", "fr")
    page.click("#language-change")
    page.wait_for_load_state()
    assert page.url.endswith(f"/deals/{deal.pk}/")
    assert page.locator("h2", has_text="L'affaire").count() == 1
    assert page.evaluate("document.documentElement.lang") == "fr"

    page.select_option("#language-choice", "ar")
    page.click("#language-change")
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    # right to left: the brand sits at the right edge of the header, the menu to its left
    brand = page.locator(".topbar .brand").bounding_box()
    nav = page.locator(".topbar nav").bounding_box()
    assert brand["x"] > nav["x"]
    if os.environ.get("HRDD_SCREENSHOTS"):
        page.screenshot(
            path=os.path.join(os.environ["HRDD_SCREENSHOTS"], "deal-ar.png"), full_page=True
        )
