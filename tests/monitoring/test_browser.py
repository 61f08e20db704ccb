"""The issue's journeys in a real browser, with a real Celery worker doing the
re-screening: an admin imports a newer list in which a demo end customer is now listed
and the approved deal reopens with a case naming the list update; a demo country's score
is lowered and the deals it affects change tier; an overdue condition reopens its deal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from demo.services import DEMO_PASSWORD, SCENARIOS, demo_data_load
from hrdd.celery import app as celery_app
from monitoring.models import RescreenChange, RescreenRun
from opportunities.models import Opportunity
from reviews.models import CaseCondition, ReviewCase
from reviews.services import review_claim, review_decide
from tests.reviews.test_worker import _wait_for

from .conftest import write_list


@pytest.fixture(autouse=True)
def _flushable(flushable_audit_trail):
    yield
    # Let the worker finish what it started (marking its outbox rows done) before the
    # database is flushed under it.
    from outbox.models import OutboxMessage

    _wait_for(lambda: not OutboxMessage.objects.filter(status="running").exists())


pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def sign_in(browser, live_server):
    contexts = []

    def open_as(username: str):
        ctx = browser.new_context(base_url=live_server.url)
        ctx.set_default_timeout(20_000)
        contexts.append(ctx)
        page = ctx.new_page()
        page.goto("/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        return page

    yield open_as
    for ctx in contexts:
        ctx.close()


def _approve(deal: Opportunity, *, conditions=()) -> None:
    from accounts.models import User

    senior = User.objects.get(username="senior")
    case = review_claim(case=ReviewCase.objects.get(opportunity=deal, status="new"), actor=senior)
    review_decide(
        case=case,
        actor=senior,
        reasons="Research use, checked.",
        feedback="Go ahead.",
        outcome="approve_with_conditions" if conditions else "approve",
        conditions=list(conditions),
    )


def _run_done(trigger: str):
    return lambda: RescreenRun.objects.filter(trigger=trigger, status="done").exists()


def _let_the_worker_finish() -> None:
    """Wait (bounded) until the worker has sent what the run queued after it (notifications),
    so what the pages show next is settled."""
    from outbox.models import OutboxMessage

    busy = (OutboxMessage.Status.PENDING, OutboxMessage.Status.RUNNING)
    _wait_for(lambda: not OutboxMessage.objects.filter(status__in=busy).exists())


def test_continuous_due_diligence_in_the_browser(sign_in, tmp_path, real_worker):
    celery_app.conf.task_always_eager = True  # the demo loads as `make run` would
    demo_data_load(deals=len(SCENARIOS))
    in_review = Opportunity.objects.filter(status="in_review", current_screening__tier="medium")
    listed, conditioned = in_review.order_by("pk")[:2]
    _approve(listed)
    _approve(
        conditioned,
        conditions=[
            {
                "mitigation": "end-use-certificate",
                "owner": conditioned.owner_id,
                "due_date": (timezone.now().date() + timedelta(days=30)).isoformat(),
            }
        ],
    )
    RescreenRun.objects.update(status="done")  # the demo's own runs are not under test
    celery_app.conf.task_always_eager = False  # from here, the worker does the work

    # 1. An admin imports a newer list in which the demo end customer is now listed.
    name = listed.end_customer_name
    new_list = write_list(tmp_path, add=[("fict-950", name, listed.end_customer_country)])
    admin = sign_in("admin")
    admin.goto("/restricted-parties/")
    admin.select_option("form[enctype] select[name=format]", "opensanctions")
    admin.fill("form[enctype] input[name=name]", "Sample list (fictional)")
    admin.set_input_files("form[enctype] input[name=file]", str(new_list))
    admin.click("form[enctype] button[type=submit], form[enctype] button")
    admin.wait_for_load_state()
    assert _wait_for(_run_done("list_update")), "the list re-screening did not finish"
    _let_the_worker_finish()
    reviewer = sign_in("reviewer")
    reviewer.goto(f"/deals/{listed.pk}/")
    assert "Blocked" in reviewer.inner_text(".status")
    history = reviewer.inner_text("section.history")
    assert (
        "Sample list (fictional), version of" in history
        and "new match for the end customer" in history
    )
    assert "Basis changed" in reviewer.content()
    reviewer.goto("/monitoring/")
    reviewer.click("table#runs tr[data-trigger=list_update] a")
    assert reviewer.inner_text("#run-reopened") == "1"
    assert listed.reference in reviewer.inner_text("table.rescreen-changes")

    # 2. A demo country's civil-liberties score is lowered: its deals change tier.
    country = "CO"
    before = dict(
        Opportunity.objects.filter(end_customer_country=country).values_list(
            "pk", "current_screening__tier"
        )
    )
    figures = tmp_path / "indicators.csv"
    figures.write_text(
        "iso2,indicator_code,indicator_name,year,value,source\n"
        f"{country},VDEM_CIVLIB,Civil liberties index,2026,0.05,V-Dem (test figure)\n"
    )
    admin.goto("/criteria/countries/")
    admin.set_input_files("input[name=file]", str(figures))
    admin.click("form[enctype] button")
    admin.wait_for_load_state()
    assert _wait_for(_run_done("country_data")), "the country re-screening did not finish"
    _let_the_worker_finish()
    raised = RescreenChange.objects.filter(run__trigger="country_data", direction="up")
    assert raised.exists()
    after = dict(
        Opportunity.objects.filter(pk__in=before).values_list("pk", "current_screening__tier")
    )
    assert any(after[pk] != tier for pk, tier in before.items())
    reviewer.goto("/monitoring/")
    reviewer.click("table#runs tr[data-trigger=country_data] a")
    assert int(reviewer.inner_text("#run-raised")) == raised.count()
    deal = raised.first().opportunity
    reviewer.click(f"a[href='/deals/{deal.pk}/']")
    assert after[deal.pk] in reviewer.inner_text("#screening h2")

    # 3. An overdue condition reopens its deal, and the rep is told what to do.
    CaseCondition.objects.filter(opportunity=conditioned).update(
        due_date=timezone.now().date() - timedelta(days=30)
    )
    celery_app.send_task("monitoring.tasks.conditions_reopen_lapsed")  # as beat sends it
    assert _wait_for(
        lambda: Opportunity.objects.get(pk=conditioned.pk).status != "approved_with_conditions"
    )
    owner = conditioned.owner.username
    _let_the_worker_finish()
    page = sign_in(owner)
    page.goto(f"/deals/{conditioned.pk}/")
    assert "In compliance review" in page.inner_text(".status")
    assert _wait_for(
        lambda: conditioned.owner.notifications.filter(
            title__contains="back in compliance review"
        ).exists()
    )
    page.goto("/inbox/")
    assert "back in compliance review" in page.content()
