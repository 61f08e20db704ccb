"""The annual statement: aggregates only, small counts suppressed, and the CSV's numbers are
the charts' numbers."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest

from demo.services import (
    END_CUSTOMERS,
    ORGANISATIONS,
    UNASSESSED_PARTNER_DEALS,
    USERS,
    demo_data_load,
)
from opportunities.models import Opportunity
from reviews.models import ReviewCase
from reviews.services import review_claim, review_decide

pytestmark = pytest.mark.django_db
BAR = re.compile(
    r'<g class="bar" data-section="([^"]+)" data-label="([^"]+)" data-value="([^"]+)">'
)


def _bars(html: str) -> dict[tuple[str, str], str]:
    return {(s, unescape(label)): v for s, label, v in BAR.findall(html)}


def _csv(content: bytes) -> dict[tuple[str, str], str]:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
    assert rows[0] == ["Section", "Figure", "Value", "Unit", "Section id"]
    assert all(r[0] and "_" not in r[0] for r in rows[1:])  # sections named in words
    return {(r[4], r[1]): r[2] for r in rows[1:]}


@pytest.fixture
def demo_year(settings):
    """The demo data, with some of its flagged deals decided by the demo reviewers."""
    settings.STATEMENT_MIN_COUNT = 3
    demo_data_load(deals=40)
    from accounts.models import User

    reviewer = User.objects.get(username="reviewer")
    decided = 0
    for case in ReviewCase.objects.filter(tier="medium").select_related("opportunity")[:5]:
        case = review_claim(case=case, actor=reviewer)
        review_decide(case=case, actor=reviewer, outcome="approve", reasons="Demo review.")
        decided += 1
    assert decided >= 3
    return Opportunity.objects.order_by("created_at").first().created_at.year, decided


def test_the_statement_for_the_demo_year_renders_and_its_csv_matches_its_charts(
    client, reviewer, demo_year
):
    demo_year, decided = demo_year
    client.force_login(reviewer)
    page = client.get(f"/records/statement/?year={demo_year}")
    assert page.status_code == 200
    html = page.content.decode()
    bars = _bars(html)
    assert {s for s, _ in bars} >= {
        "screened_by_channel",
        "screened_by_region",
        "screened_by_tier",
        "decisions",
        "sla_breaches",
        "rescreenings",
    }
    figures = _csv(client.get(f"/records/statement.csv?year={demo_year}").content)
    charted = {k: v for k, v in figures.items() if k in bars}
    assert bars == charted  # every bar is a CSV line with the same number
    total = sum(
        int(v) for (s, _), v in figures.items() if s == "screened_by_tier" and v != "suppressed"
    )
    # the 40 scenario deals and the unassessed reseller's ordinary deals
    assert 0 < total <= 40 + len(UNASSESSED_PARTNER_DEALS)
    assert figures[("decisions", "Approved")] == str(decided)
    # no partner, customer or person is named
    names = (
        [o[0] for o in ORGANISATIONS]
        + [c[0] for c in END_CUSTOMERS]
        + [f"{u[1]} {u[2]}" for u in USERS]
    )
    csv_text = client.get(f"/records/statement.csv?year={demo_year}").content.decode()
    body = html.split("<main>", 1)[1]
    for name in filter(None, names):
        assert name not in body and name not in csv_text, name
    pdf = client.get(f"/records/statement.pdf?year={demo_year}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_small_counts_are_suppressed_in_the_charts_and_the_csv(
    client, reviewer, make_deal, settings
):
    settings.STATEMENT_MIN_COUNT = 3
    for _ in range(3):
        make_deal("low")  # Norway: Europe
    make_deal("medium")  # the Emirates: one deal, which would single out its customer
    client.force_login(reviewer)
    year = Opportunity.objects.first().created_at.year
    bars = _bars(client.get(f"/records/statement/?year={year}").content.decode())
    figures = _csv(client.get(f"/records/statement.csv?year={year}").content)
    assert figures[("screened_by_region", "Europe and Central Asia")] == "3"
    assert figures[("screened_by_region", "Middle East and North Africa")] == "suppressed"
    assert bars[("screened_by_region", "Middle East and North Africa")] == "suppressed"
    assert figures[("screened_by_region", "South Asia")] == "0"
    assert figures[("screened_by_tier", "Medium")] == "suppressed"


def test_a_period_with_nothing_renders_zeros(client, reviewer):
    client.force_login(reviewer)
    figures = _csv(client.get("/records/statement.csv?from=2001-01-01&to=2001-12-31").content)
    assert figures[("screened_by_tier", "Low")] == "0"


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "year=²",
        "year=99999",
        "from=2026-05-01&to=2026-01-01",
        "from=x&to=y",
        "from=0001-01-01&to=9999-12-31",
    ],
)
def test_a_bad_period_is_a_400(client, reviewer, query):
    client.force_login(reviewer)
    for path in ("/records/statement/", "/records/statement.csv", "/records/statement.pdf"):
        assert client.get(f"{path}?{query}").status_code == 400


@pytest.mark.parametrize("persona", ["sales_rep", "partner_a", "outsider"])
def test_partners_and_reps_are_refused_the_statement(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    for path in (
        "/records/statement/",
        "/records/statement.csv",
        "/records/statement.pdf",
        "/records/",
    ):
        assert client.get(f"{path}?year=2026").status_code in (403, 404)
