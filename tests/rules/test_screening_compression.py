"""A screening's JSON is compressed by lz4 where PostgreSQL has it (rules 0014)."""

from __future__ import annotations

import pytest
from django.db import connection

from rules.models import Screening
from tests.opportunities.test_api import ISSUE_EXAMPLE

pytestmark = pytest.mark.django_db


def test_a_new_screenings_findings_are_stored_compressed_by_lz4(api, sales_rep, catalogue):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's column compression")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        if not (cursor.fetchone() or [False])[0]:
            pytest.skip("this PostgreSQL has no lz4")
    r = api.as_user(sales_rep).post("/api/v1/opportunities/", ISSUE_EXAMPLE, format="json")
    assert r.status_code == 201, r.content
    screening = Screening.objects.get(opportunity_id=r.json()["id"])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_compression(findings) FROM rules_screening WHERE id = %s",
            [screening.pk],
        )
        assert cursor.fetchone()[0] == "lz4"
    assert screening.findings  # something to compress
