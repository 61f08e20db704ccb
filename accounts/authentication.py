"""API token authentication with an expiry (settings.API_TOKEN_TTL_DAYS)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


def token_expires_at(created: datetime) -> datetime:
    return created + timedelta(days=settings.API_TOKEN_TTL_DAYS)


class ExpiringTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, refused once the token is older than its lifetime."""

    def authenticate_credentials(self, key):
        # The user's organisation comes in the same query: nearly every API call needs it
        # (visibility, registration), and a second round trip per request adds up.
        model = self.get_model()
        try:
            token = model.objects.select_related("user__organisation").get(key=key)
        except model.DoesNotExist:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        user = token.user
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        if token_expires_at(token.created) <= timezone.now():
            raise exceptions.AuthenticationFailed(
                "The token has expired. Request a new one at /api/v1/auth/token/."
            )
        return user, token
