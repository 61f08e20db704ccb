"""Reference data cached per process: a change reaches the next registration at once,
whether it was made in this process or another."""

from __future__ import annotations

import pytest

from countries.models import Country
from countries.selectors import country_context
from lifecycle.services import opportunity_register
from refdata.models import RefdataVersion
from reviews.services import escalation_policy_update, escalation_target
from tests.factories import ProductFactory, deal_body

pytestmark = pytest.mark.django_db


def _other_process_bumps(kind: str) -> None:
    """What another process's write leaves behind: the row, not this process's memory."""
    RefdataVersion.objects.update_or_create(kind=kind, defaults={"token": "other-process"})


def test_a_new_catalogue_product_is_known_to_the_next_registration(sales_rep, catalogue):
    body = deal_body(lines=[{"sku": "NEW-1", "quantity": 1}])
    with pytest.raises(Exception, match="not valid"):
        opportunity_register(actor=sales_rep, data=body)
    ProductFactory(sku="NEW-1", name="New switch", capabilities=["networking"])
    assert opportunity_register(actor=sales_rep, data=body).created


def test_a_country_flag_changed_elsewhere_is_seen_after_its_version_moves(db):
    assert country_context("NO")["country.sanctioned"] is False
    Country.objects.filter(iso2="NO").update(sanctioned=True)  # no signal in this process
    assert country_context("NO")["country.sanctioned"] is False  # the copy is still current
    _other_process_bumps("countries")
    assert country_context("NO")["country.sanctioned"] is True


def test_a_changed_review_target_applies_to_the_next_case(admin_user):
    assert escalation_target("high").target_business_days == 10
    escalation_policy_update(
        actor=admin_user,
        tier="high",
        target_business_days=3,
        start_level=1,
        level_business_days=2,
    )
    assert escalation_target("high").target_business_days == 3


def test_a_rolled_back_change_does_not_leave_its_copy_behind(admin_user):
    from django.db import transaction

    from reviews.models import EscalationPolicy

    assert escalation_target("medium").target_business_days == 2
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            EscalationPolicy.objects.filter(tier="medium").update(target_business_days=9)
            EscalationPolicy.objects.get(tier="medium").save()  # bumps, in the transaction
            assert escalation_target("medium").target_business_days == 9
            raise RuntimeError("rolled back")
    assert escalation_target("medium").target_business_days == 2
