"""Every change to a misuse report: filed, followed up, answered, linked, assessed.

Public services (`report_submit`, `report_add_information`) take no user: the reporter
has no account. Staff services take the acting user, check `policies`, run in one
transaction with their audit event. A report never records the reporter's address: rate
limits count keyed hashes in `PublicAttempt`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from hrdd.errors import ApplicationError, PermissionDenied
from opportunities.models import Opportunity
from outbox.services import outbox_enqueue
from reviews.business_days import add_business_days
from reviews.services import review_raise_concern
from reviews.uploads import evidence_validate

from . import policies
from .models import PublicAttempt, Report, ReportFile, ReportLink, ReportMessage
from .workflow import report_transition

MAX_FILES = 3
CONCERN_SOURCE = "misuse_report"


# --- Receipt codes ---------------------------------------------------------------------


def receipt_code_new() -> str:
    """128 random bits as 26 base-32 letters and digits, in groups for reading aloud."""
    raw = base64.b32encode(secrets.token_bytes(16)).decode().rstrip("=")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def receipt_normalise(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def receipt_hash(code: str) -> str:
    return hashlib.sha256(receipt_normalise(code).encode()).hexdigest()


# --- Rate limits (database-counted, so every process agrees) ---------------------------


def source_key(value: str) -> str:
    """A keyed hash of an address or receipt: countable, not reversible."""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def public_attempt_allow(*, kind: str, source: str, limit: int, window_seconds: int = 3600) -> bool:
    """Count one use of `kind` from `source`; False (and nothing counted) past `limit`."""
    now = timezone.now()
    with transaction.atomic():
        PublicAttempt.objects.filter(at__lt=now - timedelta(days=1)).delete()
        used = PublicAttempt.objects.filter(
            kind=kind, source=source, at__gte=now - timedelta(seconds=window_seconds)
        ).count()
        if used >= limit:
            return False
        PublicAttempt.objects.create(kind=kind, source=source, at=now)
    return True


# --- The reporter's side ---------------------------------------------------------------


def _files_check(files) -> list:
    files = [f for f in files or [] if f]
    if len(files) > MAX_FILES:
        raise ApplicationError(
            f"Attach at most {MAX_FILES} files.", errors={"attachment": "Too many files."}
        )
    for f in files:
        evidence_validate(f)
    return files


def _files_store(report: Report, files: list, now) -> None:
    for f in files:
        ReportFile.objects.create(
            report=report, file=f, original_name=str(f.name)[:200], size=f.size, uploaded_at=now
        )


def report_submit(*, data: dict, files=(), language: str = "en") -> tuple[Report, str]:
    """File a report; returns it and its receipt code (shown once, stored only hashed).

    `data`: what (required), where_country, where_place, about_organisation,
    about_product, anonymous (default True), reporter_name, reporter_contact (dropped
    when anonymous).
    """
    what = (data.get("what") or "").strip()
    if not what:
        raise ApplicationError("Say what happened.", errors={"what": "Say what happened."})
    files = _files_check(files)
    anonymous = bool(data.get("anonymous", True))
    code = receipt_code_new()
    now = timezone.now()
    due = add_business_days(timezone.localtime(now), settings.GRIEVANCE_ASSESS_BUSINESS_DAYS)
    with transaction.atomic():
        report = Report.objects.create(
            receipt_hash=receipt_hash(code),
            what=what[:10000],
            where_country=(data.get("where_country") or "").upper()[:2],
            where_place=(data.get("where_place") or "").strip()[:200],
            about_organisation=(data.get("about_organisation") or "").strip()[:300],
            about_product=(data.get("about_product") or "").strip()[:300],
            language=language[:8],
            anonymous=anonymous,
            reporter_name="" if anonymous else (data.get("reporter_name") or "").strip()[:200],
            reporter_contact=""
            if anonymous
            else (data.get("reporter_contact") or "").strip()[:300],
            received_at=now,
            triage_due_at=due,
            updated_at=now,
        )
        _files_store(report, files, now)
        # The audit event names no reporter and no file name.
        event = audit_record(
            actor=None,
            action="report.received",
            object_type="report",
            object_id=report.pk,
            to_state=report.status,
            changes={"files": len(files), "anonymous": anonymous, "language": report.language},
        )
        outbox_enqueue("grievances.tasks.report_received_notify", report.pk, event.pk)
    return report, code


def report_add_information(*, report: Report, body: str, files=()) -> ReportMessage:
    """The reporter adds information (text and up to MAX_FILES files) with their code."""
    body = (body or "").strip()
    files = _files_check(files)
    if not body and not files:
        raise ApplicationError(
            "Write something or attach a file.",
            errors={"body": "Write something or attach a file."},
        )
    if not report.is_open:
        raise ApplicationError("This report is closed; file a new report to tell us more.")
    now = timezone.now()
    with transaction.atomic():
        message = ReportMessage.objects.create(
            report=report,
            from_reporter=True,
            body=body[:10000] or "(file attached)",
            created_at=now,
        )
        _files_store(report, files, now)
        Report.objects.filter(pk=report.pk).update(updated_at=now)
        audit_record(
            actor=None,
            action="report.information_added",
            object_type="report",
            object_id=report.pk,
            changes={"message_id": message.pk, "files": len(files)},
        )
    return message


# --- Compliance's side -----------------------------------------------------------------


def _require(reason: str | None) -> None:
    if reason:
        raise PermissionDenied(reason)


def report_answer(*, report: Report, actor, body: str) -> ReportMessage:
    """Answer the reporter (they read it with their code); a first answer starts the
    assessment."""
    _require(policies.why_not_triage(actor))
    body = (body or "").strip()
    if not body:
        raise ApplicationError("Write the answer.", errors={"body": "Write the answer."})
    with transaction.atomic():
        message = ReportMessage.objects.create(
            report=report,
            from_reporter=False,
            author=actor,
            body=body[:10000],
            created_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            action="report.answered",
            object_type="report",
            object_id=report.pk,
            changes={"message_id": message.pk},
        )
        if report.status == Report.Status.RECEIVED:
            report_transition(report=report, transition="assess", actor=actor)
    return message


def report_link(*, report: Report, actor, organisation=None, opportunity=None) -> ReportLink:
    """Link a report to an organisation or a deal it concerns. On a credible report the
    link raises its concern on the deals at once."""
    _require(policies.why_not_triage(actor))
    if (organisation is None) == (opportunity is None):
        raise ApplicationError("Link one organisation or one deal at a time.")
    with transaction.atomic():
        lookup = {"organisation": organisation} if organisation else {"opportunity": opportunity}
        link, created = ReportLink.objects.get_or_create(
            report=report, **lookup, defaults={"linked_by": actor, "linked_at": timezone.now()}
        )
        if created:
            audit_record(
                actor=actor,
                action="report.linked",
                object_type="report",
                object_id=report.pk,
                opportunity_id=opportunity.pk if opportunity else None,
                changes={
                    "organisation_id": organisation.pk if organisation else None,
                    "opportunity_id": opportunity.pk if opportunity else None,
                },
            )
            if report.status == Report.Status.RECEIVED:
                report_transition(report=report, transition="assess", actor=actor)
            if report.outcome == Report.Outcome.CREDIBLE:
                _raise_concerns(report=report, actor=actor, links=[link])
    return link


def report_opportunities(links) -> list:
    """The deals a report's links concern: the deals linked, and the deals whose end
    customer is a linked organisation (a channel partner's other deals are not touched:
    link them one by one). Withdrawn deals are left alone."""
    deal_ids = {lk.opportunity_id for lk in links if lk.opportunity_id}
    org_ids = {lk.organisation_id for lk in links if lk.organisation_id}
    qs = Opportunity.objects.exclude(status="withdrawn")
    deals = list(qs.filter(pk__in=deal_ids))
    if org_ids:
        deals += list(qs.filter(end_customer_id__in=org_ids).exclude(pk__in=deal_ids))
    return deals


def concern_summary(report: Report) -> str:
    return f"misuse report {report.reference}: credible, under investigation"


def _raise_concerns(*, report: Report, actor, links) -> int:
    raised = 0
    for deal in report_opportunities(links):
        if review_raise_concern(
            opportunity=deal,
            actor=actor,
            source=CONCERN_SOURCE,
            reference=report.reference,
            summary=concern_summary(report),
        ):
            raised += 1
    return raised


def report_record_outcome(*, report: Report, actor, outcome: str, note: str = "") -> Report:
    """Record the assessment. Credible: the report is under investigation and raises its
    concern on every deal it is linked to (opening or reopening their cases). Otherwise
    the report closes with the outcome."""
    _require(policies.why_not_triage(actor))
    if outcome not in Report.Outcome.values:
        raise ApplicationError("Choose an outcome.", errors={"outcome": "Unknown outcome."})
    note = (note or "").strip()
    if not note:
        raise ApplicationError(
            "Say why (kept with the report).", errors={"note": "Say why (kept with the report)."}
        )
    values = {
        "outcome": outcome,
        "outcome_note": note[:5000],
        "assessed_by": actor,
        "assessed_at": timezone.now(),
    }
    with transaction.atomic():
        if outcome == Report.Outcome.CREDIBLE:
            report_transition(
                report=report,
                transition="investigate",
                actor=actor,
                values=values,
                changes={"outcome": outcome},
                comment=note,
            )
            _raise_concerns(report=report, actor=actor, links=list(report.links.all()))
        else:
            values["closed_at"] = timezone.now()
            report_transition(
                report=report,
                transition="close",
                actor=actor,
                values=values,
                changes={"outcome": outcome},
                comment=note,
            )
    return report


def report_close(*, report: Report, actor, note: str) -> Report:
    """Close an investigated report (the deals' reviews go on in their own cases)."""
    _require(policies.why_not_triage(actor))
    if not (note or "").strip():
        raise ApplicationError("Say how it ended.", errors={"note": "Say how it ended."})
    report_transition(
        report=report,
        transition="close",
        actor=actor,
        values={"closed_at": timezone.now()},
        comment=note.strip(),
    )
    return report


def report_identity_disclosed(*, report: Report, actor, what: str) -> None:
    """Record that the human-rights lead saw a reporter's identity or opened their file:
    who knows who reported is itself part of the record."""
    if not policies.can_see_reporter(actor):
        raise PermissionDenied("Only the human-rights lead sees who reported.")
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="report.identity_disclosed",
            object_type="report",
            object_id=report.pk,
            changes={"what": what},
        )
