"""The restricted-party API: reviewers and admins only (no tipping-off)."""

from __future__ import annotations

import pytest

from restricted_parties.models import FalsePositive, RestrictedPartyEntry

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/restricted-parties/search/"
FALSE_POSITIVES = "/api/v1/restricted-parties/false-positives/"
LISTS = "/api/v1/restricted-parties/lists/"


@pytest.mark.parametrize("persona", ["reviewer", "senior_reviewer", "admin_user"])
def test_reviewers_and_admins_search(api, sample_list, persona, request):
    user = request.getfixturevalue(persona)
    response = api.as_user(user).post(
        SEARCH,
        {"name": "Gulf Horizon Trading Limited Liability Company", "country": "ae"},
        format="json",
    )
    assert response.status_code == 200
    [match] = response.json()["matches"]
    assert match["name"] == "Gulf Horizon Trading LLC"
    assert match["list"] == "Sample list (fictional)"
    assert match["source_id"] == "fict-001"
    assert match["score"] == 100.0
    assert match["country"] == "AE" and match["country_match"] is True
    assert match["matched_alias"] == "Gulf Horizon Trading LLC"


def test_matches_are_sorted_by_score(api, sample_list, reviewer, write):
    from restricted_parties.services import restricted_party_list_import

    restricted_party_list_import(
        actor=None,
        fmt="opensanctions",
        path_or_file=write("t.csv", "id,schema,name\nx1,Company,Gulf Horizon Tradng LLC\n"),
        name="Other",
    )
    response = api.as_user(reviewer).post(SEARCH, {"name": "Gulf Horizon Trading"}, format="json")
    scores = [m["score"] for m in response.json()["matches"]]
    assert len(scores) == 2 and scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("persona", ["sales_rep", "partner_user"])
def test_sales_reps_and_partner_users_may_not_search(api, sample_list, persona, request):
    user = request.getfixturevalue(persona)
    client = api.as_user(user)
    response = client.post(SEARCH, {"name": "Gulf Horizon Trading LLC"}, format="json")
    assert response.status_code == 403
    assert "matches" not in response.json()
    assert client.get(LISTS).status_code == 403
    assert client.post(FALSE_POSITIVES, {}, format="json").status_code == 403


def test_anonymous_callers_are_refused(api, sample_list):
    assert api.post(SEARCH, {"name": "Gulf Horizon Trading LLC"}, format="json").status_code in (
        401,
        403,
    )
    assert api.get(LISTS).status_code in (401, 403)


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, "name"), ({"name": "   "}, "name"), ({"name": "X", "country": "Germany"}, "country")],
)
def test_bad_search_input_is_a_400_naming_the_field(api, reviewer, body, field):
    response = api.as_user(reviewer).post(SEARCH, body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert field in response.json()["detail"]


def test_a_reviewer_marks_a_false_positive(api, sample_list, reviewer):
    entry = RestrictedPartyEntry.objects.get(source_id="fict-008")
    body = {"party_name": "Sable Crest Holdings", "entry_id": entry.pk, "reason": "Other company"}
    response = api.as_user(reviewer).post(FALSE_POSITIVES, body, format="json")
    assert response.status_code == 201
    out = response.json()
    assert (out["entry_id"], out["source_id"], out["created_by"]) == (
        entry.pk,
        "fict-008",
        reviewer.username,
    )
    assert FalsePositive.objects.count() == 1
    search = api.post(SEARCH, {"name": "Sable Crest Holdings"}, format="json").json()
    assert search["matches"][0]["false_positive"] is True


@pytest.mark.parametrize(
    ("body", "field", "status"),
    [
        ({"party_name": "Sable Crest", "entry_id": "ENTRY"}, "reason", 400),
        ({"party_name": "Sable Crest", "entry_id": "x", "reason": "r"}, "entry_id", 400),
        ({"party_name": "Sable Crest", "entry_id": 999999, "reason": "r"}, "entry_id", 404),
    ],
)
def test_bad_false_positive_input_names_the_field(api, sample_list, reviewer, body, field, status):
    if body["entry_id"] == "ENTRY":
        body["entry_id"] = RestrictedPartyEntry.objects.first().pk
    response = api.as_user(reviewer).post(FALSE_POSITIVES, body, format="json")
    assert response.status_code == status
    assert field in response.json()["errors"]


def test_the_lists_endpoint_shows_active_lists_with_counts(api, sample_list, reviewer):
    response = api.as_user(reviewer).get(LISTS)
    assert response.status_code == 200
    [lst] = response.json()["lists"]
    assert (lst["name"], lst["entry_count"], lst["source_format"]) == (
        "Sample list (fictional)",
        20,
        "sample",
    )


def test_the_endpoints_are_in_the_openapi_schema(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = (
        response.json()["paths"]
        if "json" in response["Content-Type"]
        else response.content.decode()
    )
    for path in (SEARCH, FALSE_POSITIVES, LISTS):
        assert path in paths


def test_a_search_gives_each_hit_its_band_and_why(api, sample_list, reviewer):
    body = {"name": "Sable Crest Holdings Ltd", "country": "DE"}  # listed in CY
    [hit] = api.as_user(reviewer).post(SEARCH, body, format="json").json()["matches"]
    assert hit["band"] == "possible_match" and 79 <= hit["score"] < 90
    assert "DE differs from the listed CY" in hit["explanation"]
    body["country"] = "CY"
    [hit] = api.as_user(reviewer).post(SEARCH, body, format="json").json()["matches"]
    assert hit["band"] == "match" and "CY agrees" in hit["explanation"]
