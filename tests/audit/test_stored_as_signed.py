"""An audit event is stored as it was signed: its signed body, encoded once, is what its
INSERT writes, so every event recorded in a batch reads back and verifies."""

from __future__ import annotations

import datetime

import pytest
from django.db import transaction

from audit.models import AuditEvent
from audit.services import audit_batch, audit_record, audit_record_many

pytestmark = pytest.mark.django_db

WHEN = datetime.datetime(2026, 11, 30, 9, 15, tzinfo=datetime.UTC)


def test_events_recorded_together_read_back_as_signed_and_verify(sales_rep):
    with transaction.atomic(), audit_batch():
        audit_record(
            actor=sales_rep,
            action="opportunity.updated",
            object_type="opportunity",
            object_id=7,
            opportunity_id=7,
            changes={"title": ["Old “name”", "New \\ name\n"], "value": [1, 2.5]},
            comment='reason with "quotes" and ünïcode',
        )
        audit_record(
            actor=None,
            action="review.escalated",
            object_type="case",
            object_id="3",
            from_state="new",
            to_state="in_review",
            changes={"due": WHEN.isoformat(), "levels": {"from": 1, "to": None}},
        )
    with transaction.atomic():
        audit_record_many(
            actor=sales_rep,
            events=[
                {"action": "opportunity.exported", "object_type": "opportunity", "object_id": i}
                for i in (8, 9)
            ],
        )
    stored = list(AuditEvent.objects.order_by("id"))
    assert [e.action for e in stored][-4:] == [
        "opportunity.updated",
        "review.escalated",
        "opportunity.exported",
        "opportunity.exported",
    ]
    assert all(e.signature_ok() for e in stored)
    updated, escalated = stored[-4], stored[-3]
    assert updated.comment == 'reason with "quotes" and ünïcode'
    assert updated.changes["title"] == ["Old “name”", "New \\ name\n"]
    assert updated.actor_id == sales_rep.pk and escalated.actor_id is None
    assert escalated.changes == {"due": WHEN.isoformat(), "levels": {"from": 1, "to": None}}
