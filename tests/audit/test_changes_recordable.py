"""What an audit event records in `changes` is stored exactly as it was signed, the same
whether the event is recorded alone or in a batch, on SQLite and on PostgreSQL: a value
JSON cannot hold is refused when it is recorded, not stored as its text on one path and
refused on another."""

from __future__ import annotations

import pytest
from django.db import transaction

from audit.models import AuditEvent
from audit.services import audit_batch, audit_record, audit_record_many

pytestmark = pytest.mark.django_db


def _alone(changes):
    with transaction.atomic():
        audit_record(
            actor=None, action="deal.noted", object_type="opportunity", object_id=1, changes=changes
        )


def _in_a_batch(changes):
    with transaction.atomic(), audit_batch():
        audit_record(
            actor=None, action="deal.noted", object_type="opportunity", object_id=1, changes=changes
        )


def _many(changes):
    with transaction.atomic():
        audit_record_many(
            actor=None,
            events=[
                {
                    "action": "deal.noted",
                    "object_type": "opportunity",
                    "object_id": 1,
                    "changes": changes,
                }
            ],
        )


PATHS = [_alone, _in_a_batch, _many]


class Partner:
    def __str__(self) -> str:
        return "Acme"


@pytest.mark.parametrize("record", PATHS)
@pytest.mark.parametrize("value", [{"Acme", "Globex"}, Partner(), float("nan")])
def test_a_value_json_cannot_hold_is_refused_on_every_path_and_nothing_is_stored(record, value):
    before = AuditEvent.objects.count()
    with pytest.raises(TypeError, match="deal.noted.*partners"):
        record({"partners": value})
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize("record", PATHS)
def test_the_same_changes_read_back_the_same_on_every_path_and_verify(record):
    record({"lines": {10: "router", 9: "switch"}, "ids": (3, 4), "note": "ünïcode"})
    event = AuditEvent.objects.latest("id")
    assert event.changes == {
        "lines": {"10": "router", "9": "switch"},
        "ids": [3, 4],
        "note": "ünïcode",
    }
    assert event.signature_ok()
