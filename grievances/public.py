"""The public pages: file a report, follow it up with the receipt code. No account, no
JavaScript needed. CSRF protection stays on (Django's cookie works for anonymous
visitors); abuse is held back by database-counted rate limits per address and per
receipt, a honeypot field, a minimum fill time and the evidence-file checks."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.views import signin_client_address
from hrdd.errors import ApplicationError

from . import selectors, services
from .forms import AddInformationForm, FollowUpForm, ReportForm, filled_too_fast, started_token


def _address_key(request) -> str:
    return services.source_key(f"address:{signin_client_address(request) or 'unknown'}")


def _too_many(request):
    return render(
        request,
        "grievances/public_message.html",
        {
            "title": _("Too many attempts"),
            "message": _("Too many attempts from your connection. Please try again in an hour."),
        },
        status=429,
    )


def _form_page(request, form, *, status: int = 200, error: str = ""):
    return render(
        request, "grievances/report_form.html", {"form": form, "error": error}, status=status
    )


@never_cache
@require_http_methods(["GET", "POST"])
def report_view(request):
    if request.method == "GET":
        return _form_page(request, ReportForm(initial={"started": started_token()}))
    if not services.public_attempt_allow(
        kind="report", source=_address_key(request), limit=settings.GRIEVANCE_REPORTS_PER_HOUR
    ):
        return _too_many(request)
    if request.POST.get("website") or filled_too_fast(request.POST.get("started", "")):
        # Said plainly, without telling a bot which check it failed; the reporter's text
        # is kept and a fresh stamp given, so a person only sends it again.
        data = request.POST.copy()
        data["started"], data["website"] = started_token(), ""
        return _form_page(
            request,
            ReportForm(data),
            status=400,
            error=_("Please check the form and send it again."),
        )
    form = ReportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_page(request, form, status=400, error=_("Please correct the fields below."))
    data = form.cleaned_data
    upload = request.FILES.get("attachment")
    try:
        report, code = services.report_submit(
            data=data, files=[upload] if upload else [], language=get_language() or "en"
        )
    except ApplicationError as exc:
        return _form_page(request, form, status=400, error=_file_error(exc))
    return render(request, "grievances/receipt.html", {"reference": report.reference, "code": code})


def _file_error(exc: ApplicationError) -> str:
    # The services speak English to staff; the reporter reads their own language.
    if "attachment" in exc.errors:
        return _("The file must be a PDF, PNG or JPG of at most 5 MB.")
    return _("Please correct the fields below.")


@never_cache
@require_http_methods(["GET", "POST"])
def follow_up_view(request):
    """The receipt code travels in the POST body, never in the address (logs, history)."""
    if request.method == "GET":
        return render(request, "grievances/follow_up.html", {"form": FollowUpForm()})
    if not services.public_attempt_allow(
        kind="lookup", source=_address_key(request), limit=settings.GRIEVANCE_LOOKUPS_PER_HOUR
    ):
        return _too_many(request)
    form = FollowUpForm(request.POST)
    report = (
        selectors.report_by_receipt(request.POST.get("receipt", "")) if form.is_valid() else None
    )
    if report is None:
        return render(
            request,
            "grievances/follow_up.html",
            {"form": form, "error": _("No report has this receipt code.")},
            status=404,
        )
    error = ""
    if "add" in request.POST:
        error = _add_information(request, report)
    return render(
        request,
        "grievances/status.html",
        {
            "r": selectors.reporter_view(report),
            "error": error,
            "added": "add" in request.POST and not error,
            "form": AddInformationForm(initial={"receipt": request.POST.get("receipt", "")}),
        },
        status=400 if error else 200,
    )


def _add_information(request, report) -> str:
    if not services.public_attempt_allow(
        kind="add",
        source=services.source_key(f"report:{report.pk}"),
        limit=settings.GRIEVANCE_ADDITIONS_PER_HOUR,
    ):
        return _("Too many additions to this report. Please try again in an hour.")
    form = AddInformationForm(request.POST, request.FILES)
    if not form.is_valid():
        return _("Please correct the fields below.")
    upload = request.FILES.get("attachment")
    try:
        services.report_add_information(
            report=report, body=form.cleaned_data["body"], files=[upload] if upload else []
        )
    except ApplicationError as exc:
        if "attachment" in exc.errors:
            return _file_error(exc)
        if "body" in exc.errors:
            return _("Write something or attach a file.")
        return _("This report is closed; please file a new report to tell us more.")
    return ""
