"""Each trigger through a real Celery worker on the configured broker: the change commits,
the outbox sends the plan, the worker plans and re-screens each chunk. Nothing is called
by hand; the result is read back from the database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from countries.services import country_indicators_import
from hrdd.celery import app as celery_app
from lifecycle.services import opportunity_register
from monitoring.models import RescreenRun
from opportunities.models import Opportunity
from partners.services import organisation_factors_set
from reviews.models import CaseCondition
from tests.factories import OrganisationFactory, deal_body
from tests.reviews.test_worker import _wait_for

from .conftest import import_list, write_list


@pytest.fixture(autouse=True)
def _flushable(flushable_audit_trail):
    yield
    # Let the worker finish what it started (marking its outbox rows done) before the
    # database is flushed under it.
    from outbox.models import OutboxMessage

    _wait_for(lambda: not OutboxMessage.objects.filter(status="running").exists())


pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _run_done(trigger: str):
    return lambda: (
        RescreenRun.objects.filter(trigger=trigger, status="done").order_by("-id").first()
    )


def _status(deal) -> str:
    return Opportunity.objects.get(pk=deal.pk).status


def test_a_list_update_reopens_an_approved_deal_on_a_real_worker(
    approved_condition, admin_user, tmp_path, settings, real_worker
):
    settings.MONITORING_CHUNK_DEALS = 1  # several chunks, taken one by one
    settings.MONITORING_CHUNK_ORGANISATIONS = 1  # the organisations screened in chunks too
    deal = approved_condition.opportunity
    import_list(admin_user, write_list(tmp_path, add=[("fict-900", "Gulf Research Co", "AE")]))
    run = _wait_for(_run_done("list_update")) and _run_done("list_update")()
    assert run, "the list-update run did not finish"
    assert run.raised == 1 and run.reopened == 1
    assert _status(deal) == "blocked"


def test_new_country_data_raise_a_deal_on_a_real_worker(
    sales_rep, admin_user, catalogue, real_worker
):
    # An assessed distributor with no programme and no trained staff makes the DPI deal
    # high to start with (an unknown one would only be asked for its profile).
    OrganisationFactory(
        name="Nordic Distribution AB",
        country="SE",
        role="distributor",
        hrdd_maturity="none",
        staff_trained=False,
        dd_status="assessed",
    )
    body = deal_body(title="Oslo inspection", lines=[{"sku": "DPI-9000", "quantity": 1}])
    deal = opportunity_register(actor=sales_rep, data=body).opportunity
    assert deal.current_screening.tier == "high"
    country_indicators_import(
        text="iso2,indicator_code,indicator_name,year,value,source\n"
        "NO,VDEM_CIVLIB,Civil liberties,2026,0.1,V-Dem test figure\n",
        actor=admin_user,
    )
    assert _wait_for(_run_done("country_data"))
    assert Opportunity.objects.get(pk=deal.pk).current_screening.tier == "critical"


def test_published_criteria_raise_open_deals_on_a_real_worker(make_deal, admin_user, real_worker):
    from rules import services as rules

    deal = make_deal("low")
    draft = rules.criteria_draft_start(actor=admin_user)
    rules.criterion_save(
        actor=admin_user,
        draft=draft,
        code="RAISE-ALL",
        create=True,
        values={
            "name": "Everything is high",
            "dimension": "combination",
            "condition": "capability_severity >= 0",
            "outcome": "heightened_due_diligence",
            "explanation": "Test",
            "scale": 0,
        },
    )
    rules.criteria_publish(actor=admin_user, draft=draft)
    assert _wait_for(_run_done("criteria_published"))
    assert _status(deal) == "on_hold"


def test_a_partners_new_factors_raise_its_deals_on_a_real_worker(
    make_deal, admin_user, real_worker
):
    deal = make_deal(
        "low", channel=[{"name": "Refusenik AB", "role": "distributor", "country": "SE"}]
    )
    organisation_factors_set(
        actor=admin_user,
        organisation=deal.channel.get().organisation,
        refused_flow_down=True,
        prior_incident=True,
    )
    assert _wait_for(_run_done("partner_factors"))
    run = _run_done("partner_factors")()
    assert run.total == 1 and run.changed_same_tier + run.raised == 1


def test_the_condition_sweep_reopens_a_lapsed_deal_on_a_real_worker(
    approved_condition, real_worker
):
    past = timezone.now().date() - timedelta(days=30)
    CaseCondition.objects.filter(pk=approved_condition.pk).update(due_date=past)
    # as beat sends it: by name, twice (the second finds nothing left to reopen)
    celery_app.send_task("monitoring.tasks.conditions_reopen_lapsed")
    celery_app.send_task("monitoring.tasks.conditions_reopen_lapsed")
    deal = approved_condition.opportunity
    assert _wait_for(lambda: _status(deal) in ("in_review", "on_hold"))
    assert deal.review_cases.filter(status="new").count() == 1
