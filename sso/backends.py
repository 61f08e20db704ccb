"""Authentication backends: OpenID Connect (mozilla-django-oidc, hardened) and passwords
(switched off by PASSWORD_SIGNIN_ENABLED once single sign-on works).

mozilla-django-oidc checks the id_token's signature and nonce; it does not check its
audience or issuer. Here the token must be RS256 (or the configured algorithm), signed by
a key of the provider's JWKS, issued by OIDC_ISSUER for OIDC_RP_CLIENT_ID, unexpired, and
carry the nonce of this browser's sign-in; userinfo must describe the same subject.
"""

from __future__ import annotations

import logging

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .claims import SsoRefused
from .discovery import oidc_setting
from .services import sso_user_resolve

log = logging.getLogger(__name__)
LEEWAY_SECONDS = 30


class PasswordBackend(ModelBackend):
    """Django's username and password, unless PASSWORD_SIGNIN_ENABLED is off."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.PASSWORD_SIGNIN_ENABLED:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class OidcBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        # Django builds every backend for each sign-in and each signed-in request: read
        # the provider's settings (maybe its discovery document) only when signing in
        # through it, so a provider that is down never breaks password sign-in.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if not settings.OIDC_ENABLED or request is None:
            return None
        if request.path != reverse("oidc_authentication_callback"):
            return None  # a password form carrying ?code= must not start a token exchange
        try:
            super().__init__()
            return super().authenticate(request, **kwargs)
        except SsoRefused as exc:
            request.sso_refusal = str(exc)
        except (
            SuspiciousOperation,
            jwt.PyJWTError,
            requests.RequestException,
            KeyError,
            ValueError,
        ) as exc:
            log.warning("Single sign-on refused: %s: %s", type(exc).__name__, exc)
            request.sso_refusal = "The identity provider's answer could not be verified."
        return None

    def _verify_jws(self, payload, key):
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("The id_token is not signed with the expected algorithm.")
        return jwt.decode(
            payload,
            key,
            algorithms=[self.OIDC_RP_SIGN_ALGO],
            audience=self.OIDC_RP_CLIENT_ID,
            issuer=settings.OIDC_ISSUER,
            leeway=LEEWAY_SECONDS,
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
        )

    def verify_token(self, token, **kwargs):
        if not kwargs.get("nonce"):
            raise SuspiciousOperation("No sign-in was started from this browser.")
        payload = super().verify_token(token, **kwargs)
        azp = payload.get("azp")
        if (
            isinstance(payload.get("aud"), list)
            and len(payload["aud"]) > 1
            and azp != self.OIDC_RP_CLIENT_ID
        ):
            raise SuspiciousOperation("The id_token was issued to another party (azp).")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if str(userinfo.get("sub")) != str(payload.get("sub")):
            log.warning("Single sign-on refused: userinfo describes another subject")
            raise SsoRefused("The identity provider's answer could not be verified.")
        # The signed id_token wins over userinfo where both carry a claim.
        claims = {**userinfo, **payload}
        return sso_user_resolve(issuer=settings.OIDC_ISSUER, claims=claims)
