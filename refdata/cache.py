"""Per-process copies of reference data, checked against one small table.

Reference data (the criteria in force, review targets, the country table, the product
catalogue) is read on every registration but changes rarely. Each process keeps a copy
per kind, keyed by the kind's version token (`RefdataVersion`). A write calls `bump` in
its transaction; readers compare tokens, which costs one statement (all kinds at once)
per `pinned()` block, or per look-up outside one.

Ordering: the token is read before the data is loaded, so a copy can be newer than its
token (reloaded once more, harmless) but never older.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction

from hrdd.compiled import compiled

from .models import RefdataVersion

CRITERIA = "criteria"
ROUTING = "routing"
COUNTRIES = "countries"
CATALOGUE = "catalogue"

_lock = threading.Lock()
_copies: dict[str, tuple[str, Any]] = {}
_local = threading.local()


def _tokens() -> dict[str, str]:
    pinned = getattr(_local, "pinned", None)
    if pinned is not None and pinned.get("tokens") is not None:
        return pinned["tokens"]
    # Read on every registration: compiled once per thread (`hrdd.compiled`), run each time.
    query = compiled(
        ("refdata tokens",), lambda: (RefdataVersion.objects.values_list("kind", "token"), [])
    )
    tokens = dict(query.run({}))
    if pinned is not None:
        pinned["tokens"] = tokens
    return tokens


@contextmanager
def pinned() -> Iterator[None]:
    """Read the version tokens once for the whole block (one registration, one batch).

    A change committed by another process during the block is seen by the next block.
    Nested blocks share the outer block's tokens.
    """
    if getattr(_local, "pinned", None) is not None:
        yield
        return
    _local.pinned = {"tokens": None}
    try:
        yield
    finally:
        _local.pinned = None


def cached(kind: str, load: Callable[[], Any]) -> Any:
    """This process's copy of `kind`, loaded again when its token moved."""
    token = _tokens().get(kind, "")
    with _lock:
        held = _copies.get(kind)
    if held is not None and held[0] == token:
        return held[1]
    value = load()
    with _lock:
        _copies[kind] = (token, value)
    return value


def bump(kind: str) -> None:
    """Record that `kind` changed, in the caller's transaction: every process reloads it
    on its next look-up after commit (this one at once)."""
    token = uuid.uuid4().hex
    if not RefdataVersion.objects.filter(kind=kind).update(token=token):
        RefdataVersion.objects.update_or_create(kind=kind, defaults={"token": token})
    forget(kind)
    # Copies loaded inside this transaction before commit carry the new token but may
    # hold data that rolls back; forget them again once the outcome is known.
    transaction.on_commit(lambda: forget(kind))


def forget(kind: str) -> None:
    with _lock:
        _copies.pop(kind, None)
    pinned = getattr(_local, "pinned", None)
    if pinned is not None:
        pinned["tokens"] = None
