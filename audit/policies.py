"""Who reads the audit trail: compliance staff only (it holds reviewers' reasoning and
restricted-party details). Nobody edits it."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.policies import is_compliance

from .models import AuditEvent


def audit_events_visible_to(user) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.all() if is_compliance(user) else AuditEvent.objects.none()
