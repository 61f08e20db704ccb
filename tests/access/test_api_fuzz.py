"""schemathesis over the whole OpenAPI schema, as an admin and as a partner user: whatever
it sends (valid and invalid bodies, query strings and ids), the API never answers 5xx.

The requests go through Django's test handler (WSGI, no server, the test's database
transaction), over a world of real deals, cases and imports so that ids hit objects.
Examples per operation are bounded (HRDD_FUZZ_EXAMPLES, default 12) and derandomised
(HRDD_FUZZ_SEED to vary them) so `make test` stays quick and repeatable.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.test.client import ClientHandler
from hypothesis import HealthCheck, Phase, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("HRDD_FUZZ_EXAMPLES", "12"))
SEED = os.environ.get("HRDD_FUZZ_SEED")


class HandlerApp:
    """A WSGI app over Django's test handler: like the real one, but it keeps the test's
    database connection (the real handler closes it at the end of every request)."""

    def __init__(self):
        self.handler = ClientHandler(enforce_csrf_checks=False)

    def __call__(self, environ, start_response):
        response = self.handler(environ)
        headers = list(response.items())
        headers += [("Set-Cookie", c.output(header="").strip()) for c in response.cookies.values()]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        if getattr(response, "streaming", False):
            return response.streaming_content
        return [response.content]


@pytest.fixture
def api_schema():
    return schemathesis.openapi.from_wsgi("/api/schema/", HandlerApp())


def _fuzz(schema, user) -> list[str]:
    """Every operation, EXAMPLES generated cases each; the 5xx found, as readable lines."""
    headers = {"Authorization": f"Token {Token.objects.get_or_create(user=user)[0].key}"}
    found: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 25
    for operation in operations:

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=SEED is None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def run(case):
            response = case.call(headers=headers)
            if response.status_code >= 500:
                found.append(f"{case.method} {case.formatted_path} -> {response.status_code}")
            case.validate_response(response, checks=[not_a_server_error])

        try:
            run()
        except Exception as exc:  # noqa: BLE001 - reported with the operation below
            found.append(f"{operation.label}: {type(exc).__name__}: {str(exc)[:500]}")
    return found


@pytest.mark.parametrize("persona", ["admin_user", "partner_a"])
def test_no_operation_answers_a_server_error(world, api_schema, request, persona):
    found = _fuzz(api_schema, request.getfixturevalue(persona))
    assert not found, "\n".join(found)
