"""Deals registered in a batch are stored exactly as given: their rows go to the database
in one statement per table (on PostgreSQL as one JSON document), and what comes back is
what was written, quotes, backslashes, other scripts and amounts included."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
import time_machine
from django.db import connection

from audit.models import AuditEvent
from hrdd.bulk import bulk_set
from lifecycle.services import opportunity_register_many
from opportunities.models import Opportunity
from reviews.models import ReviewCase
from rules.models import Screening
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

AWKWARD = [
    'Core "refresh" for C:\\sites\\cairo',
    "Réseau de l’État — مشروع شبكة — 网络",
    "Tab\there, a new line\nand a {brace}, [bracket] and 'quote'",
]


def test_a_batch_of_deals_reads_back_as_registered(sales_rep, catalogue):
    items = [
        deal_body(
            external_id=f"BULK-{i}",
            title=title,
            use_description=title,
            value={"amount": "1234567.89", "currency": "EUR"},
        )
        for i, title in enumerate(AWKWARD)
    ]
    items[-1].update(  # flagged: a state telecom buying traffic inspection
        end_customer={"name": "Nile State Telecom", "country": "EG", "type": "state_telecom"},
        delivery_country="EG",
        lines=[{"sku": "DPI-9000", "quantity": 2}],
    )
    results = opportunity_register_many(actor=sales_rep, items=items, source="api")
    deals = [r.opportunity for r in results]
    assert [d.pk for d in deals] == sorted(d.pk for d in deals)  # in the order given
    for deal, title in zip(deals, AWKWARD, strict=True):
        stored = Opportunity.objects.get(pk=deal.pk)
        assert (stored.title, stored.use_description) == (title, title)
        assert stored.value_amount == Decimal("1234567.89")
        assert stored.intended_use == ["enterprise_it"]
        assert [line.sku for line in stored.lines.all()] == [deal.lines.get().sku]
        assert stored.lines.get().capabilities == deal.lines.get().capabilities
        assert [e.name for e in stored.channel.all()] == ["Nordic Distribution AB"]
        screening = Screening.objects.get(pk=deal.current_screening_id)
        assert screening.snapshot == deal.current_screening.snapshot
        assert screening.findings == deal.current_screening.findings
        assert screening.basis == deal.current_screening.basis
    events = AuditEvent.objects.filter(opportunity_id__in=[d.pk for d in deals])
    recorded = {(e.opportunity_id, e.action) for e in events}
    for deal in deals:
        assert {(deal.pk, "opportunity.registered"), (deal.pk, "opportunity.screened")} <= recorded
    # the flagged one opened its case, stored with the batch's cases
    assert ReviewCase.objects.get(opportunity=deals[-1]).tier == deals[-1].current_screening.tier
    # Signed over their content: any change on the way (a timestamp, a character) fails.
    assert all(e.signature_ok() for e in events)


def test_lines_marked_in_one_statement_keep_each_their_own_value(sales_rep, catalogue):
    results = opportunity_register_many(
        actor=sales_rep,
        items=[deal_body(external_id=f"MARK-{i}", title=t) for i, t in enumerate(AWKWARD)],
    )
    deals = [r.opportunity for r in results]
    for deal, title in zip(deals, reversed(AWKWARD), strict=True):
        deal.title = title
    assert bulk_set(Opportunity, deals, ["title"]) == len(deals)
    stored = dict(
        Opportunity.objects.filter(pk__in=[d.pk for d in deals]).values_list("pk", "title")
    )
    assert [stored[d.pk] for d in deals] == list(reversed(AWKWARD))


def test_moments_in_any_time_zone_read_back_as_the_same_instant():
    from datetime import UTC, datetime, timedelta, timezone

    from hrdd.bulk import bulk_insert
    from outbox.models import OutboxMessage

    cairo = timezone(timedelta(hours=2))
    sent = datetime(2026, 12, 1, 23, 30, 15, 123456, tzinfo=cairo)
    written = bulk_insert(
        OutboxMessage,
        [OutboxMessage(task="t", args=[1], sent_at=sent, resend_at=None)],
    )
    stored = OutboxMessage.objects.get(pk=written[0].pk)
    assert stored.sent_at == sent
    assert stored.sent_at.astimezone(UTC).hour == 21
    assert stored.resend_at is None
    assert stored.lease_until is None


def _stored_row(model, pk: int) -> dict:
    """The row as the database holds it (text, numbers), not as the ORM reads it."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cur:
        cur.execute(f"SELECT * FROM {table} WHERE id = %s", [pk])  # noqa: S608
        names = [c[0] for c in cur.description]
        return dict(zip(names, cur.fetchone(), strict=True))


def test_a_deal_inserted_by_a_statement_built_once_is_stored_as_the_orm_stores_it(
    sales_rep, catalogue
):
    """Amounts, dates, moments, lists and links stored by `bulk_insert` are the very
    values (and, on SQLite, the very text) Django's own insert stores."""
    from hrdd.bulk import bulk_insert

    [result] = opportunity_register_many(actor=sales_rep, items=[deal_body(external_id="ORM")])
    deal = result.opportunity
    fields = [f for f in Opportunity._meta.concrete_fields if not f.primary_key]

    def copy(external_id: str) -> Opportunity:
        values = {f.attname: getattr(deal, f.attname) for f in fields}
        values.update(external_id=external_id, reference="", value_amount=Decimal("12.50"))
        return Opportunity(**values)

    with time_machine.travel(datetime(2026, 12, 1, 21, 30, 15, 123456, tzinfo=UTC), tick=False):
        [ours] = bulk_insert(Opportunity, [copy("OURS")])  # its moments set on insert
        [orms] = Opportunity.objects.bulk_create([copy("ORMS")])
    differ = {"id", "reference", "external_id"}
    ours_row, orms_row = _stored_row(Opportunity, ours.pk), _stored_row(Opportunity, orms.pk)
    assert {k: v for k, v in ours_row.items() if k not in differ} == {
        k: v for k, v in orms_row.items() if k not in differ
    }


def test_on_sqlite_a_registration_compiles_no_insert_through_the_orm(
    api, sales_rep, catalogue, monkeypatch
):
    """Each of a registration's inserts (deal, lines, channel, screening, case, events,
    outbox row) is a statement built once per shape, as on PostgreSQL: compiling them
    through the ORM on every call cost SQLite about a tenth of a registration."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's inserts are covered by test_registration_cost")
    from django.db.models.sql.compiler import SQLInsertCompiler

    from tests.opportunities.test_api import ISSUE_EXAMPLE

    client = api.as_user(sales_rep)
    client.post("/api/v1/opportunities/", {**ISSUE_EXAMPLE, "external_id": "W"}, format="json")
    compiled = []
    original = SQLInsertCompiler.as_sql

    def counted(self, *args, **kwargs):
        compiled.append(self.query.model.__name__)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SQLInsertCompiler, "as_sql", counted)
    r = client.post("/api/v1/opportunities/", ISSUE_EXAMPLE, format="json")
    assert r.status_code == 201, r.content
    assert compiled == []
