"""The dangerous constructs of CONTRIBUTING.md that ruff cannot name: the builtin
`compile` (ruff bans eval and exec, not compile) anywhere in the application's code, and
application modules past the house style's length."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", "tests", "benchmarks", "migrations", "node_modules", ".git", "var"}


def _application_files():
    for path in ROOT.rglob("*.py"):
        if not SKIP.intersection(path.relative_to(ROOT).parts):
            yield path


def _builtin_calls(tree: ast.AST, names: set[str]):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in names:
                yield node.lineno


def test_no_application_module_calls_the_builtin_compile_eval_or_exec():
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _application_files()
        for line in _builtin_calls(ast.parse(path.read_text()), {"compile", "eval", "exec"})
    ]
    assert found == []


def test_the_scan_sees_a_call_of_compile():
    # The check above must be able to fail: the same scan over a module that compiles.
    tree = ast.parse("import re\nre.compile('x')\ncode = compile('1 + 1', '<c>', 'eval')\n")
    assert list(_builtin_calls(tree, {"compile", "eval", "exec"})) == [3]


MAX_LINES = 500  # the house style's "no module over ~500 lines": split by concern past it


def test_no_application_module_is_over_five_hundred_lines():
    long = {
        str(path.relative_to(ROOT)): n
        for path in _application_files()
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}
