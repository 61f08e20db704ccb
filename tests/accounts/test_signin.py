"""Signing in: throttled failures, expiring and revocable API tokens, password rules."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient

from audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
TOKEN_URL = "/api/v1/auth/token/"
DEALS = "/api/v1/opportunities/"


def web_login(client, username, password, address="192.0.2.1"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def api_login(username, password, address="192.0.2.1"):
    return APIClient().post(
        TOKEN_URL, {"username": username, "password": password}, format="json", REMOTE_ADDR=address
    )


# --- Throttling ---------------------------------------------------------------------------


def test_a_username_that_keeps_failing_is_locked_out_from_every_address(
    client, sales_rep, settings
):
    for i in range(settings.AXES_FAILURE_LIMIT):
        web_login(client, "rita_rep", "wrong guess", address=f"198.51.100.{i}")
    response = web_login(client, "rita_rep", PASSWORD, address="203.0.113.9")
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert api_login("rita_rep", PASSWORD, address="203.0.113.10").status_code == 429


def test_an_address_that_keeps_failing_is_locked_out_for_every_username(
    client, sales_rep, settings
):
    for i in range(settings.AXES_FAILURE_LIMIT):
        web_login(client, f"someone{i}", "wrong guess", address="198.51.100.7")
    assert web_login(client, "rita_rep", PASSWORD, address="198.51.100.7").status_code == 429
    # the same person from elsewhere signs in as usual
    assert web_login(client, "rita_rep", PASSWORD, address="203.0.113.1").status_code == 302


def test_behind_a_trusted_proxy_addresses_come_from_its_forwarded_header(
    client, sales_rep, settings
):
    settings.SIGNIN_TRUSTED_PROXIES = 1
    proxy = "10.0.0.2"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/login/",
            {"username": "nobody", "password": "x"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.66",
        )
    # the noisy client is locked out, whatever it claims further left...
    locked = client.post(
        "/login/",
        {"username": "rita_rep", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.66",
    )
    assert locked.status_code == 429
    # ...and everyone else behind the same proxy is not
    other = client.post(
        "/login/",
        {"username": "rita_rep", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    assert other.status_code == 302


def test_token_requests_are_throttled_with_a_json_answer(sales_rep, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert api_login("rita_rep", "wrong guess").status_code == 400
    locked = api_login("rita_rep", "wrong guess")
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.json()["detail"]
    assert int(locked["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert api_login("rita_rep", PASSWORD, address="203.0.113.4").status_code == 429


def test_the_lock_out_ends_after_its_time(client, sales_rep, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        web_login(client, "rita_rep", "wrong guess")
    assert web_login(client, "rita_rep", PASSWORD).status_code == 429
    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)):
        assert web_login(client, "rita_rep", PASSWORD).status_code == 302


def test_a_successful_sign_in_forgives_earlier_slips(client, sales_rep, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        web_login(client, "rita_rep", "wrong guess")
    assert web_login(client, "rita_rep", PASSWORD).status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        web_login(client, "rita_rep", "wrong guess")
    assert web_login(client, "rita_rep", PASSWORD).status_code == 302


# --- API tokens ---------------------------------------------------------------------------


def test_a_token_expires_after_its_lifetime_and_a_new_one_can_be_had(sales_rep, settings):
    first = api_login("rita_rep", PASSWORD).json()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {first['token']}")
    assert api.get(DEALS).status_code == 200
    later = timezone.now() + timedelta(days=settings.API_TOKEN_TTL_DAYS, minutes=1)
    with time_machine.travel(later):
        refused = api.get(DEALS)
        assert refused.status_code == 401
        assert "expired" in refused.json()["detail"]
        second = api_login("rita_rep", PASSWORD).json()
        assert second["token"] != first["token"]
        api.credentials(HTTP_AUTHORIZATION=f"Token {second['token']}")
        assert api.get(DEALS).status_code == 200


def test_the_token_answer_says_when_it_expires(sales_rep, settings):
    body = api_login("rita_rep", PASSWORD).json()
    expires = timezone.datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00"))
    assert abs(expires - timezone.now() - timedelta(days=settings.API_TOKEN_TTL_DAYS)) < timedelta(
        minutes=1
    )


def test_a_token_revoked_through_the_api_stops_working(sales_rep):
    token = api_login("rita_rep", PASSWORD).json()["token"]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.post("/api/v1/auth/token/revoke/").status_code == 204
    assert api.get(DEALS).status_code == 401
    assert AuditEvent.objects.filter(
        action="user.api_token_revoked", object_id=str(sales_rep.pk)
    ).exists()


def test_the_account_page_shows_the_token_and_revokes_it(client, sales_rep):
    token = api_login("rita_rep", PASSWORD).json()["token"]
    client.force_login(sales_rep)
    page = client.get("/account/").content.decode()
    assert "expires" in page and "Revoke the token" in page
    assert token not in page  # the key is shown once, when created here, never again
    response = client.post("/account/token/revoke/", follow=True)
    assert "revoked" in response.content.decode()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get(DEALS).status_code == 401


def test_the_account_page_creates_a_token_and_shows_it_once(client, sales_rep):
    client.force_login(sales_rep)
    shown = client.post("/account/token/", follow=True).content.decode()
    key = sales_rep.auth_token.key
    assert key in shown
    assert key not in client.get("/account/").content.decode()


def test_changing_the_password_on_the_account_page_revokes_the_token(client, sales_rep):
    token = api_login("rita_rep", PASSWORD).json()["token"]
    client.force_login(sales_rep)
    response = client.post(
        "/account/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-longer-Better-phrase-9",
            "new_password2": "a-longer-Better-phrase-9",
        },
        follow=True,
    )
    assert "Password changed" in response.content.decode()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get(DEALS).status_code == 401


def test_a_password_set_anywhere_else_also_revokes_the_token(sales_rep):
    """The admin's "change password" form, a reset and `changepassword` all end here."""
    token = api_login("rita_rep", PASSWORD).json()["token"]
    sales_rep.set_password("another-long-phrase-77")
    sales_rep.save()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get(DEALS).status_code == 401


@pytest.mark.parametrize(
    "new_password, reason",
    [
        ("Sh0rt-pass", "too short"),
        ("qwertyqwerty", "too common"),
        ("481516234200", "entirely numeric"),
        ("rita_rep_2026", "too similar to the username"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(client, sales_rep, new_password, reason):
    client.force_login(sales_rep)
    response = client.post(
        "/account/password/",
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 200
    assert reason in response.content.decode()
    sales_rep.refresh_from_db()
    assert sales_rep.check_password(PASSWORD)
