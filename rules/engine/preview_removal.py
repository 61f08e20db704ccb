"""What the preview keeps of a past deal's reading when the draft removes signal phrases.

Plain Python: nothing here imports Django.

A quote read by a removed phrase alone is dropped by the stored record of the phrases
behind each quote (``without_phrases``). A removed phrase also acts where it left no quote:

- a match of it read denied ("the rooms are not locked") leaves nothing in the record, yet
  kept the whole text from being weighed (``whole_text``: a text that denies a red flag is
  not raised as a whole) and dropped a state of its category written on the negation beside
  it (``denied_beside``: "do not restrict access");
- a quote dropped may leave its text with no red flag, which its whole may then raise.

So a deal is read again when a text of it is left with no red flag, lost a quote or holds
the words of a removed phrase, and weighs enough to be raised (``could_raise``); or when a
text holds the words of a removed phrase and of a phrase of the same category that may
start on a negation. A quote names its field ("Use description (English): …"), so a field
of one text that keeps a red flag's quote keeps its red flag; the texts of a field of
several are each taken as maybe left without one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from rules.textsignals import CATEGORIES, CATEGORY_FIELDS
from rules.textsignals.languages import word_keys
from rules.textsignals.lexicon import CompiledEntry, CompiledLexicon, phrase_key
from rules.textsignals.negation_words import NEGATIONS
from rules.textsignals.reader import PHRASES_FIELD, TEXT_FIELD_LABELS, TRUNCATED, phrase_line
from rules.textsignals.whole_text import could_raise

from .text_probe import ChangeProbe, snapshot_texts

# The keys a negation word yields: a phrase's first word with one of them may start on it.
_NEGATION_KEYS = frozenset(k for word in NEGATIONS for k in word_keys(word))


class Removal:
    """The stored reading of a deal as the draft would read it without the signal phrases
    ``removed`` ((phrase, language, category, ...) each), or None when the deal must be read
    again (the module's notes)."""

    def __init__(self, removed: Iterable[tuple], draft: CompiledLexicon) -> None:
        removed = set(removed)
        self.keys = frozenset(phrase_key(p[1], p[0]) for p in removed)
        self.categories = frozenset(p[2] for p in removed)
        self.cues = draft.cues
        self.gone = ChangeProbe(removed)
        self.states = ChangeProbe(
            (e.entry.phrase, e.entry.language, e.entry.category)
            for e in draft.signals
            if e.entry.category in self.categories and _may_start_on_negation(e)
        )

    def kept(
        self, snapshot: Mapping[str, Any], stored: Mapping[str, Any], recorded: list[str]
    ) -> dict[str, Any] | None:
        kept = without_phrases(stored, recorded, self.keys, self.categories, cues=bool(self.cues))
        if kept is None or not self.keys:
            return kept
        if self.states.entries and any(
            self.gone.touches(t) and self.states.touches(t) for t in snapshot_texts(snapshot)
        ):
            return None  # a denied match may have dropped a state beside it
        for text, lost in left_unflagged(snapshot, stored, kept):
            if (lost or self.gone.touches(text)) and could_raise(text, self.cues):
                return None
        return kept


def _may_start_on_negation(entry: CompiledEntry) -> bool:
    """Whether a match of ``entry`` may start on a negation word: the first word of one of
    its alternatives (of any part: a family's parts match in either order) may be one."""
    for part in entry.parts:
        for alt in part:
            kind, value = alt[0]
            if kind == "key" and value in _NEGATION_KEYS:
                return True
            if kind != "key" and any(word.startswith(value[:1]) for word in NEGATIONS):
                return True  # a ``word*`` or Chinese beginning: told apart no further
    return False


def left_unflagged(
    snapshot: Mapping[str, Any], stored: Mapping[str, Any], kept: Mapping[str, Any]
) -> Iterator[tuple[str, bool]]:
    """Each text of a deal that ``kept`` may leave with no red flag, and whether its field
    lost a quote of ``stored``: every text but that of a field of one text a kept red
    flag's quote names (a quote starts with its field's label)."""
    dropped: set[str] = set()
    flagged: set[str] = set()
    for category, field in CATEGORY_FIELDS.items():
        left = kept.get(field) or []
        dropped.update(set(stored.get(field) or []) - set(left))
        if category in CATEGORIES:
            flagged.update(left)
    for path, label in TEXT_FIELD_LABELS.items():
        value = snapshot.get(path)
        items = value if isinstance(value, list | tuple) else (value,)
        items = [i for i in items if isinstance(i, str)]
        named = f"{label} ("
        if len(items) == 1 and any(line.startswith(named) for line in flagged):
            continue  # a red flag of the text is still quoted
        lost = any(line.startswith(named) for line in dropped)
        for item in items:
            yield item, lost


def without_phrases(
    stored: Mapping[str, Any],
    recorded: list[str],
    keys: frozenset[str],
    categories: frozenset[str],
    *,
    cues: bool = False,
) -> dict[str, Any] | None:
    """The stored reading without what the phrases ``keys`` (of ``categories``) read, or None
    when that cannot be told without reading the text again (see the module's notes);
    ``cues``: the reading was made with learned cues."""
    occurrences = []
    truncated = set()
    changed = False
    for line in recorded:
        category, n, *rest = line.split(":")
        if n == TRUNCATED:
            truncated.add(category)
            continue
        winners = rest[0].split(",") if rest[0] else []
        others = rest[1].split(",") if rest[1] else []
        if category in categories and not (keys.isdisjoint(winners) and keys.isdisjoint(others)):
            if cues and len(rest) < 3:
                return None  # recorded before the cues a quote stood in for were
            changed = True
            winners = [k for k in winners if k not in keys]
            others = [k for k in others if k not in keys]
            if not winners:
                if others:
                    return None  # another phrase matched here and lost to a removed one
                continue
        elif not keys.isdisjoint(others):
            # A place of detention named records the detention phrases it hid among its
            # others (``detention_sites``): gone, they hide nothing.
            changed = True
            others = [k for k in others if k not in keys]
        occurrences.append((category, int(n), winners, others, len(rest) > 2))
    if truncated & categories:
        return None  # the field kept only some quotes: those left out may change too
    if not changed:
        return dict(stored)
    out: dict[str, Any] = {"text.signals": []}
    places: dict[str, dict[int, int]] = {}
    phrases = []
    for category, n, winners, others, cues_read in occurrences:
        renumbered = places.setdefault(category, {})
        n = renumbered.setdefault(n, len(renumbered))
        phrases.append(phrase_line(category, n, winners, others, cues_read))
    for category, field in CATEGORY_FIELDS.items():
        lines = stored.get(field) or []
        out[field] = [lines[n] for n in places.get(category, ())]
        if out[field] and category in CATEGORIES:
            out["text.signals"].append(category)
    phrases += [f"{c}:{TRUNCATED}" for c in CATEGORY_FIELDS if c in truncated]
    out[PHRASES_FIELD] = phrases
    return out
