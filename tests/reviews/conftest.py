"""Review-workflow fixtures: more personas, deals of each tier, and eager Celery.

Tasks run eagerly here (a `.delay()` queued on commit runs inline), except in the
worker tests, which switch a real worker on.
"""

from __future__ import annotations

import pytest

from accounts.models import User
from hrdd.celery import app as celery_app
from lifecycle.services import opportunity_register
from reviews.models import ReviewCase
from tests.factories import UserFactory, deal_body

# A Monday morning, so business-day arithmetic is easy to read in the tests.
MONDAY = "2026-03-02 09:00:00+00:00"

TIER_DEALS = {
    "low": {},
    "medium": dict(
        end_customer={
            "name": "Gulf Research Co",
            "country": "AE",
            "type": "state_owned_enterprise",
            "sector": "research",
        },
        delivery_country="AE",
        lines=[{"name": "GPU cluster", "capabilities": ["hpc_accelerators"], "quantity": 2}],
        intended_use=["research_education"],
    ),
    "high": dict(
        end_customer={
            "name": "Deutsche Netz AG",
            "country": "DE",
            "type": "private_telecom",
            "sector": "telecom",
        },
        delivery_country="DE",
        lines=[{"sku": "LI-GW-2", "quantity": 1}],
        intended_use=["lawful_intercept_compliance"],
    ),
    "critical": dict(
        end_customer={
            "name": "Stadt Musterhausen",
            "country": "DE",
            "type": "municipal",
            "sector": "city",
        },
        delivery_country="DE",
        lines=[{"name": "Analytics suite", "capabilities": ["data_analytics"], "quantity": 1}],
        intended_use=["population_monitoring"],
    ),
    "prohibited": dict(
        end_customer={
            "name": "Tehran Trading",
            "country": "IR",
            "type": "private_enterprise",
            "sector": "trade",
        },
        delivery_country="IR",
        lines=[{"sku": "SRV-100", "quantity": 1}],
        intended_use=["enterprise_it"],
    ),
}


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """The personas' passwords hash with a fast hasher here (PBKDF2 costs ~0.3 s a user)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded evidence goes to a temporary folder, not the checkout's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def eager_celery():
    before = (celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates)
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = before


@pytest.fixture
def second_reviewer(vendor):
    return UserFactory(username="rhea_reviewer", role=User.Role.REVIEWER, organisation=vendor)


@pytest.fixture
def committee_member(vendor):
    return UserFactory(username="cora_committee", role=User.Role.COMMITTEE, organisation=vendor)


@pytest.fixture
def partner_reviewer(reseller_a):
    """A reviewer who works for a channel partner (a conflict on that partner's deals)."""
    return UserFactory(
        username="pete_partner_reviewer", role=User.Role.REVIEWER, organisation=reseller_a
    )


@pytest.fixture
def make_deal(sales_rep, catalogue):
    """make_deal("high", actor=..., **overrides) registers and screens a deal of that tier."""

    def build(tier: str = "medium", *, actor=None, **overrides):
        body = deal_body(
            title=overrides.pop("title", f"A {tier} deal"), **{**TIER_DEALS[tier], **overrides}
        )
        opportunity = opportunity_register(actor=actor or sales_rep, data=body).opportunity
        assert opportunity.current_screening.tier == tier, opportunity.current_screening.findings
        return opportunity

    return build


def open_case(opportunity) -> ReviewCase:
    return ReviewCase.objects.select_related("opportunity", "assignee").get(
        opportunity=opportunity, status__in=ReviewCase.OPEN_STATES
    )


@pytest.fixture
def case_of():
    return open_case


@pytest.fixture
def approved_condition(make_deal, case_of, reviewer, sales_rep):
    """A medium deal approved with one condition owned by the rep."""
    from reviews.services import review_claim, review_decide

    case = case_of(make_deal("medium"))
    case = review_claim(case=case, actor=reviewer)
    decision = review_decide(
        case=case,
        actor=reviewer,
        outcome="approve_with_conditions",
        reasons="Research use, SOE.",
        feedback="Approved if the end user signs the end-use certificate.",
        conditions=[
            {"mitigation": "end-use-certificate", "owner": sales_rep.pk, "due_date": "2026-12-31"}
        ],
    )
    return decision.case.conditions.get()


@pytest.fixture
def flushable_audit_trail(transactional_db):
    """A transactional database; the root conftest lets its flush empty the audit trail."""
    return transactional_db
