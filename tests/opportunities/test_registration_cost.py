"""What one registration costs the database: counts of SQL statements, not timings.

The audit trail's statements are counted apart (they belong to the audit chain's own
design); everything else a registration does must stay within REGISTRATION_STATEMENTS.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import AuditEvent
from opportunities.models import Opportunity
from opportunities.workflow import status_for_tier
from tests.factories import deal_body
from tests.opportunities.test_api import ISSUE_EXAMPLE

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"
REGISTRATION_STATEMENTS = 15


def split_audit(queries: list[dict]) -> tuple[list[str], list[str]]:
    """(the registration's own statements, the audit trail's), the latter including the
    savepoints opened around each audit event."""
    sqls = [q["sql"] for q in queries]
    audit_savepoints: set[str] = set()
    own, audit = [], []
    for i, sql in enumerate(sqls):
        low = sql.lower()
        name = sql.split()[-1] if low.startswith(("savepoint", "release savepoint")) else ""
        if low.startswith("savepoint") and i + 1 < len(sqls) and "audit_" in sqls[i + 1].lower():
            audit_savepoints.add(name)
        if "audit_" in low or (name and name in audit_savepoints):
            audit.append(sql)
        else:
            own.append(sql)
    return own, audit


def register(client, body):
    with CaptureQueriesContext(connection) as ctx:
        r = client.post(URL, body, format="json")
    return r, ctx.captured_queries


def test_a_deal_its_lines_and_its_channel_are_written_in_one_statement(api, sales_rep, catalogue):
    """On PostgreSQL one round trip writes the deal with its parts (WITH … INSERT); what
    is stored is what was sent, in order."""
    if connection.vendor != "postgresql":
        pytest.skip("one statement on PostgreSQL; SQLite inserts the parts apart")
    client = api.as_user(sales_rep)
    r, queries = register(client, ISSUE_EXAMPLE)
    assert r.status_code == 201, r.content
    # The statements inserting rows of the deal's tables (the first screening's, which
    # also moves the deal's status, inserts none of them).
    writes = [q["sql"] for q in queries if 'INSERT INTO "opportunities_' in q["sql"]]
    assert len(writes) == 1, [w[:80] for w in writes]
    deal = Opportunity.objects.get(pk=r.json()["id"])
    assert [(line.position, line.sku or line.name) for line in deal.lines.order_by("position")] == [
        (1, "NET-4400"),
        (2, "Third-party probe"),
    ]
    assert [(c.position, c.name, c.role) for c in deal.channel.order_by("position")] == [
        (1, "Gulf Distribution FZE", "distributor"),
        (2, "Cairo Systems", "integrator"),
    ]
    assert r.json() == client.get(f"{URL}{deal.pk}/").json()


def test_the_answer_to_a_registration_is_the_deal_as_stored(api, sales_rep, catalogue):
    """Built from memory, the response must still say what the detail view reads back."""
    client = api.as_user(sales_rep)
    created = client.post(URL, ISSUE_EXAMPLE, format="json")
    assert created.status_code == 201
    body = created.json()
    stored = client.get(f"{URL}{body['id']}/").json()
    assert body == stored
    deal = Opportunity.objects.get(pk=body["id"])
    assert body["reference"] == deal.reference == f"D-{deal.pk:06d}"
    assert body["status"] == "on_hold" and body["screening"]["tier"] in ("high", "critical")


def test_the_deal_list_reads_no_screening_json(api, sales_rep, catalogue):
    client = api.as_user(sales_rep)
    for i in range(3):
        client.post(URL, {**ISSUE_EXAMPLE, "external_id": f"L-{i}"}, format="json")
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(URL)
    assert r.status_code == 200 and r.json()["count"] == 3
    listed = [q["sql"] for q in ctx.captured_queries if "rules_screening" in q["sql"]]
    assert listed and not any(
        col in sql for sql in listed for col in ('"snapshot"', '"findings"', '"reasons"')
    )


# A flagged deal's four events (registered, screened, routed, case opened); a low one's
# three.
@pytest.mark.parametrize(
    ("body", "events"), [(ISSUE_EXAMPLE, 4), (deal_body(), 3)], ids=["flagged", "low"]
)
def test_one_registration_takes_at_most_15_statements_its_audit_trail_included(
    api, sales_rep, catalogue, body, events
):
    """Everything a registration asks of the database, its audit events included (the
    transaction's begin and end count too: the test's savepoint stands for them), and
    within that, the audit trail's own statements bounded by its events."""
    client = api.as_user(sales_rep)
    client.post(URL, {**body, "external_id": "WARM-UP"}, format="json")
    events_before = AuditEvent.objects.count()
    r, queries = register(client, {**body, "external_id": "COUNTED"})
    assert r.status_code == 201, r.content
    own, audit = split_audit(queries)
    assert len(queries) <= REGISTRATION_STATEMENTS, "\n".join(q["sql"][:120] for q in queries)
    assert len(own) <= REGISTRATION_STATEMENTS, "\n".join(s[:120] for s in own)
    # Nothing left unrecorded; five statements an event at most with today's chain
    # (savepoint, head lock, insert, head update, release).
    assert AuditEvent.objects.count() - events_before == events
    assert len(audit) <= 5 * events
    deal = Opportunity.objects.get(pk=r.json()["id"])
    assert deal.current_screening_id is not None and deal.status == r.json()["status"]


def test_many_deals_are_validated_as_one_by_one(sales_rep, catalogue):
    """Promotion validates a batch with one validator: each item gets the same answer and
    the same messages as on its own."""
    from opportunities.validation import opportunity_validate, opportunity_validate_many

    items = [
        ISSUE_EXAMPLE,
        deal_body(lines=[{"sku": "NO-SUCH-SKU", "quantity": 1}]),
        "not an object",
        deal_body(end_customer={"name": "X", "country": "ZZ", "type": "nonsense"}),
        deal_body(value={"amount": "-1", "currency": "EUR"}, lines=[]),
        deal_body(),
    ]
    together = opportunity_validate_many(items, submitter=sales_rep)
    alone = [opportunity_validate(item, submitter=sales_rep) for item in items]
    assert together == alone
    assert [bool(errors) for _, errors in together] == [False, True, True, True, True, False]
    assert "lines[0].sku" in together[1][1] and "end_customer.country" in together[3][1]


def test_a_deal_is_read_in_one_row_and_its_two_lists_without_loading_the_snapshot(
    api, sales_rep, reviewer, catalogue
):
    """The detail shows one key of the screening's snapshot (the languages of the text):
    read with the deal's row, not by a second query that decodes the whole snapshot."""
    body = {
        **ISSUE_EXAMPLE,
        "title": "Bloquear los medios independientes durante la elección",
        "use_description": "Block malware sites and monitor the network for attacks.",
    }
    created = api.as_user(sales_rep).post(URL, body, format="json").json()
    for user in (sales_rep, reviewer):
        client = api.as_user(user)
        with CaptureQueriesContext(connection) as ctx:
            r = client.get(f"{URL}{created['id']}/")
        assert r.status_code == 200
        shown = r.json()["screening"]["languages"]
        assert "Title: Spanish" in shown and "Use description: English" in shown
        # the token with its user; the deal with its screening, lines and channel
        assert len(ctx.captured_queries) == 2, [q["sql"][:90] for q in ctx.captured_queries]
    assert created["screening"]["languages"] == shown


def test_a_new_deals_first_screening_is_written_with_its_first_status(api, sales_rep, catalogue):
    """On PostgreSQL one statement inserts the first screening and moves the deal to the
    status its tier calls for, pointing at it (the transition's conditional UPDATE): one
    round trip, not two. What is stored is the same as before."""
    if connection.vendor != "postgresql":
        pytest.skip("one statement on PostgreSQL; SQLite inserts, then updates")
    client = api.as_user(sales_rep)
    r, queries = register(client, ISSUE_EXAMPLE)
    assert r.status_code == 201, r.content
    screening_writes = [q["sql"] for q in queries if 'INTO "rules_screening"' in q["sql"]]
    assert len(screening_writes) == 1
    assert 'UPDATE "opportunities_opportunity"' in screening_writes[0]
    deal = Opportunity.objects.select_related("current_screening").get(pk=r.json()["id"])
    assert deal.current_screening.opportunity_id == deal.pk
    assert deal.current_screening.tier == r.json()["screening"]["tier"]
    assert deal.status == status_for_tier(deal.current_screening.tier)


def test_the_notification_row_is_written_with_the_audit_events(api, sales_rep, catalogue):
    """On PostgreSQL the statement inserting the registration's audit events also writes
    the reviewers' notification row (the outbox), naming the events it notifies of: one
    round trip, not two. The row is the one written before, in the same transaction."""
    from outbox.models import OutboxMessage

    if connection.vendor != "postgresql":
        pytest.skip("one statement on PostgreSQL; SQLite inserts the row apart")
    client = api.as_user(sales_rep)
    r, queries = register(client, ISSUE_EXAMPLE)
    assert r.status_code == 201, r.content
    outbox_writes = [q["sql"] for q in queries if 'INTO "outbox_outboxmessage"' in q["sql"]]
    assert len(outbox_writes) == 1
    assert 'INTO "audit_auditevent"' in outbox_writes[0]
    row = OutboxMessage.objects.get(task="reviews.tasks.notifications_send")
    opened = AuditEvent.objects.get(action="review_case.opened", opportunity_id=r.json()["id"])
    assert row.args == [[opened.pk]]
    assert row.status == "pending" and row.sent_at is not None
