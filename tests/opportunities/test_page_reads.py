"""The pages that list deals (the deal list, a partner's profile) read the screening of
the rows they show only, as the API's list does (`selectors.opportunity_rows`), and show
each persona the rows, tiers and statuses the model objects showed before."""

from __future__ import annotations

import html
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from opportunities import presenters
from opportunities.models import ChannelEntry, Opportunity
from opportunities.policies import opportunities_visible_to
from taxonomy.words import term
from tests.opportunities.test_api_reads import _nodes, demo  # noqa: F401 - the fixture

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan"),
]

ROW = re.compile(
    r'<td><a href="/deals/(\d+)/">[^<]*</a></td>.*?<td data-label="Tier"><span[^>]*>([^<]*)'
    r'</span></td>\s*<td data-label="Status">([^<]*)</td>',
    re.S,
)


def _more_deals_than_a_page() -> None:
    """Six copies of each deal of the rep and the partner, with their channel."""
    deals = list(Opportunity.objects.filter(owner__username__in=("rep", "partner")))
    copies = []
    for n, deal in enumerate(deals, start=1):
        for k in range(6):
            copy = Opportunity(**{f.attname: getattr(deal, f.attname) for f in deal._meta.fields})
            copy.pk, copy.reference = None, f"C-{n:03d}-{k:02d}"
            copy.external_id = f"{deal.external_id}-copy-{k}" if deal.external_id else ""
            copies.append((deal, copy))
    Opportunity.objects.bulk_create([c for _, c in copies])
    entries = []
    for deal, copy in copies:
        for e in ChannelEntry.objects.filter(opportunity=deal):
            entry = ChannelEntry(**{f.attname: getattr(e, f.attname) for f in e._meta.fields})
            entry.pk, entry.opportunity_id = None, copy.pk
            entries.append(entry)
    ChannelEntry.objects.bulk_create(entries)


def _screenings_read(sql: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return [
        node["Actual Rows"] * node["Actual Loops"]
        for node in _nodes(plan[0]["Plan"])
        if node.get("Relation Name") == "rules_screening"
    ]


def _page_statement(ctx) -> str:
    (sql,) = [q["sql"] for q in ctx.captured_queries if '"rules_screening"' in q["sql"]]
    return sql


def _tier_in_words(deal, user) -> str:
    return term(presenters.tier_for_viewer(deal, user)[0], "tier") or "—"


def test_the_deal_list_page_reads_the_screenings_of_its_own_rows_only(client, demo):  # noqa: F811
    _more_deals_than_a_page()
    for username in ("rep", "partner", "reviewer"):
        user = User.objects.get(username=username)
        visible = list(opportunities_visible_to(user).select_related("current_screening"))
        assert len(visible) > 25, username
        client.force_login(user)
        with CaptureQueriesContext(connection) as ctx:
            page = client.get("/deals/").content.decode()
        shown = [(int(pk), html.unescape(t), html.unescape(s)) for pk, t, s in ROW.findall(page)]
        assert shown == [
            (d.pk, _tier_in_words(d, user), presenters.status_for_viewer(d, user)[1])
            for d in visible[:25]
        ], username
        assert f"1–25 of {len(visible)} deals" in page, username
        read = _screenings_read(_page_statement(ctx))
        assert read and all(rows <= 25 for rows in read), (username, read)


def test_a_partner_s_profile_reads_the_screenings_of_its_own_deals_only(client, demo):  # noqa: F811
    _more_deals_than_a_page()
    for username in ("partner", "reviewer"):
        user = User.objects.get(username=username)
        org = User.objects.get(username="partner").organisation
        before = list(
            opportunities_visible_to(user)
            .filter(channel__organisation=org)
            .select_related("current_screening")
            .distinct()
            .order_by("-created_at", "-id")[:50]
        )
        assert len(before) == 50, username
        client.force_login(user)
        with CaptureQueriesContext(connection) as ctx:
            page = client.get(f"/partners/{org.pk}/").content.decode()
        table = page[page.index('<table id="partner-deals">') :]
        shown = re.findall(r'<a href="/deals/(\d+)/">[^<]*</a>[^<]*</td><td>([^<]*)</td>', table)
        assert [(int(pk), html.unescape(s)) for pk, s in shown] == [
            (d.pk, presenters.status_for_viewer(d, user)[1]) for d in before
        ], username
        read = _screenings_read(_page_statement(ctx))
        assert read and all(rows <= 50 for rows in read), (username, read)
