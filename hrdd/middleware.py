"""Refuse oversized API bodies up front with a JSON 413 the client can read."""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse


class ApiBodySizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            if limit and length > limit and not request.path.startswith("/api/v1/imports"):
                return JsonResponse(
                    {
                        "detail": f"The request body is {length:,} bytes; the limit is {limit:,}. "
                        "Send less text, or upload large data as a bulk import file.",
                        "errors": {},
                    },
                    status=413,
                )
        return self.get_response(request)


class ApplicationErrorMiddleware:
    """A domain refusal that escapes a page (a bad query parameter, a refused action)
    becomes its 4xx with the message, not a 500. The API has its own exception handler."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.shortcuts import render

        from .errors import ApplicationError

        if isinstance(exception, ApplicationError) and not request.path.startswith("/api/"):
            return render(
                request,
                "application_error.html",
                {"message": exception.message, "errors": exception.errors},
                status=exception.status_code,
            )
        return None
