"""/health/ (anonymous, JSON) and /metrics/ (Prometheus text, token or staff)."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import health_report, metrics_text


@never_cache
@require_GET
def health(request):
    report = health_report()
    return JsonResponse(report.as_dict(), status=200 if report.ok else 503)


@never_cache
@require_GET
def metrics(request):
    if not _may_scrape(request):
        return HttpResponse("Metrics need a staff session or the metrics token.\n", status=403,
                            content_type="text/plain")  # fmt: skip
    return HttpResponse(metrics_text(), content_type="text/plain; version=0.0.4; charset=utf-8")


def _may_scrape(request) -> bool:
    token = settings.METRICS_TOKEN
    header = request.headers.get("Authorization", "")
    if token and header.startswith("Bearer "):
        return hmac.compare_digest(header.removeprefix("Bearer ").strip(), token)
    return bool(request.user.is_authenticated and request.user.is_staff)
