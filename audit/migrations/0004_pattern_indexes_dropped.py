"""The `varchar_pattern_ops` indexes PostgreSQL adds beside hash: written
with every row, read by no query (equality only). docs/benchmark-history.md "Indexes a registration writes"."""

from django.db import migrations

from hrdd.migration_operations import pattern_indexes_dropped


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_keyed_chain_and_seals")]

    operations = [pattern_indexes_dropped([("audit_auditevent", "hash")])]
