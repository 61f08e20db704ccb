"""Who sees and works misuse reports.

- Compliance staff see the triage queue and the reports (what, where, which organisation
  or product, the answers and links).
- The reporter's identity (name, contact) and their files: the human-rights lead only,
  since a leaked name can put a reporter in danger.
- Partners, reps and everyone else: nothing. No page, API, export or notification of
  theirs names a report; the deals it concerns show them only the status any hold shows.
- The public page needs no account; a report is reached only with its receipt code.
"""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.policies import is_compliance, is_human_rights_lead

from .models import Report, ReportFile


def reports_visible_to(user) -> QuerySet[Report]:
    return Report.objects.all() if is_compliance(user) else Report.objects.none()


def report_files_visible_to(user) -> QuerySet[ReportFile]:
    return ReportFile.objects.all() if is_human_rights_lead(user) else ReportFile.objects.none()


def can_see_reporter(user) -> bool:
    return is_human_rights_lead(user)


def why_not_triage(user) -> str | None:
    if not is_compliance(user):
        return "Only compliance staff work on misuse reports."
    return None
