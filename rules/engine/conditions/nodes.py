"""What a compiled condition is made of: types, nodes, errors and the whitelist."""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from typing import Any

from ..fields import BOOL, INT, LIST_STR, NULLABLE_NUMBER, NUMBER, STR

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
