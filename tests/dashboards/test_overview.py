"""The overviews: compliance staff see the compliance figures drawn from real cases and
deals; a partner sees only their own deals and open questions; each chart has its table
and a CSV with the same rows."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.conf import settings

from reviews.services import review_claim, review_decide, review_request_information

pytestmark = pytest.mark.django_db

ATLAS = "vendor/world-atlas/countries-110m.json"


def _charts(client) -> dict:
    return {c["key"]: c for c in client.get("/overview/data.json").json()["charts"]}


def test_the_compliance_overview_counts_open_cases_by_tier_and_level(client, reviewer, make_deal):
    make_deal("medium", title="One medium")
    make_deal("medium", title="Another medium")
    make_deal("high", title="One high")
    client.force_login(reviewer)
    charts = _charts(client)
    rows = {r[0]: sum(r[1:]) for r in charts["open-cases"]["rows"]}
    assert rows["Medium"] == 2 and rows["High"] == 1
    assert {"open-cases", "decisions", "countries", "criteria", "false-positives"} <= set(charts)
    page = client.get("/overview/").content.decode()
    assert "Compliance overview" in page and 'data-chart="open-cases"' in page


def test_decisions_and_their_time_are_counted_in_the_week_they_were_made(
    client, reviewer, make_deal, case_of
):
    deal = make_deal("medium", title="Decided quickly")
    case = review_claim(case=case_of(deal), actor=reviewer)
    review_decide(case=case, actor=reviewer, outcome="approve", reasons="Fine.", feedback="Go.")
    client.force_login(reviewer)
    this_week = _charts(client)["decisions"]["rows"][-1]
    assert this_week[1] == 1 and this_week[2] == 0  # one decision, within its target
    assert this_week[3] is not None and this_week[3] < 1  # decided the same day


def test_criteria_and_countries_read_as_names(client, reviewer, make_deal):
    make_deal("high", title="Inspection for a state operator")
    client.force_login(reviewer)
    charts = _charts(client)
    countries = [r[0] for r in charts["countries"]["rows"]]
    assert countries and all(len(c) > 2 for c in countries), countries  # names, not codes
    assert charts["criteria"]["rows"], "the criteria that fired are counted"
    name, code, n = charts["criteria"]["rows"][0]
    assert n >= 1 and name != code


def test_a_partner_sees_only_their_own_deals_and_questions(
    client, partner_a, partner_b, reviewer, make_deal, case_of
):
    alpha = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
    bravo = [{"name": "Bravo Channel Solutions", "role": "reseller", "country": "FR"}]
    mine = make_deal("medium", actor=partner_a, title="Alpha's deal", channel=alpha)
    make_deal("medium", actor=partner_b, title="Bravo's deal", channel=bravo)
    make_deal("high", actor=partner_b, title="Bravo's other deal", channel=bravo)
    case = review_claim(case=case_of(mine), actor=reviewer)
    review_request_information(
        case=case, actor=reviewer, questions="Who operates it?", addressed_to=partner_a
    )
    client.force_login(partner_a)
    charts = _charts(client)
    assert set(charts) == {"my-deals", "countries"}  # no compliance figures
    assert sum(r[1] for r in charts["my-deals"]["rows"]) == 1
    page = client.get("/overview/").content.decode()
    assert "My overview" in page and "Who operates it?" not in page  # the link, not the text
    assert f"/deals/{mine.pk}/#request-" in page
    assert "Bravo" not in page


def test_the_csv_holds_the_charts_rows(client, reviewer, make_deal):
    make_deal("medium", title="A medium deal")
    client.force_login(reviewer)
    chart = _charts(client)["countries"]
    response = client.get("/overview/countries.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == chart["columns"]
    assert rows[1:] == [[str(v) for v in r] for r in chart["rows"]]
    assert client.get("/overview/no-such-chart.csv").status_code == 404


def test_a_partner_cannot_export_a_compliance_chart(client, partner_a):
    client.force_login(partner_a)
    assert client.get("/overview/open-cases.csv").status_code == 404


def _atlas_ids() -> dict:
    """The country shapes' ids in the vendored world atlas the map draws (ISO numeric)."""
    atlas = json.loads((settings.BASE_DIR / "static" / ATLAS).read_text())
    return {
        g.get("id"): g["properties"]["name"] for g in atlas["objects"]["countries"]["geometries"]
    }


def test_the_map_gets_each_country_with_its_count_as_the_atlas_ids(client, reviewer, make_deal):
    make_deal("medium", title="Gulf one")
    make_deal("medium", title="Gulf two")
    make_deal("high", title="German one")
    make_deal("low", title="Norwegian one")
    client.force_login(reviewer)
    chart = _charts(client)["country-map"]
    assert chart["kind"] == "map"
    by_id = {numeric: (name, n) for name, numeric, n in chart["rows"]}
    atlas = _atlas_ids()
    # United Arab Emirates, Germany, Norway: counted, and each id is a shape on the map
    assert by_id["784"] == ("United Arab Emirates", 2)
    assert by_id["276"] == ("Germany", 1) and by_id["578"] == ("Norway", 1)
    assert atlas["784"] == "United Arab Emirates" and atlas["276"] == "Germany"
    assert atlas["578"] == "Norway"
    page = client.get("/overview/").content.decode()
    assert 'data-chart="country-map"' in page and ATLAS in page
    assert "chartjs-chart-geo" in page
    rows = list(csv.reader(io.StringIO(client.get("/overview/country-map.csv").content.decode())))
    assert rows[0] == ["Country", "ISO numeric", "Deals"] and ["Germany", "276", "1"] in rows


def test_a_partner_gets_no_map_of_everyone_s_deals(client, partner_a, make_deal):
    make_deal("high", title="German one")
    client.force_login(partner_a)
    assert "country-map" not in _charts(client)
    page = client.get("/overview/").content.decode()
    assert "country-map" not in page and ATLAS not in page and "chartjs-chart-geo" not in page
    assert client.get("/overview/country-map.csv").status_code == 404


def _in(country: str) -> dict:
    end_customer = {
        "name": f"Customer in {country}",
        "country": country,
        "type": "private_enterprise",
        "sector": "logistics",
    }
    return {"end_customer": end_customer, "delivery_country": country}


def test_countries_too_small_for_the_map_are_dots_and_named_under_it(client, reviewer, make_deal):
    """Singapore and Bahrain have no shape in the 1:110m atlas: the map gets a point for
    each, with its count, and the page names them; Réunion has no point either and is named
    as not drawn; Kosovo has a shape without an ISO numeric code and is drawn, matched by
    name. All stay in the table."""
    for country in ("SG", "SG", "BH", "RE", "XK", "NO"):
        make_deal("low", title=f"Deal in {country}", **_in(country))
    client.force_login(reviewer)
    chart = _charts(client)["country-map"]
    assert chart["points"] == [["Singapore", 103.81, 1.36, 2], ["Bahrain", 50.55, 26.05, 1]]
    assert ["Singapore", "702", 2] in chart["rows"] and ["Kosovo", "", 1] in chart["rows"]
    assert "702" not in _atlas_ids() and "Kosovo" in _atlas_ids().values()
    page = client.get("/overview/").content.decode()
    assert (
        "Drawn as dots, too small for this map's scale: Singapore (2 deals), "
        "Bahrain (1 deal)." in page
    )
    assert "Not drawn at this scale: Réunion (1 deal)." in page


def test_every_country_is_either_drawn_or_named_under_the_map():
    """Over the whole reference list of countries: no country can have deals that neither
    colour a shape nor appear in the list under the map."""
    from dashboards.atlas import POINTS, drawn_on_map, iso_numeric
    from taxonomy import words
    from taxonomy.countries import country_codes

    atlas = _atlas_ids()
    for code in country_codes():
        name = words.country(code)
        drawn = drawn_on_map(code, name)
        shape = iso_numeric(code) or name
        assert drawn == (shape in atlas or shape in atlas.values()), code
    assert not drawn_on_map("SG", "Singapore") and not drawn_on_map("MT", "Malta")
    assert drawn_on_map("XK", "Kosovo") and drawn_on_map("DE", "Germany")
    # the dots are for countries without a shape, each point on the globe
    for code, (lon, lat) in json.loads(POINTS.read_text())["points"].items():
        assert not drawn_on_map(code, words.country(code)), code
        assert -180 <= lon <= 180 and -90 <= lat <= 90, code
