"""API token authentication with an expiry (settings.API_TOKEN_TTL_DAYS).

The token, its user and the user's organisation are read by one statement that the ORM
compiles once per thread (`_TokenQuery`), not on every request: compiling the join cost
more than the database spent answering it. The statement still runs on every request,
so a revoked token, a deactivated user or a changed role is refused or seen on the very
next request, in every process, whatever path changed it (see README, "Benchmarks")."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connections, router
from django.db.models.query import get_related_populators
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


def token_expires_at(created: datetime) -> datetime:
    return created + timedelta(days=settings.API_TOKEN_TTL_DAYS)


class _TokenQuery:
    """`Token.objects.select_related("user__organisation").get(key=key)`, compiled once:
    the same SQL, the same converters of raw values and the same instances as the ORM
    builds them (`ModelIterable`), with the key as the only parameter."""

    def __init__(self, model, alias: str):
        queryset = model.objects.using(alias).select_related("user__organisation")
        compiler = queryset.filter(key="").query.get_compiler(alias)
        self.sql, params = compiler.as_sql()
        assert params == ("",), params  # the key is the statement's only parameter
        self.alias, self.compiler = alias, compiler
        select, info = compiler.select, compiler.klass_info
        self.converters = compiler.get_converters([column[0] for column in select])
        first, last = info["select_fields"][0], info["select_fields"][-1] + 1
        self.fields = slice(first, last)
        self.names = [column[0].target.attname for column in select[first:last]]
        self.related = get_related_populators(info, select, alias)
        self.model = model

    def get(self, key: str):
        with connections[self.alias].cursor() as cursor:
            cursor.execute(self.sql, [key])
            row = cursor.fetchone()
        if row is None:
            return None
        if self.converters:
            row = next(iter(self.compiler.apply_converters([row], self.converters)))
        token = self.model.from_db(self.alias, self.names, row[self.fields])
        for populator in self.related:
            populator.populate(row, token)
        return token


_compiled = threading.local()


def _token_query(model) -> _TokenQuery:
    alias = router.db_for_read(model)
    query = getattr(_compiled, alias, None)
    if query is None:
        query = _TokenQuery(model, alias)
        setattr(_compiled, alias, query)
    return query


class ExpiringTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, refused once the token is older than its lifetime."""

    def authenticate_credentials(self, key):
        # The user's organisation comes in the same query: nearly every API call needs it
        # (visibility, registration), and a second round trip per request adds up.
        token = _token_query(self.get_model()).get(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        user = token.user
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        if token_expires_at(token.created) <= timezone.now():
            raise exceptions.AuthenticationFailed(
                "The token has expired. Request a new one at /api/v1/auth/token/."
            )
        return user, token
