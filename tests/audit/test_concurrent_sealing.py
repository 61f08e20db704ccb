"""Many writers at once: every event ends up in the chain exactly once, in one unbroken
chain, and no seal fails (PostgreSQL, as CI runs the suite a second time)."""

from __future__ import annotations

import threading

import pytest
from django.core.management import call_command
from django.db import connections, transaction

from audit.models import AuditEvent, AuditSeal
from audit.services import audit_checkpoint_publish, audit_record

pytestmark = pytest.mark.django_db(transaction=True)

WRITERS, TRANSACTIONS, EVENTS = 8, 10, 4


def test_concurrent_writers_leave_one_unbroken_chain(caplog, settings, tmp_path, capsys):
    settings.AUDIT_CHECKPOINT_DIR = tmp_path
    errors: list[BaseException] = []

    def writer(w: int) -> None:
        try:
            for t in range(TRANSACTIONS):
                with transaction.atomic():
                    for e in range(EVENTS):
                        audit_record(
                            actor=None,
                            action=f"test.{e}",
                            object_type="opportunity",
                            object_id=f"{w}-{t}",
                        )
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    with caplog.at_level("ERROR"):
        threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
    assert "Error calling" not in caplog.text  # no seal after commit failed
    total = WRITERS * TRANSACTIONS * EVENTS
    assert AuditEvent.objects.count() == total
    audit_checkpoint_publish()  # what beat does: seal anything a busy moment left behind
    assert AuditSeal.objects.count() == total
    assert sorted(AuditSeal.objects.values_list("position", flat=True)) == list(range(1, total + 1))
    call_command("verify_audit_chain", "--no-seal")
    assert (
        f"Audit chain intact: {total} events verified, against 1 checkpoints."
        in capsys.readouterr().out
    )
