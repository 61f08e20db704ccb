"""The `varchar_pattern_ops` indexes PostgreSQL adds beside tier, shown_tier: written
with every row, read by no query (equality only). docs/benchmark-history.md "Indexes a registration writes"."""

from django.db import migrations

from hrdd.migration_operations import pattern_indexes_dropped


class Migration(migrations.Migration):
    dependencies = [("rules", "0013_screening_json_lz4")]

    operations = [
        pattern_indexes_dropped([("rules_screening", "tier"), ("rules_screening", "shown_tier")])
    ]
