"""Indexes a registration wrote for nothing (docs/benchmark-history.md "Indexes a registration writes"): on
the deal, those whose columns begin another index (status, owner twice, submitting
organisation) and PostgreSQL's pattern-ops twin of the reference; on a channel entry,
its organisation (the first column of (organisation, opportunity))."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from hrdd.migration_operations import foreign_key_index_dropped, pattern_indexes_dropped

# As in 0005: the trigger that fills a deal's reference from its id (0003), on SQLite.
SQLITE_REFERENCE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS opportunity_reference_fill AFTER INSERT ON opportunities_opportunity
   WHEN NEW.reference = ''
   BEGIN UPDATE opportunities_opportunity SET reference = printf('D-%06d', NEW.id)
         WHERE id = NEW.id; END;
"""


def reference_trigger_again(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_REFERENCE_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0006_provenance_out_of_descriptions"),
        ("partners", "0002_due_diligence_status"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Were SQLite to rebuild the table here (it alters a column so), the trigger that
        # fills a deal's reference (0003) would go with it: created again after, both ways.
        migrations.RunPython(migrations.RunPython.noop, reference_trigger_again),
        pattern_indexes_dropped([("opportunities_opportunity", "reference")]),
        migrations.RemoveIndex(
            model_name="opportunity",
            name="opportuniti_status_fb4df4_idx",
        ),
        migrations.RemoveIndex(
            model_name="opportunity",
            name="opportuniti_owner_i_c91c71_idx",
        ),
        foreign_key_index_dropped(
            "opportunities",
            migrations.AlterField(
                model_name="opportunity",
                name="owner",
                field=models.ForeignKey(
                    db_index=False,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="opportunities",
                    to=settings.AUTH_USER_MODEL,
                ),
            ),
        ),
        foreign_key_index_dropped(
            "opportunities",
            migrations.AlterField(
                model_name="opportunity",
                name="submitted_by_organisation",
                field=models.ForeignKey(
                    db_index=False,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="submitted_opportunities",
                    to="partners.organisation",
                ),
            ),
        ),
        foreign_key_index_dropped(
            "opportunities",
            migrations.AlterField(
                model_name="channelentry",
                name="organisation",
                field=models.ForeignKey(
                    db_index=False,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="channel_entries",
                    to="partners.organisation",
                ),
            ),
        ),
        migrations.RunPython(reference_trigger_again, migrations.RunPython.noop),
    ]
