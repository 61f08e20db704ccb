"""Database triggers that refuse UPDATE and DELETE on audit events and the chain's seals.

The ORM already refuses them; the triggers also stop raw SQL and other clients, so the
trail is append-only at every level the application controls. (Someone who owns the
database can still lift them: the keyed hashes and the checkpoints catch what they do.)
"""

TABLES = ("audit_auditevent", "audit_auditseal")

SQLITE_CREATE = [
    sql
    for table in TABLES
    for sql in (
        f"""CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
        f"""CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
    )
]
SQLITE_DROP = [
    # the names of the first version's triggers, then ours
    "DROP TRIGGER IF EXISTS audit_event_no_update",
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
    *(f"DROP TRIGGER IF EXISTS {t}_no_{op}" for t in TABLES for op in ("update", "delete")),
]
POSTGRES_CREATE = [
    """CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit events are append-only'; END; $$ LANGUAGE plpgsql;""",
    *(
        f"""CREATE TRIGGER {t}_no_change BEFORE UPDATE OR DELETE ON {t}
            FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();"""
        for t in TABLES
    ),
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS audit_event_no_update ON audit_auditevent",
    *(f"DROP TRIGGER IF EXISTS {t}_no_change ON {t}" for t in TABLES),
]


def create(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}.get(vendor, []):
        schema_editor.execute(sql)


def drop(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(vendor, []):
        schema_editor.execute(sql)
