"""The queue, conditions and the inbox as NetBox-like lists: one filterset for the page
and the API (the same query string narrows both alike), sortable columns whose headings
toggle the order and say it (aria-sort), page numbers with counts of what the user may see,
and no ordering by anything but the listed columns."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from reviews.models import Notification
from reviews.services import review_claim, review_decide

pytestmark = pytest.mark.django_db


def _queue_refs(client, query: str) -> list[str]:
    page = client.get(f"/reviews/?{query}").content.decode()
    return re.findall(r'<a href="/reviews/cases/\d+/">([^<]+)</a>', page)


def _api_refs(api, user, url: str) -> list[str]:
    body = api.as_user(user).get(url).json()
    return [c["opportunity"]["reference"] for c in body["results"]]


@pytest.fixture
def three_cases(make_deal, case_of):
    return {t: case_of(make_deal(t, title=f"List {t}")) for t in ("medium", "high", "critical")}


def test_the_queue_and_its_api_filter_and_sort_alike(client, api, reviewer, three_cases):
    client.force_login(reviewer)
    by_ref = sorted(c.opportunity.reference for c in three_cases.values())
    assert _queue_refs(client, "ordering=reference") == by_ref
    assert _queue_refs(client, "ordering=-reference") == by_ref[::-1]
    for query in ("ordering=-reference", "tier=high", "country=de&ordering=reference"):
        assert _queue_refs(client, query) == _api_refs(
            api, reviewer, f"/api/v1/reviews/cases/?{query}"
        )
    assert _queue_refs(client, "country=de&ordering=reference") == sorted(
        three_cases[t].opportunity.reference for t in ("high", "critical")
    )


def test_a_queue_heading_toggles_its_order_and_says_it(client, reviewer, three_cases):
    client.force_login(reviewer)
    page = client.get("/reviews/?tier=&ordering=reference").content.decode()
    assert (
        'aria-sort="ascending"><a class="sort sort-ascending" href="?tier=&amp;ordering=-reference">Deal</a>'
        in page
    )
    assert (
        'aria-sort="none"><a class="sort sort-none" href="?tier=&amp;ordering=country">Country</a>'
        in page
    )
    # the tier reads most severe first, and says so
    page = client.get("/reviews/?ordering=tier").content.decode()
    assert (
        'aria-sort="descending"><a class="sort sort-descending" href="?ordering=-tier">Tier</a>'
        in page
    )


def test_the_queue_counts_what_it_lists(client, reviewer, three_cases):
    client.force_login(reviewer)
    page = client.get("/reviews/?country=DE").content.decode()
    assert "1–2 of 2 cases" in page


def test_lists_refuse_an_order_they_do_not_name(client, api, reviewer, sales_rep, three_cases):
    client.force_login(reviewer)
    for query in ("ordering=opportunity__current_screening__score", "ordering=search_text"):
        assert client.get(f"/reviews/?{query}").status_code == 400
        assert api.as_user(reviewer).get(f"/api/v1/reviews/cases/?{query}").status_code == 400
    client.force_login(sales_rep)
    assert client.get("/reviews/conditions/?ordering=case__tier").status_code == 400
    assert (
        api.as_user(sales_rep).get("/api/v1/reviews/conditions/?ordering=case__tier").status_code
        == 400
    )


def test_page_numbers_and_counts_over_many_messages(client, api, partner_a, partner_b):
    now = timezone.now()
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=partner_a,
                event_id=i,
                kind="k",
                title=f"Message {i:03}",
                created_at=now,
                read_at=now if i % 2 else None,
            )
            for i in range(120)
        ]
        + [
            Notification(
                recipient=partner_b, event_id=i, kind="k", title=f"Bravo {i}", created_at=now
            )
            for i in range(7)
        ]
    )
    client.force_login(partner_a)
    page = client.get("/inbox/?ordering=title&page=2").content.decode()
    assert "51–100 of 120 messages" in page
    assert '<span aria-current="page">2</span>' in page
    assert 'href="?ordering=title&amp;page=3"' in page
    assert "Bravo" not in page
    titles = re.findall(r"(Message \d+)", page)
    assert titles[0] == "Message 050" and titles[-1] == "Message 099"
    unread = client.get("/inbox/?unread=1").content.decode()
    assert "1–50 of 60 messages" in unread
    body = api.as_user(partner_a).get("/api/v1/inbox/?unread=1&ordering=title").json()
    assert body["count"] == 60
    assert body["results"][0]["title"] == "Message 000"
    assert api.as_user(partner_b).get("/api/v1/inbox/").json()["count"] == 7


def test_conditions_are_the_owners_alone_and_counted_as_shown(
    client, api, sales_rep, other_rep, reviewer, approved_condition
):
    client.force_login(sales_rep)
    page = client.get("/reviews/conditions/?search=end-use").content.decode()
    assert "1–1 of 1 condition" in page
    body = api.as_user(sales_rep).get("/api/v1/reviews/conditions/?search=end-use").json()
    assert [c["id"] for c in body["results"]] == [approved_condition.pk]
    client.force_login(other_rep)
    page = client.get("/reviews/conditions/?status=all").content.decode()
    assert "0 conditions" in page and approved_condition.opportunity.reference not in page
    assert api.as_user(other_rep).get("/api/v1/reviews/conditions/?status=all").json()["count"] == 0


def test_closed_cases_are_listed_with_status_all(client, reviewer, three_cases):
    case = review_claim(case=three_cases["medium"], actor=reviewer)
    review_decide(case=case, actor=reviewer, outcome="approve", reasons="ok")
    client.force_login(reviewer)
    assert case.opportunity.reference not in _queue_refs(client, "")
    assert case.opportunity.reference in _queue_refs(client, "status=all")
