"""The sealer checks each event's signature from the event's values as read, without an
instance of it: the body it checks is the body the event was signed over, and an event
altered before it was sealed is still sealed, named in the log and by the verifier."""

from __future__ import annotations

import logging

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.models import User
from audit import keys
from audit.models import SIGNED_FIELDS, AuditEvent, AuditSeal, signed_payload
from audit.services import _signed_event, audit_chain_seal_all, audit_record
from tests.audit.test_tamper_evidence import triggers_lifted

pytestmark = pytest.mark.django_db(transaction=True)


def _record_some() -> list[AuditEvent]:
    actor = User.objects.create(username="sealer_reader", role="compliance_reviewer")
    return [
        audit_record(
            actor=actor,
            action="test.unicode",
            object_type="opportunity",
            object_id=7,
            opportunity_id=7,
            from_state="new",
            to_state="on_hold",
            changes={"names": ["Société Générale", "Δέλτα", "中国电信", "شركة"], "n": 1.5},
            comment="« vérifié » — ok",
        ),
        audit_record(
            actor=None,
            action="test.nested",
            object_type="review_case",
            object_id="case-9",
            changes={"z": {"b": [1, None, True], "a": ""}, "a": None},
        ),
        audit_record(actor=None, action="test.empty", object_type="import", object_id=3),
    ]


def test_the_body_checked_from_values_is_the_body_signed():
    recorded = _record_some()
    rows = {
        row.pop("id"): row
        for row in AuditEvent.objects.filter(pk__in=[e.pk for e in recorded]).values(
            "id", *SIGNED_FIELDS
        )
    }
    for event in recorded:
        stored = AuditEvent.objects.get(pk=event.pk)
        from_values = signed_payload(rows[event.pk])
        assert from_values == stored.payload()
        assert keys.canonical(from_values) == keys.canonical(event.payload())
        assert keys.signature_ok(stored.key_id, from_values, stored.hash)


def _unsealed(**fields) -> AuditEvent:
    """An event saved and signed but not yet sealed, as one is between its commit and the
    sealer's round."""
    event = _signed_event(**fields)
    event.save()
    return event


def test_an_event_altered_before_sealing_is_sealed_and_named(caplog):
    audit_chain_seal_all()  # whatever the set-up recorded
    waiting = [
        _unsealed(actor=None, action="test.first", object_type="import", object_id=1),
        _unsealed(
            actor=None,
            action="test.second",
            object_type="import",
            object_id=2,
            changes={"names": ["Société Générale", "中国电信"]},
        ),
        _unsealed(actor=None, action="test.third", object_type="import", object_id=3),
    ]
    altered = waiting[1]
    with triggers_lifted(), connection.cursor() as cur:
        cur.execute(
            "UPDATE audit_auditevent SET comment = %s WHERE id = %s",
            ["rewritten before its seal", altered.pk],
        )
    with caplog.at_level(logging.ERROR, logger="audit"):
        audit_chain_seal_all()
    sealed = AuditSeal.objects.filter(event_id__in=[e.pk for e in waiting])
    assert sorted(sealed.values_list("event_id", flat=True)) == sorted(e.pk for e in waiting)
    named = [r.getMessage() for r in caplog.records if "does not match" in r.getMessage()]
    assert named == [f"audit event {altered.pk} does not match its signature"]
    with pytest.raises(CommandError) as info:
        call_command("verify_audit_chain")
    assert f"event {altered.pk}" in str(info.value)
