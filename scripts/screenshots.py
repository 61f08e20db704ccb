"""Screenshots of the main pages for the README, taken with Playwright and Debian's chromium.

    make run                      # (or any server with the demo data loaded)
    .venv/bin/python scripts/screenshots.py [http://127.0.0.1:8000]

Writes PNG files to docs/screenshots/. Signs in as the demo users (README "Signing in").
It decides one medium-tier case to show a decided deal, so run it against freshly loaded
demo data (a second run finds no case left to claim and keeps the old deal-decided.png).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000").rstrip("/")
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-pass-2026")
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _sign_in(browser, username: str, viewport: dict):
    ctx = browser.new_context(base_url=BASE, viewport=viewport, device_scale_factor=1)
    page = ctx.new_page()
    page.goto("/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return ctx, page


def _first_opportunity(page, status: str) -> str | None:
    page.goto(f"/deals/?status={status}")
    link = page.locator('#deal-rows tbody tr td:first-child a:not([href="/deals/new/"])').first
    return link.get_attribute("href") if link.count() else None


def _decide_one(browser) -> tuple[str, str] | None:
    """Approve one medium-tier demo case with a condition, so the decided deal's banner
    can be shown (the demo data has no decision)."""
    ctx, page = _sign_in(browser, "reviewer", DESKTOP)
    page.goto("/reviews/?tier=medium")
    claim = page.locator("button.claim").first
    if not claim.count():
        ctx.close()
        return None
    claim.click()
    page.locator("tr.case-row .ok a").first.click()
    page.select_option("#decide select[name=outcome]", "approve_with_conditions")
    page.fill("#decide textarea[name=reasons]", "Research use confirmed; statement on file.")
    page.fill(
        "#decide textarea[name=feedback]",
        "Approved: have the end user sign the end-use statement before delivery.",
    )
    page.select_option("select[name=cond-0-mitigation]", index=1)
    page.fill("input[name=cond-0-due_date]", "2027-03-31")
    page.click("#decide-button")
    page.wait_for_load_state()
    departs = page.locator("textarea[name=precedent_reason]")
    if departs.count() and page.locator("#decide-button").count():
        # closely similar deals were decided otherwise: the decision says why
        departs.fill("The end user is a university lab, unlike the precedent's undisclosed one.")
        page.click("#decide-button")
        page.wait_for_load_state()
    deal = page.locator('main a[href^="/deals/"]').first.get_attribute("href")
    page.goto(deal)
    owner = re.search(r"owner (.+?) · submitted by", page.locator("p.status").inner_text())
    ctx.close()
    return (deal, _username_of(browser, owner.group(1))) if owner else None


# The demo's users who can own a deal (README "Signing in").
OWNERS = ("rep", "rep2", "rep3", "partner", "partner2", "distributor", "delta")


def _username_of(browser, name: str) -> str:
    """The demo user the deal page names (it shows a person's name, not the username):
    the one whose own pages greet them by that name."""
    for username in OWNERS:
        ctx, page = _sign_in(browser, username, DESKTOP)
        greeted = page.locator("header.topbar").inner_text()
        ctx.close()
        if f"{name} ·" in greeted:
            return username
    return name


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        ctx, page = _sign_in(browser, "reviewer", DESKTOP)
        page.goto("/overview/")
        page.wait_for_selector("#charts[data-ready=true]")
        page.screenshot(path=OUT / "compliance-overview.png", full_page=True)
        page.goto("/reviews/")
        page.screenshot(path=OUT / "review-queue.png", full_page=False)
        ctx.close()

        decided = _decide_one(browser)
        if decided:
            ctx, page = _sign_in(browser, decided[1], DESKTOP)
            page.goto(decided[0])
            page.screenshot(path=OUT / "deal-decided.png")
            ctx.close()
        ctx, page = _sign_in(browser, "rep", DESKTOP)
        page.goto("/deals/")
        page.screenshot(path=OUT / "deal-list.png")
        href = _first_opportunity(page, "on_hold")
        if href:
            page.goto(href)
            page.screenshot(path=OUT / "deal-in-review.png")
        ctx.close()

        ctx, page = _sign_in(browser, "partner", DESKTOP)
        page.goto("/overview/")
        page.wait_for_selector("#charts[data-ready=true]")
        page.screenshot(path=OUT / "partner-overview.png", full_page=True)
        ctx.close()

        ctx, page = _sign_in(browser, "reviewer", PHONE)
        page.goto("/reviews/")
        page.screenshot(path=OUT / "phone-queue.png")
        ctx.close()
        ctx, page = _sign_in(browser, "reviewer", PHONE)
        page.goto("/overview/")
        page.wait_for_selector("#charts[data-ready=true]")
        page.locator("#chart-country-map").screenshot(path=OUT / "phone-overview-map.png")
        ctx.close()
        ctx, page = _sign_in(browser, "rep", PHONE)
        page.goto("/deals/new/")
        page.screenshot(path=OUT / "phone-deal-form.png")
        ctx.close()
        browser.close()
    print(f"Screenshots in {OUT}")


if __name__ == "__main__":
    main()
