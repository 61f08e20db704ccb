"""Database triggers that refuse UPDATE and DELETE on audit events.

The ORM already refuses them; the triggers also stop raw SQL and other clients, so the
trail is append-only at every level the application controls.
"""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
    """CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit events are append-only'; END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_auditevent
       FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();""",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE, "postgresql": POSTGRES}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_event_no_update;")
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_event_no_delete;")
    elif vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_event_no_update ON audit_auditevent;")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
