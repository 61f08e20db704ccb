"""Compliance setting a partner's factors by hand (service or admin site) is an assessment:
recorded in the same audit event, and the partner's deals are screened with the factors as
measured, no longer as the defaults of an unknown partner. The admin site cannot change the
assessment status by itself (it would bypass the audit trail and the re-screening)."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from lifecycle.services import opportunity_register
from partners.models import Organisation
from partners.services import organisation_factors_set
from tests.factories import deal_body
from tests.monitoring.conftest import run_latest

pytestmark = pytest.mark.django_db


def _codes(opportunity) -> set[str]:
    opportunity.refresh_from_db()
    return {f["code"] for f in opportunity.current_screening.findings}


def test_factors_set_by_hand_record_an_unknown_partner_as_assessed(
    catalogue, sales_rep, admin_user
):
    deal = opportunity_register(actor=sales_rep, data=deal_body()).opportunity
    org = Organisation.objects.get(name="Nordic Distribution AB")
    assert org.dd_status == "not_assessed" and "PTR-NOT-ASSESSED" in _codes(deal)
    organisation_factors_set(actor=admin_user, organisation=org, prior_incident=True)
    org.refresh_from_db()
    assert org.dd_status == "assessed"
    event = AuditEvent.objects.get(action="organisation.factors_changed", object_id=str(org.pk))
    assert event.changes["dd_status"] == ["not_assessed", "assessed"]
    run_latest("partner_factors")
    codes = _codes(deal)
    assert "PTR-NOT-ASSESSED" not in codes
    assert {"PTR-PRIOR-INCIDENT", "PTR-NO-HRDD", "PTR-UNTRAINED"} <= codes


def test_a_partner_that_refused_the_questionnaire_stays_recorded_as_refusing(
    catalogue, sales_rep, admin_user
):
    opportunity_register(actor=sales_rep, data=deal_body())
    org = Organisation.objects.get(name="Nordic Distribution AB")
    Organisation.objects.filter(pk=org.pk).update(dd_status="refused")
    organisation_factors_set(actor=admin_user, organisation=org, staff_trained=True)
    org.refresh_from_db()
    assert org.dd_status == "refused" and org.staff_trained


def test_the_admin_site_cannot_change_the_assessment_status_alone(
    catalogue, sales_rep, admin_user, client
):
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    opportunity_register(actor=sales_rep, data=deal_body())
    org = Organisation.objects.get(name="Nordic Distribution AB")
    client.force_login(admin_user)
    url = f"/admin/partners/organisation/{org.pk}/change/"
    assert 'name="dd_status"' not in client.get(url).content.decode()
    r = client.post(
        url,
        {
            "name": "Nordic Distribution AB (renamed)",
            "country": org.country,
            "role": org.role,
            "hrdd_maturity": org.hrdd_maturity,
            "dd_status": "assessed",
        },
    )
    assert r.status_code == 302, r.content[:500]
    org.refresh_from_db()
    # Renaming it is not an assessment; a posted status is ignored.
    assert org.name.endswith("(renamed)") and org.dd_status == "not_assessed"
    assert not AuditEvent.objects.filter(action="organisation.factors_changed").exists()


def test_the_admin_site_refuses_a_name_that_only_looks_empty_and_cleans_others(
    catalogue, sales_rep, admin_user, client
):
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    opportunity_register(actor=sales_rep, data=deal_body())
    org = Organisation.objects.get(name="Nordic Distribution AB")
    client.force_login(admin_user)
    url = f"/admin/partners/organisation/{org.pk}/change/"
    form = {"country": org.country, "role": org.role, "hrdd_maturity": org.hrdd_maturity}

    r = client.post(url, {**form, "name": "\u3164\u2800\u200b"})
    assert r.status_code == 200
    assert "This name shows as nothing" in r.content.decode()
    r = client.post(url, {**form, "name": "Nordic\u3164Distribution\u200b AB"})
    assert r.status_code == 302
    org.refresh_from_db()
    assert org.name == "Nordic Distribution AB"
