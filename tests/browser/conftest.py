"""Playwright driving Debian's chromium against pytest-django's live server."""

from __future__ import annotations

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from
# a thread with a running loop unless told it is safe (the test owns the thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make test installs it where it can)")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, and Django's connection
    # handler is context-local, so ORM calls now get a new connection object. Give it the
    # serialized test data the original had, so transactional tests restore seeded rows.
    saved = {a: getattr(connections[a], "_test_serialized_contents", None) for a in connections}
    with sync_playwright() as p:
        for alias, contents in saved.items():
            if contents is not None and not hasattr(
                connections[alias], "_test_serialized_contents"
            ):
                connections[alias]._test_serialized_contents = contents
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


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
