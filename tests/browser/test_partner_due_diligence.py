"""The partner due-diligence journey in a real browser, on the demo data: compliance sends
the questionnaire to the demo's unassessed reseller, its user answers with an uploaded
policy, compliance accepts, the maturity changes and a real worker re-screens the
reseller's open deals."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from demo.services import DEMO_PASSWORD, demo_data_load
from opportunities.models import Opportunity
from partners.models import Organisation
from taxonomy import PARTNER_MATURITY
from tests.outbox.conftest import private_redis, thread_worker, until  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n% Delta Local IT human-rights and export-compliance policy\n" + b"0" * 64


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    demo_data_load(deals=0)  # organisations, users, catalogue and the unassessed reseller's deals
    return Organisation.objects.get(name="Delta Local IT")


def test_compliance_sends_the_partner_answers_compliance_accepts_and_deals_are_re_screened(
    new_page,
    demo,
    tmp_path,
    thread_worker,  # noqa: F811
):
    delta = demo
    deals = list(Opportunity.objects.filter(channel__organisation=delta).order_by("pk"))
    assert len(deals) == 2
    # Unknown is not none: ordinary deals through the unassessed reseller are low, and ask
    # for its profile.
    assert {d.current_screening.tier for d in deals} == {"low"}
    reviewer = new_page("reviewer", DEMO_PASSWORD)
    reviewer.goto(f"/deals/{deals[0].pk}/")
    expect(reviewer.locator(".finding[data-code=PTR-NOT-ASSESSED]")).to_have_count(1)

    # Compliance finds the partner in the league table and sends the questionnaire.
    reviewer.click("text=Partners")
    reviewer.click("#league >> text=Delta Local IT")
    expect(reviewer.locator("#dd-status")).to_have_text("Not yet assessed")
    reviewer.click("#send-questionnaire")
    expect(reviewer.locator("#dd-q-status")).to_contain_text("Sent")

    # The reseller's user answers it, with its policy attached, and submits.
    thread_worker()
    partner = new_page("delta", DEMO_PASSWORD)
    partner.click("#nav-my-organisation")
    partner.click("#open-questionnaire")
    partner.select_option("select[name=programme]", "hrdd_and_export")
    partner.fill("input[name=contact_name]", "Dieter Dahl")
    partner.fill("input[name=contact_email]", "compliance@delta.example")
    partner.select_option("select[name=staff_trained]", "true")
    partner.fill("input[name=trained_on]", "2026-09-15")
    partner.select_option("select[name=screens_end_users]", "true")
    partner.fill("textarea[name=kyc_steps]", "Sanctions list check; end-user statement.")
    partner.select_option("select[name=flows_down_clauses]", "true")
    partner.select_option("select[name=prior_incident]", "false")
    partner.select_option("select[name=accepts_audits]", "true")
    partner.select_option("select[name=accepts_flow_down]", "true")
    partner.click("#dd-save")
    expect(partner.locator(".messages")).to_contain_text("saved")
    policy = tmp_path / "delta-hrdd-policy.pdf"
    policy.write_bytes(PDF)
    partner.select_option("select[name=kind]", "policy")
    partner.set_input_files("input[name=file]", str(policy))
    partner.click("#dd-attach")
    expect(partner.locator("#dd-evidence")).to_contain_text("delta-hrdd-policy.pdf")
    partner.click("#dd-submit")
    expect(partner.locator("#dd-q-status")).to_contain_text("Answered")

    # Compliance reviews: the preview shows the maturity the answers give, then accepts.
    reviewer.reload()
    expect(reviewer.locator("#dd-preview-maturity")).to_have_text(PARTNER_MATURITY["advanced"])
    expect(reviewer.locator("#dd-evidence")).to_contain_text("delta-hrdd-policy.pdf")
    reviewer.fill("form:has(#dd-accept) textarea[name=note]", "Policy signed by the board.")
    reviewer.click("#dd-accept")
    expect(reviewer.locator("#dd-q-maturity")).to_have_text(PARTNER_MATURITY["advanced"])
    reviewer.click(f"a[href='/partners/{delta.pk}/']")
    expect(reviewer.locator("#dd-status")).to_have_text("Assessed")
    expect(reviewer.locator("#dd-maturity")).to_contain_text(PARTNER_MATURITY["advanced"])
    expect(reviewer.locator("#dd-reasons")).to_contain_text("policy attached")

    # The worker re-screens the reseller's open deals: the unknown-partner finding is gone.
    until(
        lambda: all(d.screenings.filter(trigger="partner_assessed").exists() for d in deals),
        timeout=60,
        what="the reseller's open deals re-screened",
    )
    reviewer.goto(f"/deals/{deals[0].pk}/")
    expect(reviewer.locator(".finding[data-code=PTR-NOT-ASSESSED]")).to_have_count(0)
    expect(reviewer.locator("#screening h2 .tier")).to_have_text("low")

    # The partner sees its maturity, never the reviewer's note.
    partner.goto(f"/partners/{delta.pk}/")
    expect(partner.locator("#dd-maturity")).to_contain_text(PARTNER_MATURITY["advanced"])
    assert "Policy signed by the board." not in partner.content()
