"""The journey of the issue, in a real browser on the demo data: an anonymous reporter
files in Arabic with a file and follows up with the receipt code; compliance links the
report to a demo end customer, and the approved deal with that customer reopens; a
reviewer deciding that deal against its close precedents is asked why."""

from __future__ import annotations

import re

import pytest

from demo.decisions import demo_decisions_load
from demo.services import DEMO_PASSWORD, demo_data_load
from opportunities.models import Opportunity
from reviews.models import Decision, ReviewCase

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 128


@pytest.fixture
def contexts(browser, live_server, flushable_audit_trail):
    opened = []

    def new(username: str | None = None):
        ctx = browser.new_context(base_url=live_server.url)
        ctx.set_default_timeout(15_000)
        opened.append(ctx)
        page = ctx.new_page()
        if username:
            page.goto("/login/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", DEMO_PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_load_state()
        return page

    yield new
    for ctx in opened:
        ctx.close()


def _approved_twin() -> Opportunity:
    """An approved demo deal whose end customer has another approved deal alike (its
    'phase 2'): the twin's decision is the close precedent."""
    for deal in Opportunity.objects.filter(status="approved").order_by("pk"):
        twins = Opportunity.objects.filter(status="approved", title=f"{deal.title} (phase 2)")
        if twins.exists():
            return deal
    raise AssertionError("the demo data has no approved deal with an approved twin")


def test_report_follow_up_reopen_and_the_precedent_question(contexts):
    demo_data_load()
    demo_decisions_load()  # as `manage.py load_demo_data` (and so `make run`) does
    deal = _approved_twin()

    # 1. An anonymous reporter, in Arabic, with a file.
    anon = contexts()
    blocked = []
    anon.on(
        "console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None
    )
    anon.goto("/report/")
    anon.select_option("#language-select", "ar")
    anon.click("#language-button")
    assert anon.locator("html").get_attribute("dir") == "rtl"
    anon.fill("textarea[name=what]", "الكاميرات تُستخدم لتعقب الصحفيين في المدينة.")
    anon.fill("input[name=about_organisation]", deal.end_customer_name)
    anon.set_input_files(
        "input[name=attachment]", {"name": "photo.png", "mimeType": "image/png", "buffer": PNG}
    )
    anon.click("#report-submit")
    code = anon.locator("#receipt-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{1,4}){6}", code), code
    assert not blocked, blocked  # the public pages run under the same policy, untouched

    # 2. Compliance answers, links the suggested end customer, finds the report credible.
    rob = contexts("reviewer")
    rob.goto("/grievances/")
    rob.locator(".report-row a").first.click()
    rob.fill("#report-messages textarea[name=body]", "Thank you. We are investigating the cameras.")
    rob.click("#answer-button")
    rob.click(f"#link-org-{deal.end_customer_id}")
    rob.wait_for_selector("text=Linked to")
    rob.select_option("#report-outcome select[name=outcome]", "credible")
    rob.fill("#report-outcome textarea[name=note]", "The photos show our cameras on site.")
    rob.click("#outcome-button")
    rob.wait_for_selector("text=Outcome recorded")
    deal.refresh_from_db()
    assert deal.status == "on_hold"  # the approved deal reopened
    case = ReviewCase.objects.get(opportunity=deal, status="new")
    rob.goto(f"/reviews/cases/{case.pk}/")
    assert "credible, under investigation" in rob.locator("#concerns").inner_text()

    # 3. The reporter follows up with the code and reads the answer, in Arabic.
    anon.goto("/report/follow-up/")
    anon.fill("input[name=receipt]", code)
    anon.click("#follow-up-submit")
    assert "We are investigating the cameras." in anon.locator("#conversation").inner_text()
    assert "قيد التحقيق" in anon.locator("#report-status").inner_text()  # under investigation

    # 4. Four eyes: one reviewer recommends rejecting; the second, deciding, is asked why.
    rob.click("#claim")
    rob.click("#recommend summary")
    rob.select_option("#recommend select[name=outcome]", "reject")
    rob.fill("#recommend textarea[name=reasons]", "Credible misuse report.")
    rob.click("#recommend button")
    rob.wait_for_selector("text=Recommendation recorded")
    rae = contexts("reviewer2")
    rae.goto(f"/reviews/cases/{case.pk}/")
    warning = rae.locator("#precedent-warning").inner_text()
    assert "approved" in warning
    rae.select_option("#decide select[name=outcome]", "reject")
    rae.fill("#decide textarea[name=reasons]", "The cameras were used against journalists.")
    rae.fill("#decide textarea[name=feedback]", "This sale cannot go ahead.")
    rae.click("#decide-button")
    assert "say why this decision differs" in rae.locator(".messages").inner_text()
    rae.fill("#decide textarea[name=reasons]", "The cameras were used against journalists.")
    rae.fill("#decide textarea[name=feedback]", "This sale cannot go ahead.")
    rae.fill(
        "#decide textarea[name=precedent_reason]", "A credible misuse report; the twin had none."
    )
    rae.click("#decide-button")
    rae.wait_for_selector("text=Decision recorded")
    decision = Decision.objects.get(case=case)
    assert decision.outcome == "reject"
    assert decision.precedent_reason == "A credible misuse report; the twin had none."
