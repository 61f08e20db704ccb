"""A partner uploads a file in a real browser and watches it screened to the summary."""

from __future__ import annotations

import pytest

from .conftest import FLAGGED, csv_bytes, row

pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def chromium_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


def test_a_partner_uploads_a_file_and_sees_it_screened_live(
    live_worker, chromium_page, partner_a, catalogue
):
    page = chromium_page
    page.goto("/login/")
    page.fill("input[name=username]", partner_a.username)
    page.fill("input[name=password]", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    page.click("nav >> text=Imports")
    rows = [row(partner_reference=f"B-{i}") for i in range(5)] + [
        row(FLAGGED, partner_reference="B-FLAG")
    ]
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "pos-report.csv", "mimeType": "text/csv", "buffer": csv_bytes(rows)}],
    )
    page.click("text=Upload and map columns")
    # every header names an expected column: no mapping step, a way back to it
    assert "matched for you" in page.inner_text(".messages")
    assert page.locator(".messages a", has_text="Change the mapping").count() == 1
    page.wait_for_selector("#accept")  # the worker validated; htmx swapped the report in
    assert "6 of 6 lines are valid" in page.inner_text("#validation")
    page.click("#accept")
    page.wait_for_selector("#summary")
    bar = page.locator("#import-status .progress")
    assert bar.get_attribute("aria-valuenow") == "100"
    assert "6 of 6 lines screened (100%)" in page.inner_text("#progress-text")
    assert page.inner_text("td[data-tier=low]") == "5"
    assert page.locator(".flagged-line").count() == 1
    page.click(".flagged-line a")
    page.wait_for_selector("#screening")
    assert "B-FLAG" in page.content()
