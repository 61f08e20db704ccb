"""`manage.py setup` starts a real installation without the demo data: the vendor and the
first admin, once, with the password checked."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from audit.models import AuditEvent
from partners.models import Organisation

pytestmark = pytest.mark.django_db


def test_setup_registers_the_vendor_and_the_first_admin(monkeypatch):
    monkeypatch.setenv("FIRST_ADMIN_PASSWORD", "a long and unusual passphrase 42")
    call_command(
        "setup",
        vendor="Acme Routers GmbH",
        country="de",
        username="ada",
        email="ada@acme.example",
        password_from_env="FIRST_ADMIN_PASSWORD",
    )
    admin = User.objects.get(username="ada")
    assert admin.role == User.Role.ADMIN and admin.check_password(
        "a long and unusual passphrase 42"
    )
    assert admin.organisation == Organisation.objects.get(name="Acme Routers GmbH", country="DE")
    assert admin.organisation.role == "vendor"
    assert AuditEvent.objects.filter(action="installation.set_up").count() == 1


def test_setup_runs_once(monkeypatch, admin_user):
    monkeypatch.setenv("P", "a long and unusual passphrase 42")
    call_command(
        "setup", vendor="Second Vendor", country="FR", username="mallory", password_from_env="P"
    )
    assert not User.objects.filter(username="mallory").exists()


@pytest.mark.parametrize(
    ("country", "password", "problem"),
    [("ZZ", "a long and unusual passphrase 42", "vendor_country"), ("DE", "123", "password")],
)
def test_setup_refuses_a_bad_country_or_a_weak_password(monkeypatch, country, password, problem):
    monkeypatch.setenv("P", password)
    with pytest.raises(CommandError, match=problem):
        call_command("setup", vendor="Acme", country=country, username="ada", password_from_env="P")
    assert not User.objects.filter(username="ada").exists()


def test_setup_refuses_a_vendor_name_that_only_looks_empty(monkeypatch):
    """Hangul fillers and the braille blank draw as nothing: no vendor is named."""
    monkeypatch.setenv("P", "a long and unusual passphrase 42")
    with pytest.raises(CommandError, match="vendor_name"):
        call_command(
            "setup", vendor="\u3164\u2800", country="DE", username="ada", password_from_env="P"
        )
    assert not Organisation.objects.exists()
