"""An API token is checked by one statement compiled once per thread: what it returns is
what the ORM would, and it is read again on every request, so any change to the token,
the user or the user's organisation counts from the very next request."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed

from accounts.authentication import ExpiringTokenAuthentication
from accounts.models import User
from partners.models import Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def _authenticate(key: str):
    with CaptureQueriesContext(connection) as ctx:
        user, token = ExpiringTokenAuthentication().authenticate_credentials(key)
        organisation = user.organisation  # already read: no statement of its own
    assert len(ctx.captured_queries) == 1, [q["sql"][:100] for q in ctx.captured_queries]
    return user, token, organisation


def test_the_user_and_organisation_are_the_ones_the_orm_reads(partner_a):
    token = Token.objects.create(user=partner_a)
    for _ in range(2):  # compiled on the first call, reused on the second
        user, got, organisation = _authenticate(token.key)
        expected = User.objects.select_related("organisation").get(pk=partner_a.pk)
        assert _fields(user) == _fields(expected)
        assert _fields(organisation) == _fields(expected.organisation)
        assert _fields(got) == _fields(Token.objects.get(pk=token.pk)) and got.user is user
        assert not user._state.adding and user._state.db == "default"


def test_a_changed_role_or_organisation_counts_at_the_next_request(partner_a):
    token = Token.objects.create(user=partner_a)
    _authenticate(token.key)
    other = OrganisationFactory(name="Delta Resale", country="AE", role="reseller")
    User.objects.filter(pk=partner_a.pk).update(role="sales_rep", organisation=other)
    user, _, organisation = _authenticate(token.key)
    assert user.role == "sales_rep" and organisation.name == "Delta Resale"

    User.objects.filter(pk=partner_a.pk).update(organisation=None)
    user, _, organisation = _authenticate(token.key)
    assert organisation is None and user.organisation_id is None
    assert Organisation.objects.filter(pk=other.pk).exists()


def test_a_deleted_token_or_an_inactive_user_is_refused_at_once(partner_a):
    token = Token.objects.create(user=partner_a)
    _authenticate(token.key)
    User.objects.filter(pk=partner_a.pk).update(is_active=False)
    with pytest.raises(AuthenticationFailed, match="inactive"):
        ExpiringTokenAuthentication().authenticate_credentials(token.key)
    User.objects.filter(pk=partner_a.pk).update(is_active=True)
    _authenticate(token.key)
    Token.objects.filter(pk=token.pk).delete()
    with pytest.raises(AuthenticationFailed, match="Invalid token"):
        ExpiringTokenAuthentication().authenticate_credentials(token.key)
