"""The issue's "Done when", in a real browser with the demo data: an evidence pack downloads
and verifies offline; the admin cannot delete a decided deal's record; a notification to the
authority is drafted, sent and answered; the 2026 statement renders and its CSV matches."""

from __future__ import annotations

import csv
import io

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from demo.services import DEMO_PASSWORD, demo_data_load
from opportunities.models import Opportunity
from reviews.models import ReviewCase
from reviews.services import review_claim, review_decide
from tests.browser.conftest import new_page  # noqa: F401 - the signed-in page fixture

from .test_evidence_pack import _verify_offline

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _decide_two():
    from accounts.models import User

    reviewer = User.objects.get(username="reviewer")
    deals = []
    for case in ReviewCase.objects.filter(tier="medium").select_related("opportunity")[:2]:
        review_decide(
            case=review_claim(case=case, actor=reviewer),
            actor=reviewer,
            outcome="approve",
            reasons="Demo: research use confirmed.",
        )
        deals.append(Opportunity.objects.get(pk=case.opportunity_id))
    return deals


def test_done_when_walked_in_the_browser(new_page, tmp_path, settings):  # noqa: F811
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "checkpoints"
    demo_data_load(deals=40)
    packed, notified = _decide_two()

    page = new_page("reviewer", DEMO_PASSWORD)
    page.click("#nav-records")
    page.click(f"text={packed.reference}")
    with page.expect_download() as download:
        page.click("#download-pack")
    pack = tmp_path / download.value.suggested_filename
    download.value.save_as(pack)
    assert pack.name == f"evidence-pack-{packed.reference}.zip"
    # verified by a process that has no database to talk to
    checked = _verify_offline(pack)
    assert checked.returncode == 0, checked.stderr

    admin = new_page("admin", DEMO_PASSWORD)
    admin.goto(f"/admin/opportunities/opportunity/{packed.pk}/change/")
    expect(admin.locator("body")).to_contain_text(packed.reference)
    assert admin.locator("a.deletelink").count() == 0
    response = admin.goto(f"/admin/opportunities/opportunity/{packed.pk}/delete/")
    assert response.status == 403
    assert Opportunity.objects.filter(pk=packed.pk).exists()

    page.goto(f"/records/deals/{notified.pk}/")
    page.click("#record-awareness summary")
    page.fill(
        "textarea[name=reason]",
        "An NGO report links the end user to the surveillance of journalists.",
    )
    page.click("#record-awareness-submit")
    expect(page.locator("#deal-status")).to_have_text("Blocked (hard stop)")
    page.click("#authority a")
    expect(page.locator("textarea[name=body]")).to_contain_text("Exporter: Northwind Networks")
    page.fill("input[name=authority]", "Federal Office for Economic Affairs and Export Control")
    page.click("#save-draft")
    page.fill("#mark-sent input[name=reference]", "BAFA-2026-0815")
    page.click("#mark-sent-submit")
    expect(page.locator("#sent-reference")).to_have_text("BAFA-2026-0815")
    rep = new_page(notified.owner.username, DEMO_PASSWORD)
    rep.goto(f"/deals/{notified.pk}/")
    expect(rep.locator("main")).to_contain_text("In compliance review")
    expect(rep.locator("main")).not_to_contain_text("authority")
    page.fill("textarea[name=answer]", "No objection.")
    page.click("#record-answer-submit")
    expect(page.locator("#answer-outcome")).to_contain_text("No objection")
    expect(page.locator("#deal-status")).to_have_text("Approved")

    year = timezone.localdate().year
    page.goto(f"/records/statement/?year={year}")
    bars = page.locator("g.bar")
    charted = {
        (b.get_attribute("data-section"), b.get_attribute("data-label")): b.get_attribute(
            "data-value"
        )
        for b in bars.all()
    }
    assert len(charted) > 20
    with page.expect_download() as download:
        page.click("#statement-csv")
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert rows[0] == ["Section", "Figure", "Value", "Unit", "Section id"]
    figures = {(r[4], r[1]): r[2] for r in rows[1:]}
    assert {k: figures[k] for k in charted} == charted
