"""Inserting many rows of one model in one statement, cheaply in Python.

`bulk_insert(model, objs)` does what `QuerySet.bulk_create(objs)` does for plain models
(fields' `pre_save`, one INSERT, primary keys set on the instances), and on PostgreSQL
sends the rows as one JSON document read by `jsonb_to_recordset`. Django's own bulk
insert on PostgreSQL sends one array per column, which psycopg escapes in Python, one
regular-expression substitution for every double quote of every JSON value: a batch of
100 screenings (their snapshots, findings and basis) spent most of its insert there.
One JSON document is encoded by orjson (`hrdd.jsontext`) and escaped once by libpq.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import json
import uuid
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connection, models, router
from django.db.models import signals
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query_utils import DeferredAttribute
from django.utils.functional import Promise

from hrdd import jsontext
from hrdd.related_ready import related_ready as _related_ready

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


class _Moment:
    """A date-time column's preparation: None and aware date-times go in as they are
    (PostgreSQL's own preparation returns them unchanged), anything else through the
    field (a naive value is made aware, with Django's warning). A registration writes
    18 such values; the field's path through its checks and the adapter took 0.015 ms each."""

    __slots__ = ("field",)

    def __init__(self, field: models.Field):
        self.field = field

    def get_db_prep_save(self, value, connection):
        if value is None or (type(value) is datetime.datetime and value.tzinfo is not None):
            return value
        return self.field.get_db_prep_save(value, connection)


def _reader(field: models.Field):
    """How a field's value goes into the document: as it is (plain and JSON values, a JSON
    value nested rather than encoded twice) or as the database adapter prepares it."""
    kind = field.get_internal_type()
    if kind in _PLAIN or (kind == "JSONField" and field.encoder is None):
        return None
    if kind == "DateTimeField" and type(field) is models.DateTimeField:
        return _Moment(field)
    return field


def _document(rows: list[dict]) -> str:
    return jsontext.dumps(rows, default=_jsonable)


# Where an instance keeps the JSON text of values set by `json_value` (attname: text).
_ENCODED = "_bulk_encoded_json"


def json_value(obj, attname: str, value) -> None:
    """Set JSON field `attname` of unsaved `obj` to `value` as the database gives it back
    (encoded, non-JSON values as `str`, and decoded again: lists for tuples, text for
    amounts), keeping the encoded text so that `bulk_insert` sends it as it is instead of
    encoding the value a second time. Set it last: a value changed after this call would
    be inserted as it was when set. `save()` reads the value, not the text."""
    text, read = jsontext.dumps_read(value, default=str)
    obj.__dict__.setdefault(_ENCODED, {})[attname] = text
    setattr(obj, attname, read)


def _row_text(row: dict, encoded: dict[str, str]) -> str:
    """One row of the document: `row` encoded, with the already encoded JSON values
    (`json_value`) written in as they are."""
    text = jsontext.dumps(row, default=_jsonable)
    extra = ",".join(f"{json.dumps(name)}:{value}" for name, value in encoded.items())
    return text[:-1] + ("," if row else "") + extra + "}"


def _document_of(rows: list[dict], encoded: list[dict | None]) -> str:
    if not any(encoded):
        return _document(rows)
    return (
        "["
        + ",".join(
            _row_text(r, e) if e else _document(r) for r, e in zip(rows, encoded, strict=True)
        )
        + "]"
    )


def _db_type(field: models.Field) -> str:
    return (field.target_field if field.is_relation else field).db_type(connection)


def _readers(model: type[models.Model], skip: str = "") -> list[tuple]:
    """(field, attname, how to read its value) for each column an INSERT of `model` writes
    (all but the auto primary key, generated columns and `skip`)."""
    opts = model._meta
    return [
        (f, f.attname, _reader(f))
        for f in opts.local_concrete_fields
        if f is not opts.auto_field and not f.generated and f.attname != skip
    ]


def _values(obj, readers: list[tuple], skip=()) -> dict:
    row = {}
    for f, name, prepare in readers:
        if name in skip:
            continue
        value = f.pre_save(obj, True)
        row[name] = value if prepare is None else prepare.get_db_prep_save(value, connection)
    return row


def _recordset(readers: list[tuple]) -> tuple[str, str, str]:
    """The column list, the `v.` selections and the `jsonb_to_recordset` column types."""
    quote = connection.ops.quote_name
    return (
        ", ".join(quote(f.column) for f, _, _ in readers),
        ", ".join(f"v.{quote(name)}" for _, name, _ in readers),
        ", ".join(f"{quote(name)} {_db_type(f)}" for f, name, _ in readers),
    )


@functools.cache
def _insert_statement(model: type[models.Model]) -> tuple[list, str]:
    """The INSERT of `model`'s rows from one JSON document, and how to read each column's
    value (built once per model: a registration inserts rows of three models)."""
    opts = model._meta
    readers = _readers(model)
    columns, names, types = _recordset(readers)
    quote = connection.ops.quote_name
    # Identifiers come from the model's options, never from input.
    sql = (
        f"INSERT INTO {quote(opts.db_table)} ({columns}) SELECT {names} "  # noqa: S608
        f"FROM jsonb_to_recordset(%s::jsonb) AS v({types}) RETURNING {quote(opts.pk.column)}"
    )
    return readers, sql


def bulk_insert(model: type[models.Model], objs: list, documents: list[str] | None = None) -> list:
    """Insert unsaved `objs` of `model` in one statement (in their order) and set their
    primary keys; returns `objs`. Elsewhere than PostgreSQL, `bulk_create`.

    `documents`, when the caller has encoded the rows already (an audit event's signed
    body): each object's row as a JSON object, every inserted column by attribute name
    and already prepared; used as they are on PostgreSQL, not read from `objs`."""
    if not objs:
        return objs
    opts = model._meta
    if connection.vendor != "postgresql" or opts.parents:
        if _values_insert_fits(model, objs):
            return _values_insert(model, objs)
        return model.objects.bulk_create(objs)
    sql, params = insert_statement(model, objs, documents)
    with connection.cursor() as cur:
        cur.execute(sql, params)
        inserted(objs, [r[0] for r in cur.fetchall()])
    return objs


def insert_statement(
    model: type[models.Model],
    objs: list,
    documents: list[str] | None = None,
    given: dict[str, tuple[str, list]] | None = None,
) -> tuple[str, list]:
    """PostgreSQL: the `INSERT … RETURNING <pk>` of unsaved `objs` of `model` (one JSON
    document) and its parameters, for a caller that sends it inside a larger statement;
    `inserted` then sets the primary keys it returned. `documents` as for `bulk_insert`.
    `given`: attribute name: (SQL expression, its parameters) written instead of the
    objects' value of that column (an expression reading an earlier part of the statement)."""
    readers, sql = _insert_statement(model)
    before = []
    for name, (expression, params) in (given or {}).items():
        selected = f"v.{connection.ops.quote_name(name)}"
        if sql.count(selected) != 1:
            raise ValueError(f"{name} is not a column {model.__name__}'s INSERT writes")
        sql = sql.replace(selected, expression)
        before += params  # the SELECT list comes before the document
    if documents is not None:
        return sql, [*before, f"[{','.join(documents)}]"]
    rows, encoded = [], []
    for obj in objs:
        _related_ready(obj, "bulk_insert")
        texts = obj.__dict__.pop(_ENCODED, None)
        rows.append(_values(obj, readers, skip=texts or ()))
        encoded.append(texts)
    return sql, [*before, _document_of(rows, encoded)]


def inserted(objs: list, ids: list) -> None:
    """Mark `objs` saved with the primary keys their INSERT returned, in order."""
    if not objs:
        return
    pk = objs[0]._meta.pk
    for obj, pk_value in zip(objs, ids, strict=True):
        setattr(obj, pk.attname, pk_value)
        obj._state.adding = False
        obj._state.db = connection.alias


@dataclass(frozen=True)
class InsertedFirst:
    """A new row given as the value of a foreign key an UPDATE writes (a new deal's first
    screening, written with its first status): on PostgreSQL inserted by the UPDATE's own
    statement (`WITH … INSERT`, one round trip instead of two), elsewhere just before it.
    Either way `obj` has its primary key once the UPDATE ran."""

    obj: models.Model


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


@functools.cache
def _with_children_statement(
    model: type[models.Model], children: tuple[tuple[str, type[models.Model]], ...]
) -> tuple[list, list[list], str]:
    """The `WITH … INSERT` of a `model` row and of its children's rows (`(foreign key
    attname, child model)` each, in order), one JSON document each; built once per shape.
    Returns the parent's readers, each child's readers and the statement, whose rows are
    (child number, 0 for the parent, position, primary key)."""
    quote = connection.ops.quote_name
    parent_pk = quote(model._meta.pk.column)
    readers = _readers(model)
    columns, names, types = _recordset(readers)
    # Identifiers come from the models' options, never from input.
    ctes = [
        f"p AS (INSERT INTO {quote(model._meta.db_table)} ({columns}) "  # noqa: S608
        f"SELECT {names} FROM jsonb_to_recordset(%s::jsonb) AS v({types}) "
        f"RETURNING {parent_pk})"
    ]
    picks = [f"SELECT 0, 0, {parent_pk} FROM p"]  # noqa: S608
    child_readers = []
    for i, (fk, child) in enumerate(children, start=1):
        cols = _readers(child, skip=fk)
        child_readers.append(cols)
        columns, names, types = _recordset(cols)
        fk_column = quote(child._meta.get_field(fk.removesuffix("_id")).column)
        ctes.append(
            f"c{i} AS (INSERT INTO {quote(child._meta.db_table)} "  # noqa: S608
            f"({fk_column}, {columns}) SELECT p.{parent_pk}, {names} "
            f"FROM p, jsonb_to_recordset(%s::jsonb) AS v({types}) "
            f"RETURNING {quote(child._meta.pk.column)}, {quote('position')})"
        )
        child_pk = quote(child._meta.pk.column)
        picks.append(f"SELECT {i}, {quote('position')}, {child_pk} FROM c{i}")  # noqa: S608
    return readers, child_readers, f"WITH {', '.join(ctes)} {' UNION ALL '.join(picks)}"


def insert_with_children(parent, children: list[tuple[str, list]]) -> None:
    """Insert unsaved `parent` and its unsaved children (`(foreign key attname, objs)` per
    child model, each child having a `position`) and set every primary key and each
    child's foreign key. On PostgreSQL in one statement (`WITH … INSERT`: one round trip
    for a deal, its lines and its channel); elsewhere a save and a `bulk_create` each."""
    if connection.vendor != "postgresql":
        # One statement per model, each built once (see `_values_insert`).
        bulk_insert(type(parent), [parent])
        for fk, objs in children:
            for obj in objs:
                setattr(obj, fk, parent.pk)
            if objs:
                bulk_insert(type(objs[0]), objs)
        return
    _related_ready(parent, "insert_with_children")
    present = [(fk, objs) for fk, objs in children if objs]
    readers, child_readers, sql = _with_children_statement(
        type(parent), tuple((fk, type(objs[0])) for fk, objs in present)
    )
    params = [_document([_values(parent, readers)])]
    for cols, (_, objs) in zip(child_readers, present, strict=True):
        params.append(_document([_values(obj, cols) for obj in objs]))
    with connection.cursor() as cur:
        cur.execute(sql, params)
        ids = {(kind, position): pk for kind, position, pk in cur.fetchall()}
    parent.pk = ids[(0, 0)]
    parent._state.adding, parent._state.db = False, connection.alias
    for i, (fk, objs) in enumerate(present, start=1):
        for obj in objs:
            setattr(obj, fk, parent.pk)
            obj.pk = ids[(i, obj.position)]
            obj._state.adding, obj._state.db = False, connection.alias


@functools.cache
def _construction(model: type[models.Model]) -> tuple | None:
    """How `unsaved` fills a `model` instance: (field, name, attname, relation) for each
    stored column, in the constructor's order; None when the model needs the constructor
    itself (a field with its own way of being set)."""
    plain = (DeferredAttribute, ForeignKeyDeferredAttribute)
    out = []
    for f in model._meta.fields:
        if f.column is None or f.generated:
            continue
        if type(model.__dict__.get(f.attname)) not in plain or f.one_to_one:
            return None
        relation = f.remote_field.model if f.is_relation else None
        out.append((f, f.name, f.attname, relation))
    return tuple(out)


def unsaved(model: type[models.Model], **values) -> models.Model:
    """`model(**values)` for stored fields given by name (a related object or None) or by
    attname, built without the constructor's general path: the same instance (values,
    defaults for the rest, related objects cached, adding state), at a fraction of its
    cost. A promoted deal builds about ten such rows; the constructor was an eighth of
    its worker's CPU. Any other keyword, or a model `_construction` declines, goes
    through the constructor."""
    fields = _construction(model)
    # Init signals are asked on every call (a cached lookup): a receiver connected after
    # the first row was built still hears of the next.
    # `receivers` first: with none connected to either (as here) the lookup is skipped.
    if (
        fields is None
        or router.routers
        or (signals.pre_init.receivers and signals.pre_init.has_listeners(model))
        or (signals.post_init.receivers and signals.post_init.has_listeners(model))
    ):
        return model(**values)
    obj = model.__new__(model)
    state = obj._state = ModelState()
    row = obj.__dict__
    given = 0
    for f, name, attname, relation in fields:
        if relation is not None and name in values:
            related = values[name]
            given += 1
            if related is None:
                row[attname] = None
            elif isinstance(related, relation):
                row[attname] = getattr(related, f.target_field.attname)
                # As the related descriptor does without routers: both on one database.
                if state.db is None:
                    state.db = related._state.db or DEFAULT_DB_ALIAS
                if related._state.db is None:
                    related._state.db = state.db
                elif related._state.db != state.db:
                    return model(**values)  # the constructor says what is wrong
            else:
                return model(**values)
            state.fields_cache[name] = related
        elif attname in values:
            row[attname] = values[attname]
            given += 1
        else:
            row[attname] = f.get_default()
    if given != len(values):
        return model(**values)  # a property or an unknown name: the constructor's
    return obj


# Elsewhere than PostgreSQL (SQLite): an `INSERT … VALUES … RETURNING` built once per
# model and number of rows, with each value prepared as Django's compiler prepares it
# (`pre_save`, then `get_db_prep_save`; values of the plain types the driver takes as they
# are). `bulk_create` compiles its statement on every call: on SQLite a registration's
# five inserts spent about as much in that as in the rows' own writing.
_AS_IS = frozenset({str, int, bool, float, type(None)})


def _values_insert_fits(model: type[models.Model], objs: list) -> bool:
    """Whether `_values_insert` may take these rows: SQLite with RETURNING (3.35 on), a
    model of its own table, no primary key given, and few enough rows for one statement."""
    return (
        connection.vendor == "sqlite"
        and connection.features.can_return_rows_from_bulk_insert
        and not model._meta.parents
        and len(objs) * _column_count(model) <= connection.features.max_query_params
        and all(obj.pk is None for obj in objs)
    )


@functools.cache
def _column_count(model: type[models.Model]) -> int:
    return len(_readers(model))


@functools.cache
def _values_statement(model: type[models.Model], rows: int) -> tuple[list, str]:
    opts = model._meta
    readers = [(f, name, f.get_internal_type() in _PLAIN) for f, name, _ in _readers(model)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f, _, _ in readers)
    one = "(" + ", ".join(["%s"] * len(readers)) + ")"
    # Identifiers come from the model's options, never from input.
    sql = (
        f"INSERT INTO {quote(opts.db_table)} ({columns}) VALUES "  # noqa: S608
        f"{', '.join([one] * rows)} RETURNING {quote(opts.pk.column)}"
    )
    return readers, sql


def _values_insert(model: type[models.Model], objs: list) -> list:
    readers, sql = _values_statement(model, len(objs))
    params = []
    for obj in objs:
        _related_ready(obj, "bulk_insert")
        texts = obj.__dict__.pop(_ENCODED, None) or {}
        for f, name, plain in readers:
            if name in texts:  # encoded already (`json_value`): the same JSON, sent as it is
                params.append(texts[name])
                continue
            value = f.pre_save(obj, True)
            if not (plain and type(value) in _AS_IS):
                if hasattr(value, "resolve_expression"):  # an expression: Django compiles it
                    return model.objects.bulk_create(objs)
                value = f.get_db_prep_save(value, connection)
            params.append(value)
    with connection.cursor() as cur:
        cur.execute(sql, params)
        ids = [r[0] for r in cur.fetchall()]
    pk = model._meta.pk
    for obj, pk_value in zip(objs, ids, strict=True):
        setattr(obj, pk.attname, pk_value)
        obj._state.adding = False
        obj._state.db = connection.alias
    return objs
