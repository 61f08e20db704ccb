"""Thin tasks: compliance staff are told of a new report through the outbox (recorded
with the report, sent after commit, re-sent by the reconciler if lost)."""

from __future__ import annotations

from outbox.tasks import outbox_task

from . import notifications


@outbox_task(
    "grievances.tasks.report_received_notify",
    formerly_named=("grievances.tasks.notify_report_received",),
)
def report_received_notify(report_id: int, event_id: int) -> int:
    return notifications.report_received_notify(report_id=report_id, event_id=event_id)
