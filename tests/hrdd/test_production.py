"""Production settings: the deploy check is clean, errors show our own pages, the content
security policy holds and every page still works under it."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **overrides) -> dict:
    skip = ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")  # the test run's own
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        AUDIT_HMAC_KEY=secrets.token_urlsafe(32),
        ALLOWED_HOSTS="hrdd.example.org",
        HRDD_VAR_DIR=str(tmp_path),
    )
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def manage(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_deploy_check_is_clean_with_production_settings(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "AUDIT_HMAC_KEY"])
def test_production_refuses_to_start_without_its_keys(tmp_path, missing):
    result = manage(production_env(tmp_path, **{missing: None}), "check")
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_docker_compose_has_no_default_secret():
    compose = (ROOT / "docker-compose.yml").read_text()
    for name in ("SECRET_KEY", "AUDIT_HMAC_KEY"):
        # ${NAME:?message}: compose stops with the message when NAME is unset or empty
        assert re.search(rf"{name}: \$\{{{name}:\?[^}}]+\}}", compose), name
    assert "change-me" not in compose


# --- Error pages (DEBUG is off in tests, as in production) --------------------------------


@pytest.mark.django_db
def test_an_unknown_address_shows_our_not_found_page(client, sales_rep):
    client.force_login(sales_rep)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert 'class="topbar"' in page and "Not found" in page
    assert "URLconf" not in page


@pytest.mark.django_db
@pytest.mark.urls("tests.hrdd.boom_urls")
def test_a_server_error_shows_our_page_and_no_internals(client, sales_rep):
    client.raise_request_exception = False
    client.force_login(sales_rep)
    response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong" in page and 'class="topbar"' in page
    assert "SELECT" not in page and "Traceback" not in page


@pytest.mark.django_db
def test_a_refusal_shows_its_reason_in_the_applications_own_page(client, sales_rep):
    client.force_login(sales_rep)
    response = client.get("/criteria/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Only compliance staff see the criteria." in page
    assert 'class="topbar"' in page and "Deals" in page  # our menu, not a bare 403


@pytest.mark.django_db
def test_a_form_without_its_csrf_token_gets_our_page_with_a_reason(sales_rep):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(sales_rep)
    response = client.post("/account/token/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "This form has expired" in page and 'class="topbar"' in page


# --- Content security policy ---------------------------------------------------------------


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client, sales_rep):
    client.force_login(sales_rep)
    policy = client.get("/deals/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"<style[\s>]", re.I), "an inline <style>"),
    (re.compile(r"\sstyle=[\"']", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+=[\"']", re.I), "an inline event handler"),
    (re.compile(r"hx-(vals|vars)=[\"']\s*js:", re.I), "htmx code (eval)"),
    (re.compile(r"hx-on", re.I), "htmx code (eval)"),
]


def test_no_template_carries_code_or_styles_the_policy_would_block():
    templates = [p for p in ROOT.glob("**/templates/**/*.html") if ".venv" not in p.parts]
    assert len(templates) > 20
    found = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in templates
        for pattern, what in INLINE
        if pattern.search(path.read_text())
    ]
    assert found == []
