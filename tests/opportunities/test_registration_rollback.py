"""A registration the database refuses part-way leaves nothing behind: no deal without
its screening, no audit event, no case and no outbox message. The deal, its lines and
channel, the first screening with the first status, the events and the messages are
written by statements built by hand (`hrdd.bulk`, `audit.transitions`); the refusal here
comes from the database itself, at each table a registration writes."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection

from audit.models import AuditEvent
from lifecycle.services import opportunity_register
from opportunities.models import ChannelEntry, Opportunity, OpportunityLine
from outbox.models import OutboxMessage
from partners.models import Organisation
from reviews.models import ReviewCase
from rules.models import Screening
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

WRITTEN = (
    Opportunity,
    OpportunityLine,
    ChannelEntry,
    Organisation,
    Screening,
    AuditEvent,
    ReviewCase,
    OutboxMessage,
)
# A DPI probe for a state telecom: screened high, routed to review, a case opened and the
# reviewers told (an outbox message), so every table below is written.
ROUTED = deal_body(
    end_customer={"name": "Cairo Telecom", "country": "EG", "type": "state_telecom"},
    delivery_country="EG",
    lines=[{"sku": "DPI-9000", "quantity": 2}],
    channel=[{"name": "A new distributor", "role": "distributor", "country": "AE"}],
)


def _refuse_inserts(model) -> None:
    """The database refuses every new row of `model` (a check violation)."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"CREATE TRIGGER refuse_insert BEFORE INSERT ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
            return
        cursor.execute(
            "CREATE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'refused' USING ERRCODE = 'check_violation'; END $$"
        )
        cursor.execute(
            f"CREATE TRIGGER refuse_insert BEFORE INSERT ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION refuse_insert()"
        )


def _counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in WRITTEN}


@pytest.mark.parametrize(
    "refused",
    [ChannelEntry, Screening, AuditEvent, ReviewCase, OutboxMessage],
    ids=lambda m: m.__name__,
)
def test_a_refused_insert_leaves_no_part_of_the_registration(sales_rep, catalogue, refused):
    first = opportunity_register(actor=sales_rep, data=ROUTED).opportunity
    assert ReviewCase.objects.filter(opportunity=first).exists()  # every table written
    assert OutboxMessage.objects.exists()
    before = _counts()
    _refuse_inserts(refused)

    with pytest.raises(IntegrityError):
        opportunity_register(actor=sales_rep, data={**ROUTED, "title": "Refused"})

    assert _counts() == before
    assert not Opportunity.objects.filter(title="Refused").exists()


def test_an_api_client_is_told_in_json_when_the_database_refuses(api, sales_rep, catalogue):
    """An error nobody foresaw still answers an API client in the API's own shape, and the
    registration it interrupted left nothing behind."""
    before = _counts()
    _refuse_inserts(Screening)
    client = api.as_user(sales_rep)
    client.raise_request_exception = False

    response = client.post("/api/v1/opportunities/", ROUTED, format="json")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("Something went wrong on the server")
    assert response.json()["errors"] == {}
    assert _counts() == before


def test_a_browser_still_gets_the_error_page(rf):
    """Outside the API the last resort is still the site's HTML page."""
    from hrdd.api import server_error

    response = server_error(rf.get("/deals/"))

    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert "Something went wrong" in response.content.decode()


def test_a_failure_after_the_commit_is_not_told_nothing_was_saved(
    api, sales_rep, catalogue, monkeypatch
):
    """The deal is saved when building the answer fails after the registration's commit:
    the client is told to look for it before sending it again, never that nothing was."""
    import opportunities.api

    def answer_fails(*args, **kwargs):
        raise RuntimeError("the answer could not be built")

    monkeypatch.setattr(opportunities.api, "opportunity_out", answer_fails)
    client = api.as_user(sales_rep)
    client.raise_request_exception = False
    before = Opportunity.objects.count()

    response = client.post("/api/v1/opportunities/", ROUTED, format="json")

    assert response.status_code == 500
    assert Opportunity.objects.count() == before + 1  # saved, with its screening
    assert Screening.objects.filter(opportunity__title=ROUTED["title"]).exists()
    detail = response.json()["detail"]
    assert "look for it" in detail
    assert "not at all" in detail and "Nothing you sent" not in detail
