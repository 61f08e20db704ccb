"""Fixtures for the access tests: the review fixtures (deals of each tier, eager Celery,
fast passwords, a private media folder) and the personas of the README."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory
from tests.reviews.conftest import (  # noqa: F401 - fixtures shared with the review tests
    case_of,
    eager_celery,
    fast_passwords,
    make_deal,
    media_root,
)


@pytest.fixture
def nobody(vendor):
    """Signed in, with no role at all (an account an admin has not finished setting up)."""
    return UserFactory(username="nina_no_role", role="", organisation=vendor)
