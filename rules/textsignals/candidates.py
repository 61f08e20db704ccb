"""Which entries of a lexicon are worth trying on a text, found from the text's keys.

An entry is tried only when every one of its parts can match: a part whose alternatives
all start with a stemmed (or Chinese) word needs one of their keys in the text; for an
entry with a ``word*`` start in every part (no trigger keys), each part needs one of its
keys or the first three letters of one of its ``word*`` starts. Rather than testing every
entry a text's keys trigger, part by part, the lexicon's parts are indexed by key once
(``CandidateIndex``, kept with the compiled lexicon) and a text marks the parts its keys
and word beginnings satisfy: the entries whose parts are all marked are the candidates,
in the lexicon's order. The result is the same set as the part-by-part test.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .languages import word_keys
from .learned_cues import canonical, compile_cues
from .lexicon import BENIGN, CompiledEntry, CompiledLexicon, LexiconEntry, compile_lexicon
from .negation import own_negations

_PLAN_KEY = "candidates"
Checked = tuple[int, frozenset[str]]


@dataclass(frozen=True)
class CandidateIndex:
    """Every signal and benign entry in the lexicon's order, each with one bit per part to
    be satisfied (its *slots*, followed by a spare bit), and what satisfies each slot."""

    entries: tuple[CompiledEntry, ...]
    benign: tuple[bool, ...]
    full: int  # every slot
    lowest: int  # the first slot of each entry
    spares: int  # the spare bit after each entry's slots
    at_spare: dict[int, int]  # a spare bit's place -> the entry's
    # key -> (the slots it satisfies alone: an alternative that is that word, or the first
    # word of an alternative in an entry with a ``word*`` start in every part; the other
    # keys (mates) of alternatives of several words posted under it, the key of theirs
    # fewest alternatives need; by mate, the slots of those of two words and the (slot,
    # remaining keys) of longer ones: a text's keys are looked up among the mates, rather
    # than each alternative's keys in the text)
    by_key: dict[str, tuple[int, frozenset[str], dict[str, tuple[int, tuple[Checked, ...]]]]]
    by_head: dict[str, int]  # first three letters of a ``word*`` start -> slots
    keys: frozenset[str]
    heads: frozenset[str]


def candidate_index(lexicon: CompiledLexicon) -> CandidateIndex:
    """The lexicon's index, worked out on its first reading and kept with it."""
    found = lexicon.plan.get(_PLAN_KEY)
    if found is None:
        found = lexicon.plan[_PLAN_KEY] = _build(lexicon)
    return found


def _anchor(needs: frozenset[str], uses: Counter[str]) -> str:
    """The key an alternative is posted under: the one fewest alternatives of the lexicon
    need, the longest stem among those, which a text seldom holds by chance (not "es:a",
    "pt:de" nor the 人 of every Chinese word for people)."""
    return min(needs, key=lambda k: (uses[k], k.index(":") - len(k), k))


def _build(lexicon: CompiledLexicon) -> CandidateIndex:
    entries = sorted((*lexicon.signals, *lexicon.benign), key=lambda e: e.order)
    by_key: dict[str, int] = {}
    paired: dict[str, dict[str, list]] = {}  # anchor -> mate -> [slots, {(slot, rest)}]
    by_head: dict[str, int] = {}
    uses: Counter[str] = Counter(
        key
        for entry in entries
        for part in entry.indexed
        for alts in part.checked_by_key.values()
        for _alt, needs in alts
        for key in needs
    )
    full = lowest = spares = 0
    at_spare: dict[int, int] = {}
    place = 0
    for pos, entry in enumerate(entries):
        if entry.triggers:
            # Its parts without ``word*`` starts (the trigger part among them): one of their
            # alternatives must have all its keys in the text, or the part reads nothing.
            needed = [part for part in entry.indexed if not part.scanned]
        else:
            needed = list(entry.indexed)
        lowest |= 1 << place
        for part in needed:
            slot = 1 << place
            place += 1
            full |= slot
            if not entry.triggers:
                for key in part.keys:
                    by_key[key] = by_key.get(key, 0) | slot
                for head in part.scan_heads:
                    by_head[head] = by_head.get(head, 0) | slot
                continue
            for first, alts in part.checked_by_key.items():
                for _alt, needs in alts:
                    if len(needs) == 1:
                        by_key[first] = by_key.get(first, 0) | slot
                    else:
                        anchor = _anchor(needs, uses)
                        others = needs - {anchor}
                        mate = _anchor(others, uses)  # the rarest of the others, as above
                        pair = paired.setdefault(anchor, {}).setdefault(mate, [0, {}])
                        if len(others) == 1:
                            pair[0] |= slot
                        else:
                            pair[1][(slot, others - {mate})] = None
        spares |= 1 << place
        at_spare[place] = pos
        place += 1
    return CandidateIndex(
        entries=tuple(entries),
        benign=tuple(e.entry.category == BENIGN for e in entries),
        full=full,
        lowest=lowest,
        spares=spares,
        at_spare=at_spare,
        by_key={
            k: (
                by_key.get(k, 0),
                frozenset(paired.get(k, ())),
                {m: (bits, tuple(rest)) for m, (bits, rest) in paired.get(k, {}).items()},
            )
            for k in {**by_key, **paired}
        },
        by_head=by_head,
        keys=frozenset(by_key) | frozenset(paired),
        heads=frozenset(by_head),
    )


def candidates(
    index: CandidateIndex, keyset: frozenset[str], heads: frozenset[str] | None
) -> tuple[list[CompiledEntry], list[CompiledEntry]]:
    """(signals, benign context) worth trying on a text with these keys and, when the
    index has ``word*`` beginnings, these first three letters of its words."""
    satisfied = 0
    by_key = index.by_key
    for key in index.keys & keyset:
        alone, mates, paired = by_key[key]
        if alone:  # (or-ing even nothing copies every slot's bit)
            satisfied |= alone
        if mates:
            for mate in mates & keyset:  # alternatives whose rarest other key is here too
                slots, longer = paired[mate]
                satisfied |= slots
                for slot, rest in longer:  # and their remaining keys?
                    if rest <= keyset:
                        satisfied |= slot
    if heads:
        by_head = index.by_head
        for head in index.heads & heads:
            satisfied |= by_head[head]
    # An entry whose slots are all satisfied carries into its spare bit when its first
    # slot is added; any other leaves it clear.
    found = ((satisfied & index.full) + index.lowest) & index.spares
    entries, benign, at_spare = index.entries, index.benign, index.at_spare
    signals_found: list[CompiledEntry] = []
    benign_found: list[CompiledEntry] = []
    while found:
        low = found & -found
        pos = at_spare[low.bit_length() - 1]
        (benign_found if benign[pos] else signals_found).append(entries[pos])
        found ^= low
    return signals_found, benign_found


_WORD_KEYS = "word_keys"
WORDS_KEPT = 65_536


def read_word_keys(lexicon: CompiledLexicon) -> Callable[[str], tuple[str, ...]]:
    """``word_keys`` of a text's word less the keys nothing in the lexicon reads (a phrase's
    words, their first keys, the negations phrases start with): a text holding those or
    not reads the same, and its index is a third the size. Kept with the lexicon, each
    word worked out once (at most ``WORDS_KEPT``, then afresh)."""
    found = lexicon.plan.get(_WORD_KEYS)
    if found is None:
        read: set[str] = set()
        for entry in (*lexicon.signals, *lexicon.benign):
            read |= own_negations(entry)
            for part in entry.indexed:
                read |= part.keys
                alts = [*part.checked_scanned]
                for checked in part.checked_by_key.values():
                    alts += checked
                for alt, needs in alts:
                    read |= needs
                    read.update(value for kind, value in alt if kind == "key")
        found = lexicon.plan[_WORD_KEYS] = _read_keys(frozenset(read))
    return found


def _read_keys(read: frozenset[str]) -> Callable[[str], tuple[str, ...]]:
    words: dict[str, tuple[str, ...]] = {}

    def keys(word: str) -> tuple[str, ...]:
        found = words.get(word)
        if found is None:
            if len(words) >= WORDS_KEPT:
                words.clear()
            found = words[word] = tuple(k for k in word_keys(word) if k in read)
        return found

    return keys


# Lexicons compiled and indexed, by their entries: the admin's "Try a sentence" box reads
# with a draft's or a version's lexicon on every request, and compiling a thousand phrases
# and indexing them costs far more than reading a sentence. Keyed by the entries themselves
# (every field, compared in full) and the learned cues (as canonical JSON), so an edited
# lexicon or cue is another key and is compiled afresh; the least recently used go past COMPILED_KEPT (a few drafts and versions).
COMPILED_KEPT = 4
_compiled: OrderedDict[tuple[tuple[LexiconEntry, ...], str], CompiledLexicon] = OrderedDict()
_compiled_lock = threading.Lock()


def compiled_lexicon(
    entries: Iterable[LexiconEntry], cues: Mapping[str, Any] | None = None
) -> CompiledLexicon:
    """``compile_lexicon(entries)`` with its candidate index built and its learned cues
    (a ``learned_cues`` section, or None), kept per process for the same entries and cues
    (``LexiconError`` or ``CuesError`` as compiling them; a refused lexicon is not kept)."""
    entries = tuple(entries)
    key = (entries, canonical(cues))
    with _compiled_lock:
        found = _compiled.get(key)
        if found is not None:
            _compiled.move_to_end(key)
            return found
    found = compile_lexicon(entries, compile_cues(cues))
    candidate_index(found)
    with _compiled_lock:
        _compiled[key] = found
        while len(_compiled) > COMPILED_KEPT:
            _compiled.popitem(last=False)
    return found


def prefixes_by_head(prefixes: Iterable[str]) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """The ``word*`` beginnings a word may start with, by its first three letters, and those
    shorter than three (under every head too, and alone for a word of a head none has): a
    word is tried against a few beginnings, not all."""
    every = set(prefixes)
    short = tuple(sorted(p for p in every if len(p) < 3))
    by_head: dict[str, list[str]] = {}
    for prefix in sorted(every):
        if len(prefix) >= 3:
            by_head.setdefault(prefix[:3], list(short)).append(prefix)
    return {head: tuple(found) for head, found in by_head.items()}, short
