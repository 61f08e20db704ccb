"""What partners and reps see of a deal is a projection: a hold caused by a
restricted-party match reads exactly like any other compliance hold."""

from __future__ import annotations

import pytest

from restricted_parties.services import sample_list_load
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"
LISTED = "Gulf Horizon Trading LLC"  # on the fictional sample list
ALPHA = {"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}
TELLS = ("prohibited", "hard stop", "blocked", "restricted", "RP-MATCH", "Sample list")


def _leaks(text: str) -> list[str]:
    return [t for t in TELLS if t.lower() in text.lower()]


def _register(api, user, **change):
    r = api.as_user(user).post(URL, deal_body(**change), format="json")
    assert r.status_code == 201, r.json()
    return r.json()


def _shape(value):
    """The keys and types of a response, recursively, without the values."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    return "list" if isinstance(value, list) else type(value).__name__


PRISON = {
    "end_customer": {"name": "Central Detention", "country": "NO", "type": "prison_detention"}
}


@pytest.fixture
def listed():
    sample_list_load()


@pytest.mark.parametrize("who", ["partner_a", "sales_rep"])
def test_a_listed_party_reads_like_any_other_hold(api, listed, catalogue, who, request):
    user = request.getfixturevalue(who)
    channel = [ALPHA] if who == "partner_a" else []
    # The same deal twice, through a distributor in the same country: one of them listed.
    other_hold = _register(
        api,
        user,
        channel=[*channel, {"name": "Desert Freight FZE", "role": "distributor", "country": "AE"}],
        **PRISON,
    )
    with_listed = _register(
        api,
        user,
        channel=[*channel, {"name": LISTED, "role": "distributor", "country": "AE"}],
        **PRISON,
    )
    assert with_listed["status"] == other_hold["status"] == "on_hold"
    assert with_listed["status_label"] == other_hold["status_label"]
    assert with_listed["status_label"].startswith("In compliance review")
    assert with_listed["screening"] == other_hold["screening"] | {
        "screened_at": with_listed["screening"]["screened_at"]
    }
    assert _leaks(str(with_listed)) == []
    harmless = _register(api, user, channel=channel or deal_body()["channel"])
    assert _shape(harmless) == _shape(with_listed), "same fields whatever the outcome"


def test_a_benign_deal_with_a_listed_party_is_held_without_saying_why(
    api, client, partner_a, listed, catalogue
):
    unlisted = _register(
        api,
        partner_a,
        channel=[ALPHA, {"name": "Desert Freight FZE", "role": "distributor", "country": "AE"}],
    )
    body = _register(
        api, partner_a, channel=[ALPHA, {"name": LISTED, "role": "distributor", "country": "AE"}]
    )
    assert body["status"] == "in_review" and body["status_label"] == "In compliance review"
    for key in ("tier", "score", "severity", "likelihood", "findings", "asks"):
        assert body["screening"][key] == unlisted["screening"][key], key
    assert _leaks(str(body)) == []
    client.force_login(partner_a)
    html = client.get(f"/deals/{body['id']}/").content.decode()
    assert "In compliance review" in html
    assert _leaks(html.replace("restricted-part", "")) == []
    listing = client.get("/deals/").content.decode()
    rows = listing[listing.index("<tbody>") : listing.index("</tbody>")]
    assert "In compliance review" in rows and _leaks(rows) == []
    summary = api.as_user(partner_a).get(URL).json()["results"][0]
    assert summary["status"] == "in_review" and summary["tier"] == unlisted["screening"]["tier"]
    for probe in ({"tier": "prohibited"}, {"status": "blocked"}):
        assert api.as_user(partner_a).get(URL, probe).json()["count"] == 0, probe
    held = api.as_user(partner_a).get(URL, {"status": "in_review"}).json()["results"]
    assert [d["id"] for d in held] == [body["id"]]


def test_compliance_staff_see_the_block_and_its_reason(api, partner_a, reviewer, listed, catalogue):
    body = _register(
        api, partner_a, channel=[ALPHA, {"name": LISTED, "role": "distributor", "country": "AE"}]
    )
    seen = api.as_user(reviewer).get(f"{URL}{body['id']}/").json()
    assert seen["status"] == "blocked" and seen["screening"]["tier"] == "prohibited"
    assert "RP-MATCH" in {f["code"] for f in seen["screening"]["findings"]}
    assert api.as_user(reviewer).get(URL, {"tier": "prohibited"}).json()["count"] == 1


def test_a_sanctioned_destination_is_a_public_cause_and_is_named(api, partner_a, catalogue):
    body = _register(
        api,
        partner_a,
        channel=[ALPHA],
        delivery_country="IR",
        end_customer={"name": "Tehran Metro", "country": "IR", "type": "private_enterprise"},
    )
    assert body["status"] == "blocked" and body["screening"]["tier"] == "prohibited"
    assert "CTRY-SANCTIONED" in {f["code"] for f in body["screening"]["findings"]}
