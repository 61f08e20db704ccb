"""A restricted-party match holds the deal; only compliance staff see the match itself."""

from __future__ import annotations

import pytest

from restricted_parties.services import sample_list_load
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

LISTED = (
    "Gulf Horizon Trading LLC"  # on the fictional sample list as "... Limited Liability Company"
)


@pytest.fixture
def listed_deal(api, partner_a, catalogue):
    sample_list_load()
    body = deal_body(
        channel=[
            {"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"},
            {"name": LISTED, "role": "distributor", "country": "AE"},
        ]
    )
    r = api.as_user(partner_a).post("/api/v1/opportunities/", body, format="json")
    assert r.status_code == 201, r.json()
    return r.json()


def test_a_restricted_party_match_is_a_hard_stop(listed_deal, api, reviewer):
    seen = api.as_user(reviewer).get(f"/api/v1/opportunities/{listed_deal['id']}/").json()
    assert seen["screening"]["tier"] == "prohibited"
    assert seen["status"] == "blocked"


def test_the_partner_sees_the_hold_but_not_the_match(api, partner_a, client, listed_deal):
    seen = (
        api.as_user(partner_a)
        .get(f"/api/v1/opportunities/{listed_deal['id']}/")
        .json()["screening"]
    )
    assert seen["tier"] != "prohibited", "a tier only a match causes tells the partner"
    assert "RP-MATCH" not in {f["code"] for f in seen["findings"]}
    assert "Sample list" not in str(seen) and "restricted" not in str(seen).lower()
    client.force_login(partner_a)
    html = client.get(f"/deals/{listed_deal['id']}/").content.decode()
    assert "In compliance review" in html and "Blocked" not in html
    assert "RP-MATCH" not in html and "Sample list" not in html


def test_a_reviewer_sees_the_match_with_its_list_entry(api, reviewer, client, listed_deal):
    seen = (
        api.as_user(reviewer).get(f"/api/v1/opportunities/{listed_deal['id']}/").json()["screening"]
    )
    match = next(f for f in seen["findings"] if f["code"] == "RP-MATCH")
    assert "Sample list (fictional)" in str(match["evidence"]["restricted_party.matches"])
    client.force_login(reviewer)
    assert "RP-MATCH" in client.get(f"/deals/{listed_deal['id']}/").content.decode()
