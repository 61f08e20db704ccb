"""A preview's test of a deal's texts, answered once a text (titles, sectors and customers
repeat across deals): the base of the lexicon's and the learned cues' probes.

Plain Python: nothing here imports Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rules.textsignals.candidates import prefixes_by_head
from rules.textsignals.languages import (
    bare_word,
    normalise,
    normalise_token,
    word_keys,
    word_set,
    words_as_read,
)
from rules.textsignals.lexicon import CompiledEntry, LexiconEntry, compiled_entry
from rules.textsignals.snapshot_reading import snapshot_texts

# Texts already tested in one preview.
TOUCH_CACHE_SIZE = 50_000
ANCHOR_CACHE_SIZE = 200_000  # words of the deals' vocabulary


class TextProbe:
    """Whether a change could read a text differently (False: it surely cannot); a
    subclass says how (``_touches``) and when it has nothing to look for (``_empty``)."""

    def __init__(self) -> None:
        self._cache: dict[str, bool] = {}

    def _empty(self) -> bool:
        raise NotImplementedError

    def _touches(self, raw: str) -> bool:
        raise NotImplementedError

    def touches(self, raw: str) -> bool:
        if not raw or not raw.strip() or self._empty():
            return False
        found = self._cache.get(raw)
        if found is None:
            if len(self._cache) >= TOUCH_CACHE_SIZE:
                self._cache.clear()
            found = self._cache[raw] = self._touches(raw)
        return found

    def touches_snapshot(self, snapshot: Mapping[str, Any]) -> bool:
        return any(self.touches(text) for text in snapshot_texts(snapshot))


class ChangeProbe(TextProbe):
    """Tells whether any of some lexicon entries could match somewhere in a text.

    Necessary for a match (``matching.entry_spans``): every ``~`` part of the entry has an
    occurrence of one of its alternatives, so the text holds every word of that
    alternative: its stem key (Chinese: each of its characters), or, for a ``word*``, a
    word starting so. A part none of whose alternatives has all its words in the text: the
    entry cannot match. Words are the reader's own (``word_set``, ``word_keys``), read
    after the text's disguises are undone (``as_read``: "u n i o n i s t s" is a word).
    """

    def __init__(self, phrases: Iterable[tuple]) -> None:
        super().__init__()
        # Compiled with the reader's own compiler, so the keys are the reader's keys; a
        # phrase whose category changed is in twice, and its words are tested once.
        # Family phrases go past the limits of one written phrase: compiled unchecked (every
        # phrase here was checked when its lexicon was compiled).
        unique: dict[tuple[str, str], LexiconEntry] = {}
        # (phrase, language, category[, any_language, role]): where a phrase may read, and
        # its role, do not change which words it needs, so the test ignores
        # them (it stays necessary); sorted as text, as a role is a pair.
        for phrase, language, category, *_where in sorted(
            phrases, key=lambda p: tuple(map(str, p))
        ):
            key = (language, " ".join(normalise(phrase).split()))
            unique.setdefault(key, LexiconEntry(phrase, language, category, "preview"))
        self.entries: tuple[CompiledEntry, ...] = tuple(map(compiled_entry, unique.values()))
        # Per entry, per part, per alternative: (stem keys it needs, prefixes it needs).
        self._entries = [
            [[_needs(alt) for alt in part] for part in entry.parts] for entry in self.entries
        ]
        # One word each alternative needs (its longest stem, else its first ``word*``),
        # and the parts it stands for: a text holding no such word for some part of every
        # entry is not touched. What a word of the text stands for is remembered by word,
        # so most texts are rejected by splitting them and a dictionary look-up a word.
        self._parts_of_entry: list[frozenset[int]] = []
        self._key_parts: dict[str, set[int]] = {}
        self._prefix_parts: dict[str, set[int]] = {}
        n = 0
        for parts in self._entries:
            ids = []
            for part in parts:
                for need_keys, need_prefixes in part:
                    if need_keys:
                        self._key_parts.setdefault(max(need_keys, key=len), set()).add(n)
                    else:
                        self._prefix_parts.setdefault(need_prefixes[0], set()).add(n)
                ids.append(n)
                n += 1
            self._parts_of_entry.append(frozenset(ids))
        # The entries each part is of, and the beginnings by their first three letters
        # (those shorter under every head): a text's words reach only a few of each.
        self._entries_of_part = {n: i for i, ids in enumerate(self._parts_of_entry) for n in ids}
        self._prefixes_by_head, self._short_prefixes = prefixes_by_head(self._prefix_parts)
        self._anchor_words: dict[str, frozenset[int]] = {}
        self._anchor_none: set[str] = set()

    def _empty(self) -> bool:
        return not self.entries

    def _parts_anchored(self, token: str) -> frozenset[int]:
        word = normalise_token(token)
        found: set[int] = set()
        for key in word_keys(word):
            if parts := self._key_parts.get(key):
                found.update(parts)
        bare = bare_word(word)
        for prefix in self._prefixes_by_head.get(bare[:3], self._short_prefixes):
            if bare.startswith(prefix):
                found.update(self._prefix_parts[prefix])
        return frozenset(found)

    def _touches(self, raw: str) -> bool:
        known = self._anchor_words
        hit: set[int] = set()
        # The words the reader reads: spaced letters, invisible characters and markup
        # undone ("u n i o n i s t s"), as ``word_set`` below does.
        # Most words of a text anchor nothing, and were met before: set apart at once.
        for token in words_as_read(raw) - self._anchor_none:
            parts = known.get(token)
            if parts is None:
                if len(known) + len(self._anchor_none) >= ANCHOR_CACHE_SIZE:
                    known.clear()
                    self._anchor_none.clear()
                parts = self._parts_anchored(token)
                if not parts:
                    self._anchor_none.add(token)
                    continue
                known[token] = parts
            hit.update(parts)
        maybe = self._maybe(hit)
        if not maybe:
            return False
        words = word_set(raw)
        keys = set().union(*map(word_keys, words))
        bare: list[str] = []  # the words without accents, made when a ``word*`` is asked

        def begun(prefix: str) -> bool:
            if not bare:
                bare.extend(map(bare_word, words))
            return any(w.startswith(prefix) for w in bare)

        return any(
            all(
                any(need_keys <= keys and all(map(begun, prefixes)) for need_keys, prefixes in part)
                for part in parts
            )
            for parts in maybe
        )

    def _maybe(self, hit: set[int]) -> list:
        """The entries every part of which ``hit`` holds, in the lexicon's order."""
        reached = sorted({self._entries_of_part[n] for n in hit})
        return [self._entries[i] for i in reached if self._parts_of_entry[i] <= hit]


def _needs(alt: tuple) -> tuple[frozenset[str], tuple[str, ...]]:
    """The stem keys and the word beginnings a text must hold for ``alt`` to occur."""
    keys: set[str] = set()
    prefixes: list[str] = []
    for kind, value in alt:
        if kind == "key":
            keys.add(value)
        elif kind == "han":
            keys.update(f"zh:{ch}" for ch in value)
        else:
            prefixes.append(value)
    return frozenset(keys), tuple(prefixes)
