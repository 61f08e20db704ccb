"""One record read through SQL compiled once per shape of its scope.

Building and compiling a deal's query (four tables joined, about 80 columns) cost more
than half of a detail request's CPU, while the database ran it in a tenth of a
millisecond. A `CompiledRead` compiles it once per process and per *shape* of the scope
it reads from, and afterwards only compiles the scope's WHERE clause (a few conditions)
to get that request's values.

The scope is the caller's own queryset, built on every request by its policy (e.g.
`opportunities_visible_to(user).filter(pk=pk)`): the rule of who sees what stays there,
whole. Its compiled WHERE text and joins are the cache key and its parameters are the
request's values, so two viewers share compiled SQL only when their scopes differ in
values alone (two partners of different organisations), and each request runs with its
own viewer's values. A scope that is more than filters (annotations, ordering, slices,
...) is read through the ORM as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

# Shapes come from the policies' branches (a handful); this only bounds a mistake.
MAX_SHAPES = 64


@dataclass(frozen=True)
class _Compiled:
    sql: str
    before: tuple  # parameters of the SELECT before the WHERE clause (the reading's own)
    after: tuple  # and after it (none for a plain read)
    model: type[Model]
    init_list: list[str]
    start: int
    end: int
    populators: list
    annotations: dict[str, int]
    converters: list


class CompiledRead:
    """`reading(scope)` adds what is read to a scope (select_related, annotations, a
    slice); `first(scope)` returns the first row as `reading(scope)` would, compiled once
    per shape of `scope`. `reading` must depend on nothing but its scope."""

    def __init__(self, reading: Callable[[QuerySet], QuerySet]):
        self._reading = reading
        self._shapes: dict[tuple, _Compiled | None] = {}

    def first(self, scope: QuerySet) -> Model | None:
        query = scope.query
        if not _only_filters(query):
            return next(iter(self._reading(scope)), None)
        connection = connections[scope.db]
        try:
            where, params = query.get_compiler(scope.db).compile(query.where)
        except EmptyResultSet:  # e.g. `.none()`: nothing to read, as the ORM would
            return None
        except FullResultSet:
            where, params = "", []
        key = (connection.alias, where, _joins(query))
        compiled = self._shapes.get(key)
        if compiled is None:
            if key in self._shapes or len(self._shapes) >= MAX_SHAPES:
                return next(iter(self._reading(scope)), None)
            compiled = self._compile(scope, where, params)
            self._shapes[key] = compiled  # a race compiles one shape twice, no harm
            if compiled is None:
                return next(iter(self._reading(scope)), None)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, (*compiled.before, *params, *compiled.after))
            row = cursor.fetchone()
        return None if row is None else _instance(compiled, list(row), scope.db, connection)

    def shapes(self) -> int:
        """How many shapes are compiled (for tests)."""
        return sum(1 for c in self._shapes.values() if c is not None)

    def _compile(self, scope: QuerySet, where: str, params: list) -> _Compiled | None:
        """The reading's SQL with this scope's WHERE clause at a known place among its
        parameters; None (read through the ORM) when the two cannot be told apart."""
        qs = self._reading(scope)
        compiler = qs.query.get_compiler(qs.db)
        sql, all_params = compiler.as_sql()
        own_where, own_params = compiler.compile(compiler.where) if where else ("", [])
        at = sql.find(f" WHERE {where}") if where else -1
        if (
            own_where != where
            or list(own_params) != list(params)
            or sql.count("%s") != len(all_params)
            or (where and (at < 0 or sql.count(f" WHERE {where}") != 1))
        ):
            return None
        first = sql[:at].count("%s") if where else len(all_params)
        if tuple(all_params[first : first + len(params)]) != tuple(params):
            return None
        select, info = compiler.select, compiler.klass_info
        fields = info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        converters = compiler.get_converters([s[0] for s in select[: compiler.col_count]])
        return _Compiled(
            sql=sql,
            before=tuple(all_params[:first]),
            after=tuple(all_params[first + len(params) :]),
            model=info["model"],
            init_list=[f[0].target.attname for f in select[start:end]],
            start=start,
            end=end,
            populators=get_related_populators(info, select, qs.db),
            annotations=dict(compiler.annotation_col_map or {}),
            converters=list(converters.items()),
        )


def _only_filters(query) -> bool:
    """A scope that is the model's rows filtered, nothing else."""
    return not (
        query.annotations
        or query.distinct
        or query.extra
        or query.extra_tables
        or query.order_by
        or query.select_related
        or query.values_select
        or query.combinator
        or query.low_mark
        or query.high_mark is not None
        or query.group_by is not None
        or query.deferred_loading != (frozenset(), True)
    )


def _joins(query) -> tuple:
    """The scope's tables and how they are joined (filters across a relation join)."""
    return tuple(
        (alias, j.table_name, getattr(j, "join_type", None), getattr(j, "parent_alias", None))
        for alias, j in query.alias_map.items()
    )


def _instance(compiled: _Compiled, row: list, db: str, connection) -> Model:
    """What Django's ModelIterable makes of one row, with the converters found once."""
    for pos, (convs, expression) in compiled.converters:
        value = row[pos]
        for convert in convs:
            value = convert(value, expression, connection)
        row[pos] = value
    obj = compiled.model.from_db(db, compiled.init_list, row[compiled.start : compiled.end])
    for populator in compiled.populators:
        populator.populate(row, obj)
    for name, pos in compiled.annotations.items():
        setattr(obj, name, row[pos])
    return obj
