"""Comparisons (==, <, in, not in ...) of a condition, type-checked and compiled to closures."""

from __future__ import annotations

import ast
from collections.abc import Callable
from functools import reduce
from typing import Any

from ..fields import BOOL, NULLABLE_NUMBER, STR
from .nodes import (
    _EQUALITY,
    _FIELD_CONST,
    _NULLABLE_FIELD_CONST,
    _ORDERED,
    NONE,
    NUMERIC,
    Fn,
    Snapshot,
    _describe_type,
    _element_compatible,
    _is_list,
    _lists_compatible,
    _Node,
)


class Comparisons:
    """Part of the compiler: ``visit`` and ``error`` come from ``Compiler``."""

    def compare(self, node: ast.Compare) -> _Node:
        operands = [self.visit(node.left)] + [self.visit(c) for c in node.comparators]
        ast_operands = [node.left, *node.comparators]
        pair_fns: list[Fn] = []
        for i, op in enumerate(node.ops):
            pair_fns.append(
                self.compare_pair(
                    op, operands[i], operands[i + 1], ast_operands[i], ast_operands[i + 1], node
                )
            )
        fn = reduce(lambda a, b: lambda s: a(s) and b(s), pair_fns)
        return self.fold(_Node(BOOL, fn, node), operands)

    def compare_pair(
        self, op: ast.cmpop, left: _Node, right: _Node, la: ast.AST, ra: ast.AST, whole: ast.Compare
    ) -> Fn:
        if isinstance(op, ast.Is | ast.IsNot):
            word = "==" if isinstance(op, ast.Is) else "!="
            raise self.error(
                whole, f'"is" not allowed, use {word} instead: `{self.segment(whole)}`'
            )
        if type(op) in _ORDERED:
            return self._compare_ordered(op, left, right, la, ra, whole)
        if type(op) in _EQUALITY:
            return self._compare_equal(op, left, right, la, ra, whole)
        return self._compare_membership(op, left, right, la, ra, whole)

    def _compare_ordered(
        self, op: ast.cmpop, left: _Node, right: _Node, la: ast.AST, ra: ast.AST, whole: ast.Compare
    ) -> Fn:
        """<, <=, >, >=: numbers only."""
        lt, rt, seg = left.type, right.type, self.segment(whole)
        sym, opf = _ORDERED[type(op)]
        for t, a in ((lt, la), (rt, ra)):
            if t == STR:
                raise self.error(
                    a, f"text cannot be ordered with {sym}: `{seg}` (use == , != or in)"
                )
            if t not in NUMERIC:
                other = rt if a is la else lt
                raise self.error(
                    a,
                    f"cannot compare {_describe_type(t)} `{self.segment(a)}` with "
                    f"{_describe_type(other)} using {sym}: `{seg}`"
                    + (" (use count(...) for the length of a list)" if _is_list(t) else ""),
                )
        return self._comparison(op, opf, left, right)

    def _compare_equal(
        self, op: ast.cmpop, left: _Node, right: _Node, la: ast.AST, ra: ast.AST, whole: ast.Compare
    ) -> Fn:
        """== and !=: like with like, or a nullable number with None."""
        lt, rt, seg = left.type, right.type, self.segment(whole)
        sym, opf = _EQUALITY[type(op)]
        if NONE in (lt, rt):
            other, other_ast = (right, ra) if lt == NONE else (left, la)
            if other.type == NONE:
                raise self.error(whole, f"comparing None with None: `{seg}`")
            if other.type != NULLABLE_NUMBER:
                raise self.error(
                    whole,
                    f"`{self.segment(other_ast)}` is never missing, so comparing it with None is always "
                    f"{'False' if sym == '==' else 'True'}: `{seg}`",
                )
            g = other.fn
            if sym == "==":
                return lambda s: g(s) is None
            return lambda s: g(s) is not None
        compatible = (
            (lt in NUMERIC and rt in NUMERIC)
            or (lt == rt and lt in (STR, BOOL))
            or (_is_list(lt) and _is_list(rt) and _lists_compatible(lt, rt))
        )
        if not compatible:
            raise self.error(
                whole,
                f"cannot compare {_describe_type(lt)} `{self.segment(la)}` with "
                f"{_describe_type(rt)} `{self.segment(ra)}`: `{seg}`",
            )
        if _is_list(lt):
            lf, rf = left.fn, right.fn
            if sym == "==":
                return lambda s: list(lf(s)) == list(rf(s))
            return lambda s: list(lf(s)) != list(rf(s))
        return self._comparison(op, opf, left, right)

    def _compare_membership(
        self, op: ast.cmpop, left: _Node, right: _Node, la: ast.AST, ra: ast.AST, whole: ast.Compare
    ) -> Fn:
        """in / not in: a value in a list, or text in text."""
        lt, rt, seg = left.type, right.type, self.segment(whole)
        negate = isinstance(op, ast.NotIn)
        word = "not in" if negate else "in"
        if rt == STR:
            if lt != STR:
                raise self.error(
                    whole,
                    f'"{word}" with text on the right needs text on the left, but `{self.segment(la)}` '
                    f"is {_describe_type(lt)}: `{seg}`",
                )
        elif _is_list(rt):
            if _is_list(lt):
                raise self.error(
                    whole,
                    f"`{self.segment(la)}` is a list; use has_any(...) or has_all(...) to compare two lists: `{seg}`",
                )
            if not _element_compatible(lt, rt):
                raise self.error(
                    whole,
                    f"{_describe_type(lt)} `{self.segment(la)}` can never be in {_describe_type(rt)} "
                    f"`{self.segment(ra)}`: `{seg}`",
                )
        else:
            raise self.error(
                ra,
                f'"{word}" needs a list or text on its right, but `{self.segment(ra)}` is '
                f"{_describe_type(rt)}: `{seg}`",
            )
        lf, rf = left.fn, right.fn
        nullable = lt == NULLABLE_NUMBER
        if right.is_const and _is_list(rt):
            members = frozenset(right.const)
            if left.field is not None and not nullable:
                p = left.field
                if negate:
                    return lambda s: s[p] not in members
                return lambda s: s[p] in members
            if nullable:
                if negate:
                    return lambda s: (v := lf(s)) is not None and v not in members
                return lambda s: (v := lf(s)) is not None and v in members
            if negate:
                return lambda s: lf(s) not in members
            return lambda s: lf(s) in members
        if left.is_const and right.field is not None:
            c, p = left.const, right.field
            if negate:
                return lambda s: c not in s[p]
            return lambda s: c in s[p]
        if nullable:
            if negate:
                return lambda s: (v := lf(s)) is not None and v not in rf(s)
            return lambda s: (v := lf(s)) is not None and v in rf(s)
        if negate:
            return lambda s: lf(s) not in rf(s)
        return lambda s: lf(s) in rf(s)

    def _comparison(
        self, op: ast.cmpop, opf: Callable[[Any, Any], bool], left: _Node, right: _Node
    ) -> Fn:
        nullable_l = left.type == NULLABLE_NUMBER
        nullable_r = right.type == NULLABLE_NUMBER
        if left.field is not None and right.is_const:
            table = _NULLABLE_FIELD_CONST if nullable_l else _FIELD_CONST
            return table[type(op)](left.field, right.const)
        lf, rf = left.fn, right.fn
        if not (nullable_l or nullable_r):
            return lambda s: opf(lf(s), rf(s))

        def fn(s: Snapshot) -> bool:
            a = lf(s)
            if a is None:
                return False
            b = rf(s)
            return b is not None and opf(a, b)

        return fn
