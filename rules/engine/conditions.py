"""A small, safe expression language for admin-authored criterion conditions.

Example: ``end_user.type in ["police", "military"] and capability_severity >= 3``.

How it stays safe, and what must always be true:

- The text is parsed with ``ast.parse(..., mode="eval")`` and every node is checked
  against a whitelist (boolean and/or/not, comparisons, + - * /, unary minus, dotted
  field names, constants, list/tuple literals of constants, and calls of has_any,
  has_all, count, min, max, abs). Anything else is refused with a ``ConditionError``.
- The checked tree is turned into nested Python closures over the snapshot dict. The
  text is never handed to the interpreter, and no Python object other than the snapshot's
  values is reachable from a condition (no attribute access on values, no builtins).
- Types are checked at compile time against the field schema (``fields.FIELDS``), and a
  condition must be boolean, so a compiled condition returns a bool on any snapshot that
  matches the schema.
- Missing data never fires a criterion by accident: a ``number?`` field that is None
  makes every comparison with it False (``x < 0.4``, ``x >= 0.4``, ``x != 1`` and
  ``x in [...]`` alike); test for missing data explicitly with ``x == None``. Division
  by a field that is zero (or None) yields None, which then compares False.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from functools import reduce
from typing import Any

from .fields import BOOL, FIELDS, INT, LIST_STR, NULLABLE_NUMBER, NUMBER, STR, suggest_field

__all__ = ["Condition", "ConditionError", "compile_condition", "MAX_LENGTH", "MAX_DEPTH"]

MAX_LENGTH = 2000
MAX_DEPTH = 32
# Integer constants beyond this cannot be mixed with floats without overflow.
MAX_INT = 2**53

# Types used only inside the compiler.
NONE = "none"
LIST_NUMBER = "list[number]"
LIST_BOOL = "list[bool]"
LIST_EMPTY = "empty list"
NUMERIC = (INT, NUMBER, NULLABLE_NUMBER)
LISTS = (LIST_STR, LIST_NUMBER, LIST_BOOL, LIST_EMPTY)
_ELEMENT = {LIST_STR: STR, LIST_NUMBER: NUMBER, LIST_BOOL: BOOL}

FUNCTIONS = ("has_any", "has_all", "count", "min", "max", "abs")

Snapshot = Mapping[str, Any]
Fn = Callable[[Snapshot], Any]

_NO_CONST = object()


class ConditionError(ValueError):
    """A condition that cannot be compiled: ``message`` says which part and why.

    ``position`` is the 0-based character offset in the condition text where the
    offending part starts, or None when the problem is the whole text.
    """

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        return self.message


class Condition:
    """A compiled condition: ``test(snapshot) -> bool`` and the ``fields`` it reads."""

    __slots__ = ("text", "fields", "test")

    def __init__(self, text: str, fields: frozenset[str], test: Callable[[Snapshot], bool]):
        self.text = text
        self.fields = fields
        self.test = test

    def __repr__(self) -> str:
        return f"Condition({self.text!r})"


class _Node:
    """A compiled sub-expression: its type, its closure, and its value if constant."""

    __slots__ = ("type", "fn", "const", "field", "ast")

    def __init__(
        self,
        type_: str,
        fn: Fn,
        ast_node: ast.AST,
        const: Any = _NO_CONST,
        field: str | None = None,
    ) -> None:
        self.type = type_
        self.fn = fn
        self.ast = ast_node
        self.const = const
        self.field = field

    @property
    def is_const(self) -> bool:
        return self.const is not _NO_CONST


def _const_fn(value: Any) -> Fn:
    return lambda s: value


_DISALLOWED = {
    ast.Subscript: "indexing or slicing with [...]",
    ast.Slice: "slicing",
    ast.Lambda: "lambda",
    ast.ListComp: "comprehensions",
    ast.SetComp: "comprehensions",
    ast.DictComp: "comprehensions",
    ast.GeneratorExp: "generator expressions",
    ast.IfExp: "'... if ... else ...'",
    ast.Dict: "dict literals",
    ast.Set: "set literals",
    ast.JoinedStr: "f-strings",
    ast.FormattedValue: "f-strings",
    ast.NamedExpr: "assignment (:=)",
    ast.Starred: "* unpacking",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield",
}

_BINOPS: dict[type, tuple[str, Callable[[Any, Any], Any]]] = {
    ast.Add: ("+", operator.add),
    ast.Sub: ("-", operator.sub),
    ast.Mult: ("*", operator.mul),
    ast.Div: ("/", operator.truediv),
}
_ORDERED: dict[type, tuple[str, Callable[[Any, Any], bool]]] = {
    ast.Lt: ("<", operator.lt),
    ast.LtE: ("<=", operator.le),
    ast.Gt: (">", operator.gt),
    ast.GtE: (">=", operator.ge),
}
_EQUALITY: dict[type, tuple[str, Callable[[Any, Any], bool]]] = {
    ast.Eq: ("==", operator.eq),
    ast.NotEq: ("!=", operator.ne),
}

# Specialised closures for the common "field OP constant" comparison (one dict lookup,
# one comparison, no nested call). ``p`` is the field path, ``c`` the constant.
_FIELD_CONST: dict[type, Callable[[str, Any], Fn]] = {
    ast.Lt: lambda p, c: lambda s: s[p] < c,
    ast.LtE: lambda p, c: lambda s: s[p] <= c,
    ast.Gt: lambda p, c: lambda s: s[p] > c,
    ast.GtE: lambda p, c: lambda s: s[p] >= c,
    ast.Eq: lambda p, c: lambda s: s[p] == c,
    ast.NotEq: lambda p, c: lambda s: s[p] != c,
}
_NULLABLE_FIELD_CONST: dict[type, Callable[[str, Any], Fn]] = {
    ast.Lt: lambda p, c: lambda s: (v := s[p]) is not None and v < c,
    ast.LtE: lambda p, c: lambda s: (v := s[p]) is not None and v <= c,
    ast.Gt: lambda p, c: lambda s: (v := s[p]) is not None and v > c,
    ast.GtE: lambda p, c: lambda s: (v := s[p]) is not None and v >= c,
    ast.Eq: lambda p, c: lambda s: (v := s[p]) is not None and v == c,
    ast.NotEq: lambda p, c: lambda s: (v := s[p]) is not None and v != c,
}


def _describe_type(t: str) -> str:
    return {
        BOOL: "true/false",
        INT: "a whole number",
        NUMBER: "a number",
        NULLABLE_NUMBER: "a number (may be missing)",
        STR: "text",
        LIST_STR: "a list of text",
        LIST_NUMBER: "a list of numbers",
        LIST_BOOL: "a list of true/false",
        LIST_EMPTY: "an empty list",
        NONE: "None",
    }.get(t, t)


def _is_list(t: str) -> bool:
    return t in LISTS


def _lists_compatible(a: str, b: str) -> bool:
    return a == b or LIST_EMPTY in (a, b)


def _element_compatible(value_type: str, list_type: str) -> bool:
    if list_type == LIST_EMPTY:
        return value_type in (STR, BOOL) or value_type in NUMERIC
    element = _ELEMENT[list_type]
    if element == NUMBER:
        return value_type in NUMERIC
    return value_type == element


class _Compiler:
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

    # -- calls ----------------------------------------------------------------------------
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


def _too_deep(tree: ast.AST) -> ast.AST | None:
    """The first expression node nested deeper than MAX_DEPTH (iterative: no recursion)."""
    stack: list[tuple[ast.AST, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                stack.append((child, depth + 1))
    return None


def _normalise_schema(schema: Mapping[str, Any] | None) -> Mapping[str, str]:
    if schema is None:
        schema = FIELDS
    return {k: (v[0] if isinstance(v, tuple) else v) for k, v in schema.items()}


_DEFAULT_SCHEMA = _normalise_schema(FIELDS)


def _parse(text: str) -> tuple[ast.Expression, str, int, int]:
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    try:
        return ast.parse(stripped, mode="eval"), stripped, 0, lead
    except SyntaxError as first:
        if "\n" not in stripped:
            raise _syntax_error(first, 0, lead, stripped) from None
        # A condition written over several lines: parse it as one parenthesised expression.
        wrapped = "(\n" + stripped + "\n)"
        try:
            return ast.parse(wrapped, mode="eval"), wrapped, 2, lead
        except SyntaxError as second:  # where the parenthesised reading stopped
            raise _syntax_error(second, 2, lead, wrapped) from None


def _syntax_error(exc: SyntaxError, shift: int, lead: int, source: str) -> ConditionError:
    msg = exc.msg or "invalid syntax"
    position = None
    lines = source.split("\n")
    if exc.offset is not None and exc.lineno is not None and 1 <= exc.lineno <= len(lines):
        line_start = sum(len(line) + 1 for line in lines[: exc.lineno - 1])
        column = min(max(0, exc.offset - 1), len(lines[exc.lineno - 1]))
        position = max(0, line_start + column - shift) + lead
    return ConditionError(f"syntax error: {msg}", position)


def compile_condition(text: str, schema: Mapping[str, Any] | None = None) -> Condition:
    """Check ``text`` against the whitelist and the field schema; return a ``Condition``.

    ``schema`` maps field paths to a type (or a ``(type, description)`` tuple); the
    default is ``fields.FIELDS``. Raises ``ConditionError`` and nothing else on bad input.
    """
    if not isinstance(text, str):
        raise ConditionError("the condition must be text")
    if len(text) > MAX_LENGTH:
        raise ConditionError(
            f"the condition is too long ({len(text)} characters, at most {MAX_LENGTH})"
        )
    if not text.strip():
        raise ConditionError("the condition is empty")
    resolved = _DEFAULT_SCHEMA if schema is None else _normalise_schema(schema)
    try:
        tree, source, shift, lead = _parse(text)
    except (RecursionError, MemoryError):
        raise ConditionError("the condition is nested too deeply") from None
    except ConditionError:  # a syntax error, with its position
        raise
    except ValueError as exc:  # e.g. null bytes
        raise ConditionError(f"syntax error: {exc}") from None
    compiler = _Compiler(text, resolved, source, shift, lead)
    deep = _too_deep(tree)
    if deep is not None:
        raise compiler.error(
            deep, f"the condition is nested too deeply (more than {MAX_DEPTH} levels)"
        )
    try:
        root = compiler.visit(tree.body)
    except RecursionError:
        raise ConditionError("the condition is nested too deeply") from None
    if root.type != BOOL:
        raise compiler.error(
            tree.body,
            f"the condition must be true or false, but `{compiler.segment(tree.body)}` is "
            f"{_describe_type(root.type)} (compare it with something, e.g. >= 3)",
        )
    return Condition(text, frozenset(compiler.fields), root.fn)
