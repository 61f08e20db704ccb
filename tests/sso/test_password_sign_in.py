"""Password sign-in beside single sign-on: the lock-out still holds, and it can be off."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from .conftest import identity, signed_in_user, sso_sign_in

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough password 2026"


@pytest.fixture
def rep_with_password(sales_rep):
    sales_rep.set_password(PASSWORD)
    sales_rep.save()
    return sales_rep


def test_the_sign_in_page_offers_single_sign_on(client, provider):
    page = client.get("/login/?next=/deals/").content.decode()
    assert 'href="/sso/start/?next=/deals/"' in page
    assert 'name="password"' in page


def test_failed_passwords_still_lock_out_with_single_sign_on_on(
    client, provider, rep_with_password, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/login/", {"username": "rita_rep", "password": "wrong"}, REMOTE_ADDR="203.0.113.9"
        )
    locked = client.post(
        "/login/", {"username": "rita_rep", "password": PASSWORD}, REMOTE_ADDR="203.0.113.9"
    )
    assert locked.status_code == 429
    assert signed_in_user(client) is None


def test_with_password_sign_in_off_only_single_sign_on_signs_in(
    client, provider, rep_with_password, settings, vendor
):
    settings.PASSWORD_SIGNIN_ENABLED = False
    page = client.get("/login/").content.decode()
    assert 'name="password"' not in page and "/sso/start/" in page
    refused = client.post("/login/", {"username": "rita_rep", "password": PASSWORD})
    assert refused.status_code == 403 and signed_in_user(client) is None
    assert "Password sign-in is off" in refused.content.decode()
    api = APIClient()
    assert api.post(
        "/api/v1/auth/token/", {"username": "rita_rep", "password": PASSWORD}, format="json"
    ).status_code in (400, 401, 403)
    sso_sign_in(client, provider, identity("sub-r", "reva@northwind.example", ["hrdd-reviewers"]))
    assert signed_in_user(client).role == "reviewer"


def test_single_sign_on_pages_are_not_found_while_it_is_off(client, settings):
    settings.OIDC_ENABLED = False
    assert client.get("/sso/start/").status_code == 404
    assert client.get("/sso/callback/?code=x&state=y").status_code == 404
    assert "/sso/start/" not in client.get("/login/").content.decode()
