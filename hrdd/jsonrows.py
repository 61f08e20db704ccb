"""A child table's rows as one JSON value in the parent's row: one round trip for a
record and its short lists (a deal's lines and channel) instead of one per list.

PostgreSQL builds it with jsonb_agg, SQLite with json_group_array; each row is a JSON
array of the fields asked for, in that order. Neither orders an aggregate portably
(SQLite before 3.44 has no ORDER BY inside one), so callers ask for a position field
and sort in Python.

The SQL is written from the models' metadata once per process and added as raw SQL: the
ORM's own subquery took longer to build, every request, than the database took to run
the whole statement. It has no parameters, so nothing from a request reaches it.
"""

from __future__ import annotations

from functools import cache

from django.db import connection
from django.db.models import JSONField
from django.db.models.expressions import RawSQL


def json_rows(model, parent_field: str, *fields: str, parent_table: str = "") -> RawSQL:
    """`model`'s rows pointing, through `parent_field`, at the outer query's row (of
    `parent_table`, by default the table the foreign key points to), as a JSON list of
    lists of `fields`; None when there are none."""
    return RawSQL(
        _sql(connection.vendor, model, parent_field, fields, parent_table), (), JSONField()
    )


@cache
def _sql(vendor: str, model, parent_field: str, fields: tuple[str, ...], parent_table: str) -> str:
    meta = model._meta
    fk = meta.get_field(parent_field)
    outer = connection.ops.quote_name(parent_table or fk.related_model._meta.db_table)
    quote = connection.ops.quote_name
    columns = []
    for name in fields:
        field = meta.get_field(name)
        column = f"c.{quote(field.column)}"
        # A JSON column is text on SQLite: json() embeds it as JSON, not as a string.
        if vendor == "sqlite" and isinstance(field, JSONField):
            column = f"json({column})"
        columns.append(column)
    row, agg = (
        ("json_array", "json_group_array")
        if vendor == "sqlite"
        else (
            "jsonb_build_array",
            # jsonb, not json: Django decodes jsonb text itself; psycopg would hand json
            # over already decoded, which JSONField does not expect.
            "jsonb_agg",
        )
    )
    # Names from the models' metadata, quoted; no value from a request.
    return (
        f"SELECT {agg}({row}({', '.join(columns)})) FROM {quote(meta.db_table)} c "  # noqa: S608
        f"WHERE c.{quote(fk.column)} = {outer}.{quote(fk.target_field.column)}"
    )
