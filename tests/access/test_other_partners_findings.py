"""What a partner reads of a deal shared with other partners: nothing of the others' due
diligence (maturity, incidents, refusals), neither as findings nor as a tier they raised."""

from __future__ import annotations

import pytest

from lifecycle.services import opportunity_register
from partners.models import Organisation
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

CHANNEL = [
    {"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"},
    {"name": "Bravo Channel Solutions", "role": "reseller", "country": "FR"},
]


@pytest.fixture
def shared_deal(partner_a, partner_b, catalogue):
    """An ordinary deal of Alpha's with Bravo in its channel; Bravo had an incident and
    declined the due-diligence questionnaire, which holds the deal for review."""
    Organisation.objects.filter(pk=partner_b.organisation_id).update(
        prior_incident=True, dd_status="refused"
    )
    body = deal_body(title="Shared campus refresh", channel=CHANNEL)
    return opportunity_register(actor=partner_a, data=body).opportunity


def test_compliance_sees_the_partner_findings_and_the_tier_they_raised(api, reviewer, shared_deal):
    body = api.as_user(reviewer).get(f"/api/v1/opportunities/{shared_deal.pk}/").json()
    codes = {f["code"] for f in body["screening"]["findings"]}
    assert {"PTR-PRIOR-INCIDENT", "PTR-REFUSED-ASSESSMENT"} <= codes
    assert body["screening"]["tier"] != "low"


@pytest.mark.parametrize("who", ["partner_a", "partner_b", "sales_rep"])
def test_outside_compliance_no_one_reads_partner_findings_or_their_tier(
    request, api, client, shared_deal, who
):
    user = request.getfixturevalue(who)
    if who == "sales_rep":
        from opportunities.models import Opportunity

        Opportunity.objects.filter(pk=shared_deal.pk).update(owner=user)
    body = api.as_user(user).get(f"/api/v1/opportunities/{shared_deal.pk}/").json()
    screening = body["screening"]
    assert not [f for f in screening["findings"] if f["code"].startswith("PTR")]
    assert screening["tier"] == "low"
    assert screening["likelihood"] == 1
    client.force_login(user)
    page = client.get(f"/deals/{shared_deal.pk}/").content.decode()
    for words in ("prior incident", "declined to answer", "Partner refused", "PTR-"):
        assert words not in page, words
    listing = client.get("/deals/?tier=medium").content.decode()
    assert "Shared campus refresh" not in listing


def _stored_as_before(deal) -> None:
    """The screening as stored before partner findings were hidden: shown, and counted."""
    s = deal.current_screening
    s.findings = [{**f, "shown": True} for f in s.findings]
    s.shown_tier, s.shown_score = s.tier, s.score
    s.shown_severity, s.shown_likelihood = s.severity, s.likelihood
    s.save()


def test_screenings_stored_before_are_recomputed_for_partners(client, partner_a, shared_deal):
    from importlib import import_module

    from django.apps import apps

    _stored_as_before(shared_deal)
    client.force_login(partner_a)
    assert "Shared campus refresh" in client.get("/deals/?tier=medium").content.decode()
    migration = import_module("rules.migrations.0008_partner_findings_hidden")
    migration.BATCH = 1  # several batches, as on a large database
    migration.hide_partner_findings(apps, None)
    assert "Shared campus refresh" not in client.get("/deals/?tier=medium").content.decode()
    assert "Shared campus refresh" in client.get("/deals/?tier=low").content.decode()
    shared_deal.current_screening.refresh_from_db()
    hidden = [f for f in shared_deal.current_screening.findings if f["code"].startswith("PTR")]
    assert hidden and not any(f["shown"] for f in hidden)


def test_import_lines_stored_before_are_recomputed_for_partners(
    api, partner_a, partner_b, catalogue, settings, tmp_path
):
    """Alpha (a distributor here) imports its sales through Bravo: Alpha's lines say
    nothing of Bravo's due diligence once the stored lines are recomputed."""
    from importlib import import_module

    from django.apps import apps

    from channel_imports.models import ChannelImport, ImportChunk, ImportLine
    from channel_imports.services import import_accept
    from tests.channel_imports.conftest import csv_upload, drain, row

    settings.MEDIA_ROOT = str(tmp_path / "media")
    Organisation.objects.filter(pk=partner_b.organisation_id).update(
        prior_incident=True, dd_status="refused"
    )
    sale = row(reseller_name="Bravo Channel Solutions", reseller_country="FR")
    r = api.as_user(partner_a).post(
        "/api/v1/imports/", {"file": csv_upload([sale])}, format="multipart"
    )
    imp = drain(ChannelImport.objects.get(pk=r.json()["id"]))
    imp = drain(import_accept(actor=partner_a, channel_import=imp))
    line = ImportLine.objects.get(channel_import=imp)
    assert {"PTR-PRIOR-INCIDENT", "PTR-REFUSED-ASSESSMENT"} <= {f["code"] for f in line.findings}
    # stored as before: shown, counted in the tier and in the shown summaries
    line.findings = [{**f, "shown": True} for f in line.findings]
    line.shown_tier, line.shown_score = line.tier, line.score
    line.shown_severity, line.shown_likelihood = line.severity, line.likelihood
    line.save()
    codes = {f["code"]: 1 for f in line.findings}
    ImportChunk.objects.filter(channel_import=imp).update(
        summary={
            "tiers": {line.tier: 1},
            "findings": codes,
            "shown": {"tiers": {line.tier: 1}, "findings": codes},
        }
    )
    imp.summary["shown"] = {
        "tiers": {line.tier: 1},
        "findings": [{"code": c, "name": "", "count": 1} for c in codes],
    }
    imp.save()
    lines_url = f"/api/v1/imports/{imp.pk}/lines/"

    def seen():
        api.as_user(partner_a)
        body = api.get(lines_url).json()
        shown = body["results"][0] if "results" in body else body[0]
        summary = api.get(f"/api/v1/imports/{imp.pk}/").json()["summary"]
        return shown["tier"], summary

    tier, summary = seen()
    assert tier != "low"
    migration = import_module("channel_imports.migrations.0005_partner_findings_hidden")
    migration.hide_partner_findings(apps, None)
    tier, summary = seen()
    assert tier == "low"
    assert not [f for f in summary["findings"] if f["code"].startswith("PTR")]
    assert set(summary["tiers"]) == {"low"}
