"""Fixtures for misuse reports: the review fixtures (deals of each tier, eager Celery, a
private media folder), an approved deal whose end customer a reporter names, and a
client that posts the public form as a person would (after the minimum fill time)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reviews.services import review_claim, review_decide
from tests.reviews.conftest import (  # noqa: F401 - fixtures shared with the review tests
    case_of,
    eager_celery,
    fast_passwords,
    flushable_audit_trail,
    make_deal,
    media_root,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"0" * 64


def png(name: str = "photo.png", content: bytes = PNG) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/png")


@pytest.fixture(autouse=True)
def no_minimum_fill_time(settings):
    """The minimum fill time is tested on its own; elsewhere a test posts at once."""
    settings.GRIEVANCE_MIN_FILL_SECONDS = 0


@pytest.fixture
def approved_deal(request, reviewer, partner_a):
    """A medium deal with Alpha in its channel, approved: the deal a report will concern."""
    new_deal, case_of_deal = (request.getfixturevalue(f) for f in ("make_deal", "case_of"))
    alpha = [{"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}]
    deal = new_deal("medium", title="Research cluster for Gulf Research", channel=alpha)
    review_decide(
        case=review_claim(case=case_of_deal(deal), actor=reviewer),
        actor=reviewer,
        outcome="approve",
        reasons="Research use by an SOE.",
    )
    deal.refresh_from_db()
    assert deal.status == "approved"
    return deal


def report_form(**overrides) -> dict:
    from grievances.forms import started_token

    data = {
        "what": "Cameras and GPU servers are used to track students at the protest camp.",
        "where_country": "AE",
        "where_place": "Abu Dhabi",
        "about_organisation": "Gulf Research Co",
        "about_product": "GPU cluster",
        "anonymous": "on",
        "website": "",
        "started": started_token(),
    }
    data.update(overrides)
    return data
