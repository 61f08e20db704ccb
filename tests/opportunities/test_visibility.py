"""Who sees which deal: one rule, enforced the same way in pages and the API."""

from __future__ import annotations

import pytest

from tests.factories import deal_body

pytestmark = pytest.mark.django_db


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


def test_asking_for_many_people_at_once_agrees_with_each_persona(
    request, deals, django_assert_num_queries
):
    """Messages ask who may see a deal for all their recipients at once: the same answer,
    persona by persona, as the deal list, in one query."""
    from opportunities.policies import opportunity_seen_by

    people = [request.getfixturevalue(p) for p in VISIBLE]
    for deal in deals.values():
        with django_assert_num_queries(1):
            seen = opportunity_seen_by(deal.pk, people)
        assert seen == [deal.title in VISIBLE[p] for p in VISIBLE], deal.title
