"""Reading ids and numbers from query strings and forms: bad input is a 400 that says which
parameter and why, never a 500 (int("²") raises) or a database overflow."""

from __future__ import annotations

from hrdd.errors import ApplicationError

MAX_ID = 2**63 - 1  # the largest primary key the databases store


def as_id(value, *, maximum: int = MAX_ID) -> int | None:
    """`value` as a whole number from 0 to `maximum` written in ASCII digits, else None
    ("²".isdigit() is true, but int("²") raises)."""
    raw = str(value if value is not None else "").strip()
    if raw.isascii() and raw.isdigit() and int(raw) <= maximum:
        return int(raw)
    return None


def id_param(params, name: str, *, maximum: int = MAX_ID) -> int | None:
    """`params[name]` as a whole number from 0 to `maximum`; None when absent or blank,
    a 400 naming the parameter when it is anything else."""
    raw = str(params.get(name, "") or "").strip()
    if not raw:
        return None
    number = as_id(raw, maximum=maximum)
    if number is None:
        raise ApplicationError(
            f"{name} must be a whole number from 0 to {maximum}.",
            errors={name: "Not a valid number."},
        )
    return number
