"""Roles are named in `accounts.roles` only: other modules use its constants and groups,
so a role renamed or added there reaches every check."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Role names that mean nothing else in the code base.
ROLE_NAMES = {"sales_rep", "partner_user", "reviewer", "senior_reviewer"}
# Role names that are also other words ("committee" is a screening outcome, "admin" a
# key): flagged where they are compared with or assigned to a role.
SHARED_NAMES = {"committee", "admin"}
# Tooling and tests aside; the demo's accounts are named after their roles ("reviewer"
# signs in as a reviewer), which are usernames, not roles.
SKIP = {".venv", "tests", "migrations", "benchmarks", "scripts", "node_modules", "demo"}


def _role_context(node: ast.AST, parents: dict) -> bool:
    parent = parents.get(node)
    if isinstance(parent, ast.keyword) and parent.arg in {"role", "role__in"}:
        return True
    if isinstance(parent, ast.Compare):
        return any(
            isinstance(side, ast.Attribute) and side.attr == "role"
            for side in [parent.left, *parent.comparators]
        )
    return isinstance(parent, ast.Subscript) and "ROLE" in ast.unparse(parent.value).upper()


def _typed_roles(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if node.value in ROLE_NAMES or (
            node.value in SHARED_NAMES and _role_context(node, parents)
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}")
    return found


def test_no_module_but_accounts_roles_types_a_role_name():
    typed = []
    for path in ROOT.rglob("*.py"):
        parts = set(path.relative_to(ROOT).parts)
        if parts & SKIP or path == ROOT / "accounts" / "roles.py":
            continue
        typed += _typed_roles(path)
    assert typed == []
