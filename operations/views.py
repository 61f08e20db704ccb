"""/health/ (anonymous, JSON) and /metrics/ (Prometheus text, an admin or the metrics token)."""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import health_report, metrics_text
from .policies import why_not_scrape_metrics


@never_cache
@require_GET
def health(request):
    report = health_report()
    return JsonResponse(report.as_dict(), status=200 if report.ok else 503)


@never_cache
@require_GET
def metrics(request):
    reason = why_not_scrape_metrics(request.user, request.headers.get("Authorization", ""))
    if reason:
        return HttpResponse(reason + "\n", status=403, content_type="text/plain")
    return HttpResponse(metrics_text(), content_type="text/plain; version=0.0.4; charset=utf-8")
