"""Statements the ORM compiles once per thread and shape, run with new values each time.

For the few reads every request makes (the API token, the organisations of a deal),
compiling the query cost more than the database spent answering it. A `Compiled` holds
what the ORM produced for a queryset built with placeholder values: the SQL, the
converters of raw values and the builders of the instances (`ModelIterable`'s), so a
run returns exactly what iterating the queryset would, with one statement and no
compiling. Only the values change between runs, never the shape (callers key their
copies by it), and the statement runs every time: nothing read is kept.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping
from typing import Any

from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators


class Compiled:
    """`queryset` compiled once; `run({placeholder: value})` gives its instances (or, for
    `values_list()`, its rows as tuples) with each placeholder replaced. Placeholders are distinct strings used as the queryset's
    filter values."""

    def __init__(self, queryset: QuerySet, placeholders: list[str]):
        self.alias = queryset.db
        compiler = queryset.query.get_compiler(self.alias)
        self.sql, params = compiler.as_sql()
        if sorted(params) != sorted(placeholders):  # a value the ORM changed or added
            raise ValueError(f"the statement's parameters are not the placeholders: {params}")
        self.order = list(params)
        self.compiler = compiler
        select, info = compiler.select, compiler.klass_info
        self.converters = compiler.get_converters([column[0] for column in select])
        self.model = None
        if queryset._iterable_class is not ModelIterable:  # `values_list()`: rows as tuples
            if queryset._iterable_class is not ValuesListIterable or queryset._fields is None:
                raise ValueError("only model instances or values_list() rows are compiled")
            return
        first, last = info["select_fields"][0], info["select_fields"][-1] + 1
        self.fields = slice(first, last)
        self.names = [column[0].target.attname for column in select[first:last]]
        self.related = get_related_populators(info, select, self.alias)
        self.annotations = list(compiler.annotation_col_map.items())
        self.model = info["model"]

    def run(self, values: Mapping[str, Any]) -> list:
        with connections[self.alias].cursor() as cursor:
            cursor.execute(self.sql, [values[p] for p in self.order])
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        if self.model is None:
            return [tuple(row) for row in rows]
        out = []
        for row in rows:
            obj = self.model.from_db(self.alias, self.names, row[self.fields])
            for populator in self.related:
                populator.populate(row, obj)
            for name, position in self.annotations:
                setattr(obj, name, row[position])
            out.append(obj)
        return out


_held = threading.local()


def compiled(key: Hashable, build: Callable[[], tuple[QuerySet, list[str]]]) -> Compiled:
    """This thread's `Compiled` for `key` (a name and a shape), built on first use.
    Per thread: a compiler belongs to its thread's database connection."""
    held = getattr(_held, "by_key", None)
    if held is None:
        held = _held.by_key = {}
    found = held.get(key)
    if found is None:
        found = held[key] = Compiled(*build())
    return found
