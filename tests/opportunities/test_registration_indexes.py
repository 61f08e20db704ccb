"""The indexes a registration writes: none that another index already serves, and the
look-ups the dropped ones served still answered by an index (README "Indexes a
registration writes")."""

from __future__ import annotations

import pytest
from django.db import connection

from opportunities.models import Opportunity
from reviews.models import ReviewCase
from tests.opportunities.test_api import ISSUE_EXAMPLE

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"
# The tables one registration inserts into.
TABLES = (
    "opportunities_opportunity",
    "opportunities_opportunityline",
    "opportunities_channelentry",
    "rules_screening",
    "reviews_reviewcase",
    "audit_auditevent",
    "outbox_outboxmessage",
)


def indexes(table: str) -> list[dict]:
    """Each index of `table`: name, columns in order, unique, its WHERE (or ""), and
    whether it is a PostgreSQL pattern-ops twin (`varchar_pattern_ops`)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                """
                SELECT c.relname, i.indisunique, coalesce(pg_get_expr(i.indpred, i.indrelid), ''),
                       array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
                             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
                             ORDER BY k.o),
                       array(SELECT o.opcname FROM unnest(i.indclass) oc(oid)
                             JOIN pg_opclass o ON o.oid = oc.oid),
                       i.indexprs IS NOT NULL
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = %s::regclass
                """,
                [table],
            )
            return [
                {
                    "name": name,
                    "unique": unique,
                    "where": where,
                    "columns": tuple(columns),
                    "pattern": any("pattern" in op for op in opclasses),
                    "expression": expression,
                }
                for name, unique, where, columns, opclasses, expression in cursor.fetchall()
            ]
        found = []
        cursor.execute(f"PRAGMA index_list({table})")
        for _seq, name, unique, _origin, _partial in cursor.fetchall():
            cursor.execute(f"PRAGMA index_info({name})")
            columns = tuple(col for _n, _cid, col in cursor.fetchall())
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [name])
            sql = (cursor.fetchone() or [None])[0] or ""
            where = sql.split(" WHERE ", 1)[1] if " WHERE " in sql else ""
            found.append(
                {
                    "name": name,
                    "unique": bool(unique),
                    "where": where,
                    "columns": columns,
                    "pattern": False,
                    "expression": None in columns,
                }
            )
        return found


@pytest.mark.parametrize("table", TABLES)
def test_no_index_a_registration_writes_is_served_by_another(table):
    """An index whose columns begin another index's, under the same WHERE, answers
    nothing the longer one does not: it is only written, with every row (and again with
    every status moved). Unique ones stay: they are what keeps the rule."""
    found = [i for i in indexes(table) if not i["expression"]]
    redundant = [
        (short["name"], long["name"])
        for short in found
        for long in found
        if short is not long
        and not short["unique"]
        and short["where"] == long["where"]
        and long["columns"][: len(short["columns"])] == short["columns"]
        and not long["pattern"]
    ]
    assert not redundant
    assert not [i["name"] for i in found if i["pattern"]]


def test_a_case_opened_at_registration_writes_no_entry_for_the_links_it_leaves_empty():
    """The case's links to people and to an earlier case are empty when registration
    opens it: their indexes hold only the rows where they are set (the assignee's also
    keeps a person's cases in the queue's order)."""
    by_column = {}
    for index in indexes("reviews_reviewcase"):
        if "status" not in index["where"]:  # the open queue's own indexes aside
            by_column.setdefault(index["columns"][0], []).append(index)
    for column in (
        "assignee_id",
        "previous_case_id",
        "recommended_by_id",
        "hard_stop_cleared_by_id",
    ):
        (index,) = by_column[column]
        assert "NOT NULL" in index["where"].upper(), index


@pytest.fixture
def registered(api, sales_rep, catalogue):
    client = api.as_user(sales_rep)
    for i in range(3):
        r = client.post(URL, {**ISSUE_EXAMPLE, "external_id": f"IX-{i}"}, format="json")
        assert r.status_code == 201, r.content
    return sales_rep


def _plan(queryset) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        try:
            return queryset.explain()
        finally:
            cursor.execute("RESET enable_seqscan")


def test_the_lookups_of_the_dropped_indexes_are_answered_by_the_indexes_left(registered, reviewer):
    """A deal's owner, its submitting organisation and its status, and a case's assignee,
    recommender, clearer and earlier case: each found by an index (with sequential scans
    off, as on a large table), and the rows found are the rows that match."""
    if connection.vendor != "postgresql":
        pytest.skip("plans read on PostgreSQL")
    deal = Opportunity.objects.first()
    case = ReviewCase.objects.get(opportunity=deal)
    ReviewCase.objects.filter(pk=case.pk).update(assignee=reviewer, recommended_by=reviewer)
    lookups = [
        (Opportunity.objects.filter(owner=registered), "opportunity_owner_new_idx"),
        (
            Opportunity.objects.filter(submitted_by_organisation=deal.submitted_by_organisation),
            "opportunity_submitter_idx",
        ),
        (Opportunity.objects.filter(status=deal.status), "opportunity_status_new_idx"),
        (ReviewCase.objects.filter(assignee=reviewer), "reviewcase_assignee"),
        (ReviewCase.objects.filter(recommended_by__in=[reviewer]), "reviewcase_recommender_idx"),
        (ReviewCase.objects.filter(hard_stop_cleared_by=reviewer), "reviewcase_stop_clearer_idx"),
        (ReviewCase.objects.filter(previous_case=case), "reviewcase_previous_set_idx"),
    ]
    for queryset, index in lookups:
        assert index in _plan(queryset), (str(queryset.query), _plan(queryset))
    assert Opportunity.objects.filter(owner=registered).count() == 3
    assert Opportunity.objects.filter(status=deal.status).count() == 3
    assert list(ReviewCase.objects.filter(assignee=reviewer)) == [case]
    assert list(ReviewCase.objects.filter(recommended_by__in=[reviewer])) == [case]
    assert not ReviewCase.objects.filter(hard_stop_cleared_by=reviewer).exists()
