"""A criteria pack's ``lexicon`` list read into entries and written back (the pack's file
format; compiling the entries is ``lexicon.py``'s)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any

from .lexicon import ENTRY_FIELDS, LexiconEntry, LexiconError


def lexicon_from_pack(pack: Mapping[str, Any]) -> list[LexiconEntry]:
    """The ``lexicon`` list of a criteria pack (absent: empty); ``LexiconError`` on bad shape."""
    raw = pack.get("lexicon", [])
    if not isinstance(raw, list):
        raise LexiconError(["lexicon must be a list"])
    errors: list[str] = []
    out: list[LexiconEntry] = []
    required = [n for n in ENTRY_FIELDS if n not in ("enabled", "family", "any_language")]
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
        out.append(LexiconEntry(**{k: item[k] for k in ENTRY_FIELDS if k in item}))
    if errors:
        raise LexiconError(errors)
    return out


def lexicon_to_pack(entries: Iterable[LexiconEntry]) -> list[dict[str, Any]]:
    """The pack's ``lexicon`` list: an entry without its empty ``family`` nor a false
    ``any_language`` (a pack written before either existed reads the same)."""
    optional = ("family", "any_language")
    return [{k: v for k, v in asdict(e).items() if k not in optional or v} for e in entries]
