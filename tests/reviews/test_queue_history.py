"""The queue with "all" or a closed status, once years of decided cases pile up: a page is
read from the queue's order by index, not by sorting every case ever opened (PostgreSQL's
plan, from statistics of a table where most cases are closed), and it lists the cases a
reviewer expects, in the queue's order."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews.models import ReviewCase
from tests.opportunities.test_api_reads import _nodes

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan"),
]

CLOSED = ("approved", "approved_with_conditions", "rejected")
HISTORY = 20_000  # closed cases, one in ten decided without an assignee
PAGE = 50


def _history(reviewer, few) -> None:
    """The open cases' deals decided many times before: closed cases, most assigned to
    `reviewer`, two thousand of the least severe to `few`."""
    copies = []
    for n in range(HISTORY):
        case = ReviewCase.objects.order_by("id")[n % 3] if n < 3 else copies[n % 3]
        copy = ReviewCase(**{f.attname: getattr(case, f.attname) for f in case._meta.fields})
        copy.pk = None
        copy.status = CLOSED[n % 3]
        copy.assignee_id = None if n % 10 == 0 else reviewer.pk
        copy.effective_due_at = case.effective_due_at - timedelta(minutes=n)
        copy.closed_at = copy.effective_due_at
        copies.append(copy)
    ReviewCase.objects.bulk_create(copies, batch_size=5000)
    least_severe = ReviewCase.objects.exclude(status__in=ReviewCase.OPEN_STATES)
    least_severe = least_severe.order_by("tier_rank", "id").values_list("pk", flat=True)[:2000]
    ReviewCase.objects.filter(pk__in=list(least_severe)).update(assignee=few)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reviews_reviewcase")


def _cases_read(sql: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return sum(
        node["Actual Rows"] * node["Actual Loops"] + node.get("Rows Removed by Filter", 0)
        for node in _nodes(plan[0]["Plan"])
        if node.get("Relation Name") == "reviews_reviewcase"
    )


def _expected(cases) -> list[int]:
    # The queue's order: most severe first, then least time left, then the oldest id.
    ordered = sorted(cases, key=lambda c: (-c.tier_rank, c.effective_due_at, c.pk))
    return [c.pk for c in ordered[:PAGE]]


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("status=all", lambda c, few: True),
        ("status=all&assignee=none", lambda c, few: c.assignee_id is None),
        ("status=closed", lambda c, few: c.status in CLOSED),
        (
            "status=closed&assignee=none",
            lambda c, few: c.status in CLOSED and c.assignee_id is None,
        ),
        # a reviewer with a tenth of the cases, all of the least severe tier
        ("status=all&assignee={few}", lambda c, few: c.assignee_id == few),
    ],
)
def test_the_queue_over_closed_cases_reads_a_page_not_every_case(
    api, reviewer, second_reviewer, make_deal, query, wanted
):
    for tier in ("medium", "high", "critical"):
        make_deal(tier)
    _history(reviewer, second_reviewer)
    everything = list(ReviewCase.objects.all())
    assert len(everything) == HISTORY + 3
    kept = [c for c in everything if wanted(c, second_reviewer.pk)]
    query = query.format(few=second_reviewer.pk)

    with CaptureQueriesContext(connection) as ctx:
        r = api.as_user(reviewer).get(f"/api/v1/reviews/cases/?{query}")

    assert r.status_code == 200, r.content[:300]
    body = r.json()
    assert body["count"] == len(kept)
    assert [row["id"] for row in body["results"]] == _expected(kept)
    (page_sql,) = [
        q["sql"]
        for q in ctx.captured_queries
        if 'FROM "reviews_reviewcase"' in q["sql"] and "LIMIT" in q["sql"]
    ]
    read = _cases_read(page_sql)
    assert read <= 20 * PAGE, f"{read} cases read for a page of {PAGE} ({query})"
