"""PostgreSQL triggers that refuse deleting a decided deal's record outside the purge.

The ORM guard (`records.retention`) covers the application; these cover raw SQL and other
clients. They cannot read the retention settings, so they are stricter: any row of a deal
that has a decision is refused unless the purge service, having checked the period, set
`hrdd.retention_purge` for its own transaction. SQLite has no such session setting; there
the ORM guard is the only one.
"""

# table -> SQL giving the deal's id from OLD
TABLES = {
    "opportunities_opportunity": "OLD.id",
    "rules_screening": "OLD.opportunity_id",
    "reviews_reviewcase": "OLD.opportunity_id",
    "reviews_decision": "OLD.opportunity_id",
    "reviews_casecondition": "OLD.opportunity_id",
    "reviews_informationrequest": (
        "(SELECT c.opportunity_id FROM reviews_reviewcase c WHERE c.id = OLD.case_id)"
    ),
    "records_authoritynotification": "OLD.opportunity_id",
}


def _function(table: str, deal: str) -> str:
    # Table names and expressions come from TABLES above, never from input.
    return f"""CREATE OR REPLACE FUNCTION {table}_retained() RETURNS trigger AS $$
       BEGIN
         IF coalesce(current_setting('hrdd.retention_purge', true), '') <> 'on'
            AND EXISTS (SELECT 1 FROM reviews_decision d WHERE d.opportunity_id = {deal}) THEN
           RAISE EXCEPTION 'part of a decided deal''s record: kept for its retention period';
         END IF;
         RETURN OLD;
       END; $$ LANGUAGE plpgsql;"""  # noqa: S608


POSTGRES_CREATE = [
    sql
    for table, deal in TABLES.items()
    for sql in (
        _function(table, deal),
        f"""CREATE TRIGGER {table}_retained BEFORE DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_retained();""",
    )
]
POSTGRES_DROP = [
    sql
    for table in TABLES
    for sql in (
        f"DROP TRIGGER IF EXISTS {table}_retained ON {table}",
        f"DROP FUNCTION IF EXISTS {table}_retained()",
    )
]


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_CREATE:
            schema_editor.execute(sql)


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_DROP:
            schema_editor.execute(sql)
