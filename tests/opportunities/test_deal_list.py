"""The deal list, NetBox-style: sortable columns, page counts, and one filterset for the
page and the API (the same query string narrows both the same way)."""

from __future__ import annotations

import re

import pytest

from lifecycle.services import opportunity_register
from tests.factories import deal_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def deals(sales_rep, catalogue):
    made = {}
    for title, country, amount in [
        ("Bravo campus", "NO", 900),
        ("Alpha campus", "DE", 50_000),
        ("Charlie campus", "NO", 7_000),
    ]:
        body = deal_body(title=title, value={"amount": amount, "currency": "EUR"})
        body["end_customer"]["country"] = country
        made[title] = opportunity_register(actor=sales_rep, data=body).opportunity
    return made


def _page_titles(client, query: str) -> list[str]:
    page = client.get(f"/deals/?{query}").content.decode()
    return re.findall(r'<td data-label="Title">([^<]+)</td>', page)


def _api_titles(api, user, query: str) -> list[str]:
    body = api.as_user(user).get(f"/api/v1/opportunities/?{query}").json()
    return [d["title"] for d in body["results"]]


def test_columns_sort_both_ways_on_the_page_and_the_api(client, api, sales_rep, deals):
    client.force_login(sales_rep)
    assert _page_titles(client, "ordering=title") == [
        "Alpha campus",
        "Bravo campus",
        "Charlie campus",
    ]
    assert _page_titles(client, "ordering=-value") == [
        "Alpha campus",
        "Charlie campus",
        "Bravo campus",
    ]
    assert _api_titles(api, sales_rep, "ordering=-value") == _page_titles(client, "ordering=-value")
    page = client.get("/deals/?ordering=title").content.decode()
    assert 'aria-sort="ascending"><a class="sort sort-ascending" href="?ordering=-title">' in page


def test_one_filter_query_narrows_the_page_and_the_api_alike(client, api, sales_rep, deals):
    client.force_login(sales_rep)
    query = "country=no&search=campus&ordering=title"
    assert _page_titles(client, query) == ["Bravo campus", "Charlie campus"]
    assert _api_titles(api, sales_rep, query) == ["Bravo campus", "Charlie campus"]
    assert _page_titles(client, "mine=1&ordering=title") == _api_titles(
        api, sales_rep, "mine=true&ordering=title"
    )


def test_the_list_counts_what_it_shows(client, sales_rep, deals):
    client.force_login(sales_rep)
    page = client.get("/deals/").content.decode()
    assert "1–3 of 3 deals" in page


def test_a_sort_by_anything_else_is_refused_not_obeyed(client, sales_rep, deals):
    """Sorting by the real tier or score would order a partner's list by what they may not
    see; only the listed columns sort."""
    client.force_login(sales_rep)
    assert _page_titles(client, "ordering=current_screening__score") == []


@pytest.mark.parametrize(
    "ordering",
    ["current_screening__tier", "-current_screening__score", "tier", "score", "shown_tier"],
)
def test_a_partner_cannot_order_deals_by_their_screening(
    client, api, partner_a, catalogue, ordering
):
    """The order of a list would tell a partner the tiers and scores they may not see."""
    alpha = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
    opportunity_register(actor=partner_a, data=deal_body(title="Alpha campus", channel=alpha))
    client.force_login(partner_a)
    assert _page_titles(client, "ordering=title") == ["Alpha campus"]
    assert _page_titles(client, f"ordering={ordering}") == []
    r = api.as_user(partner_a).get(f"/api/v1/opportunities/?ordering={ordering}")
    assert r.status_code == 400 and "ordering" in r.json()["errors"]
