"""The two legs of the sign-in redirect, from mozilla-django-oidc, 404 while SSO is off."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import resolve_url
from mozilla_django_oidc import views as oidc_views

from .discovery import oidc_setting


class _WhenEnabled:
    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class SsoStart(_WhenEnabled, oidc_views.OIDCAuthenticationRequestView):
    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        if settings.OIDC_ENABLED:
            super().__init__(*args, **kwargs)


class SsoCallback(_WhenEnabled, oidc_views.OIDCAuthenticationCallbackView):
    get_settings = staticmethod(oidc_setting)

    @property
    def failure_url(self):
        return resolve_url(settings.LOGIN_URL)

    def login_failure(self):
        reason = getattr(self.request, "sso_refusal", "") or "Single sign-on did not complete."
        messages.error(self.request, reason)
        return super().login_failure()
