"""A criteria pack's ``lexicon`` list read into entries and written back (the pack's file
format; compiling the entries is ``lexicon.py``'s)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any

from .entry_roles import role_from_source
from .lexicon import BENIGN, ENTRY_FIELDS, LexiconEntry, LexiconError

ROLE_FIELDS = ("role", "tells_service")
# Left out of a pack entry when empty or false (``enabled`` is always written).
LEFT_OUT_EMPTY = ("family", "any_language", *ROLE_FIELDS)
OPTIONAL = ("enabled", *LEFT_OUT_EMPTY)


def lexicon_from_pack(pack: Mapping[str, Any]) -> list[LexiconEntry]:
    """The ``lexicon`` list of a criteria pack (absent: empty); ``LexiconError`` on bad shape."""
    raw = pack.get("lexicon", [])
    if not isinstance(raw, list):
        raise LexiconError(["lexicon must be a list"])
    errors: list[str] = []
    out: list[LexiconEntry] = []
    required = [n for n in ENTRY_FIELDS if n not in OPTIONAL]
    for i, item in enumerate(raw):
        label = f"lexicon[{i}]"
        if not isinstance(item, Mapping):
            errors.append(f"{label}: must be an object")
            continue
        unknown = sorted(str(k) for k in item if k not in ENTRY_FIELDS)
        missing = [k for k in required if k not in item]
        if unknown or missing:
            errors.append(
                f"{label}: "
                + "; ".join(
                    ([f"unknown keys {', '.join(unknown)}"] if unknown else [])
                    + ([f"missing keys {', '.join(missing)}"] if missing else [])
                )
            )
            continue
        values = {k: item[k] for k in ENTRY_FIELDS if k in item}
        given = [k for k in ROLE_FIELDS if k in item]
        if item.get("category") == BENIGN and len(given) == 1:
            # Half a role would leave the other half to a default no one chose.
            errors.append(f"{label}: role and tells_service are given together, or neither")
            continue
        if len(given) < 2 and isinstance(item.get("source"), str):
            # Written before roles were fields: its source's beginning set what it lacks.
            derived = role_from_source(item["source"], str(item.get("category")))
            for k, v in zip(ROLE_FIELDS, derived, strict=True):
                values.setdefault(k, v)
        out.append(LexiconEntry(**values))
    if errors:
        raise LexiconError(errors)
    return out


def lexicon_to_pack(entries: Iterable[LexiconEntry]) -> list[dict[str, Any]]:
    """The pack's ``lexicon`` list: an entry without its empty ``family`` nor a false
    ``any_language`` (a pack written before either existed reads the same); benign context
    always with its ``role`` and ``tells_service``, another entry with its ``role`` when it
    has one or its source would give it one (without the keys, the source sets them)."""
    out = []
    for e in entries:
        shown: tuple[str, ...] = ()
        if e.category == BENIGN:
            shown = ROLE_FIELDS
        elif e.role or role_from_source(e.source, e.category)[0]:
            shown = ("role",)
        out.append(
            {k: v for k, v in asdict(e).items() if k in shown or k not in LEFT_OUT_EMPTY or v}
        )
    return out
