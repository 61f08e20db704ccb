"""The criteria editor shows each refused field's error beside it, in the editor's words,
and marks where in a condition its syntax error lies."""

from __future__ import annotations

import html
import re

import pytest

from rules import services
from tests.fielderrors import invalid_fields

pytestmark = pytest.mark.django_db


def _criterion(**overrides) -> dict:
    body = {
        "code": "TEST-EDITOR",
        "name": "Editor test",
        "dimension": "product_capability",
        "condition": "capability_severity >= 3",
        "outcome": "score",
        "explanation": "x",
        "scale": "3",
        "scope": "0",
        "irremediability": "0",
        "likelihood": "0",
        "severity_uplift": "0",
        "enabled": "on",
    }
    body.update(overrides)
    return body


@pytest.fixture
def editor(admin_user, client):
    services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    return client


def test_each_refused_field_is_marked_with_its_own_message(editor):
    r = editor.post(
        "/criteria/draft/new/",
        _criterion(name="", severity_uplift="lots", explanation="In {contry.name}."),
    )
    assert r.status_code == 400
    fields = invalid_fields(r.content.decode())
    assert fields == {"severity_uplift": "Enter a whole number from 0 to 5."}
    assert 'value="lots"' in r.content.decode()  # what was typed survives
    r = editor.post("/criteria/draft/new/", _criterion(name="", explanation="In {contry.name}."))
    fields = invalid_fields(r.content.decode())
    assert fields["name"] == "Name must not be empty."
    assert fields["explanation"].startswith('Unknown placeholder "{contry.name}"')
    assert "condition" not in fields


def test_a_syntax_error_is_marked_under_its_position(editor):
    condition = 'end_user.type == "state_telecom" and and capability_severity >= 3'
    r = editor.post("/criteria/draft/new/", _criterion(condition=condition))
    page = r.content.decode()
    fields = invalid_fields(page)
    assert fields["condition"].startswith("Syntax error")
    assert "At character 38:" in fields["condition"]
    caret = re.search(r'<code class="condition-caret"[^>]*>(.*?)</code>', page, re.S).group(1)
    line, marker = caret.split("\n")
    assert html.unescape(line) == condition
    assert marker.index("^") == condition.index("and and") + 4  # under the second "and"
