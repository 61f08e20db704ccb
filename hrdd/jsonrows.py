"""A child table's rows as one JSON value in the parent's row: one round trip for a
record and its short lists (a deal's lines and channel) instead of one per list.

PostgreSQL builds it with jsonb_agg, SQLite with json_group_array; each row is a JSON
array of the fields asked for, in that order. Neither orders an aggregate portably
(SQLite before 3.44 has no ORDER BY inside one), so callers ask for a position field
and sort in Python.
"""

from __future__ import annotations

from django.db.models import Aggregate, F, Func, JSONField, OuterRef, Subquery


class _JSONRow(Func):
    function = "JSONB_BUILD_ARRAY"
    output_field = JSONField()

    def as_sqlite(self, compiler, connection, **extra):
        # A JSON column is text on SQLite: json() embeds it as JSON, not as a string.
        copy = self.copy()
        copy.set_source_expressions(
            [
                Func(e, function="JSON") if _is_json(e, compiler) else e
                for e in copy.get_source_expressions()
            ]
        )
        return super(_JSONRow, copy).as_sql(compiler, connection, function="JSON_ARRAY", **extra)


class _JSONRows(Aggregate):
    # jsonb, not json: Django decodes jsonb text itself; psycopg would hand json over
    # already decoded, which JSONField does not expect.
    function = "JSONB_AGG"
    output_field = JSONField()

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra)


def _is_json(expression, compiler) -> bool:
    try:
        return isinstance(expression.output_field, JSONField)
    except AttributeError:
        return False


def json_rows(model, parent_field: str, *fields: str) -> Subquery:
    """`model`'s rows pointing at the outer row through `parent_field`, as a JSON list of
    lists of `fields` (None when there are none)."""
    rows = (
        model.objects.filter(**{parent_field: OuterRef("pk")})
        .order_by()
        .values(parent_field)
        .annotate(rows=_JSONRows(_JSONRow(*(F(f) for f in fields))))
        .values("rows")
    )
    return Subquery(rows, output_field=JSONField())
