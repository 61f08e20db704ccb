"""Reading ids and numbers from query strings and forms: bad input is a 400 that says which
parameter and why, never a 500 (int("²") raises) or a database overflow."""

from __future__ import annotations

from hrdd.errors import ApplicationError

MAX_ID = 2**63 - 1  # the largest primary key the databases store


def id_param(params, name: str, *, maximum: int = MAX_ID) -> int | None:
    """`params[name]` as a whole number from 0 to `maximum`; None when absent or blank."""
    raw = str(params.get(name, "") or "").strip()
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit()) or int(raw) > maximum:
        raise ApplicationError(
            f"{name} must be a whole number from 0 to {maximum}.",
            errors={name: "Not a valid number."},
        )
    return int(raw)
