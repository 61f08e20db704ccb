"""The compiler: a checked syntax tree to nested closures over the snapshot."""

from __future__ import annotations

import ast
import operator
from collections.abc import Mapping
from functools import reduce
from typing import Any

from ..fields import BOOL, INT, LIST_STR, NULLABLE_NUMBER, NUMBER, STR, suggest_field
from .calls import Calls
from .comparisons import Comparisons
from .nodes import (
    _BINOPS,
    _DISALLOWED,
    FUNCTIONS,
    LIST_BOOL,
    LIST_EMPTY,
    LIST_NUMBER,
    MAX_INT,
    NONE,
    NUMERIC,
    ConditionError,
    Fn,
    Snapshot,
    _const_fn,
    _describe_type,
    _is_list,
    _Node,
)


class Compiler(Comparisons, Calls):
    def __init__(self, text: str, schema: Mapping[str, str], source: str, shift: int, lead: int):
        self.text = text
        self.schema = schema
        self.source = source  # what was parsed (maybe wrapped in parentheses)
        self.shift = shift  # characters the wrapper added before the text
        self.lead = lead  # characters stripped from the start of the text
        self.fields: set[str] = set()
        self._line_starts = [0]
        for line in source.split("\n"):
            self._line_starts.append(self._line_starts[-1] + len(line) + 1)
        self._lines = source.split("\n")

    # -- errors ---------------------------------------------------------------------------
    def position(self, node: ast.AST) -> int | None:
        lineno = getattr(node, "lineno", None)
        col = getattr(node, "col_offset", None)
        if lineno is None or col is None or lineno > len(self._lines):
            return None
        line = self._lines[lineno - 1]
        chars = len(line.encode("utf-8")[:col].decode("utf-8", errors="ignore"))
        return max(0, self._line_starts[lineno - 1] + chars - self.shift) + self.lead

    def segment(self, node: ast.AST) -> str:
        try:
            seg = ast.get_source_segment(self.source, node)
        except Exception:  # noqa: BLE001 - a message helper must never fail
            seg = None
        if not seg:
            return "?"
        seg = " ".join(seg.split())
        return seg if len(seg) <= 60 else seg[:57] + "..."

    def error(self, node: ast.AST, message: str) -> ConditionError:
        return ConditionError(message, self.position(node))

    # -- entry point ----------------------------------------------------------------------
    def visit(self, node: ast.AST) -> _Node:
        if isinstance(node, ast.BoolOp):
            return self.bool_op(node)
        if isinstance(node, ast.UnaryOp):
            return self.unary_op(node)
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.BinOp):
            return self.bin_op(node)
        if isinstance(node, ast.Name | ast.Attribute):
            return self.field(node)
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.List | ast.Tuple):
            return self.list_literal(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        what = _DISALLOWED.get(type(node), type(node).__name__)
        raise self.error(node, f"{what} not allowed: `{self.segment(node)}`")

    def fold(self, node: _Node, children: list[_Node]) -> _Node:
        """Evaluate a node whose children are all constants once, at compile time."""
        if not children or not all(c.is_const for c in children):
            return node
        try:
            value = node.fn({})
        except (ArithmeticError, TypeError, ValueError) as exc:
            raise self.error(
                node.ast, f"cannot compute `{self.segment(node.ast)}`: {exc}"
            ) from None
        self.check_int_range(node.ast, value)
        return _Node(node.type, _const_fn(value), node.ast, const=value)

    def check_int_range(self, node: ast.AST, value: Any) -> None:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
            raise self.error(node, f"number too large: `{self.segment(node)}`")

    # -- leaves ---------------------------------------------------------------------------
    def constant(self, node: ast.Constant) -> _Node:
        value = node.value
        if isinstance(value, bool):
            t = BOOL
        elif isinstance(value, int):
            self.check_int_range(node, value)
            t = INT
        elif isinstance(value, float):
            t = NUMBER
        elif isinstance(value, str):
            t = STR
        elif value is None:
            t = NONE
        else:
            raise self.error(
                node,
                f"constant `{self.segment(node)}` not allowed: use text, numbers, True, False or None",
            )
        return _Node(t, _const_fn(value), node, const=value)

    def field(self, node: ast.Name | ast.Attribute) -> _Node:
        parts: list[str] = []
        cur: ast.AST = node
        while isinstance(cur, ast.Attribute):
            parts.append(cur.attr)
            cur = cur.value
        if not isinstance(cur, ast.Name):
            raise self.error(
                node,
                f"attribute access is only allowed on field names (like country.rule_of_law): `{self.segment(node)}`",
            )
        parts.append(cur.id)
        parts.reverse()
        path = ".".join(parts)
        if any(p.startswith("_") for p in parts):
            raise self.error(node, f'names starting with "_" are not allowed: "{path}"')
        if path in FUNCTIONS:
            raise self.error(node, f'"{path}" is a function: call it, e.g. {path}(...)')
        if path not in self.schema:
            below = sorted(k for k in self.schema if k.startswith(path + "."))
            if below:
                shown = ", ".join(below[:6]) + (", ..." if len(below) > 6 else "")
                raise self.error(
                    node, f'"{path}" is a group of fields, not a field: use one of {shown}'
                )
            hint = suggest_field(path, self.schema)
            raise self.error(
                node,
                f'unknown field "{path}"' + (f' (did you mean "{hint}"?)' if hint else ""),
            )
        self.fields.add(path)
        return _Node(self.schema[path], operator.itemgetter(path), node, field=path)

    def list_literal(self, node: ast.List | ast.Tuple) -> _Node:
        values: list[Any] = []
        types: set[str] = set()
        for elt in node.elts:
            item = self.visit(elt)
            if not item.is_const:
                raise self.error(elt, f"list items must be constants, not `{self.segment(elt)}`")
            if item.type == NONE or _is_list(item.type):
                raise self.error(
                    elt, f"a list may hold text, numbers or true/false, not `{self.segment(elt)}`"
                )
            types.add(NUMBER if item.type in NUMERIC else item.type)
            values.append(item.const)
        if len(types) > 1:
            shown = " and ".join(sorted(_describe_type(t) for t in types))
            raise self.error(
                node, f"a list must hold values of one type, `{self.segment(node)}` mixes {shown}"
            )
        if not types:
            t = LIST_EMPTY
        else:
            t = {STR: LIST_STR, NUMBER: LIST_NUMBER, BOOL: LIST_BOOL}[types.pop()]
        value = tuple(values)
        return _Node(t, _const_fn(value), node, const=value)

    # -- operators ------------------------------------------------------------------------
    def bool_op(self, node: ast.BoolOp) -> _Node:
        items = [self.visit(v) for v in node.values]
        word = "and" if isinstance(node.op, ast.And) else "or"
        for item, v in zip(items, node.values, strict=True):
            if item.type != BOOL:
                raise self.error(
                    v,
                    f'"{word}" needs true/false on both sides, but `{self.segment(v)}` is {_describe_type(item.type)}',
                )
        fns = [i.fn for i in items]
        if word == "and":
            fn = reduce(lambda a, b: lambda s: a(s) and b(s), fns)
        else:
            fn = reduce(lambda a, b: lambda s: a(s) or b(s), fns)
        return self.fold(_Node(BOOL, fn, node), items)

    def unary_op(self, node: ast.UnaryOp) -> _Node:
        operand = self.visit(node.operand)
        f = operand.fn
        if isinstance(node.op, ast.Not):
            if operand.type != BOOL:
                raise self.error(
                    node,
                    f'"not" needs true/false, but `{self.segment(node.operand)}` is {_describe_type(operand.type)}',
                )
            return self.fold(_Node(BOOL, lambda s: not f(s), node), [operand])
        if isinstance(node.op, ast.USub):
            if operand.type not in NUMERIC:
                raise self.error(
                    node,
                    f'"-" needs a number, but `{self.segment(node.operand)}` is {_describe_type(operand.type)}',
                )
            if operand.type == NULLABLE_NUMBER:
                fn: Fn = lambda s: None if (v := f(s)) is None else -v  # noqa: E731
            else:
                fn = lambda s: -f(s)  # noqa: E731
            return self.fold(_Node(operand.type, fn, node), [operand])
        sym = {ast.UAdd: "unary +", ast.Invert: "~"}.get(type(node.op), "this operator")
        raise self.error(node, f"{sym} not allowed: `{self.segment(node)}`")

    def bin_op(self, node: ast.BinOp) -> _Node:
        if type(node.op) not in _BINOPS:
            sym = {
                ast.Pow: "**",
                ast.Mod: "%",
                ast.FloorDiv: "//",
                ast.MatMult: "@",
                ast.BitAnd: "&",
                ast.BitOr: "|",
                ast.BitXor: "^",
                ast.LShift: "<<",
                ast.RShift: ">>",
            }.get(type(node.op), "this operator")
            hint = " (use and/or)" if sym in ("&", "|") else ""
            raise self.error(node, f"operator {sym} not allowed{hint}: `{self.segment(node)}`")
        sym, op = _BINOPS[type(node.op)]
        left = self.visit(node.left)
        right = self.visit(node.right)
        for side, ast_side in ((left, node.left), (right, node.right)):
            if side.type not in NUMERIC:
                raise self.error(
                    ast_side,
                    f"arithmetic ({sym}) needs numbers, but `{self.segment(ast_side)}` is {_describe_type(side.type)}",
                )
        nullable = NULLABLE_NUMBER in (left.type, right.type)
        lf, rf = left.fn, right.fn
        if sym == "/":
            if right.is_const:
                if right.const == 0:
                    raise self.error(node.right, f"division by zero: `{self.segment(node)}`")
                c = right.const
                t = NULLABLE_NUMBER if nullable else NUMBER
                if nullable:
                    fn: Fn = lambda s: None if (a := lf(s)) is None else a / c  # noqa: E731
                else:
                    fn = lambda s: lf(s) / c  # noqa: E731
            else:
                # A zero or missing divisor yields None ("no value"), which compares False.
                t = NULLABLE_NUMBER

                def fn(s: Snapshot) -> Any:
                    b = rf(s)
                    if not b:
                        return None
                    a = lf(s)
                    return None if a is None else a / b

        else:
            if nullable:
                t = NULLABLE_NUMBER

                def fn(s: Snapshot) -> Any:
                    a = lf(s)
                    if a is None:
                        return None
                    b = rf(s)
                    return None if b is None else op(a, b)

            else:
                t = INT if left.type == INT and right.type == INT else NUMBER
                fn = lambda s: op(lf(s), rf(s))  # noqa: E731
        return self.fold(_Node(t, fn, node), [left, right])
