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
from collections.abc import Mapping
from typing import Any

from ..fields import BOOL, FIELDS
from .compiler import Compiler
from .nodes import MAX_DEPTH, MAX_LENGTH, Condition, ConditionError, _describe_type

__all__ = ["Condition", "ConditionError", "compile_condition", "MAX_LENGTH", "MAX_DEPTH"]


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
    compiler = Compiler(text, resolved, source, shift, lead)
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
