"""The import list: the page and `/api/v1/imports/` share one filterset; a partner filters
and sorts their own organisation's imports only, and cannot probe another's."""

from __future__ import annotations

import re

import pytest

from tests.channel_imports.conftest import csv_upload, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def imports(upload_as, partner_a, partner_b, sales_rep, reseller_a, catalogue):
    made = {}
    for user, name in [
        (partner_a, "alpha-march.csv"),
        (partner_a, "alpha-april.csv"),
        (partner_b, "bravo-march.csv"),
    ]:
        r, imp = upload_as(user, csv_upload([row()], name=name))
        assert r.status_code == 201, r.content
        made[name] = imp
    return made


def _page_files(client, query: str) -> list[str]:
    page = client.get(f"/imports/?{query}").content.decode()
    return re.findall(r'<td data-label="File"><a href="/imports/\d+/">([^<]+)</a>', page)


def _api_files(api, user, query: str) -> list[str]:
    return [
        i["original_name"]
        for i in api.as_user(user).get(f"/api/v1/imports/?{query}").json()["results"]
    ]


def test_the_page_and_the_api_filter_and_sort_alike(client, api, partner_a, imports):
    client.force_login(partner_a)
    assert _page_files(client, "ordering=file") == ["alpha-april.csv", "alpha-march.csv"]
    assert _page_files(client, "ordering=-file") == ["alpha-march.csv", "alpha-april.csv"]
    for query in ("ordering=file", "search=march", "ordering=-uploaded"):
        assert _page_files(client, query) == _api_files(api, partner_a, query)
    page = client.get("/imports/?ordering=file").content.decode()
    assert "1–2 of 2 imports" in page
    assert (
        'aria-sort="ascending"><a class="sort sort-ascending" href="?ordering=-file">File</a>'
        in page
    )


def test_a_partner_cannot_filter_by_another_organisation(
    client, api, partner_a, reseller_b, imports
):
    """Another organisation's id is refused, not answered with an empty list that says
    the organisation exists (and the other partner's imports never show)."""
    client.force_login(partner_a)
    query = f"organisation={reseller_b.pk}"
    assert client.get(f"/imports/?{query}").status_code == 400
    assert api.as_user(partner_a).get(f"/api/v1/imports/?{query}").status_code == 400
    assert "bravo-march.csv" not in client.get("/imports/?search=bravo").content.decode()


def test_staff_filter_by_partner(client, reviewer, reseller_b, imports):
    client.force_login(reviewer)
    assert _page_files(client, f"organisation={reseller_b.pk}") == ["bravo-march.csv"]


def test_the_screening_summary_is_no_sort_key(client, api, partner_a, imports):
    """Partners see a projection of the summary; ordering by the stored one would leak it."""
    client.force_login(partner_a)
    for query in ("ordering=summary__flagged", "ordering=summary", "ordering=criteria_version"):
        assert client.get(f"/imports/?{query}").status_code == 400
        assert api.as_user(partner_a).get(f"/api/v1/imports/?{query}").status_code == 400
