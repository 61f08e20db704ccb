"""A local reseller nobody has assessed, its user, and deals through it."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from lifecycle.services import opportunity_register
from tests.factories import OrganisationFactory, UserFactory, deal_body

PDF = b"%PDF-1.4\n% partner policy\n" + b"0" * 64
GOOD_ANSWERS = {
    "programme": "hrdd_and_export",
    "contact_name": "Jana Novak",
    "contact_email": "compliance@delta.example",
    "staff_trained": True,
    "trained_on": date.today().replace(day=1),
    "screens_end_users": True,
    "kyc_steps": "Sanctions list check and end-user statement",
    "flows_down_clauses": True,
    "prior_incident": False,
    "incident_details": "",
    "accepts_audits": True,
    "accepts_flow_down": True,
}
POOR_ANSWERS = {
    **GOOD_ANSWERS,
    "programme": "none",
    "staff_trained": False,
    "trained_on": None,
    "screens_end_users": False,
    "flows_down_clauses": False,
}
DELTA = {"name": "Delta Local IT", "role": "reseller", "country": "DE"}


def policy_pdf(name: str = "hrdd-policy.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def delta(db):
    """A new local reseller, as typed into a deal: nothing known of it."""
    return OrganisationFactory(
        name=DELTA["name"],
        country="DE",
        role="reseller",
        hrdd_maturity="none",
        staff_trained=False,
        dd_status="not_assessed",
    )


@pytest.fixture
def delta_user(delta):
    return UserFactory(username="dora_delta", role=User.Role.PARTNER_USER, organisation=delta)


@pytest.fixture
def gpu_deal(delta, sales_rep, catalogue):
    """GPU servers for a German university through Delta: an ordinary low-capability sale."""
    body = deal_body(
        title="University GPU servers",
        end_customer={
            "name": "Technische Hochschule Nord",
            "country": "DE",
            "type": "education_research",
            "sector": "university",
        },
        delivery_country="DE",
        channel=[DELTA],
        lines=[{"name": "GPU server", "capabilities": ["hpc_accelerators"], "quantity": 4}],
        intended_use=["research_education"],
    )
    return opportunity_register(actor=sales_rep, data=body).opportunity
