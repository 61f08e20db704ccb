"""A reviewer's day in a real browser: open the queue, claim, ask the partner, the partner
answers with a file (a second browser context), recommend, and a second approver signs off
an approval with conditions. The partner then sees the feedback and the condition."""

from __future__ import annotations

import pytest

from lifecycle.services import opportunity_register
from opportunities.models import Opportunity
from reviews.models import CaseCondition, ReviewCase
from tests.factories import deal_body
from tests.reviews.conftest import TIER_DEALS

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def sign_in(browser, live_server, flushable_audit_trail):
    contexts = []

    def open_as(username: str):
        ctx = browser.new_context(base_url=live_server.url)
        ctx.set_default_timeout(15_000)
        contexts.append(ctx)
        page = ctx.new_page()
        page.goto("/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "correct horse battery")
        page.click("button[type=submit]")
        page.wait_for_load_state()
        return page

    yield open_as
    for ctx in contexts:
        ctx.close()


def test_a_reviewers_day(sign_in, partner_a, reviewer, second_reviewer, catalogue):
    body = deal_body(
        title="Lawful intercept for Deutsche Netz",
        channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
        **TIER_DEALS["high"],
    )
    deal = opportunity_register(actor=partner_a, data=body).opportunity
    case = ReviewCase.objects.get(opportunity=deal)

    # 1. The reviewer signs in, lands on the queue and claims the case in place (htmx).
    rob = sign_in("rob_reviewer")
    assert rob.url.endswith("/reviews/")
    row = rob.locator(f"#case-{case.pk}")
    assert "Lawful intercept for Deutsche Netz" in row.inner_text()
    row.locator("button.claim").click()
    rob.wait_for_selector(f"#case-{case.pk} .ok")
    assert "rob_reviewer" in rob.locator(f"#case-{case.pk} .assignee").inner_text()

    # 2. On the case page, they ask the partner specific questions.
    rob.goto(f"/reviews/cases/{case.pk}/")
    rob.click("#request-information summary")
    rob.select_option("#request-information select[name=addressed_to]", str(partner_a.pk))
    rob.fill(
        "#request-information textarea[name=questions]",
        "Which authority orders interceptions, under which law?",
    )
    rob.click("#request-information button")
    rob.wait_for_selector("text=Questions sent")
    assert "Information requested" in rob.locator("#case-state").inner_text()

    # 3. The partner (a second browser context) answers on the deal page, with a certificate.
    paula = sign_in("paula_partner_a")
    assert (
        "Inbox" in paula.locator("nav").inner_text() and paula.locator("#unread-count").count() == 1
    )
    paula.goto(f"/deals/{deal.pk}/")
    assert (
        "Which authority orders interceptions" in paula.locator("#questions-for-you").inner_text()
    )
    paula.fill(
        "#questions-for-you textarea[name=answer]",
        "Federal courts order them under the German TKG.",
    )
    paula.set_input_files(
        "#questions-for-you input[name=attachment]",
        files=[{"name": "end-use-certificate.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    paula.click("#send-answer")
    paula.wait_for_selector("text=your answer went to the compliance reviewer")

    # 4. The reviewer sees the answer and the file, and recommends.
    rob.reload()
    assert "Federal courts order them" in rob.locator("#information-requests").inner_text()
    assert "end-use-certificate.pdf" in rob.locator("#information-requests").inner_text()
    rob.click("#recommend summary")
    rob.select_option("#recommend select[name=outcome]", "approve_with_conditions")
    rob.fill(
        "#recommend textarea[name=reasons]", "Court-ordered interception by a licensed operator."
    )
    rob.click("#recommend button")
    rob.wait_for_selector("text=Recommendation recorded")
    assert rob.locator("#decide").count() == 0  # four eyes: not for the recommender

    # 5. A second approver signs off with a condition.
    rhea = sign_in("rhea_reviewer")
    rhea.goto(f"/reviews/cases/{case.pk}/")
    rhea.select_option("#decide select[name=outcome]", "approve_with_conditions")
    rhea.fill("#decide textarea[name=reasons]", "Agree with the recommendation; licensed operator.")
    rhea.fill(
        "#decide textarea[name=feedback]",
        "Approved: have the operator sign the end-use certificate before delivery.",
    )
    rhea.select_option("select[name=cond-0-mitigation]", "end-use-certificate")
    rhea.select_option("select[name=cond-0-owner]", str(partner_a.pk))
    rhea.fill("input[name=cond-0-due_date]", "2030-06-30")
    rhea.click("#decide-button")
    rhea.wait_for_selector("text=Decision recorded")
    assert "Approved with conditions" in rhea.locator("#decision").inner_text()

    deal.refresh_from_db()
    assert deal.status == Opportunity.Status.APPROVED_WITH_CONDITIONS
    assert CaseCondition.objects.get(case=case).owner == partner_a

    # 6. The partner sees the feedback and their condition, never the internal reasons.
    paula.goto(f"/deals/{deal.pk}/")
    feedback = paula.locator("#decision-feedback").inner_text()
    assert "have the operator sign the end-use certificate" in feedback
    assert "End-use and end-user certificate" in feedback
    assert "licensed operator." not in paula.content()
