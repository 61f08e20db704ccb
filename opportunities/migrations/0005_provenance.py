"""A deal's provenance (where it came from when no person typed it), kept apart from its
description so that it is never read for red flags."""

from django.db import migrations, models

# SQLite adds a column with a default by rebuilding the table, which drops its triggers:
# the one that fills a deal's reference from its id (0003) is created again.
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
        ("opportunities", "0004_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="opportunity",
            name="provenance",
            field=models.TextField(blank=True, default="", db_default="", max_length=1000),
        ),
        migrations.RunPython(reference_trigger_again, migrations.RunPython.noop),
    ]
