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

from collections import Counter
from dataclasses import dataclass

from .lexicon import BENIGN, CompiledEntry, CompiledLexicon

_PLAN_KEY = "candidates"


@dataclass(frozen=True)
class CandidateIndex:
    """Every signal and benign entry in the lexicon's order, and for each of their parts to
    be satisfied, what satisfies it."""

    entries: tuple[CompiledEntry, ...]
    benign: tuple[bool, ...]
    full: tuple[int, ...]  # per entry: the bits of all its parts to be satisfied
    # anchor key -> (entry, part bit, keys of the alternative): an alternative is posted
    # under one key of its own (the longest stem, seldom a common word) and satisfies its
    # part when the text holds all its keys.
    by_anchor: dict[str, tuple[tuple[int, int, frozenset[str]], ...]]
    # Entries with a ``word*`` start in every part: key or beginning -> (entry, part bit).
    by_key: dict[str, tuple[tuple[int, int], ...]]
    by_head: dict[str, tuple[tuple[int, int], ...]]
    anchors: frozenset[str]
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
    return min(sorted(needs), key=lambda k: (uses[k], k.index(":") - len(k)))


def _build(lexicon: CompiledLexicon) -> CandidateIndex:
    entries = sorted((*lexicon.signals, *lexicon.benign), key=lambda e: e.order)
    by_anchor: dict[str, list[tuple[int, int, frozenset[str]]]] = {}
    by_key: dict[str, list[tuple[int, int]]] = {}
    by_head: dict[str, list[tuple[int, int]]] = {}
    full = []
    uses: Counter[str] = Counter(
        key
        for entry in entries
        for part in entry.indexed
        for first, alts in part.checked_by_key.items()
        for _alt, needs in alts
        for key in needs | {first}
    )
    for pos, entry in enumerate(entries):
        bits = 0
        if entry.triggers:
            # Its parts without ``word*`` starts (the trigger part among them): one of their
            # alternatives must have all its keys in the text, or the part reads nothing.
            needed = [part for part in entry.indexed if not part.scanned]
            for n, part in enumerate(needed):
                bit = 1 << n
                bits |= bit
                for first, alts in part.checked_by_key.items():
                    for _alt, needs in alts:
                        needs = needs | {first}
                        by_anchor.setdefault(_anchor(needs, uses), []).append((pos, bit, needs))
        else:
            for n, part in enumerate(entry.indexed):
                bit = 1 << n
                bits |= bit
                for key in part.keys:
                    by_key.setdefault(key, []).append((pos, bit))
                for head in part.scan_heads:
                    by_head.setdefault(head, []).append((pos, bit))
        full.append(bits)
    return CandidateIndex(
        entries=tuple(entries),
        benign=tuple(e.entry.category == BENIGN for e in entries),
        full=tuple(full),
        by_anchor={k: tuple(v) for k, v in by_anchor.items()},
        by_key={k: tuple(v) for k, v in by_key.items()},
        by_head={k: tuple(v) for k, v in by_head.items()},
        anchors=frozenset(by_anchor),
        keys=frozenset(by_key),
        heads=frozenset(by_head),
    )


def candidates(
    index: CandidateIndex, keyset: frozenset[str], heads: frozenset[str] | None
) -> tuple[list[CompiledEntry], list[CompiledEntry]]:
    """(signals, benign context) worth trying on a text with these keys and, when the
    index has ``word*`` beginnings, these first three letters of its words."""
    marks: dict[int, int] = {}
    get = marks.get
    by_anchor = index.by_anchor
    for key in index.anchors & keyset:
        for pos, bit, needs in by_anchor[key]:
            if needs <= keyset:
                marks[pos] = get(pos, 0) | bit
    by_key = index.by_key
    for key in index.keys & keyset:
        for pos, bit in by_key[key]:
            marks[pos] = get(pos, 0) | bit
    if heads:
        by_head = index.by_head
        for head in index.heads & heads:
            for pos, bit in by_head[head]:
                marks[pos] = get(pos, 0) | bit
    full, entries, benign = index.full, index.entries, index.benign
    signals_found: list[CompiledEntry] = []
    benign_found: list[CompiledEntry] = []
    for pos in sorted(marks):
        if marks[pos] == full[pos]:
            (benign_found if benign[pos] else signals_found).append(entries[pos])
    return signals_found, benign_found
