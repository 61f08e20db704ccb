"""What the preview keeps of a past deal's reading when the draft removes signal phrases.

Plain Python: nothing here imports Django.

A quote read by a removed phrase alone is dropped by the stored record of the phrases
behind each quote (``without_phrases``); a learned cue it stood in for is quoted in its place
by the record of what that cue would quote (``cues_behind``). A removed phrase also acts
where it left no quote:

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
from rules.textsignals.cue_reads import LEARNED_CUE
from rules.textsignals.cues_behind import (
    CUES_BEHIND_FIELD,
    Recorded,
    recorded_cues,
    recorded_line,
)
from rules.textsignals.languages import word_keys
from rules.textsignals.lexicon import CompiledEntry, CompiledLexicon, phrase_key
from rules.textsignals.negation_words import NEGATIONS
from rules.textsignals.snapshot_reading import (
    MAX_QUOTES_PER_CATEGORY,
    PHRASES_FIELD,
    TEXT_FIELD_LABELS,
    TRUNCATED,
    phrase_line,
)
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
    ``cues``: the reading was made with learned cues. A quote dropped that stood in for a
    learned cue is replaced by what the record says the cue then quotes (``cues_behind``)."""
    behind = stored.get(CUES_BEHIND_FIELD)
    records = recorded_cues(behind) if isinstance(behind, list) else None
    occurrences = []
    truncated = set()
    changed = False
    dropped: dict[int, str] = {}  # place in the record -> category, of each quote dropped
    waiting = set()  # of those, the quotes a learned cue was behind
    for k, line in enumerate(recorded):
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
                if others == [LEARNED_CUE] and records is not None:
                    waiting.add(k)  # the cue is uncovered: the record tells what it quotes
                elif others:
                    return None  # another phrase matched here and lost to a removed one
                dropped[k] = category
                continue
        elif not keys.isdisjoint(others):
            # A place of detention named records the detention phrases it hid among its
            # others (``detention_sites``): gone, they hide nothing.
            changed = True
            others = [k for k in others if k not in keys]
        occurrences.append((k, category, int(n), winners, others, len(rest) > 2))
    if truncated & categories:
        return None  # the field kept only some quotes: those left out may change too
    if not changed:
        return dict(stored)
    places = dropped.keys() | {o[0] for o in occurrences}
    if records and not all({*r.places, *r.text} <= places for r in records):
        return None  # a record naming no quote: not the reader's (altered by hand)
    uncovered = _uncovered(records or [], dropped, waiting)
    if uncovered is None:
        return None
    return _renumbered(stored, occurrences, truncated, dropped, *uncovered, records is not None)


def _uncovered(
    records: list[Recorded], dropped: Mapping[int, str], waiting: set[int]
) -> tuple[list[Recorded], list[Recorded]] | None:
    """The cues the quotes ``dropped`` uncover (a cancelled one quotes nothing) and the
    records left; None when the record cannot tell (a cue of a text that lost a quote is
    unknown, or a quote dropped stood in for a cue not recorded)."""
    uncovered, left = [], []
    for r in records:
        gone = [k for k in r.places if k in dropped]
        if r.line is None:
            if any(k in dropped for k in range(r.text[0], r.text[1] + 1)):
                return None  # what the cue quotes, or where, is not told
            left.append(r)
            continue
        waiting.difference_update(gone)
        if len(gone) < len(r.places):
            left.append(r._replace(places=tuple(k for k in r.places if k not in dropped)))
        elif r.line:
            uncovered.append(r)
    return (uncovered, left) if not waiting else None


def _order(r: Recorded, category: str) -> tuple:
    """Where a recorded cue goes among the places of ``text.phrases`` (a quote at k is at
    (k, 0)): just before its text's first quote after it, or after its text's last."""
    first, last = r.text
    if first + r.before <= last:
        return (first + r.before, -1, r.start, category)
    return (last, 1, r.start, category)


def _renumbered(
    stored: Mapping[str, Any],
    occurrences: list[tuple],
    truncated: set[str],
    dropped: Mapping[int, str],
    uncovered: list[Recorded],
    records: list[Recorded],
    recorded_cues: bool,
) -> dict[str, Any] | None:
    """The reading of the quotes left and the cues uncovered, numbered in each category's
    field by first appearance as a re-read numbers them; None when a field would then hold
    more quotes than it keeps."""
    category_of = dict(dropped) | {o[0]: o[1] for o in occurrences}
    items = [((o[0], 0), o) for o in occurrences]
    items += [(_order(r, dropped[r.places[0]]), r) for r in uncovered]
    items.sort(key=lambda item: item[0])
    lines: dict[str, dict[str, int]] = {}
    phrases: list[str] = []
    moved: dict[int, int] = {}  # place in the stored record -> place in the new one
    for _at, item in items:
        if isinstance(item, Recorded):
            category, line, winners, others, cued = (
                dropped[item.places[0]],
                item.line,
                [LEARNED_CUE],
                [],
                True,
            )
        else:
            k, category, n, winners, others, cued = item
            line = (stored.get(CATEGORY_FIELDS[category]) or [])[n]
            moved[k] = len(phrases)
        numbered = lines.setdefault(category, {})
        phrases.append(
            phrase_line(category, numbered.setdefault(line, len(numbered)), winners, others, cued)
        )
    if any(len(numbered) > MAX_QUOTES_PER_CATEGORY for numbered in lines.values()):
        return None  # a cue uncovered added a quote to a full field
    out: dict[str, Any] = {"text.signals": []}
    for category, field in CATEGORY_FIELDS.items():
        out[field] = list(lines.get(category, ()))
        if out[field] and category in CATEGORIES:
            out["text.signals"].append(category)
    out[PHRASES_FIELD] = phrases + [f"{c}:{TRUNCATED}" for c in CATEGORY_FIELDS if c in truncated]
    if recorded_cues:
        positions = [at for at, _item in items]
        out[CUES_BEHIND_FIELD] = [
            recorded_line(_moved(r, category_of[r.places[0]], positions, moved)) for r in records
        ]
    return out


def _moved(
    r: Recorded, category: str, positions: list[tuple], moved: Mapping[int, int]
) -> Recorded:
    """A record left, in the places of the new ``text.phrases`` (``positions``: where each
    of its lines came from, in order)."""
    first, last = r.text
    ours = [i for i, at in enumerate(positions) if first <= at[0] <= last]
    text = (ours[0], ours[-1])
    if r.line is None:
        return r._replace(places=tuple(moved[k] for k in r.places), text=text)
    order = _order(r, category)
    before = sum(positions[i] < order for i in ours)
    return r._replace(places=tuple(moved[k] for k in r.places), before=before, text=text)
