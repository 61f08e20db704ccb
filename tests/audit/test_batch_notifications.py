"""Inside an audit batch, the events given for notification become one outbox row for the
whole batch, whichever database, even when some were inserted before the batch's end
(a read of the trail flushes the batch half-way)."""

from __future__ import annotations

import pytest
from django.db import transaction

from audit.services import audit_batch, audit_batch_flush, audit_record
from outbox.models import OutboxMessage
from reviews.services._common import NOTIFICATIONS, _notify

pytestmark = pytest.mark.django_db


def _event(n: int):
    return audit_record(actor=None, action="case.note", object_type="case", object_id=n)


def test_a_batch_flushed_half_way_still_queues_its_notifications_in_one_row():
    with transaction.atomic(), audit_batch():
        first = _event(1)
        audit_batch_flush()  # as a check reading the trail does
        _notify([first])
        second = _event(2)
        _notify([second])

    rows = list(OutboxMessage.objects.filter(task=NOTIFICATIONS).values_list("args", flat=True))
    assert rows == [[[first.pk, second.pk]]]
