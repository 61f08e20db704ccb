"""Personas, clients and list fixtures for the restricted-party tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from partners.models import Organisation
from restricted_parties.selectors import match_index_invalidate

# shared/ sits beside the repository (as in CI and on every developer machine).
OFAC_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "ofac-sdn"


@pytest.fixture(autouse=True)
def _fresh_match_index():
    """Each test starts with no cached index (ids repeat after a test's rollback)."""
    match_index_invalidate()
    yield
    match_index_invalidate()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _user(username: str, role: str, **extra) -> User:
    return User.objects.create_user(
        username=username, password="pw-not-secret-123", role=role, **extra
    )


@pytest.fixture
def sales_rep(db):
    return _user("sam_sales", User.Role.SALES_REP)


@pytest.fixture
def reseller(db):
    return Organisation.objects.create(name="Acme Reseller GmbH", country="DE", role="reseller")


@pytest.fixture
def partner_user(reseller):
    return _user("pat_partner", User.Role.PARTNER_USER, organisation=reseller)


@pytest.fixture
def reviewer(db):
    return _user("rita_reviewer", User.Role.REVIEWER)


@pytest.fixture
def senior_reviewer(db):
    return _user("sid_senior", User.Role.SENIOR_REVIEWER)


@pytest.fixture
def admin_user(db):
    return _user("ada_admin", User.Role.ADMIN)


@pytest.fixture
def api():
    """An API client; `api.as_user(user)` authenticates it."""
    client = APIClient()

    def as_user(user):
        client.force_authenticate(user=user)
        return client

    client.as_user = as_user
    return client


@pytest.fixture
def sample_list(db):
    from restricted_parties.services import sample_list_load

    return sample_list_load()


@pytest.fixture
def ofac_dir() -> Path:
    if not (OFAC_DIR / "sdn.csv").exists():
        pytest.skip("the OFAC SDN files are not on this machine")
    return OFAC_DIR


@pytest.fixture
def ofac_list(db, ofac_dir):
    from restricted_parties.services import restricted_party_list_import

    return restricted_party_list_import(actor=None, fmt="ofac-sdn", path_or_file=ofac_dir)


@pytest.fixture
def write(tmp_path):
    """write(name, text_or_bytes) -> Path of a file in a temporary directory."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return _write
