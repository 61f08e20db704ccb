"""The application's middleware: oversized API bodies refused up front with a JSON 413
the client can read, domain refusals on pages shown as their 4xx, and Django's session,
user and messages middleware skipped for token-authenticated API calls."""

from __future__ import annotations

from csp import constants as csp_constants
from csp import middleware as csp_middleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib.auth import middleware as django_auth
from django.contrib.messages import middleware as django_messages
from django.contrib.sessions import middleware as django_sessions
from django.core.signals import setting_changed
from django.dispatch import receiver
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


# --- Token-authenticated API calls skip what only pages use --------------------------------


def token_api_request(request) -> bool:
    """An API call that carries `Authorization: Token …`: DRF's token authentication then
    decides who it is (or refuses it), never the session, so the session, the user read
    from it and the flash messages serve it nothing."""
    if not request.path_info.startswith("/api/"):
        return False
    scheme = request.META.get("HTTP_AUTHORIZATION", "").split(None, 1)
    return bool(scheme) and scheme[0].lower() == "token"


class _PagesOnly:
    """A middleware that lets token-authenticated API calls through untouched."""

    def __call__(self, request):
        if token_api_request(request):
            return self.get_response(request)
        return super().__call__(request)


class SessionMiddleware(_PagesOnly, django_sessions.SessionMiddleware):
    """Django's, for everything but token-authenticated API calls."""


class AuthenticationMiddleware(_PagesOnly, django_auth.AuthenticationMiddleware):
    """Django's (the signed-in user from the session), for everything but token-authenticated
    API calls, whose user DRF's authentication sets on the request."""


class MessageMiddleware(_PagesOnly, django_messages.MessageMiddleware):
    """Django's (a page's flash messages), for everything but token-authenticated API calls."""


_POLICY_BUILT: dict[bool, str] = {}  # report only? -> the header, built from settings


class CSPMiddleware(csp_middleware.CSPMiddleware):
    """django-csp's, with the policy's header built once per process: it depends only on
    settings here (no nonce, no per-view policy), and building it took about a tenth of an
    API detail's CPU. A response with a nonce or a per-view policy is built as before."""

    def process_response(self, request, response):
        per_view = any(
            getattr(response, f"_csp_{kind}{ro}", None) is not None
            for kind in ("config", "update", "replace")
            for ro in ("", "_ro")
        )
        if per_view or getattr(request, "_csp_nonce", None) is not None:
            return super().process_response(request, response)
        if response.status_code in (500, 404) and settings.DEBUG:
            return response
        for report_only, header, exempt, name in (
            (False, csp_constants.HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (
                True,
                csp_constants.HEADER_REPORT_ONLY,
                "_csp_exempt_ro",
                "CONTENT_SECURITY_POLICY_REPORT_ONLY",
            ),
        ):
            policy = _POLICY_BUILT.get(report_only)
            if policy is None:
                policy = _POLICY_BUILT[report_only] = build_policy(report_only=report_only)
            prefixes = (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if (
                policy
                and header not in response
                and getattr(response, exempt, False) is False
                and not request.path_info.startswith(tuple(prefixes))
            ):
                response[header] = policy
        # As django-csp does: a nonce asked for after the header was written is an error.
        request.csp_nonce = csp_middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response


@receiver(setting_changed)
def _csp_settings_changed(*, setting: str, **kwargs) -> None:
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _POLICY_BUILT.clear()
