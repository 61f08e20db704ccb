"""Retention: nothing in a decided deal's record is deleted before its period ends, by
any path; afterwards an admin confirms the purge, and the trail records it."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from audit.models import AuditEvent
from hrdd.errors import ApplicationError
from opportunities.models import Opportunity
from records.models import RetentionPurge
from records.retention import RecordRetained, retention_ends
from records.services import retention_purge
from reviews.models import CaseCondition, Decision, InformationRequest, ReviewCase
from rules.models import Screening
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(vendor):
    return UserFactory(
        username="sam_superuser",
        role="admin",
        organisation=vendor,
        is_staff=True,
        is_superuser=True,
    )


def _record_rows(deal) -> dict[str, int]:
    return {
        "deal": Opportunity.objects.filter(pk=deal.pk).count(),
        "screenings": Screening.objects.filter(opportunity=deal).count(),
        "cases": ReviewCase.objects.filter(opportunity=deal).count(),
        "decisions": Decision.objects.filter(opportunity=deal).count(),
        "questions": InformationRequest.objects.filter(case__opportunity=deal).count(),
        "conditions": CaseCondition.objects.filter(opportunity=deal).count(),
    }


def test_the_record_is_kept_ten_years_after_the_decision_by_default(decided_deal):
    decided = decided_deal.review_decisions.get().decided_at
    ends = retention_ends(decided_deal.pk)
    assert ends == timezone.localtime(decided).date().replace(year=decided.year + 10)


def test_a_regime_or_record_type_can_keep_it_longer(decided_deal, settings):
    decided = decided_deal.review_decisions.get().decided_at.year
    settings.RECORD_RETENTION_REGIMES = ["ofac", "eu_dual_use"]
    settings.RECORD_RETENTION_YEARS = {"ofac": 10, "eu_dual_use": 5, "eu_dual_use.decision": 12}
    assert retention_ends(decided_deal.pk, "screening").year == decided + 10
    assert retention_ends(decided_deal.pk, "decision").year == decided + 12
    assert retention_ends(decided_deal.pk).year == decided + 12  # the deal outlives its parts


@pytest.mark.parametrize(
    "delete",
    [
        lambda d: d.delete(),
        lambda d: Opportunity.objects.filter(pk=d.pk).delete(),
        lambda d: Decision.objects.filter(opportunity=d).delete(),
        lambda d: d.review_decisions.get().delete(),
        lambda d: Screening.objects.filter(opportunity=d).delete(),
        lambda d: ReviewCase.objects.filter(opportunity=d).delete(),
        lambda d: InformationRequest.objects.filter(case__opportunity=d).delete(),
        lambda d: CaseCondition.objects.filter(opportunity=d).delete(),
    ],
    ids=[
        "deal",
        "deal-queryset",
        "decisions",
        "decision",
        "screenings",
        "cases",
        "questions",
        "conditions",
    ],
)
def test_the_orm_refuses_every_delete_within_retention(decided_deal, delete):
    before = _record_rows(decided_deal)
    # A deal is also protected by its decisions' keys; either refusal keeps every row.
    with pytest.raises((RecordRetained, ProtectedError)):
        with transaction.atomic():
            delete(decided_deal)
    assert _record_rows(decided_deal) == before


def test_the_admin_page_refuses_it_even_to_a_superuser(client, superuser, decided_deal):
    client.force_login(superuser)
    url = f"/admin/opportunities/opportunity/{decided_deal.pk}/delete/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert (
        client.get(f"/admin/opportunities/opportunity/{decided_deal.pk}/change/").status_code == 200
    )
    assert Opportunity.objects.filter(pk=decided_deal.pk).exists()


def test_the_api_has_no_way_to_delete_it(api, admin_user, decided_deal):
    response = api.as_user(admin_user).delete(f"/api/v1/opportunities/{decided_deal.pk}/")
    assert response.status_code == 405
    assert Opportunity.objects.filter(pk=decided_deal.pk).exists()


def test_the_purge_service_refuses_within_retention_even_for_an_admin(admin_user, decided_deal):
    with pytest.raises(ApplicationError, match="kept until"):
        retention_purge(actor=admin_user, opportunity=decided_deal)
    assert _record_rows(decided_deal)["deal"] == 1


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_postgresql_refuses_a_raw_delete_of_the_record(decided_deal):
    from django.db.utils import DatabaseError

    for table, column in [
        ("reviews_decision", "opportunity_id"),
        ("rules_screening", "opportunity_id"),
        ("opportunities_opportunity", "id"),
    ]:
        with pytest.raises(DatabaseError, match="retention"):
            with transaction.atomic(), connection.cursor() as cur:
                cur.execute(f"DELETE FROM {table} WHERE {column} = %s", [decided_deal.pk])  # noqa: S608
    assert _record_rows(decided_deal)["decisions"] == 1


def test_after_retention_the_command_lists_it_and_an_admin_purges_it(
    client, admin_user, reviewer, decided_deal, make_deal, capsys
):
    undecided = make_deal("medium", title="Still in review")
    ends = retention_ends(decided_deal.pk)
    call_command("retention_review")
    assert "0 records may be purged" in capsys.readouterr().out
    with time_machine.travel(
        timezone.make_aware(timezone.datetime.combine(ends, timezone.datetime.min.time()))
        + timedelta(hours=12)
    ):
        call_command("retention_review")
        listed = capsys.readouterr().out
        assert decided_deal.reference in listed and undecided.reference not in listed
        client.force_login(reviewer)
        assert client.get("/records/retention/").status_code == 403
        client.force_login(admin_user)
        page = client.get("/records/retention/")
        assert decided_deal.reference in page.content.decode()
        # the confirmation is the deal's reference, typed
        client.post("/records/retention/", {"deal": decided_deal.pk, "confirm": "yes"})
        assert Opportunity.objects.filter(pk=decided_deal.pk).exists()
        client.post(
            "/records/retention/", {"deal": decided_deal.pk, "confirm": decided_deal.reference}
        )
    assert not Opportunity.objects.filter(pk=decided_deal.pk).exists()
    assert not Decision.objects.filter(opportunity_id=decided_deal.pk).exists()
    purge = RetentionPurge.objects.get()
    assert purge.reference == decided_deal.reference and purge.confirmed_by == admin_user
    event = AuditEvent.objects.get(action="records.retention_purged")
    assert event.actor == admin_user and event.changes["reference"] == decided_deal.reference
    # the trail of the purged deal is still there
    assert AuditEvent.objects.filter(opportunity_id=decided_deal.pk).count() > 5
    assert Opportunity.objects.filter(pk=undecided.pk).exists()
