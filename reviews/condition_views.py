"""Follow-up pages: a decision's conditions (fulfil, verify, reject evidence) and the
inbox's actions (mark read, open a message). Thin: each calls the same service as the API."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hrdd.params import id_param

from . import notifications as notification_services
from . import selectors, services
from .views import _run, _safe_next

# --- Conditions ------------------------------------------------------------------------------


def _condition_or_404(request, pk: int):
    condition = selectors.condition_get(user=request.user, pk=pk)
    if condition is None:
        raise Http404
    return condition


def _condition_back(request):
    return redirect(_safe_next(request) or reverse("review-conditions"))


@login_required
@require_POST
def condition_fulfil_view(request, pk: int):
    condition = _condition_or_404(request, pk)
    note = request.POST.get("evidence_note") or ""
    _run(
        request,
        lambda: services.condition_fulfil(
            condition=condition, actor=request.user, evidence_note=note
        ),
        "Marked fulfilled; a reviewer will verify it.",
    )
    return _condition_back(request)


@login_required
@require_POST
def condition_verify_view(request, pk: int):
    condition = _condition_or_404(request, pk)
    note = request.POST.get("note") or ""
    _run(
        request,
        lambda: services.condition_verify(condition=condition, actor=request.user, note=note),
        "Condition verified.",
    )
    return _condition_back(request)


@login_required
@require_POST
def condition_reject_view(request, pk: int):
    condition = _condition_or_404(request, pk)
    reason = request.POST.get("reason") or ""
    _run(
        request,
        lambda: services.condition_reject_evidence(
            condition=condition, actor=request.user, reason=reason
        ),
        "Sent back to the owner for more evidence.",
    )
    return _condition_back(request)


# --- Inbox ------------------------------------------------------------------------------------


@login_required
@require_POST
def inbox_read_view(request):
    notification_id = id_param(request.POST, "notification")
    count = notification_services.notification_mark_read(
        user=request.user, notification_id=notification_id
    )
    if notification_id is None:
        messages.success(request, f"{count} notification(s) marked read.")
    return redirect("inbox")


@login_required
@require_GET
def inbox_open_view(request, pk: int):
    n = selectors.notifications_scope(request.user).filter(pk=pk).first()
    if n is None:
        raise Http404
    notification_services.notification_mark_read(user=request.user, notification_id=n.pk)
    return redirect(n.url or "inbox")
