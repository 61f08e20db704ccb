"""Token-authenticated API calls skip the session, user and messages middleware; every
response still carries the security headers and the content security policy."""

from __future__ import annotations

import pytest
from django.test import override_settings
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def test_a_token_api_call_carries_the_pages_security_headers_and_sets_no_cookie(
    client, api, sales_rep
):
    client.force_login(sales_rep)
    page = client.get("/deals/")
    answer = api.as_user(sales_rep).get("/api/v1/opportunities/")
    assert answer.status_code == 200
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
    ):
        assert answer[header] == page[header]
    assert not answer.cookies  # no session or CSRF cookie for a token call


def test_the_policy_follows_its_settings_though_built_once(api, sales_rep):
    client = api.as_user(sales_rep)
    assert "img-src 'self' data:" in client.get("/api/v1/opportunities/")["Content-Security-Policy"]
    stricter = {"DIRECTIVES": {"default-src": ["'none'"]}}
    with override_settings(CONTENT_SECURITY_POLICY=stricter):
        policy = client.get("/api/v1/opportunities/")["Content-Security-Policy"]
    assert policy == "default-src 'none'"
    assert "img-src 'self' data:" in client.get("/api/v1/opportunities/")["Content-Security-Policy"]


def test_a_signed_in_browser_still_reads_the_api_with_its_session(client, sales_rep):
    client.force_login(sales_rep)
    assert client.get("/api/v1/opportunities/").status_code == 200


def test_a_token_revoked_between_two_calls_is_refused_at_the_second(api, sales_rep):
    client = api.as_user(sales_rep)
    assert client.get("/api/v1/opportunities/").status_code == 200
    Token.objects.filter(user=sales_rep).delete()
    assert client.get("/api/v1/opportunities/").status_code == 401
