"""The pipeline with a real Celery worker on the configured broker (no task called by hand)."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token

from channel_imports.models import ImportLine
from opportunities.models import Opportunity

from .conftest import FLAGGED, csv_upload, row, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_real_worker_validates_imports_and_screens_an_upload(
    live_worker, upload_as, api, partner_a, reviewer, catalogue, settings
):
    # The reviewer's API token is made before the worker runs, so the test's own write
    # never waits on the worker's transaction.
    Token.objects.get_or_create(user=reviewer)
    settings.CHANNEL_IMPORT_CHUNK_ROWS = 4  # several chunks, taken one by one
    # A failed attempt is retried within seconds (the lease), as the reconciler would.
    settings.OUTBOX_LEASE_SECONDS = 2
    settings.OUTBOX_RESEND_SECONDS = 2
    rows = [row(partner_reference=f"W-{i}") for i in range(9)] + [row(FLAGGED)]
    r, imp = upload_as(partner_a, csv_upload(rows))
    assert r.status_code == 201, r.json()
    imp = wait_for(imp, {"validated", "rejected"}, reconcile=True)
    assert imp.valid_rows == 10, imp.message
    assert api.post(f"/api/v1/imports/{imp.pk}/accept/").status_code == 200
    imp = wait_for(imp, {"completed", "failed"}, reconcile=True)
    assert imp.status == "completed", imp.message
    assert imp.chunks_total == 3
    # the counts of held lines are compliance's; the partner reads the progress alone
    assert api.get(f"/api/v1/imports/{imp.pk}/").json()["progress"] == {
        "screened": 10,
        "total": 10,
        "percent": 100,
        "flagged": None,
        "promoted": None,
    }
    progress = api.as_user(reviewer).get(f"/api/v1/imports/{imp.pk}/").json()["progress"]
    assert (progress["flagged"], progress["promoted"]) == (1, 1)
    assert not ImportLine.objects.filter(channel_import=imp, status="pending").exists()
    assert (
        Opportunity.objects.filter(external_id=f"IMPORT-{imp.organisation_id}-r:POS-FLAG-1").count()
        == 1
    )
