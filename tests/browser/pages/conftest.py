import pytest

from tests.reviews.conftest import (  # noqa: F401 - fixtures shared with the review tests
    case_of,
    eager_celery,
    fast_passwords,
    make_deal,
    media_root,
)


@pytest.fixture
def open_as(browser, live_server):
    """open_as(username, viewport) signs a persona in (test password) in its own browser
    context of that size; the contexts close after the test."""
    contexts = []

    def sign_in(username: str, viewport: dict):
        ctx = browser.new_context(base_url=live_server.url, viewport=viewport)
        ctx.set_default_timeout(15_000)
        contexts.append(ctx)
        page = ctx.new_page()
        page.goto("/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "correct horse battery")
        page.click("button[type=submit]")
        page.wait_for_load_state()
        return page

    yield sign_in
    for ctx in contexts:
        ctx.close()
