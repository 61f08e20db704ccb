"""On PostgreSQL a screening's JSON columns are compressed with LZ4 (when the server has
it): the database's CPU a promoted deal's screening row, 0.25 ms with pglz, 0.14 with LZ4."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection

from rules.models import Screening
from tests.opportunities.test_api import ISSUE_EXAMPLE

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's TOAST"),
]


def _lz4_available() -> bool:
    with connection.cursor() as cur:
        cur.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        row = cur.fetchone()
    return bool(row and row[0])


def _compression_of_columns() -> dict[str, str]:
    """attcompression of the four JSON columns: 'l' for LZ4, '' for the server's default."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT attname, attcompression FROM pg_attribute "
            "WHERE attrelid = %s::regclass AND attname IN ('findings', 'reasons', 'snapshot', 'basis')",
            [Screening._meta.db_table],
        )
        return dict(cur.fetchall())


def test_a_screenings_json_columns_are_compressed_with_lz4():
    if not _lz4_available():
        pytest.skip("this PostgreSQL has no LZ4")
    assert _compression_of_columns() == {
        "findings": "l",
        "reasons": "l",
        "snapshot": "l",
        "basis": "l",
    }


def test_a_new_screenings_findings_are_stored_compressed_by_lz4(api, sales_rep, catalogue):
    if not _lz4_available():
        pytest.skip("this PostgreSQL has no LZ4")
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


def test_undoing_the_migration_gives_the_columns_back_to_the_servers_default():
    """Reversed, the columns follow `default_toast_compression` again, as before it ran,
    rather than a method of their own."""
    if not _lz4_available():
        pytest.skip("this PostgreSQL has no LZ4")
    migration = importlib.import_module("rules.migrations.0013_screening_json_lz4")
    with connection.schema_editor() as editor:
        migration.backwards(None, editor)
    assert set(_compression_of_columns().values()) == {""}
    with connection.schema_editor() as editor:
        migration.forwards(None, editor)
    assert set(_compression_of_columns().values()) == {"l"}
