"""Inbox messages to compliance staff about misuse reports. They name the report and its
target, never the reporter, and go to compliance staff only."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.policies import compliance_staff_q
from reviews.models import Notification

from .models import Report


def report_received_notify(*, report_id: int, event_id: int) -> int:
    """One inbox message per compliance reviewer and senior reviewer (idempotent: the
    notification's (recipient, event, kind) is unique, so a re-sent task adds none)."""
    report = Report.objects.filter(pk=report_id).first()
    if report is None:
        return 0
    staff = User.objects.filter(compliance_staff_q(), is_active=True).exclude(role=User.Role.ADMIN)
    due = timezone.localtime(report.triage_due_at).strftime("%Y-%m-%d %H:%M")
    rows = [
        Notification(
            recipient=user,
            event_id=event_id,
            kind="report_received",
            title=f"New misuse report {report.reference}",
            body=f"A misuse report was received; assess it by {due}.",
            url=reverse("grievance-detail", args=[report.pk]),
            created_at=timezone.now(),
        )
        for user in staff
    ]
    return len(Notification.objects.bulk_create(rows, ignore_conflicts=True))
