"""Where a phrase of the lexicon occurs in a text: the places of each part, and the
matches that take one place of every part within a window of words, in one sentence.

Every place of a part is kept (a rep who repeats a word or a denied act must not hide the
act asked for after it); the work stays bounded because a match looks only at the places
of the other parts a window away (``fitting.Near``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .fitting import Near as _Near
from .fitting import fit as _fit
from .lexicon import WINDOW, WORD_GAP, CompiledEntry, IndexedPart

if TYPE_CHECKING:
    from .reader import _Text


def alternative_spans(text: _Text, alt: tuple) -> list[tuple[int, int]]:
    """(first, last) token of each occurrence of one alternative's words in order."""
    if len(alt) == 1 and alt[0][0] == "key":  # one stemmed word: where the text has it
        return [(i, i) for i in text.index.get(alt[0][1], ())]
    spans = []
    toks = text.toks
    for i in text.starts(alt[0]):
        last = text.word_at(i, alt[0])
        ok = True
        for word in alt[1:]:
            found = -1
            gap = 0 if word[0] == "han" and alt[0][0] == "han" else WORD_GAP
            for j in range(last + 1, min(len(toks), last + 2 + gap)):
                if toks[j][3] != toks[i][3]:
                    break
                found = text.word_at(j, word)
                if found >= 0:
                    break
            if found < 0:
                ok = False
                break
            last = found
        if ok:
            spans.append((i, last))
    return spans


def part_spans(text: _Text, part: IndexedPart) -> list[tuple[int, int]]:
    """Every place one part occurs. None is left out: a rep who repeats a word, or a
    denied act, a hundred times before the act asked for must not hide it; the work stays
    bounded because matching looks at each span's neighbours only (``_Near``).

    Worked out once a text and part: entries share parts, and the protected groups' parts
    are looked up again for each match and cue (callers never change the list)."""
    found = text.part_places.get(id(part))
    if found is None:
        found = text.part_places[id(part)] = _part_spans(text, part)
    return found


def _part_spans(text: _Text, part: IndexedPart) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    keyset = text.keyset
    by_key = part.checked_by_key
    held = part.keys & keyset
    for key in sorted(held) if len(held) > 1 else held:
        for alt, needs in by_key[key]:
            if needs <= keyset:
                if len(alt) == 1 and alt[0][0] == "key":  # one stemmed word: its places
                    spans += [(i, i) for i in text.index[alt[0][1]]]
                else:
                    spans += alternative_spans(text, alt)
    for alt, needs in part.checked_scanned:
        if needs <= keyset:
            spans += alternative_spans(text, alt)
    return spans


# Benign context bears on a match only within two windows of it (``bears_on``); twice that
# keeps every span it may look at, a Chinese match being up to two windows long.
BENIGN_AROUND = 4 * WINDOW


def entry_spans(text: _Text, entry: CompiledEntry) -> list[tuple[int, int]]:
    """(first, last) token of each match of an entry: one span from every part, all in
    one sentence and within WINDOW words (Chinese: 2 x WINDOW characters)."""
    return [m[:2] for m in entry_matches(text, entry)]


def entry_matches(text: _Text, entry: CompiledEntry) -> list[tuple[int, int, int]]:
    """(first, last, start of the act) of each match of an entry (``entry_spans``): where
    the text wrote the part the phrase was written with first (a family's act)."""
    per_part = []
    for part in entry.indexed:
        spans = part_spans(text, part)
        if not spans:
            return []
        per_part.append(spans)
    window = WINDOW * 2 if entry.entry.language == "zh" else WINDOW
    toks = text.toks
    near = [_Near(spans) for spans in per_part[1:]]
    matches = []
    for first in per_part[0]:
        lo, hi = first
        sentence = toks[lo][3]
        taken = [first]
        for part in near:
            # The nearest occurrence of the part, and the longest at that place (the
            # quote shows "los medios independientes", not just "los medios"). Parts
            # read different words: "locate" is no action near a "location".
            best = None
            spans = part.spans
            for i in part.around(lo, hi, window):
                s = spans[i]
                if toks[s[0]][3] != sentence or any(s[0] <= t[1] and t[0] <= s[1] for t in taken):
                    continue
                nlo, nhi = min(lo, s[0]), max(hi, s[1])
                if nhi - nlo > window:
                    continue
                key = (max(0, s[0] - hi, lo - s[1]), s[0] - s[1], part.rank[i])
                if best is None or key < best[0]:
                    best = (key, nlo, nhi, s)
            if best is None:
                break
            _key, lo, hi, _s = best
            taken.append(best[3])
        else:
            matches.append((lo, hi, taken[entry.act_part][0]))
            continue
        if len(per_part) > 2:
            # The nearest occurrence of one part can push the next out of the window
            # ("covert mode: taps … must not show in the operator's logs" takes "covert
            # mode" and leaves "logs" too far): try the next nearest, a few each.
            found = _fit(toks, sentence, first, [first], near, window)
            if found is not None:
                matches.append((found[0], found[1], found[2][entry.act_part][0]))
    return matches


def merged_places(
    places: dict[str, list[int]], keys_of: Callable[[str], tuple[str, ...]]
) -> dict[str, list[int]]:
    """Key -> the places of every word with that key, in order: each distinct word's places
    are taken once and merged only where words share a key ("track", "tracking")."""
    merged: dict[str, list[int]] = {}
    shared = []
    for word, at in places.items():
        for key in keys_of(word):
            found = merged.get(key)
            if found is None:
                merged[key] = list(at)
            else:
                found += at
                shared.append(found)
    for found in shared:
        found.sort()
    return merged
