"""The provider's endpoints: from OIDC_* settings, or its discovery document.

Operators usually set only OIDC_ISSUER; the endpoints are then read (once per process)
from `<issuer>/.well-known/openid-configuration`, whose `issuer` must be that issuer.
"""

from __future__ import annotations

import threading

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from mozilla_django_oidc.utils import import_from_settings

DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}
_cache: dict[str, dict] = {}
_lock = threading.Lock()


def discovery_document(issuer: str) -> dict:
    with _lock:
        if issuer not in _cache:
            url = issuer.rstrip("/") + "/.well-known/openid-configuration"
            response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
            response.raise_for_status()
            doc = response.json()
            if doc.get("issuer") != issuer:
                raise ImproperlyConfigured(f"{url} names another issuer: {doc.get('issuer')!r}")
            _cache[issuer] = doc
        return _cache[issuer]


def oidc_setting(attr: str, *args):
    """mozilla-django-oidc's settings lookup, with the endpoints discovered when unset."""
    if attr in DISCOVERED and not getattr(settings, attr, None) and settings.OIDC_ENABLED:
        return discovery_document(settings.OIDC_ISSUER)[DISCOVERED[attr]]
    return import_from_settings(attr, *args)
