"""The pages' interactive parts and the API docs work under the content-security policy,
and the browser reports no blocked script, style or eval."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _violations(page) -> list[str]:
    seen: list[str] = []
    page.on(
        "console",
        lambda msg: (
            seen.append(msg.text)
            if "Content Security Policy" in msg.text or "Refused to" in msg.text
            else None
        ),
    )
    return seen


def test_the_register_form_adds_rows_under_the_policy(new_page, sales_rep, catalogue):
    page = new_page("rita_rep")
    violations = _violations(page)
    page.goto("/deals/new/")
    channel_rows = page.locator(".channel-row").count()
    page.click("text=Add a channel partner")
    page.wait_for_selector(f"input[name=channel-{channel_rows}-name]")
    line_rows = page.locator(".line-row").count()
    page.click("text=Add a product")
    page.wait_for_selector(f"select[name=line-{line_rows}-sku]")
    page.goto("/deals/")
    page.fill("input[name=search]", "nothing matches this")
    page.wait_for_load_state("networkidle")
    assert violations == []


def test_the_api_docs_render_under_the_policy(new_page, sales_rep):
    page = new_page("rita_rep")
    violations = _violations(page)
    page.goto("/api/docs/")
    page.wait_for_selector(".opblock", timeout=30_000)
    assert page.locator(".opblock").count() > 5
    assert violations == []


def test_the_unread_badge_and_account_link_are_styled_without_inline_styles(new_page, sales_rep):
    page = new_page("rita_rep")
    violations = _violations(page)
    page.goto("/account/")
    assert "API token" in page.content()
    assert violations == []
