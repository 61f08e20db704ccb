"""Inserting many rows of one model in one statement, cheaply in Python.

`bulk_insert(model, objs)` does what `QuerySet.bulk_create(objs)` does for plain models
(fields' `pre_save`, one INSERT, primary keys set on the instances), and on PostgreSQL
sends the rows as one JSON document read by `jsonb_to_recordset`. Django's own bulk
insert on PostgreSQL sends one array per column, which psycopg escapes in Python, one
regular-expression substitution for every double quote of every JSON value: a batch of
100 screenings (their snapshots, findings and basis) spent most of its insert there.
One JSON document is encoded by the C encoder and escaped once by libpq.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import json
import uuid

from django.db import connection, models
from django.utils.functional import Promise

# Values of these types go into the document as they are (after `pre_save`).
_PLAIN = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "EmailField",
        "ForeignKey",
        "IntegerField",
        "OneToOneField",
        "PositiveBigIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SlugField",
        "SmallAutoField",
        "SmallIntegerField",
        "TextField",
    }
)


def _jsonable(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID | Promise):
        return str(value)
    raise TypeError(f"{type(value).__name__} cannot be inserted through bulk_insert")


def _reader(field: models.Field):
    """How a field's value goes into the document: as it is (plain and JSON values, a JSON
    value nested rather than encoded twice) or as the database adapter prepares it."""
    kind = field.get_internal_type()
    if kind in _PLAIN or (kind == "JSONField" and field.encoder is None):
        return None
    return field


def _document(rows: list[dict]) -> str:
    return json.dumps(rows, default=_jsonable, separators=(",", ":"))


def _db_type(field: models.Field) -> str:
    return (field.target_field if field.is_relation else field).db_type(connection)


@functools.cache
def _insert_statement(model: type[models.Model]) -> tuple[list, str]:
    """The INSERT of `model`'s rows from one JSON document, and how to read each column's
    value (built once per model: a registration inserts rows of three models)."""
    opts = model._meta
    fields = [f for f in opts.local_concrete_fields if f is not opts.auto_field and not f.generated]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    names = ", ".join(f"v.{quote(f.attname)}" for f in fields)
    types = ", ".join(f"{quote(f.attname)} {_db_type(f)}" for f in fields)
    # Identifiers come from the model's options, never from input.
    sql = (
        f"INSERT INTO {quote(opts.db_table)} ({columns}) SELECT {names} "  # noqa: S608
        f"FROM jsonb_to_recordset(%s::jsonb) AS v({types}) RETURNING {quote(opts.pk.column)}"
    )
    return [(f, f.attname, _reader(f)) for f in fields], sql


def bulk_insert(model: type[models.Model], objs: list) -> list:
    """Insert unsaved `objs` of `model` in one statement (in their order) and set their
    primary keys; returns `objs`. Elsewhere than PostgreSQL, `bulk_create`."""
    if not objs:
        return objs
    opts = model._meta
    if connection.vendor != "postgresql" or opts.parents:
        return model.objects.bulk_create(objs)
    readers, sql = _insert_statement(model)
    rows = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_insert")
        row = {}
        for f, name, prepare in readers:
            value = f.pre_save(obj, True)
            row[name] = value if prepare is None else prepare.get_db_prep_save(value, connection)
        rows.append(row)
    pk = opts.pk
    with connection.cursor() as cur:
        cur.execute(sql, [_document(rows)])
        ids = [r[0] for r in cur.fetchall()]
    for obj, pk_value in zip(objs, ids, strict=True):
        setattr(obj, pk.attname, pk_value)
        obj._state.adding = False
        obj._state.db = connection.alias
    return objs


def bulk_set(model: type[models.Model], objs: list, fields: list[str]) -> int:
    """Write `fields` of saved `objs` in one UPDATE, like `QuerySet.bulk_update`; returns
    how many rows matched. On PostgreSQL the values travel as one JSON document (Django's
    `bulk_update` builds a CASE per row and field, costly to build and to plan)."""
    if not objs:
        return 0
    if connection.vendor != "postgresql":
        return model.objects.bulk_update(objs, fields)
    opts = model._meta
    targets = [opts.get_field(name) for name in fields]
    readers = [(f.attname, _reader(f)) for f in targets]
    rows = []
    for obj in objs:
        row = {"pk": obj.pk}
        for name, prepare in readers:
            value = getattr(obj, name)
            row[name] = value if prepare is None else prepare.get_db_prep_save(value, connection)
        rows.append(row)
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(f.column)} = v.{quote(f.attname)}" for f in targets)
    types = ", ".join(f"{quote(f.attname)} {_db_type(f)}" for f in targets)
    # Identifiers come from the model's options, never from input.
    sql = (
        f"UPDATE {quote(opts.db_table)} AS t SET {assignments} "  # noqa: S608
        f"FROM jsonb_to_recordset(%s::jsonb) AS v(pk {_db_type(opts.pk)}, {types}) "
        f"WHERE t.{quote(opts.pk.column)} = v.pk"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [_document(rows)])
        return cur.rowcount


def _columns(model: type[models.Model], skip: str = "") -> list[models.Field]:
    opts = model._meta
    return [
        f
        for f in opts.local_concrete_fields
        if f is not opts.auto_field and not f.generated and f.attname != skip
    ]


def _row(obj, fields: list[models.Field]) -> dict:
    row = {}
    for f in fields:
        value = f.pre_save(obj, True)
        prepare = _reader(f)
        row[f.attname] = value if prepare is None else prepare.get_db_prep_save(value, connection)
    return row


def insert_with_children(parent, children: list[tuple[str, list]]) -> None:
    """Insert unsaved `parent` and its unsaved children (`(foreign key attname, objs)` per
    child model, each child having a `position`) and set every primary key and each
    child's foreign key. On PostgreSQL in one statement (`WITH … INSERT`: one round trip
    for a deal, its lines and its channel); elsewhere a save and a `bulk_create` each."""
    if connection.vendor != "postgresql":
        parent.save(force_insert=True)
        for fk, objs in children:
            for obj in objs:
                setattr(obj, fk, parent.pk)
            if objs:
                type(objs[0]).objects.bulk_create(objs)
        return
    quote = connection.ops.quote_name
    parent._prepare_related_fields_for_save(operation_name="insert_with_children")
    model = type(parent)
    fields = _columns(model)
    params = [_document([_row(parent, fields)])]
    # Identifiers come from the models' options, never from input.
    ctes = [
        f"p AS (INSERT INTO {quote(model._meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(f.column) for f in fields)}) "
        f"SELECT {', '.join('v.' + quote(f.attname) for f in fields)} FROM jsonb_to_recordset("
        f"%s::jsonb) AS v({', '.join(quote(f.attname) + ' ' + _db_type(f) for f in fields)}) "
        f"RETURNING {quote(model._meta.pk.column)})"
    ]
    picks = [f"SELECT 0, 0, {quote(model._meta.pk.column)} FROM p"]  # noqa: S608
    for i, (fk, objs) in enumerate(children, start=1):
        if not objs:
            continue
        child = type(objs[0])
        cols = _columns(child, skip=fk)
        fk_column = child._meta.get_field(fk.removesuffix("_id")).column
        params.append(_document([_row(obj, cols) for obj in objs]))
        ctes.append(
            f"c{i} AS (INSERT INTO {quote(child._meta.db_table)} "  # noqa: S608
            f"({quote(fk_column)}, {', '.join(quote(f.column) for f in cols)}) "
            f"SELECT p.{quote(model._meta.pk.column)}, "
            f"{', '.join('v.' + quote(f.attname) for f in cols)} FROM p, jsonb_to_recordset("
            f"%s::jsonb) AS v({', '.join(quote(f.attname) + ' ' + _db_type(f) for f in cols)}) "
            f"RETURNING {quote(child._meta.pk.column)}, {quote('position')})"
        )
        pk_column = quote(child._meta.pk.column)
        picks.append(f"SELECT {i}, {quote('position')}, {pk_column} FROM c{i}")  # noqa: S608
    sql = f"WITH {', '.join(ctes)} {' UNION ALL '.join(picks)}"
    with connection.cursor() as cur:
        cur.execute(sql, params)
        ids = {(kind, position): pk for kind, position, pk in cur.fetchall()}
    parent.pk = ids[(0, 0)]
    parent._state.adding, parent._state.db = False, connection.alias
    for i, (fk, objs) in enumerate(children, start=1):
        for obj in objs:
            setattr(obj, fk, parent.pk)
            obj.pk = ids[(i, obj.position)]
            obj._state.adding, obj._state.db = False, connection.alias
