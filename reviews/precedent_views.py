"""The human-rights lead's report of like deals decided unlike (precedents on the case
page are part of `views.case_view`)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import policies, precedents
from .models import Decision


@login_required
@require_GET
def inconsistent_decisions_view(request):
    reason = policies.why_not_see_inconsistencies(request.user)
    if reason:
        raise PermissionDenied(reason)
    pairs = precedents.inconsistent_pairs()
    decisions = Decision.objects.in_bulk(
        [p.first.decision_id for p in pairs] + [p.second.decision_id for p in pairs]
    )
    rows = [
        (p, decisions.get(p.first.decision_id), decisions.get(p.second.decision_id)) for p in pairs
    ]
    return render(request, "reviews/inconsistent.html", {"rows": rows})
