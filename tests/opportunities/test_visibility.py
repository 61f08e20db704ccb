"""Who sees which deal: one rule, enforced the same way in pages and the API."""

from __future__ import annotations

import pytest

from lifecycle.services import opportunity_register
from tests.factories import deal_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def deals(sales_rep, other_rep, partner_a, partner_b, catalogue):
    """One deal each: the rep's, another team's, partner A's, partner B's."""
    made = {}
    made["rep"] = opportunity_register(
        actor=sales_rep, data=deal_body(title="Rep deal")
    ).opportunity
    made["other"] = opportunity_register(
        actor=other_rep, data=deal_body(title="Other team deal")
    ).opportunity
    made["a"] = opportunity_register(
        actor=partner_a,
        data=deal_body(
            title="Partner A deal",
            channel=[{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}],
        ),
    ).opportunity
    made["b"] = opportunity_register(
        actor=partner_b,
        data=deal_body(
            title="Partner B deal",
            channel=[{"name": "Bravo Channel Solutions", "role": "reseller", "country": "FR"}],
        ),
    ).opportunity
    # A vendor deal that runs through partner A's organisation: A sees it too.
    made["via_a"] = opportunity_register(
        actor=other_rep,
        data=deal_body(
            title="Via A",
            channel=[{"name": "alpha systems integration", "role": "reseller", "country": "DE"}],
        ),
    ).opportunity
    return made


VISIBLE = {
    "sales_rep": {"Rep deal"},
    "teammate": {"Rep deal"},
    "other_rep": {"Other team deal", "Via A"},
    "partner_a": {"Partner A deal", "Via A"},
    "partner_b": {"Partner B deal"},
    "reviewer": {"Rep deal", "Other team deal", "Partner A deal", "Partner B deal", "Via A"},
    "admin_user": {"Rep deal", "Other team deal", "Partner A deal", "Partner B deal", "Via A"},
    "outsider": set(),
}


@pytest.mark.parametrize("persona", list(VISIBLE))
def test_the_api_lists_exactly_the_deals_a_persona_may_see(request, api, deals, persona):
    user = request.getfixturevalue(persona)
    titles = {d["title"] for d in api.as_user(user).get("/api/v1/opportunities/").json()["results"]}
    assert titles == VISIBLE[persona]


@pytest.mark.parametrize("persona", list(VISIBLE))
def test_the_deal_list_page_shows_exactly_the_same(request, client, deals, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    html = client.get("/deals/").content.decode()
    for key, deal in deals.items():
        assert (deal.reference in html) == (deal.title in VISIBLE[persona]), (persona, key)


@pytest.mark.parametrize("persona", ["partner_b", "other_rep", "outsider"])
def test_someone_elses_deal_is_not_found_in_pages_or_api(request, client, api, deals, persona):
    user = request.getfixturevalue(persona)
    target = deals["a"] if persona != "other_rep" else deals["rep"]
    assert api.as_user(user).get(f"/api/v1/opportunities/{target.pk}/").status_code == 404
    client.force_login(user)
    assert client.get(f"/deals/{target.pk}/").status_code == 404


def test_a_partner_user_sees_only_its_own_organisation(api, partner_a, reseller_b):
    names = {
        o["name"] for o in api.as_user(partner_a).get("/api/v1/organisations/").json()["results"]
    }
    assert names == {"Alpha Systems Integration"}


def test_a_partner_cannot_change_a_deal_it_only_sits_in(api, deals, partner_a):
    r = api.as_user(partner_a).put(
        f"/api/v1/opportunities/{deals['via_a'].pk}/", deal_body(), format="json"
    )
    assert r.status_code == 403
