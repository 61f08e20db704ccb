"""A point-of-sale import through new local resellers: unknown partners are asked for their
profile on every line, not scored as having no programme on every line."""

from __future__ import annotations

import pytest

from channel_imports.models import ChannelImport, ImportLine
from channel_imports.services import import_accept
from tests.channel_imports.conftest import csv_upload, drain, row

pytestmark = pytest.mark.django_db


def test_an_import_through_unassessed_resellers_is_not_flagged_for_it(api, partner_a, catalogue):
    rows = [
        row(
            partner_reference=f"POS-{i}",
            reseller_name=f"Kleinhandel {i} GmbH",
            reseller_country="DE",
        )
        for i in range(20)
    ]
    r = api.as_user(partner_a).post(
        "/api/v1/imports/", {"file": csv_upload(rows)}, format="multipart"
    )
    assert r.status_code == 201, r.content[:300]
    imp = drain(ChannelImport.objects.get(pk=r.json()["id"]))
    assert imp.status == "validated"
    import_accept(actor=partner_a, channel_import=imp)
    assert drain(imp).status == "completed"

    lines = list(ImportLine.objects.filter(channel_import_id=r.json()["id"]))
    assert len(lines) == 20
    for line in lines:
        codes = {f["code"] for f in line.findings}
        assert line.tier == "low", line.findings
        assert "PTR-NOT-ASSESSED" in codes
        assert not codes & {"PTR-NO-HRDD", "PTR-UNTRAINED"}
