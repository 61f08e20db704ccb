"""Done when: a test signs in through OIDC as a reviewer and as a partner user with roles
from claims. The provider is a real one on its own port (tests/oidc_provider.py); the
browser's redirects are followed by hand, the server-to-server calls (discovery, token,
JWKS, userinfo) are real HTTP."""

from __future__ import annotations

import time

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from accounts.models import User
from audit.models import AuditEvent
from sso.models import SsoIdentity

from .conftest import identity, signed_in_user, sso_sign_in

pytestmark = pytest.mark.django_db


def test_a_reviewer_signs_in_and_is_created_with_the_role_from_groups(client, provider, vendor):
    r = sso_sign_in(
        client,
        provider,
        identity("sub-rev-1", "rosa@northwind.example", ["staff", "hrdd-reviewers"]),
    )
    assert r.status_code == 302
    user = signed_in_user(client)
    assert user is not None and user.username == "rosa"
    assert (user.role, user.organisation) == ("reviewer", vendor)
    assert not user.has_usable_password()
    assert client.get("/", follow=True).request["PATH_INFO"] == "/reviews/"
    assert AuditEvent.objects.filter(action="user.created_by_sso", object_id=str(user.pk)).exists()
    # the next sign-in finds the same account by the provider's subject
    client.logout()
    sso_sign_in(
        client, provider, identity("sub-rev-1", "rosa.new@northwind.example", ["hrdd-reviewers"])
    )
    assert signed_in_user(client).pk == user.pk
    assert User.objects.filter(role="reviewer", username__startswith="rosa").count() == 1


def test_a_partner_user_signs_in_into_their_organisation(
    client, provider, alpha_tenant, reseller_a, sales_rep, catalogue
):
    from lifecycle.services import opportunity_register
    from tests.factories import deal_body

    hidden = opportunity_register(
        actor=sales_rep, data=deal_body(title="Not Alpha's deal")
    ).opportunity
    r = sso_sign_in(
        client,
        provider,
        identity("alpha-77", "paul@alpha.example", ["hrdd-partners"], organisation="alpha-tenant"),
        next_url="/deals/",
    )
    assert r.status_code == 302 and r["Location"] == "/deals/"
    user = signed_in_user(client)
    assert (user.role, user.organisation) == ("partner_user", reseller_a)
    page = client.get("/deals/")
    assert page.status_code == 200 and "Not Alpha's deal" not in page.content.decode()
    assert client.get(f"/deals/{hidden.pk}/").status_code == 404


def test_an_existing_account_is_linked_by_its_verified_email_and_its_role_follows_the_claims(
    client, provider, reviewer, vendor
):
    reviewer.email = "rob@northwind.example"
    reviewer.save()
    sso_sign_in(client, provider, identity("sub-rob", "ROB@northwind.example", ["hrdd-sales"]))
    user = signed_in_user(client)
    assert user.pk == reviewer.pk and user.role == "sales_rep"
    assert SsoIdentity.objects.get(user=reviewer).subject == "sub-rob"


def _refused(client, response, reason_part: str):
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert signed_in_user(client) is None
    page = client.get("/login/").content.decode()
    assert reason_part in page, page


def test_an_unknown_organisation_is_refused_not_created(client, provider, alpha_tenant):
    r = sso_sign_in(
        client,
        provider,
        identity("x-1", "eve@evil.example", ["hrdd-partners"], organisation="evil-corp"),
    )
    _refused(client, r, "not registered for single sign-on")
    assert not User.objects.filter(email="eve@evil.example").exists()
    refusal = AuditEvent.objects.get(action="sso.refused")
    assert refusal.changes["email"] == "eve@evil.example"


def test_a_claim_naming_another_organisation_is_refused(
    client, provider, alpha_tenant, bravo_tenant, reseller_a
):
    sso_sign_in(
        client,
        provider,
        identity("alpha-9", "ann@alpha.example", ["hrdd-partners"], organisation="alpha-tenant"),
    )
    ann = signed_in_user(client)
    client.logout()
    r = sso_sign_in(
        client,
        provider,
        identity("alpha-9", "ann@alpha.example", ["hrdd-partners"], organisation="bravo-tenant"),
    )
    _refused(client, r, "names another organisation")
    ann.refresh_from_db()
    assert ann.organisation == reseller_a


def test_a_partner_tenant_cannot_claim_a_vendor_role(client, provider, alpha_tenant):
    r = sso_sign_in(
        client,
        provider,
        identity("alpha-1", "mal@alpha.example", ["hrdd-reviewers"], organisation="alpha-tenant"),
    )
    _refused(client, r, "Vendor roles belong to the vendor")


def test_no_mapped_group_no_account(client, provider, vendor):
    r = sso_sign_in(client, provider, identity("s-2", "sam@northwind.example", ["everyone"]))
    _refused(client, r, "no role in this application")


def test_an_unverified_email_neither_creates_nor_links_an_account(
    client, provider, reviewer, vendor
):
    reviewer.email = "rob@northwind.example"
    reviewer.save()
    r = sso_sign_in(
        client,
        provider,
        identity("attacker", "rob@northwind.example", ["hrdd-reviewers"], email_verified=False),
    )
    _refused(client, r, "not verified your email")
    assert not SsoIdentity.objects.exists()
    assert User.objects.filter(email__iexact="rob@northwind.example").count() == 1


@pytest.mark.parametrize(
    "change",
    [
        {"aud": "another-application"},
        {"iss": "https://attacker.example"},
        {"nonce": "a-nonce-from-another-sign-in"},
        {"nonce": None},
        {"exp": int(time.time()) - 3600},
        {"exp": None},
    ],
    ids=["audience", "issuer", "nonce", "no-nonce", "expired", "no-expiry"],
)
def test_a_tampered_id_token_is_refused(client, provider, vendor, change):
    provider.id_token_changes = change
    r = sso_sign_in(
        client, provider, identity("sub-3", "tess@northwind.example", ["hrdd-reviewers"])
    )
    _refused(client, r, "could not be verified")
    assert not User.objects.filter(email="tess@northwind.example").exists()


def test_a_token_signed_by_another_key_is_refused(client, provider, vendor):
    provider.signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    r = sso_sign_in(
        client, provider, identity("sub-4", "tom@northwind.example", ["hrdd-reviewers"])
    )
    _refused(client, r, "could not be verified")


def test_userinfo_about_someone_else_is_refused(client, provider, vendor):
    provider.userinfo_changes = {"sub": "someone-else"}
    r = sso_sign_in(
        client, provider, identity("sub-5", "uma@northwind.example", ["hrdd-reviewers"])
    )
    _refused(client, r, "could not be verified")


def test_a_callback_replayed_in_another_browser_signs_nobody_in(
    client, provider, vendor, django_app_client=None
):
    from urllib.parse import urlsplit

    import requests
    from django.test import Client

    provider.identity = identity("sub-6", "vic@northwind.example", ["hrdd-reviewers"])
    start = client.get("/sso/start/")
    back = urlsplit(
        requests.get(start["Location"], allow_redirects=False, timeout=10).headers["Location"]
    )
    other = Client()
    r = other.get(f"{back.path}?{back.query}")  # no state or nonce in this browser's session
    assert signed_in_user(other) is None and r.status_code in (302, 400)
