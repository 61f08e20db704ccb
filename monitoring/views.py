"""Pages of continuous due diligence: the monitoring page (runs and what they changed),
an organisation's findings, and a reviewer's answer to an approval whose basis changed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from hrdd.errors import ApplicationError
from opportunities.models import Opportunity
from opportunities.selectors import opportunity_get
from partners.policies import organisations_visible_to

from . import policies
from .scope import opportunities_of_organisations
from .selectors import (
    party_findings_of,
    rescreen_changes,
    rescreen_runs_visible_to,
    rescreen_scope_in_words,
)
from .services import basis_change_confirm, basis_change_revise


def _require_monitor(user) -> None:
    reason = policies.why_not_monitor(user)
    if reason:
        raise PermissionDenied(reason)


@login_required
def monitoring_index(request):
    """What was re-screened when, by which trigger, and how many deals changed each way."""
    _require_monitor(request.user)
    runs = rescreen_runs_visible_to(request.user)[:100]
    return render(request, "monitoring/index.html", {"runs": runs})


@login_required
def monitoring_run(request, pk: int):
    _require_monitor(request.user)
    run = get_object_or_404(rescreen_runs_visible_to(request.user), pk=pk)
    direction = request.GET.get("direction", "")
    if direction not in ("", "up", "down", "same"):
        direction = ""
    changes = rescreen_changes(run, direction=direction)[:500]
    return render(
        request,
        "monitoring/run.html",
        {
            "run": run,
            "changes": changes,
            "direction": direction,
            "scope_words": rescreen_scope_in_words(run.scope or {}),
        },
    )


@login_required
def monitoring_organisation(request, pk: int):
    """An organisation's own page for compliance: its factors, what re-screening found
    on it, and the deals it is in."""
    _require_monitor(request.user)
    org = get_object_or_404(organisations_visible_to(request.user), pk=pk)

    deals = opportunities_of_organisations(Opportunity.objects.all(), [org.pk]).order_by(
        "-created_at"
    )
    return render(
        request,
        "monitoring/organisation.html",
        {"org": org, "findings": party_findings_of(org.pk), "deals": deals[:200]},
    )


def _opportunity_or_404(request, pk: int):
    opportunity = opportunity_get(user=request.user, pk=pk)
    if opportunity is None:
        raise Http404
    return opportunity


@login_required
@require_POST
def monitoring_basis_confirm(request, pk: int):
    opportunity = _opportunity_or_404(request, pk)
    _require_monitor(request.user)
    try:
        basis_change_confirm(
            actor=request.user, opportunity=opportunity, note=request.POST.get("note", "")
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Approval confirmed: the change of basis is recorded.")
    return redirect("opportunity-detail", pk=opportunity.pk)


@login_required
@require_POST
def monitoring_basis_revise(request, pk: int):
    opportunity = _opportunity_or_404(request, pk)
    _require_monitor(request.user)
    try:
        basis_change_revise(
            actor=request.user, opportunity=opportunity, note=request.POST.get("note", "")
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "The deal is reopened for review.")
    return redirect("opportunity-detail", pk=opportunity.pk)
