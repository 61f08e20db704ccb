from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import requests

from sso import discovery
from sso.models import SsoOrganisation
from tests.oidc_provider import OidcProvider


@pytest.fixture
def provider(settings):
    """A running provider, and the application configured for it by its issuer alone
    (the endpoints come from its discovery document)."""
    p = OidcProvider()
    settings.OIDC_ISSUER = p.issuer
    settings.OIDC_RP_CLIENT_ID = p.client_id
    settings.OIDC_RP_CLIENT_SECRET = p.client_secret
    settings.OIDC_ENABLED = True
    settings.OIDC_ROLE_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = {
        "hrdd-reviewers": "reviewer",
        "hrdd-partners": "partner_user",
        "hrdd-sales": "sales_rep",
    }
    settings.OIDC_ORGANISATION_CLAIM = "organisation"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    discovery._cache.clear()
    yield p
    p.stop()
    discovery._cache.clear()


@pytest.fixture
def alpha_tenant(reseller_a):
    return SsoOrganisation.objects.create(claim_value="alpha-tenant", organisation=reseller_a)


@pytest.fixture
def bravo_tenant(reseller_b):
    return SsoOrganisation.objects.create(claim_value="bravo-tenant", organisation=reseller_b)


def identity(sub: str, email: str, groups: list[str], organisation: str | None = None, **more):
    claims = {
        "sub": sub,
        "email": email,
        "email_verified": True,
        "groups": groups,
        "preferred_username": email.split("@")[0],
        **more,
    }
    if organisation:
        claims["organisation"] = organisation
    return claims


def sso_sign_in(client, provider: OidcProvider, claims: dict, *, next_url: str = ""):
    """The browser's part of the redirect flow: start here, follow the provider's redirect
    back, land on the callback. Returns the callback's response."""
    provider.identity = claims
    start = client.get("/sso/start/" + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302 and start["Location"].startswith(provider.issuer + "/authorize")
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302, at_provider.text
    back = urlsplit(at_provider.headers["Location"])
    assert back.path == "/sso/callback/"
    return client.get(f"{back.path}?{back.query}")


def signed_in_user(client):
    from django.contrib.auth import get_user

    class _R:
        session = client.session

    user = get_user(_R())
    return user if user.is_authenticated else None
