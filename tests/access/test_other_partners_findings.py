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
