"""Work queued by an import names its tasks by their current names: the former names
answer only for messages an older release left in the outbox or on the broker."""

from __future__ import annotations

import pytest

from channel_imports import tasks
from channel_imports.services import import_accept
from outbox.models import OutboxMessage

from .conftest import FLAGGED, csv_upload, drain, row

pytestmark = pytest.mark.django_db

CURRENT = {
    t.name
    for t in (
        tasks.import_validate,
        tasks.import_ingest,
        tasks.import_chunk_screen,
        tasks.import_promote,
    )
}


def test_an_upload_queues_its_work_under_the_tasks_current_names(upload_as, partner_a, catalogue):
    r, imp = upload_as(partner_a, csv_upload([row(), FLAGGED]))
    assert r.status_code == 201, r.json()
    imp = drain(imp)
    import_accept(actor=partner_a, channel_import=imp)
    assert drain(imp).status == "completed"
    queued = OutboxMessage.objects.filter(task__startswith="channel_imports.")
    assert set(queued.values_list("task", flat=True)) == CURRENT
