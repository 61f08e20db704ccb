"""Sealing off the request path (AUDIT_SEAL_MODE=background, the default outside tests):
a registration answers without touching the chain, and after 16 clients registered at
once every event is in one unbroken chain that verifies, with a checkpoint."""

from __future__ import annotations

import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from audit.models import AuditEvent, AuditSeal
from audit.sealer import sealer_stop, sealer_wait_idle
from audit.selectors import audit_chain_verify
from audit.services import audit_checkpoint_publish
from tests.factories import deal_body
from tests.opportunities.test_api import ISSUE_EXAMPLE

pytestmark = pytest.mark.django_db(transaction=True)

URL = "/api/v1/opportunities/"
CLIENTS, DEALS_EACH = 16, 3
REGISTRATIONS_IN_A_ROW = 5


@pytest.fixture
def background_sealing(settings, tmp_path):
    settings.AUDIT_SEAL_MODE = "background"
    settings.AUDIT_CHECKPOINT_DIR = tmp_path
    yield
    sealer_stop()  # its connection must be closed before the test database is flushed


def chain_sql(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if "audit_auditseal" in q["sql"] or "audit_auditchainhead" in q["sql"]
    ]


def test_a_registration_answers_before_its_events_are_sealed(
    api, sales_rep, catalogue, background_sealing
):
    client = api.as_user(sales_rep)
    with CaptureQueriesContext(connection) as request_sql:
        response = client.post(URL, deal_body(external_id="BG-1"), format="json")
    assert response.status_code == 201, response.content
    assert chain_sql(request_sql.captured_queries) == []  # the request never waits on the head
    assert sealer_wait_idle()
    deal_id = response.json()["id"]
    events = AuditEvent.objects.filter(opportunity_id=deal_id)
    assert events.count() >= 3
    assert AuditSeal.objects.filter(event__in=events).count() == events.count()
    report = audit_chain_verify()
    assert report.ok and report.pending == 0, report


def test_the_chain_verifies_after_sixteen_clients_register_at_once(
    sales_rep, catalogue, background_sealing, capsys
):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent clients need PostgreSQL (DATABASE_URL)")
    from rest_framework.authtoken.models import Token

    token = Token.objects.get_or_create(user=sales_rep)[0].key
    statuses: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(CLIENTS)

    def client_run(c: int) -> None:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        try:
            start.wait()
            for d in range(DEALS_EACH):
                # flagged deals (hold, case, notification) and low ones, interleaved
                body = ISSUE_EXAMPLE if (c + d) % 2 else deal_body()
                r = client.post(URL, {**body, "external_id": f"C{c}-D{d}"}, format="json")
                statuses.append(r.status_code)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=client_run, args=(c,)) for c in range(CLIENTS)]
    for t in threads:
        t.start()
    audit_checkpoint_publish()  # beat's checkpoint may run in the middle of the burst
    for t in threads:
        t.join()
    assert errors == []
    assert statuses == [201] * CLIENTS * DEALS_EACH
    assert sealer_wait_idle()

    total = AuditEvent.objects.count()
    assert total >= CLIENTS * DEALS_EACH * 3
    assert AuditSeal.objects.count() == total  # every event sealed, nothing left pending
    assert sorted(AuditSeal.objects.values_list("position", flat=True)) == list(range(1, total + 1))
    audit_checkpoint_publish()
    call_command("verify_audit_chain", "--no-seal")
    out = capsys.readouterr().out
    assert f"Audit chain intact: {total} events verified, against" in out
    assert "not yet sealed" not in out


def test_registrations_in_a_row_share_one_seal(
    api, sales_rep, catalogue, background_sealing, settings
):
    """While the sealer lingers (AUDIT_SEAL_LINGER), the events of every registration
    committed meanwhile are linked in the same short transaction: one head lock for
    several registrations instead of one each."""
    if connection.vendor != "postgresql":
        pytest.skip("counting the chain's write transactions needs PostgreSQL (DATABASE_URL)")
    settings.AUDIT_SEAL_LINGER = 2.0
    client = api.as_user(sales_rep)
    for i in range(REGISTRATIONS_IN_A_ROW):
        response = client.post(URL, deal_body(external_id=f"ROW-{i}"), format="json")
        assert response.status_code == 201, response.content
    assert sealer_wait_idle()
    with connection.cursor() as cur:
        # rows written by one transaction share its id (xmin)
        cur.execute("SELECT count(*), count(DISTINCT xmin::text) FROM audit_auditseal")
        links, transactions = cur.fetchone()
    assert links == AuditEvent.objects.count() >= 3 * REGISTRATIONS_IN_A_ROW
    assert transactions <= 2, f"{REGISTRATIONS_IN_A_ROW} registrations sealed in {transactions}"
    report = audit_chain_verify()
    assert report.ok and report.pending == 0, report


@pytest.mark.django_db(transaction=False)
def test_events_a_killed_process_left_unsealed_are_pending_then_sealed_by_the_checkpoint(
    api, sales_rep, catalogue, settings, tmp_path
):
    """The sealer never ran (here: the test's transaction never commits, as a process
    killed between commit and seal never seals): the events are signed rows, verify
    counts them as pending, and the periodic checkpoint links them before vouching."""
    settings.AUDIT_CHECKPOINT_DIR = tmp_path
    client = api.as_user(sales_rep)
    response = client.post(URL, deal_body(external_id="KILLED-1"), format="json")
    assert response.status_code == 201
    events = AuditEvent.objects.filter(opportunity_id=response.json()["id"])
    assert events.count() >= 3 and not AuditSeal.objects.filter(event__in=events).exists()
    report = audit_chain_verify()
    assert report.ok and report.pending >= events.count()
    checkpoint = audit_checkpoint_publish()
    assert checkpoint is not None
    assert AuditSeal.objects.filter(event__in=events).count() == events.count()
    report = audit_chain_verify()
    assert report.ok and report.pending == 0 and report.checkpoints == 1
