"""Deal references: filled by the database from the id, so registrations never queue."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from opportunities.models import Opportunity
from opportunities.services import opportunity_insert
from opportunities.validation import opportunity_validate
from tests.factories import deal_body


@pytest.mark.django_db
def test_every_deal_gets_the_reference_of_its_id(sales_rep, vendor, catalogue):
    clean, _ = opportunity_validate(deal_body(), submitter=sales_rep)
    deals = [opportunity_insert(actor=sales_rep, org=vendor, data=clean) for _ in range(3)]
    for deal in deals:
        assert deal.reference == f"D-{deal.pk:06d}"
        deal.refresh_from_db()
        assert deal.reference == f"D-{deal.pk:06d}"
        assert [line.position for line in deal.lines.all()] == list(
            range(1, len(clean["lines"]) + 1)
        )
    # Inserted together (as a bulk promotion does), each still gets its own.
    rows = Opportunity.objects.bulk_create(
        [
            Opportunity(
                **{
                    f: getattr(deals[0], f)
                    for f in (
                        "title",
                        "owner_id",
                        "submitted_by_organisation_id",
                        "end_customer_id",
                        "end_customer_name",
                        "end_customer_country",
                        "end_user_type",
                        "delivery_country",
                        "value_amount",
                        "value_currency",
                    )
                },
                reference="",
            )
            for _ in range(3)
        ]
    )
    stored = dict(
        Opportunity.objects.filter(pk__in=[r.pk for r in rows]).values_list("pk", "reference")
    )
    assert stored == {r.pk: f"D-{r.pk:06d}" for r in rows}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="real concurrent writers need PostgreSQL"
)
def test_a_registration_does_not_wait_for_another_still_uncommitted(sales_rep, vendor, catalogue):
    clean, _ = opportunity_validate(deal_body(), submitter=sales_rep)
    opportunity_insert(actor=sales_rep, org=vendor, data=clean)  # its organisations committed
    first_inserted, second_done = threading.Event(), threading.Event()
    outcome: dict[str, str] = {}

    def first():
        try:
            with transaction.atomic():
                opportunity_insert(actor=sales_rep, org=vendor, data=clean)
                first_inserted.set()
                second_done.wait(timeout=10)  # still uncommitted while the second inserts
        finally:
            connections.close_all()

    def second():
        try:
            first_inserted.wait(timeout=10)
            with transaction.atomic():
                with connection.cursor() as cur:
                    cur.execute("SET LOCAL lock_timeout = '2s'")
                opportunity_insert(actor=sales_rep, org=vendor, data=clean)
            outcome["second"] = "inserted"
        except Exception as exc:  # a lock timeout: it waited on the first transaction
            outcome["second"] = f"waited: {exc}"
        finally:
            second_done.set()
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert outcome == {"second": "inserted"}
    assert Opportunity.objects.count() == 3  # the first deal, then the two at once
