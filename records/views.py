"""Record pages (compliance only): a deal's record with its evidence pack and its
notifications to the authority, the annual statement, and the retention purge (admins).
Thin: each action calls a service and shows its message."""

from __future__ import annotations

import csv
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hrdd.errors import ApplicationError

from . import authority, policies, selectors, services
from .models import AuthorityNotification
from .retention import retention_ends
from .statement import statement_build, statement_charts, statement_csv_rows


def _require(reason: str | None) -> None:
    if reason:
        raise PermissionDenied(reason)


def _opportunity_or_404(request, pk: int):
    _require(policies.why_not_open_records(request.user))
    deal = selectors.opportunity_record_get(user=request.user, pk=pk)
    if deal is None:
        raise Http404
    return deal


def _notification_or_404(request, pk: int) -> AuthorityNotification:
    _require(policies.why_not_open_records(request.user))
    notice = selectors.notification_get(user=request.user, pk=pk)
    if notice is None:
        raise Http404
    return notice


def _run(request, fn, success: str) -> bool:
    try:
        fn()
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return False
    messages.success(request, success)
    return True


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        return None


@login_required
@require_GET
def index_view(request):
    _require(policies.why_not_open_records(request.user))
    return render(
        request,
        "records/index.html",
        {
            "open_notifications": selectors.open_notifications(user=request.user),
            "decided": selectors.decided_opportunities().order_by("-id")[:50],
            "year": timezone.localdate().year,
        },
    )


@login_required
@require_GET
def opportunity_record_view(request, pk: int):
    deal = _opportunity_or_404(request, pk)
    return render(
        request,
        "records/deal.html",
        {
            "o": deal,
            "decided": selectors.decided_opportunities().filter(pk=deal.pk).exists(),
            "retention_ends": retention_ends(deal.pk),
            "held": authority.authority_hold_reason(deal.pk),
            "notifications": selectors.opportunity_notifications(deal),
            "can_record_awareness": policies.why_not_record_awareness(request.user, deal) is None,
            "outcomes": AuthorityNotification.Outcome.choices,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_GET
def evidence_pack_view(request, pk: int):
    deal = _opportunity_or_404(request, pk)
    try:
        name, data = services.evidence_pack_build(actor=request.user, opportunity=deal)
    except ApplicationError as exc:
        if exc.status_code == 404:
            raise Http404(exc.message) from None
        raise
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def awareness_view(request, pk: int):
    deal = _opportunity_or_404(request, pk)
    _run(
        request,
        lambda: authority.authority_awareness_record(
            actor=request.user, opportunity=deal, reason=request.POST.get("reason", "")
        ),
        "Awareness recorded; the deal is held and the notification drafted.",
    )
    return redirect("records-deal", pk=deal.pk)


@login_required
@require_http_methods(["GET", "POST"])
def notification_view(request, pk: int):
    notice = _notification_or_404(request, pk)
    if request.method == "POST":
        ok = _run(
            request,
            lambda: authority.authority_notification_edit(
                actor=request.user,
                notification=notice,
                authority=request.POST.get("authority", ""),
                subject=request.POST.get("subject", ""),
                body=request.POST.get("body", ""),
            ),
            "Draft saved.",
        )
        if ok:
            return redirect("records-notification", pk=notice.pk)
    return render(
        request,
        "records/notification.html",
        {
            "n": notice,
            "o": notice.opportunity,
            "outcomes": AuthorityNotification.Outcome.choices,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def notification_sent_view(request, pk: int):
    notice = _notification_or_404(request, pk)
    _run(
        request,
        lambda: authority.authority_notification_mark_sent(
            actor=request.user,
            notification=notice,
            sent_on=_date(request.POST.get("sent_on")),
            reference=request.POST.get("reference", ""),
        ),
        "Marked as sent.",
    )
    return redirect("records-notification", pk=notice.pk)


@login_required
@require_POST
def notification_answer_view(request, pk: int):
    notice = _notification_or_404(request, pk)
    _run(
        request,
        lambda: authority.authority_answer_record(
            actor=request.user,
            notification=notice,
            outcome=request.POST.get("outcome", ""),
            answer=request.POST.get("answer", ""),
            received_on=_date(request.POST.get("received_on")),
        ),
        "The authority's answer is recorded; the hold on the deal is lifted.",
    )
    return redirect("records-notification", pk=notice.pk)


def _statement_period(request) -> tuple[date, date]:
    """?year=2026, or ?from=…&to=… (whole days); a bad value is a 400 naming it."""
    params = request.GET
    if params.get("from") or params.get("to"):
        start, end = _date(params.get("from")), _date(params.get("to"))
        if (
            start is None
            or end is None
            or end < start
            or not 2000 <= start.year <= end.year <= 2100
        ):
            raise ApplicationError(
                "Give the period as from=YYYY-MM-DD&to=YYYY-MM-DD, from before to, 2000 to 2100."
            )
        return start, end
    raw = params.get("year") or str(timezone.localdate().year)
    if not raw.isascii() or not raw.isdigit() or not 2000 <= int(raw) <= 2100:
        raise ApplicationError("year must be a year from 2000 to 2100.")
    return date(int(raw), 1, 1), date(int(raw), 12, 31)


def _statement(request):
    _require(policies.why_not_open_records(request.user))
    start, end = _statement_period(request)  # a bad period is a 400 naming it
    return statement_build(start=start, end=end)


@login_required
@require_GET
def statement_view(request):
    st = _statement(request)
    return render(
        request,
        "records/statement.html",
        {
            "st": st,
            "charts": statement_charts(st),
            "query": request.GET.urlencode(),
        },
    )


@login_required
@require_GET
def statement_csv_view(request):
    st = _statement(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statement-{st.start}-{st.end}.csv"'
    csv.writer(response).writerows(statement_csv_rows(st))
    return response


@login_required
@require_GET
def statement_pdf_view(request):
    from weasyprint import CSS, HTML

    st = _statement(request)
    html = render_to_string(
        "records/statement_pdf.html", {"st": st, "charts": statement_charts(st)}
    )
    css = CSS(filename=str(settings.BASE_DIR / "static" / "css" / "records.css"))
    response = HttpResponse(
        HTML(string=html).write_pdf(stylesheets=[css]), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="statement-{st.start}-{st.end}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def retention_view(request):
    _require(policies.why_not_purge(request.user))
    if request.method == "POST":
        deal = (
            selectors.decided_opportunities().filter(pk=request.POST.get("deal") or 0).first()
            if (str(request.POST.get("deal", "")).isdigit())
            else None
        )
        if deal is None:
            messages.error(request, "Choose a deal from the list.")
        elif request.POST.get("confirm") != deal.reference:
            messages.error(
                request, f"Type the deal's reference ({deal.reference}) to confirm the purge."
            )
        else:
            _run(
                request,
                lambda: services.retention_purge(actor=request.user, opportunity=deal),
                f"{deal.reference} purged; the audit trail records it.",
            )
        return redirect("records-retention")
    return render(request, "records/retention.html", {"due": selectors.retention_due()})
