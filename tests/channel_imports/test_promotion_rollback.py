"""A promotion batch that fails leaves nothing half done: none of its deals, screenings,
cases, audit events or line marks stay, and the next run promotes every line once."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection

from audit.models import AuditEvent
from channel_imports.models import ChannelImport, ImportLine
from channel_imports.promotion import import_promote
from channel_imports.services import import_accept
from opportunities.models import Opportunity
from reviews.models import ReviewCase
from rules.models import Screening

from .conftest import FLAGGED, csv_upload, drain, row

pytestmark = pytest.mark.django_db

# The database itself refuses the batch's review cases, after its deals, screenings and
# most of its events were written in the same transaction.
REFUSE = {
    "sqlite": [
        "CREATE TRIGGER test_refuse_cases BEFORE INSERT ON reviews_reviewcase "
        "BEGIN SELECT RAISE(ABORT, 'cases refused'); END;"
    ],
    "postgresql": [
        "CREATE FUNCTION test_refuse_cases() RETURNS trigger AS $$ "
        "BEGIN RAISE EXCEPTION 'cases refused'; END; $$ LANGUAGE plpgsql;",
        "CREATE TRIGGER test_refuse_cases BEFORE INSERT ON reviews_reviewcase "
        "FOR EACH ROW EXECUTE FUNCTION test_refuse_cases();",
    ],
}
ALLOW = {
    "sqlite": ["DROP TRIGGER test_refuse_cases;"],
    "postgresql": [
        "DROP TRIGGER test_refuse_cases ON reviews_reviewcase;",
        "DROP FUNCTION test_refuse_cases();",
    ],
}


def _run(statements: dict) -> None:
    with connection.cursor() as cur:
        for sql in statements[connection.vendor]:
            cur.execute(sql)


def _until_promoting(imp):
    for _ in range(10):
        imp.refresh_from_db()
        if imp.status == ChannelImport.Status.PROMOTING:
            return imp
        drain(imp, rounds=1)
    raise AssertionError(f"the import stopped at {imp.status}")


def test_a_failing_batch_is_rolled_back_whole_and_promoted_once_on_the_next_run(
    upload_as, partner_a, catalogue
):
    if connection.vendor not in REFUSE:
        pytest.skip("a trigger of this database")
    rows = [row(FLAGGED, partner_reference=f"R-{i}") for i in range(6)]
    _, imp = upload_as(partner_a, csv_upload(rows))
    import_accept(actor=partner_a, channel_import=drain(imp))
    imp = _until_promoting(imp)
    deals, screenings = Opportunity.objects.count(), Screening.objects.count()
    events = AuditEvent.objects.count()

    _run(REFUSE)
    with pytest.raises(DatabaseError):
        import_promote(channel_import_id=imp.pk)
    lines = ImportLine.objects.filter(channel_import=imp, tier__in=("high", "critical"))
    assert lines.count() == 6
    assert not lines.filter(opportunity__isnull=False).exists()
    assert not lines.exclude(promotion_error="").exists()
    assert Opportunity.objects.count() == deals and Screening.objects.count() == screenings
    assert AuditEvent.objects.count() == events and not ReviewCase.objects.exists()
    imp.refresh_from_db()
    assert imp.status == ChannelImport.Status.PROMOTING

    _run(ALLOW)
    assert import_promote(channel_import_id=imp.pk)
    promoted = [line.opportunity_id for line in lines.all()]
    assert None not in promoted and len(set(promoted)) == 6
    assert Opportunity.objects.count() == deals + 6
    assert ReviewCase.objects.filter(opportunity_id__in=promoted).count() == 6
    for deal in promoted:
        assert AuditEvent.objects.filter(opportunity_id=deal).count() == 4
    imp.refresh_from_db()
    assert imp.status == "completed"
