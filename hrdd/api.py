"""API plumbing shared by every app: the exception handler and small helpers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.views import defaults
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import ApplicationError


def _flatten(detail, prefix: str = "") -> dict[str, str]:
    """DRF error details as {"field.path": "message"}, so a client sees which field and why."""
    out: dict[str, str] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            if isinstance(key, int):  # a list serializer's errors, keyed by item index
                path = f"{prefix}[{key}]"
            elif not prefix:
                path = key
            else:
                path = f"{prefix}.{key}" if key != "non_field_errors" else prefix
            out.update(_flatten(value, path))
    elif isinstance(detail, list):
        if all(not isinstance(d, (dict, list)) for d in detail):
            out[prefix or "non_field_errors"] = " ".join(str(d) for d in detail)
        else:
            for i, value in enumerate(detail):
                if value:
                    out.update(_flatten(value, f"{prefix}[{i}]"))
    else:
        out[prefix or "non_field_errors"] = str(detail)
    return out


def exception_handler(exc, context):
    """Every error becomes a 4xx JSON body: {"detail": "...", "errors": {"field": "why"}}."""
    if isinstance(exc, ApplicationError):
        return Response({"detail": exc.message, "errors": exc.errors}, status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        first = next(iter(errors.items()), ("", "invalid input"))
        field = f"{first[0]}: " if first[0] and first[0] != "non_field_errors" else ""
        response.data = {"detail": f"Invalid input. {field}{first[1]}", "errors": errors}
        response.status_code = status.HTTP_400_BAD_REQUEST
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"detail": str(response.data["detail"]), "errors": {}}
    return response


# Whether what was sent is saved depends on where it failed: a service commits before the
# answer is built, so the message cannot promise either way.
SERVER_ERROR = (
    "Something went wrong on the server and the error has been logged. What you sent was "
    "saved whole or not at all: look for it (by your external id, or in the list) before you "
    "send it again, and tell your admin if it happens again."
)


def server_error(request):
    """Django's last resort (`handler500`), after it has logged the exception: an API client
    gets the JSON body every other API error has, not the HTML page a browser gets."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": SERVER_ERROR, "errors": {}}, status=500)
    return defaults.server_error(request)


class AutoSchema(SpectacularAutoSchema):
    """Name nested serializers after their view (`OrganisationListApi.OutputSerializer` →
    `OrganisationListOutput`), so every view's `OutputSerializer` is its own component."""

    def get_serializer_name(self, serializer, direction):
        owner, _, name = type(serializer).__qualname__.rpartition(".")
        if owner and "<locals>" not in owner:
            return owner.rpartition(".")[2].removesuffix("Api") + name
        return super().get_serializer_name(serializer, direction)
