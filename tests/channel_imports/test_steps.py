"""An import's steps go through the workflow's transition helper: each step's audit event
says which status the import left, where the table leaves only one, and a step taken
twice (a double click, a redelivered task) is refused without a second event."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from channel_imports.services import import_accept, import_discard
from hrdd.errors import Conflict

from .conftest import csv_upload, drain, row

pytestmark = pytest.mark.django_db


def trail(imp):
    return list(
        AuditEvent.objects.filter(object_type="channel_import", object_id=str(imp.pk))
        .order_by("id")
        .values_list("action", "from_state", "to_state")
    )


def test_each_step_records_the_status_it_left(upload_as, partner_a, catalogue):
    _, imp = upload_as(partner_a, csv_upload([row(partner_reference=f"P-{i}") for i in range(3)]))
    imp = drain(imp)
    import_accept(actor=partner_a, channel_import=imp)
    drain(imp)
    assert trail(imp) == [
        ("channel_import.uploaded", "", "uploaded"),
        ("channel_import.mapped", "", "validating"),  # from uploaded, or a validated file re-mapped
        ("channel_import.validated", "validating", "validated"),
        ("channel_import.accepted", "validated", "importing"),
        ("channel_import.completed", "", "completed"),  # after screening, or after promotion
    ]


def test_accepting_twice_is_refused_and_recorded_once(upload_as, partner_a, catalogue):
    _, imp = upload_as(partner_a, csv_upload([row()]))
    imp = drain(imp)
    stale = type(imp).objects.get(pk=imp.pk)
    import_accept(actor=partner_a, channel_import=imp)
    with pytest.raises(Conflict, match="not waiting for a decision"):
        import_accept(actor=partner_a, channel_import=stale)
    with pytest.raises(Conflict, match="not yet accepted"):
        import_discard(actor=partner_a, channel_import=stale)
    assert [a for a, _, _ in trail(imp)].count("channel_import.accepted") == 1
    assert "channel_import.discarded" not in [a for a, _, _ in trail(imp)]
