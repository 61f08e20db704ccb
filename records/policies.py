"""Who may see and do what with the records: compliance staff only.

Evidence packs, notifications to the authority and the record's retention hold
screening intelligence (reviewers' reasons, restricted-party matches), so partners and
sales reps are refused all of it; the deal's status they see stays neutral
(`opportunities.presenters`). The annual statement is aggregates meant for publication,
but it is published by compliance, so only compliance staff open it here. Purging a
record whose retention has ended is for admins.
"""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.policies import is_admin, is_compliance
from opportunities.models import Opportunity
from opportunities.policies import opportunities_visible_to

from .models import AuthorityNotification

COMPLIANCE_ONLY = "Only compliance staff see the record of a deal."


def records_visible_to(user) -> QuerySet[Opportunity]:
    """Deals whose record (evidence pack, notifications, retention) the user may open."""
    if not is_compliance(user):
        return Opportunity.objects.none()
    return opportunities_visible_to(user)


def authority_notifications_visible_to(user) -> QuerySet[AuthorityNotification]:
    if not is_compliance(user):
        return AuthorityNotification.objects.none()
    return AuthorityNotification.objects.all()


def why_not_open_records(user) -> str | None:
    return None if is_compliance(user) else COMPLIANCE_ONLY


def why_not_record_awareness(user, opportunity: Opportunity) -> str | None:
    if not is_compliance(user):
        return COMPLIANCE_ONLY
    if opportunity.status in (Opportunity.Status.NEW, Opportunity.Status.WITHDRAWN):
        return "A deal that is not screened, or withdrawn, has nothing to hold."
    return None


def why_not_work_notification(user, notification: AuthorityNotification) -> str | None:
    return None if is_compliance(user) else COMPLIANCE_ONLY


def why_not_purge(user) -> str | None:
    return None if is_admin(user) else "Only an admin confirms a purge."
