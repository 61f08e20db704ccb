"""A deal's reference is filled by the database from its id, in the INSERT itself.

Before, a deal was inserted with an empty reference and updated afterwards; as the
reference is unique, every other registration's insert of an empty reference waited for
that transaction to commit. Now no two inserts ever carry the same value. A reference
given explicitly (e.g. by a bulk loader) is kept.
"""

from django.db import migrations, models

SQLITE = [
    # SQLite cannot change NEW in a BEFORE trigger; an AFTER trigger runs in the same
    # statement, before the next row of a multi-row insert is checked.
    """CREATE TRIGGER opportunity_reference_fill AFTER INSERT ON opportunities_opportunity
       WHEN NEW.reference = ''
       BEGIN UPDATE opportunities_opportunity SET reference = printf('D-%06d', NEW.id)
             WHERE id = NEW.id; END;""",
]
POSTGRES = [
    # The id's default (its sequence) is applied before BEFORE triggers run.
    """CREATE OR REPLACE FUNCTION opportunity_reference_fill() RETURNS trigger AS $$
       BEGIN
         IF NEW.reference = '' THEN
           NEW.reference := 'D-' || CASE WHEN NEW.id < 1000000
                                         THEN lpad(NEW.id::text, 6, '0')
                                         ELSE NEW.id::text END;
         END IF;
         RETURN NEW;
       END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER opportunity_reference_fill BEFORE INSERT ON opportunities_opportunity
       FOR EACH ROW EXECUTE FUNCTION opportunity_reference_fill();""",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": SQLITE, "postgresql": POSTGRES}.get(vendor, []):
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS opportunity_reference_fill;")
    elif vendor == "postgresql":
        schema_editor.execute(
            "DROP TRIGGER IF EXISTS opportunity_reference_fill ON opportunities_opportunity;"
        )
        schema_editor.execute("DROP FUNCTION IF EXISTS opportunity_reference_fill();")


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0002_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
