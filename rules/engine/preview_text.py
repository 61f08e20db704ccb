"""How the preview reads a past deal's text with a draft's lexicon, as cheaply as it can.

Plain Python: nothing here imports Django.

A past deal screened with the version in force holds what that version's lexicon read
(its ``text.*`` fields). With that in hand:

- the draft has the same enabled phrases: the stored fields are the draft's reading too;
- the draft only adds phrases that raise signals (no phrase removed, changed or disabled,
  no benign context added): a phrase can only add signals, so the draft's reading is the
  stored one plus what the added phrases read (with the draft's benign context);
- anything else: the text is read again with the whole draft lexicon.

The preview compares tiers, which depend on which categories were found, not on how many
quotes; a quote read by both an old and an added phrase may appear twice in a preview's
fields, never in a screening's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rules.textsignals import BENIGN, CATEGORIES, CATEGORY_FIELDS, compile_lexicon, read_text

from .scoring import CompiledCriteria
from .text import text_read

TextReader = Callable[[Mapping[str, Any], Mapping[str, Any] | None], dict[str, Any]]


def _enabled(compiled: CompiledCriteria) -> frozenset:
    return frozenset(e for e in compiled.lexicon.entries if e.enabled)


def preview_text_reader(draft: CompiledCriteria, in_force: CompiledCriteria | None) -> TextReader:
    """A function (snapshot, stored text fields or None) -> the draft's text fields."""
    if in_force is None:
        return lambda snapshot, stored: text_read(snapshot, draft)
    before, after = _enabled(in_force), _enabled(draft)
    added, removed = after - before, before - after
    if not added and not removed:
        return lambda snapshot, stored: stored if stored is not None else text_read(snapshot, draft)
    if removed or any(e.category == BENIGN for e in added):
        return lambda snapshot, stored: text_read(snapshot, draft)
    benign = [e for e in after if e.category == BENIGN]
    extra = compile_lexicon([*sorted(added, key=_order), *sorted(benign, key=_order)])

    def read(snapshot: Mapping[str, Any], stored: Mapping[str, Any] | None) -> dict[str, Any]:
        if stored is None:
            return text_read(snapshot, draft)
        return _merged(stored, read_text(snapshot, extra))

    return read


def _order(entry) -> tuple:
    return (entry.language, entry.category, entry.phrase)


def _merged(stored: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in CATEGORY_FIELDS.values():
        out[field] = list(stored.get(field, [])) + list(new.get(field, []))
    out["text.signals"] = [c for c in CATEGORIES if out[CATEGORY_FIELDS[c]]]
    return out
