"""Compliance's triage pages: the queue, a report, answers, links, the outcome, files and
an organisation's reports. Thin: each action calls a service and shows its message."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from hrdd.errors import ApplicationError
from hrdd.params import as_id
from opportunities.policies import opportunities_visible_to
from partners.policies import organisations_visible_to

from . import policies, selectors, services
from .forms import AnswerForm, OutcomeForm
from .models import Report


def _require_triage(user) -> None:
    reason = policies.why_not_triage(user)
    if reason:
        raise PermissionDenied(reason)


def _report_or_404(request, pk: int) -> Report:
    report = selectors.report_get(user=request.user, pk=pk)
    if report is None:
        raise Http404
    return report


def _run(request, fn, success: str) -> None:
    try:
        fn()
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)


@login_required
@require_GET
def queue_view(request):
    _require_triage(request.user)
    status = request.GET.get("status", "open")
    reports = list(selectors.triage_queue(user=request.user, status=status)[:200])
    rows = [(r, selectors.is_overdue(r)) for r in reports]
    return render(
        request,
        "grievances/queue.html",
        {
            "rows": rows,
            "status": status,
            "statuses": Report.Status.choices,
            "now": timezone.now(),
        },
    )


@login_required
@require_GET
def detail_view(request, pk: int):
    _require_triage(request.user)
    report = _report_or_404(request, pk)
    if policies.can_see_reporter(request.user) and not report.anonymous:
        services.report_identity_disclosed(report=report, actor=request.user, what="identity")
    return render(
        request,
        "grievances/detail.html",
        {
            "r": report,
            "overdue": selectors.is_overdue(report),
            "see_reporter": policies.can_see_reporter(request.user),
            "files": policies.report_files_visible_to(request.user).filter(report=report),
            "file_count": report.files.count(),
            "messages_list": report.messages.select_related("author"),
            "links": selectors.report_links(report),
            "suggestions": selectors.link_suggestions(report) if report.is_open else [],
            "outcomes": Report.Outcome.choices,
        },
    )


@login_required
@require_POST
def answer_view(request, pk: int):
    _require_triage(request.user)
    report = _report_or_404(request, pk)
    form = AnswerForm(request.POST)
    body = form.cleaned_data["body"] if form.is_valid() else ""
    _run(
        request,
        lambda: services.report_answer(report=report, actor=request.user, body=body),
        "Answer saved: the reporter reads it with their receipt code.",
    )
    return redirect("grievance-detail", pk=report.pk)


@login_required
@require_POST
def link_view(request, pk: int):
    _require_triage(request.user)
    report = _report_or_404(request, pk)
    org_id, deal_id = (
        as_id(request.POST.get("organisation")),
        as_id(request.POST.get("opportunity")),
    )
    organisation = (
        organisations_visible_to(request.user).filter(pk=org_id).first() if org_id else None
    )
    deal = opportunities_visible_to(request.user).filter(pk=deal_id).first() if deal_id else None
    if organisation is None and deal is None:
        messages.error(request, "Choose an organisation or a deal that exists.")
        return redirect("grievance-detail", pk=report.pk)
    _run(
        request,
        lambda: services.report_link(
            report=report, actor=request.user, organisation=organisation, opportunity=deal
        ),
        f"Linked to {organisation.name if organisation else deal.reference}.",
    )
    return redirect("grievance-detail", pk=report.pk)


@login_required
@require_POST
def outcome_view(request, pk: int):
    _require_triage(request.user)
    report = _report_or_404(request, pk)
    form = OutcomeForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {"outcome": "", "note": ""}
    _run(
        request,
        lambda: services.report_record_outcome(report=report, actor=request.user, **data),
        "Outcome recorded.",
    )
    return redirect("grievance-detail", pk=report.pk)


@login_required
@require_POST
def close_view(request, pk: int):
    _require_triage(request.user)
    report = _report_or_404(request, pk)
    note = (request.POST.get("note") or "").strip()
    _run(
        request,
        lambda: services.report_close(report=report, actor=request.user, note=note),
        "Report closed.",
    )
    return redirect("grievance-detail", pk=report.pk)


@login_required
@require_GET
def file_view(request, pk: int):
    """A reporter's file: the human-rights lead only; anyone else gets a 404."""
    f = policies.report_files_visible_to(request.user).filter(pk=pk).first()
    if f is None:
        raise Http404
    services.report_identity_disclosed(report=f.report, actor=request.user, what=f"file {f.pk}")
    response = FileResponse(
        f.file.open("rb"), as_attachment=True, filename=f"{f.report.reference}-{f.pk}{_suffix(f)}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _suffix(f) -> str:
    name = f.file.name
    return name[name.rfind(".") :] if "." in name else ""


@login_required
@require_GET
def organisation_view(request, pk: int):
    """An organisation's profile for compliance: the reports that concern it."""
    _require_triage(request.user)
    organisation = organisations_visible_to(request.user).filter(pk=pk).first()
    if organisation is None:
        raise Http404
    return render(
        request,
        "grievances/organisation.html",
        {
            "org": organisation,
            "reports": selectors.organisation_reports(user=request.user, organisation=organisation),
        },
    )
