"""The one domain error type. Services raise it; the API and the pages show its message."""

from __future__ import annotations


class ApplicationError(Exception):
    """A request the domain refuses, with a message a user can act on.

    `errors` maps field paths (e.g. "channel[1].country") to messages, when the fault
    lies in particular fields.
    """

    status_code = 400

    def __init__(self, message: str, *, errors: dict | None = None, status_code: int | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}
        if status_code:
            self.status_code = status_code


class PermissionDenied(ApplicationError):
    status_code = 403


class NotFound(ApplicationError):
    status_code = 404


class Conflict(ApplicationError):
    """Someone else changed the thing first (a claim lost, a transition already made)."""

    status_code = 409
