"""Pages people want to use, in a real browser at desktop and phone width (390 px):
the queue fits the phone as cards, the menu collapses, the deal form stacks, the decided
deal leads with its decision, the overview draws its charts from real data, a refused
question comes back as typed with the focus on its error, and a rep reads words, not codes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from reviews.services import review_claim, review_decide

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


def _decided_deal(make_deal, case_of, reviewer):
    deal = make_deal("medium", title="Campus network for a state university")
    case = review_claim(case=case_of(deal), actor=reviewer)
    review_decide(
        case=case,
        actor=reviewer,
        outcome="approve",
        reasons="Internal: fine.",
        feedback="Go ahead; keep the end-use statement on file.",
    )
    return deal


def test_the_queue_fits_a_phone_as_cards_and_the_menu_collapses(open_as, reviewer, make_deal):
    for tier in ("medium", "high", "medium"):
        make_deal(tier, title=f"A {tier} deal with a rather long title to wrap on a phone")
    page = open_as("rob_reviewer", PHONE)
    page.goto("/reviews/")
    rows = page.locator("tr.case-row")
    expect(rows).to_have_count(3)
    for i in range(3):
        box = rows.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert page.locator("table.queue").bounding_box()["width"] <= PHONE["width"]
    # the column headings are gone; each value carries its label
    assert not page.locator("table.queue thead").is_visible() or (
        page.locator("table.queue thead").bounding_box()["x"] < 0
    )
    # the menu is one button until opened
    assert not page.locator("#main-nav").is_visible()
    page.click(".menu-toggle")
    expect(page.locator("#main-nav")).to_be_visible()
    assert page.get_attribute(".menu-toggle", "aria-expanded") == "true"
    page.click("#main-nav >> text=Deals")
    expect(page).to_have_url(re.compile(r"/deals/$"))


def test_the_deal_form_stacks_its_rows_on_a_phone(open_as, sales_rep, catalogue):
    page = open_as("rita_rep", PHONE)
    page.goto("/deals/new/")
    name = page.locator("input[name=ec_name]").bounding_box()
    country = page.locator("select[name=ec_country]").bounding_box()
    assert country["y"] > name["y"] + name["height"] - 1, "country sits below the name"
    for field in ("input[name=title]", "input[name=channel-0-name]", "select[name=line-0-sku]"):
        box = page.locator(field).bounding_box()
        assert box["x"] + box["width"] <= PHONE["width"], field


def test_a_decided_deal_leads_with_its_decision_at_both_widths(
    open_as, sales_rep, reviewer, make_deal, case_of
):
    deal = _decided_deal(make_deal, case_of, reviewer)
    for viewport in (DESKTOP, PHONE):
        page = open_as("rita_rep", viewport)
        page.goto(f"/deals/{deal.pk}/")
        banner = page.locator("#standing")
        expect(banner).to_contain_text("Compliance decision: Approved")
        expect(banner).to_contain_text("keep the end-use statement on file")
        assert "Internal: fine." not in page.content()
        assert banner.bounding_box()["y"] < page.locator("#screening").bounding_box()["y"]
        text = page.locator("main").inner_text()
        assert not SNAKE_CASE.findall(text.replace("rita_rep", "")), SNAKE_CASE.findall(text)
        assert "end_user." not in text and "True" not in text and "['" not in text


def test_the_overview_draws_its_charts_from_real_data(open_as, reviewer, make_deal):
    make_deal("medium", title="One medium")
    make_deal("high", title="One high")
    page = open_as("rob_reviewer", DESKTOP)
    page.goto("/overview/")
    expect(page.locator("#charts[data-ready=true]")).to_have_count(1)
    drawn = page.locator('canvas[data-chart="open-cases"]').get_attribute("data-drawn")
    assert int(drawn) > 0
    table = page.locator("#chart-open-cases table").text_content()  # behind a <details>
    assert "Medium" in table and "High" in table
    # and on a phone the charts stack within the width
    phone = open_as("rob_reviewer", PHONE)
    phone.goto("/overview/")
    expect(phone.locator("#charts[data-ready=true]")).to_have_count(1)
    assert phone.locator("#chart-open-cases").bounding_box()["width"] <= PHONE["width"]


def test_the_skip_link_takes_the_keyboard_to_the_content(open_as, sales_rep):
    page = open_as("rita_rep", DESKTOP)
    page.goto("/deals/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    assert page.locator(".skip-link").bounding_box()["x"] >= 0  # visible once focused
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_the_first_field_in_error_gets_the_focus(open_as, sales_rep, catalogue):
    page = open_as("rita_rep", DESKTOP)
    page.goto("/deals/new/")
    page.fill("input[name=title]", "Kept after the error")
    page.click("button[type=submit]")
    expect(page.locator(".error-box")).to_be_visible()
    focused = page.locator(":focus")
    assert focused.get_attribute("aria-invalid") == "true"
    assert page.input_value("input[name=title]") == "Kept after the error"
    assert "ec_" not in page.locator(".error-box").inner_text()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_questions_due_in_the_past_come_back_as_typed_with_the_date_in_focus(
    open_as, viewport, make_deal, case_of, reviewer, partner_a
):
    alpha = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
    deal = make_deal("medium", actor=partner_a, channel=alpha)
    case = review_claim(case=case_of(deal), actor=reviewer)
    page = open_as("rob_reviewer", viewport)
    page.goto(f"/reviews/cases/{case.pk}/")
    page.click("#request-information summary")
    form = page.locator("#request-information form")
    form.locator("select[name=addressed_to]").select_option(str(partner_a.pk))
    form.locator("textarea[name=questions]").fill("Which sites will run it?")
    form.locator("input[name=due_date]").fill("2001-01-01")
    form.locator("button").click()
    page.wait_for_load_state()
    due = form.locator("input[name=due_date]")
    expect(due).to_be_focused()
    expect(due).to_have_attribute("aria-invalid", "true")
    expect(due).to_have_value("2001-01-01")
    expect(form.locator("textarea[name=questions]")).to_have_value("Which sites will run it?")
    expect(form.locator("select[name=addressed_to]")).to_have_value(str(partner_a.pk))
    message = page.locator("#" + due.get_attribute("aria-describedby"))
    expect(message).to_have_text("Choose a date from today on.")
    # beside the field: right under it, on the screen at this width
    field, said = due.bounding_box(), message.bounding_box()
    assert 0 <= said["y"] - (field["y"] + field["height"]) < 24, (field, said)
    assert said["x"] >= 0 and said["x"] + said["width"] <= viewport["width"], said


# Pixels on the map canvas that are painted (not transparent): shapes, outlines, legend.
PAINTED = """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""


def test_the_overview_draws_deals_by_country_on_a_map_at_both_widths(open_as, reviewer, make_deal):
    make_deal("medium", title="Gulf one")
    make_deal("high", title="German one")
    errors: list[str] = []
    for viewport in (DESKTOP, PHONE):
        page = open_as("rob_reviewer", viewport)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto("/overview/")
        expect(page.locator("#charts[data-ready=true]")).to_have_count(1)
        canvas = page.locator('canvas[data-chart="country-map"]')
        assert canvas.get_attribute("data-drawn") == "2"  # two countries coloured
        box = canvas.bounding_box()
        assert 0 < box["width"] <= viewport["width"] and box["height"] > 0
        painted = canvas.evaluate(PAINTED)
        total = canvas.evaluate("c => c.width * c.height")
        assert painted > total // 10, (viewport, painted, total)  # a world, not a blank
        table = page.locator("#chart-country-map table").text_content()
        assert "Germany" in table and "United Arab Emirates" in table
        assert errors == []
