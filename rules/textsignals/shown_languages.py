"""The language detected in each text field of a deal, as the reviewer's line shows it
("Use description: Spanish"; ``text.languages`` in the snapshot)."""

from __future__ import annotations

from .disguise import as_read
from .languages import LANGUAGE_NAMES, detect_language

# Fields that hold names: a name has no language to tell ("Fjord Logistics AS" read as
# French), so the line leaves them out; they are read for red flags all the same.
NAME_FIELDS = frozenset({"end_user.name", "lines.names"})


def detected_languages(texts: dict[str, object], labels: dict[str, str]) -> list[str]:
    """ "<field label>: <language>" for each non-empty text field but names (list fields:
    each item)."""
    out: list[str] = []
    for path, value in texts.items():
        if path in NAME_FIELDS:
            continue
        items = value if isinstance(value, list | tuple) else [value]
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                continue
            code = detect_language(as_read(item))
            label = labels.get(path, path) + (f" {i + 1}" if len(items) > 1 else "")
            out.append(f"{label}: {LANGUAGE_NAMES.get(code, 'too short to tell')}")
    return out
