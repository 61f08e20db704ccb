"""Playwright driving Debian's chromium against pytest-django's live server."""

from __future__ import annotations

import pytest


@pytest.fixture
def new_page(browser, live_server):
    """A function that opens a fresh browser context (its own cookies) signed in as a user."""
    contexts = []

    def open_as(username: str, password: str = "correct horse battery"):
        ctx = browser.new_context(base_url=live_server.url)
        ctx.set_default_timeout(15_000)
        contexts.append(ctx)
        page = ctx.new_page()
        page.goto("/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        return page

    yield open_as
    for ctx in contexts:
        ctx.close()
