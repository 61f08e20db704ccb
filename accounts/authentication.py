"""API token authentication with an expiry (settings.API_TOKEN_TTL_DAYS).

The token, its user and the user's organisation are read by one statement that the ORM
compiles once per thread (`hrdd.compiled`), not on every request: compiling the join
cost more than the database spent answering it. The statement still runs on every
request, so a revoked token, a deactivated user or a changed role counts at the very
next request, in every process, whatever path changed it (README, "Benchmarks")."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from hrdd.compiled import compiled

_KEY = "\x00token key"  # the placeholder the key takes in the compiled statement


def token_expires_at(created: datetime) -> datetime:
    return created + timedelta(days=settings.API_TOKEN_TTL_DAYS)


class ExpiringTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, refused once the token is older than its lifetime."""

    def authenticate_credentials(self, key):
        # The user's organisation comes in the same query: nearly every API call needs it
        # (visibility, registration), and a second round trip per request adds up.
        model = self.get_model()
        query = compiled(
            ("api token", model),
            lambda: (model.objects.select_related("user__organisation").filter(key=_KEY), [_KEY]),
        )
        found = query.run({_KEY: key})
        if not found:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        token = found[0]
        user = token.user
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        if token_expires_at(token.created) <= timezone.now():
            raise exceptions.AuthenticationFailed(
                "The token has expired. Request a new one at /api/v1/auth/token/."
            )
        return user, token
