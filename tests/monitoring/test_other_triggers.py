"""Country data, a partner's factors and published criteria each start a re-screening of
the deals they can affect; each screening records the versions it used."""

from __future__ import annotations

import pytest

from countries.models import Country, CountryDataVersion
from countries.services import country_flags_set, country_indicators_import
from monitoring.models import RescreenChange, RescreenRun
from partners.services import organisation_factors_set
from reviews.models import ReviewCase

from .conftest import run_latest

pytestmark = pytest.mark.django_db

HEADER = "iso2,indicator_code,indicator_name,year,value,source\n"


def civil_liberties(iso2: str, value: float) -> str:
    return HEADER + f"{iso2},VDEM_CIVLIB,Civil liberties index,2026,{value},V-Dem test figure\n"


def test_a_lower_civil_liberties_score_raises_the_deals_of_that_country_only(
    make_deal, admin_user, sales_rep
):
    from lifecycle.services import opportunity_register
    from tests.factories import OrganisationFactory, deal_body

    # The distributor has been assessed and has no programme and no trained staff: that,
    # not its being unknown (which now only asks for its profile), makes the DPI deal high.
    OrganisationFactory(
        name="Nordic Distribution AB",
        country="SE",
        role="distributor",
        hrdd_maturity="none",
        staff_trained=False,
        dd_status="assessed",
    )
    body = deal_body(title="Oslo inspection", lines=[{"sku": "DPI-9000", "quantity": 1}])
    norway = opportunity_register(actor=sales_rep, data=body).opportunity
    assert norway.current_screening.tier == "high"
    elsewhere = make_deal(
        "low",
        title="Lisbon network",
        end_customer={
            "name": "Lisboa Logistica",
            "country": "PT",
            "type": "private_enterprise",
            "sector": "logistics",
        },
        delivery_country="PT",
    )
    country_indicators_import(text=civil_liberties("NO", 0.1), actor=admin_user)
    version = CountryDataVersion.objects.get()
    run = run_latest("country_data")
    assert run.countries == ["NO"] and run.total == 1 and run.raised == 1
    norway.refresh_from_db()
    elsewhere.refresh_from_db()
    assert norway.current_screening.tier == "critical"
    assert "new finding “Very low civil liberties”" in RescreenChange.objects.get(run=run).summary
    assert norway.current_screening.basis["country_data_version"] == version.number
    assert elsewhere.current_screening.trigger == "registration"
    # Loading the same figure again changes nothing: no version, no run.
    country_indicators_import(text=civil_liberties("NO", 0.1), actor=admin_user)
    assert CountryDataVersion.objects.count() == 1
    assert not RescreenRun.objects.filter(status="queued").exists()


def test_a_country_newly_sanctioned_blocks_its_deals(make_deal, admin_user):
    deal = make_deal("low")
    country_flags_set(
        actor=admin_user,
        country=Country.objects.get(iso2="NO"),
        sanctioned=True,
        armed_conflict=False,
    )
    run = run_latest("country_data")
    deal.refresh_from_db()
    assert run.raised == 1 and deal.current_screening.tier == "prohibited"
    assert ReviewCase.objects.filter(opportunity=deal, status__in=ReviewCase.OPEN_STATES).exists()


def test_a_partner_refusing_flow_down_raises_the_deals_it_is_in(make_deal, admin_user):
    channel = [{"name": "Refusenik Distribution", "role": "distributor", "country": "SE"}]
    deal = make_deal("low", channel=channel)
    other = make_deal("low", title="Not through Refusenik")
    org = deal.channel.get().organisation
    organisation_factors_set(
        actor=admin_user, organisation=org, refused_flow_down=True, prior_incident=True
    )
    run = run_latest("partner_factors")
    assert run.organisation_ids == [org.pk] and run.total == 1
    deal.refresh_from_db()
    other.refresh_from_db()
    change = RescreenChange.objects.get(run=run)
    assert change.opportunity == deal and "new finding" in change.summary
    assert other.current_screening.trigger == "registration"
    # Setting the same factors again starts nothing.
    organisation_factors_set(actor=admin_user, organisation=org, refused_flow_down=True)
    assert not RescreenRun.objects.filter(status="queued").exists()


def test_publishing_criteria_rescreens_open_deals_and_recent_approvals_not_old_ones(
    approved_condition, make_deal, admin_user, reviewer
):
    from reviews.models import Decision
    from reviews.services import review_claim, review_decide
    from rules import services as rules

    approved = approved_condition.opportunity
    old = make_deal("medium", title="Approved long ago")
    case = review_claim(case=ReviewCase.objects.get(opportunity=old), actor=reviewer)
    # A close precedent was approved with conditions, so the reviewer says why not here.
    review_decide(
        case=case,
        actor=reviewer,
        outcome="approve",
        reasons="Fine.",
        precedent_reason="The end user already signed an end-use certificate.",
    )
    Decision.objects.filter(opportunity=old).update(decided_at="2020-01-01T00:00:00Z")
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
    run = run_latest("criteria_published")
    assert run.total == 1 and run.raised == 1 and run.reopened == 1
    approved.refresh_from_db()
    old.refresh_from_db()
    assert approved.status == "on_hold" and old.status == "approved"
    assert approved.current_screening.basis["criteria_version"] == run.criteria_version.number


def test_an_admin_changing_factors_or_flags_in_the_admin_site_starts_a_rescreening(
    make_deal, admin_user, client
):
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    deal = make_deal("low")
    org = deal.channel.get().organisation
    client.force_login(admin_user)
    r = client.post(
        f"/admin/partners/organisation/{org.pk}/change/",
        {
            "name": org.name,
            "country": org.country,
            "role": org.role,
            "hrdd_maturity": "none",
            "prior_incident": "on",
            "refused_flow_down": "on",
        },
    )
    assert r.status_code == 302, r.content[:500]
    org.refresh_from_db()
    assert org.refused_flow_down and org.prior_incident and not org.staff_trained
    assert RescreenRun.objects.filter(trigger="partner_factors", organisation_ids=[org.pk]).exists()
    r = client.post(
        "/admin/countries/country/NO/change/",
        {
            "iso2": "NO",
            "iso3": "NOR",
            "name": "Norway",
            "sanctioned": "on",
            "notes": "Test.",
            "indicators-TOTAL_FORMS": "0",
            "indicators-INITIAL_FORMS": "0",
        },
    )
    assert r.status_code == 302, r.content[:500]
    run = run_latest("country_data")
    assert run.countries == ["NO"] and run.raised == 1
