"""The overview's map of deals by country on a phone (390 px): its colour key sits under
the map, not on it, nothing runs past the screen's width, and a deal in a country too small
for the map's scale (Singapore) is still named on the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SINGAPORE = {
    "name": "Lion City Logistics Pte",
    "country": "SG",
    "type": "private_enterprise",
    "sector": "logistics",
}


def _overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.fixture
def phone(browser, live_server, reviewer):
    ctx = browser.new_context(base_url=live_server.url, viewport=PHONE)
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    page.goto("/login/")
    page.fill("input[name=username]", "rob_reviewer")
    page.fill("input[name=password]", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    yield page
    ctx.close()


def test_on_a_phone_the_map_s_key_sits_under_the_map_within_the_screen(phone, reviewer, make_deal):
    make_deal("medium", title="Gulf one")
    make_deal("high", title="German one")
    phone.goto("/overview/")
    expect(phone.locator("#charts[data-ready=true]")).to_have_count(1)
    canvas = phone.locator('canvas[data-chart="country-map"]')
    assert canvas.get_attribute("data-drawn") == "2"
    # the drawing area: the chart's own area on the canvas, in page pixels
    area = canvas.evaluate(
        """c => { const a = Chart.getChart(c).chartArea, r = c.getBoundingClientRect();
        return {x: r.x + a.left, y: r.y + a.top, width: a.right - a.left,
                height: a.bottom - a.top}; }"""
    )
    legend = phone.locator('[data-legend="country-map"]')
    expect(legend).to_be_visible()
    expect(legend).to_contain_text("deals")
    key = legend.bounding_box()
    assert not _overlap(key, area), (key, area)
    assert key["y"] >= area["y"] + area["height"], "the key is under the map"
    # Chart.js draws no second key of its own on the shapes
    assert canvas.evaluate("c => Chart.getChart(c).scales.color._isVisible()") is False
    for box in (key, area, canvas.bounding_box()):
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # the table behind the chart is still there
    assert "Germany" in phone.locator("#chart-country-map table").text_content()


# The colour of the canvas's pixel at Singapore's point, in device pixels.
PIXEL_AT_SINGAPORE = """c => { const chart = Chart.getChart(c), r = window.devicePixelRatio;
  const [x, y] = chart.scales.projection.projection([103.81, 1.36]);
  return Array.from(c.getContext('2d').getImageData(Math.round(x * r),
                    Math.round(y * r), 1, 1).data); }"""


def test_a_deal_in_a_country_too_small_for_the_map_is_a_dot_named_under_it(
    phone, reviewer, make_deal
):
    make_deal("low", title="Singapore one", end_customer=SINGAPORE, delivery_country="SG")
    make_deal("high", title="German one")
    phone.goto("/overview/")
    expect(phone.locator("#charts[data-ready=true]")).to_have_count(1)
    named = phone.locator("#dots-country-map")
    expect(named).to_be_visible()
    expect(named).to_have_text("Drawn as dots, too small for this map's scale: Singapore (1 deal).")
    assert named.bounding_box()["x"] + named.bounding_box()["width"] <= PHONE["width"]
    canvas = phone.locator('canvas[data-chart="country-map"]')
    assert canvas.get_attribute("data-dots") == "1"
    # Germany has a shape: coloured, not listed
    assert canvas.get_attribute("data-drawn") == "1"
    # the dot is painted there: opaque, and not the sea (transparent) or a pale shape
    red, green, blue, alpha = canvas.evaluate(PIXEL_AT_SINGAPORE)
    assert alpha == 255 and red + green + blue < 3 * 200, (red, green, blue, alpha)


COUNTRIES = "FR IT ES PL NL BE AT SE PT DK FI IE CZ HU RO GR BG HR SK SI".split()


def test_the_bar_charts_name_every_row_and_cut_long_names(phone, reviewer, make_deal):
    """Chart.js skips every other label when rows are tight; a reviewer reading the chart
    would not know which bar is which country or criterion."""
    for code in COUNTRIES:
        customer = {**SINGAPORE, "name": f"Customer in {code}", "country": code}
        make_deal("low", title=f"Deal {code}", end_customer=customer, delivery_country=code)
    make_deal("high", title="German one")
    phone.goto("/overview/")
    expect(phone.locator("#charts[data-ready=true]")).to_have_count(1)
    for key in ("countries", "criteria"):
        rows = phone.locator(f"#chart-{key} table tbody tr").count()
        labels = phone.locator(f'canvas[data-chart="{key}"]').evaluate(
            "c => Chart.getChart(c).scales.y.ticks.map(t => t.label)"
        )
        assert rows >= 1 and len(labels) == rows, (key, rows, labels)
        assert all(len(label) <= 34 for label in labels), labels
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


INTEGER_TICKS = "c => Chart.getChart(c).scales.{axis}.ticks.map(t => t.value)"


def test_the_charts_count_in_whole_numbers(browser, live_server, partner_a, reviewer, make_deal):
    """With one or two deals Chart.js would step its count axis by halves ("0.5 deals")."""
    make_deal("low", actor=partner_a, title="Partner's one")
    make_deal("high", title="German one")
    for username, charts in (
        ("paula_partner_a", {"my-deals": "y"}),
        ("rob_reviewer", {"countries": "x", "open-cases": "y", "false-positives": "y"}),
    ):
        ctx = browser.new_context(base_url=live_server.url, viewport=PHONE)
        ctx.set_default_timeout(15_000)
        page = ctx.new_page()
        page.goto("/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "correct horse battery")
        page.click("button[type=submit]")
        page.wait_for_load_state()
        page.goto("/overview/")
        expect(page.locator("#charts[data-ready=true]")).to_have_count(1)
        for key, axis in charts.items():
            values = page.locator(f'canvas[data-chart="{key}"]').evaluate(
                INTEGER_TICKS.format(axis=axis)
            )
            assert len(values) >= 2 and all(v == int(v) for v in values), (username, key, values)
        ctx.close()
