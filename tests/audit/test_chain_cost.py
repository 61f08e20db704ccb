"""A registration's audit events cost one INSERT together and take no shared lock in its
transaction; they join the chain just after commit, in one short transaction."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import AuditEvent, AuditSeal
from audit.selectors import audit_chain_verify
from tests.factories import deal_body

pytestmark = pytest.mark.django_db


def test_registering_a_deal_audits_it_without_locking_the_chain(
    api, sales_rep, catalogue, django_capture_on_commit_callbacks
):
    client = api.as_user(sales_rep)
    with (
        django_capture_on_commit_callbacks() as after_commit,
        CaptureQueriesContext(connection) as request_sql,
    ):
        response = client.post("/api/v1/opportunities/", deal_body(), format="json")
    assert response.status_code == 201, response.json()
    deal_id = response.json()["id"]
    events = AuditEvent.objects.filter(opportunity_id=deal_id).count()
    audit_sql = [q["sql"] for q in request_sql.captured_queries if "audit_" in q["sql"]]
    print(
        f"\nregistration: {len(request_sql)} statements, {len(audit_sql)} of them audit, "
        f"{events} events"
    )
    assert events >= 3
    assert not any("audit_auditchainhead" in sql for sql in audit_sql)  # no head lock
    assert len(audit_sql) == 1  # the registration's events in one INSERT

    with CaptureQueriesContext(connection) as seal_sql:
        for callback in after_commit:
            if hasattr(callback, "audit_event_ids"):
                callback()
    # outside the test's own transaction these are BEGIN and COMMIT
    # (and PostgreSQL's SET LOCAL synchronous_commit is a setting, not work)
    statements = [
        q
        for q in seal_sql.captured_queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE", "SET"))
    ]
    print(f"sealing after commit: {len(statements)} statements")
    assert len(statements) == 4  # lock the head, read pending events, one bulk insert, one update
    assert AuditSeal.objects.filter(event__opportunity_id=deal_id).count() == events
    assert audit_chain_verify().ok
