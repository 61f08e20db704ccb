"""Reads the ORM compiles once per shape, run with new values each time.

For the few reads every request makes (the API token, a deal's organisations, the deal
itself), building and compiling the query cost more than the database spent answering it
(4.7 ms of a deal detail's 8.4 ms of CPU; the database ran it in 0.13 ms). Both kinds
below keep what the ORM produced: the SQL, the converters of raw values and the
builders of the instances (`ModelIterable`'s), so a run returns exactly what iterating
the queryset would, with one statement and no compiling. The statement runs every time:
nothing read is kept.

- `compiled(key, build)`: a queryset built with placeholder values, per thread and key
  (the caller's name and shape); `run({placeholder: value})`.
- `CompiledRead(reading).first_in(kind, build, values)`: the first row of
  `reading(build(values))`, where the policy names its rule (`kind`) and gives the
  viewer's values apart (`opportunities_in_scope(rule, values)`), so the rule of who
  sees what stays there, whole, and the scope is neither built nor compiled per
  request: `build` runs once per kind, with stand-in numbers for the values, and the
  statement is keyed by the kind alone; each request runs with its own viewer's values.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators

# Shapes come from the policies' branches (a handful); this only bounds a mistake.
MAX_SHAPES = 64

# Stand-ins for a named scope's values while it is compiled: numbers no id takes, within
# a 32-bit column's range (the ORM drops a condition on a number out of its column's).
_STAND_INS = (-2_000_000_000, -1_900_000_000)
_EMPTY = object()  # a named scope that holds nothing (`.none()`): no statement at all


@dataclass(frozen=True)
class _Rows:
    """What turns a compiled statement's raw rows into what the queryset yields: its
    values converted, then model instances (``model`` None: `values_list()` tuples)."""

    converters: list
    model: type[Model] | None = None
    init_list: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    populators: tuple = ()
    annotations: tuple = ()

    @classmethod
    def of(cls, compiler, *, instances: bool = True) -> _Rows:
        select, info = compiler.select, compiler.klass_info
        converters = compiler.get_converters([s[0] for s in select[: compiler.col_count]])
        if not instances:  # a values_list() row is the selected columns, no extra ones
            return cls(converters=list(converters.items()), end=compiler.col_count)
        fields = info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        return cls(
            converters=list(converters.items()),
            model=info["model"],
            init_list=tuple(f[0].target.attname for f in select[start:end]),
            start=start,
            end=end,
            populators=tuple(get_related_populators(info, select, compiler.using)),
            annotations=tuple((compiler.annotation_col_map or {}).items()),
        )

    def build(self, rows, db: str) -> list:
        connection = connections[db]
        out = []
        for raw in rows:
            row = list(raw)
            for pos, (convs, expression) in self.converters:
                value = row[pos]
                for convert in convs:
                    value = convert(value, expression, connection)
                row[pos] = value
            if self.model is None:
                out.append(tuple(row[: self.end]))
                continue
            obj = self.model.from_db(db, list(self.init_list), row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, obj)
            for name, pos in self.annotations:
                setattr(obj, name, row[pos])
            out.append(obj)
        return out


class Compiled:
    """`queryset` compiled once; `run({placeholder: value})` gives its instances (or, for
    `values_list()`, its rows as tuples) with each placeholder replaced. Placeholders are
    distinct strings used as the queryset's filter values."""

    def __init__(self, queryset: QuerySet, placeholders: list[str]):
        self.alias = queryset.db
        compiler = queryset.query.get_compiler(self.alias)
        self.sql, params = compiler.as_sql()
        if sorted(params) != sorted(placeholders):  # a value the ORM changed or added
            raise ValueError(f"the statement's parameters are not the placeholders: {params}")
        self.order = list(params)
        if queryset._iterable_class is ModelIterable:
            self.rows = _Rows.of(compiler)
        elif queryset._iterable_class is ValuesListIterable and queryset._fields is not None:
            self.rows = _Rows.of(compiler, instances=False)
        else:
            raise ValueError("only model instances or values_list() rows are compiled")

    def run(self, values: Mapping[str, Any]) -> list:
        with connections[self.alias].cursor() as cursor:
            cursor.execute(self.sql, [values[p] for p in self.order])
            rows = cursor.fetchall()
        return self.rows.build(rows, self.alias)


_held = threading.local()


def compiled(key: Hashable, build: Callable[[], tuple[QuerySet, list[str]]]) -> Compiled:
    """This thread's `Compiled` for `key` (a name and a shape), built on first use."""
    held = getattr(_held, "by_key", None)
    if held is None:
        held = _held.by_key = {}
    found = held.get(key)
    if found is None:
        found = held[key] = Compiled(*build())
    return found


@dataclass(frozen=True)
class _Read:
    sql: str
    rows: _Rows


def _in_range(value) -> bool:
    return not isinstance(value, int) or -(2**63) <= value < 2**63


class CompiledRead:
    """`reading(scope)` adds what is read to a scope (select_related, annotations, a
    slice); `first_in` returns the first row as `reading(scope)` would, compiled once per
    kind of scope. `reading` must depend on nothing but its scope. A scope that is more
    than filters (annotations, ordering, slices...) is read through the ORM."""

    def __init__(self, reading: Callable[[QuerySet], QuerySet]):
        self._reading = reading
        self._named: dict[Hashable, tuple[str, _Read, tuple] | object | None] = {}

    def first_in(
        self, kind: Hashable, build: Callable[[Mapping[str, int]], QuerySet], values: Mapping
    ) -> Model | None:
        """The first row of `reading(build(values))`, compiled once per `kind` (the
        policy's name for the rule `build` applies: never a viewer's value). The values,
        numbers, go in as the statement's parameters on every call; a kind whose scope is
        more than filters, or whose values the ORM does not pass through as they are, is
        read through the ORM every time."""
        if not all(_in_range(v) for v in values.values()):
            # The ORM decides what a number no column can hold matches (nothing, for
            # `=`); the database driver would refuse it as a parameter.
            return next(iter(self._reading(build(values))), None)
        named = self._named.get(kind)
        if named is None:
            if kind in self._named or len(self._named) >= MAX_SHAPES:
                return next(iter(self._reading(build(values))), None)
            named = self._named[kind] = self._compile_named(build, list(values))
            if named is None:
                return next(iter(self._reading(build(values))), None)
        if named is _EMPTY:
            return None
        alias, read, order = named
        with connections[alias].cursor() as cursor:
            cursor.execute(read.sql, [values[n] if n else v for n, v in order])
            row = cursor.fetchone()
        return None if row is None else read.rows.build([row], alias)[0]

    def _compile_named(self, build, names: list[str]):
        """The statement of `build` with stand-ins for the values, and where each value
        goes among its parameters; compiled twice with different stand-ins, and kept only
        if the two differ in those parameters alone (a value the ORM folded into the SQL
        text, or changed, is not a parameter to fill)."""
        compiled = []
        for base in _STAND_INS:
            stand_ins = {name: base - i for i, name in enumerate(names)}
            scope = build(stand_ins)
            if scope.query.is_empty():  # the rule holds nothing, whatever the values
                return _EMPTY
            if not _only_filters(scope.query):
                return None
            qs = self._reading(scope)
            if qs._prefetch_related_lookups:
                return None
            compiler = qs.query.get_compiler(qs.db)
            try:
                sql, params = compiler.as_sql()
            except (EmptyResultSet, FullResultSet):  # a value the ORM judged by itself
                return None
            if sql.count("%s") != len(params):
                return None
            by_value = {v: n for n, v in stand_ins.items()}
            order = tuple((by_value.get(p) if type(p) is int else None, p) for p in params)
            if {n for n, _ in order if n} != set(names):
                return None
            compiled.append((qs.db, sql, order, compiler))
        (alias, sql, order, compiler), (_, sql_2, order_2, _) = compiled
        if sql != sql_2 or [n for n, _ in order] != [n for n, _ in order_2]:
            return None
        if [v for n, v in order if not n] != [v for n, v in order_2 if not n]:
            return None
        return alias, _Read(sql=sql, rows=_Rows.of(compiler)), order

    def shapes(self) -> int:
        """How many shapes are compiled (for tests)."""
        return sum(1 for c in self._named.values() if c is not None)


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
        or query._filtered_relations  # their ON conditions' values sit outside WHERE
        or query.select_for_update
    )
