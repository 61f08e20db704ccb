"""A screening's JSON compressed by lz4 instead of pglz where PostgreSQL has it (14 and
later, built with lz4): a screening's findings (about 9 KB as text) are compressed with
every insert, and pglz took half of the insert's time (README "Indexes a registration
writes"). Rows stored before keep pglz; PostgreSQL reads both. Elsewhere nothing changes."""

from django.db import migrations

COLUMNS = ("findings", "reasons", "snapshot", "basis")


def _lz4_available(schema_editor) -> bool:
    if schema_editor.connection.vendor != "postgresql":
        return False
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        row = cursor.fetchone()
    return bool(row and row[0])


def _compression(method: str):
    def apply(apps, schema_editor):
        if _lz4_available(schema_editor):
            schema_editor.execute(
                "ALTER TABLE rules_screening "
                + ", ".join(f"ALTER COLUMN {column} SET COMPRESSION {method}" for column in COLUMNS)
            )

    return apply


class Migration(migrations.Migration):
    dependencies = [("rules", "0013_pattern_indexes_dropped")]

    operations = [migrations.RunPython(_compression("lz4"), _compression("DEFAULT"))]
