"""The `varchar_pattern_ops` indexes PostgreSQL adds beside tier, shown_tier: written
with every row, read by no query (equality only). README "Indexes a registration writes"."""

from django.db import migrations


def _pattern_indexes(columns):
    """PostgreSQL's `varchar_pattern_ops` twins of unique or indexed text columns, which
    serve only `LIKE 'prefix%'`: nothing here filters these columns so."""

    def names(schema_editor):
        return [
            (table, column, schema_editor._create_index_name(table, [column], suffix="_like"))
            for table, column in columns
        ]

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for _table, _column, name in names(schema_editor):
                schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")

    def create(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            q = schema_editor.quote_name
            for table, column, name in names(schema_editor):
                schema_editor.execute(
                    f"CREATE INDEX IF NOT EXISTS {q(name)} ON {q(table)} ({q(column)} varchar_pattern_ops)"
                )

    return migrations.RunPython(drop, create, elidable=False)


class Migration(migrations.Migration):
    dependencies = [("rules", "0013_screening_json_lz4")]

    operations = [
        _pattern_indexes([("rules_screening", "tier"), ("rules_screening", "shown_tier")])
    ]
