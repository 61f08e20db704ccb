"""Calls of the whitelisted functions (has_any, has_all, count, min, max, abs)."""

from __future__ import annotations

import ast
from typing import Any

from ..fields import BOOL, INT, NULLABLE_NUMBER, NUMBER
from .nodes import (
    FUNCTIONS,
    NUMERIC,
    Fn,
    Snapshot,
    _describe_type,
    _is_list,
    _lists_compatible,
    _Node,
)


class Calls:
    """Part of the compiler: ``visit`` and ``error`` come from ``Compiler``."""

    def call(self, node: ast.Call) -> _Node:
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            raise self.error(
                node,
                f"only these functions can be called: {', '.join(FUNCTIONS)}; not `{self.segment(node.func)}`",
            )
        name = node.func.id
        if node.keywords:
            raise self.error(node, f"{name}() takes no keyword arguments: `{self.segment(node)}`")
        arity = {"has_any": 2, "has_all": 2, "count": 1, "min": 2, "max": 2, "abs": 1}[name]
        if len(node.args) != arity:
            raise self.error(
                node,
                f"{name}() takes {arity} argument{'s' if arity > 1 else ''}, "
                f"got {len(node.args)}: `{self.segment(node)}`",
            )
        args = [self.visit(a) for a in node.args]
        if name in ("has_any", "has_all"):
            return self.fold(self.call_has(name, node, args), args)
        if name == "count":
            (a,) = args
            if not _is_list(a.type):
                raise self.error(
                    node.args[0],
                    f"count() needs a list, but `{self.segment(node.args[0])}` is {_describe_type(a.type)}",
                )
            if a.field is not None:
                p = a.field
                fn: Fn = lambda s: len(s[p])  # noqa: E731
            else:
                af = a.fn
                fn = lambda s: len(af(s))  # noqa: E731
            return self.fold(_Node(INT, fn, node), args)
        for a, a_ast in zip(args, node.args, strict=True):
            if a.type not in NUMERIC:
                raise self.error(
                    a_ast,
                    f"{name}() needs numbers, but `{self.segment(a_ast)}` is {_describe_type(a.type)}",
                )
        if name == "abs":
            (a,) = args
            af = a.fn
            if a.type == NULLABLE_NUMBER:
                fn = lambda s: None if (v := af(s)) is None else abs(v)  # noqa: E731
            else:
                fn = lambda s: abs(af(s))  # noqa: E731
            return self.fold(_Node(a.type, fn, node), args)
        pick = min if name == "min" else max
        a, b = args
        af, bf = a.fn, b.fn
        if NULLABLE_NUMBER in (a.type, b.type):
            t = NULLABLE_NUMBER

            def fn(s: Snapshot) -> Any:
                x = af(s)
                if x is None:
                    return None
                y = bf(s)
                return None if y is None else pick(x, y)

        else:
            t = INT if a.type == INT and b.type == INT else NUMBER
            fn = lambda s: pick(af(s), bf(s))  # noqa: E731
        return self.fold(_Node(t, fn, node), args)

    def call_has(self, name: str, node: ast.Call, args: list[_Node]) -> _Node:
        a, b = args
        for x, x_ast in zip(args, node.args, strict=True):
            if not _is_list(x.type):
                raise self.error(
                    x_ast,
                    f"{name}() needs two lists, but `{self.segment(x_ast)}` is {_describe_type(x.type)}",
                )
        if not _lists_compatible(a.type, b.type):
            raise self.error(
                node,
                f"{name}() compares {_describe_type(a.type)} with {_describe_type(b.type)}: "
                f"`{self.segment(node)}`",
            )
        af, bf = a.fn, b.fn
        fn: Fn
        if name == "has_any":
            if b.is_const:
                bset = frozenset(b.const)
                fn = lambda s: not bset.isdisjoint(af(s))  # noqa: E731
            elif a.is_const:
                aset = frozenset(a.const)
                fn = lambda s: not aset.isdisjoint(bf(s))  # noqa: E731
            else:
                fn = lambda s: not frozenset(af(s)).isdisjoint(bf(s))  # noqa: E731
        else:  # has_all(a, b): every item of b is in a
            if b.is_const:
                bset = frozenset(b.const)
                fn = lambda s: bset.issubset(af(s))  # noqa: E731
            elif a.is_const:
                aset = frozenset(a.const)
                fn = lambda s: aset.issuperset(bf(s))  # noqa: E731
            else:
                fn = lambda s: frozenset(af(s)).issuperset(bf(s))  # noqa: E731
        return _Node(BOOL, fn, node)
