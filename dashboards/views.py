"""The overviews: a compliance overview for reviewers and admins, a partner's or rep's own
overview for everyone else. Thin: the figures come from `selectors.overview_for`."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .selectors import chart_for, overview_for


@login_required
@require_GET
def overview_view(request):
    return render(request, "dashboards/overview.html", {"o": overview_for(request.user)})


@login_required
@require_GET
def overview_data(request):
    """The charts' data for static/js/charts.js (no inline script: the CSP forbids it)."""
    charts = overview_for(request.user)["charts"]
    return JsonResponse({"charts": [c.as_json() for c in charts]})


@login_required
@require_GET
def overview_csv(request, key: str):
    chart = chart_for(request.user, key)
    if chart is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="overview-{chart.key}.csv"'
    writer = csv.writer(response)
    writer.writerow(chart.columns)
    for row in chart.rows:
        writer.writerow(["" if v is None else v for v in row])
    return response
