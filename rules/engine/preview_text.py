"""How the preview reads a past deal's text with a draft's lexicon, as cheaply as it can.

Plain Python: nothing here imports Django.

A past deal screened with the version in force holds what that version's lexicon read
(its ``text.*`` fields). The draft's lexicon differs from it by the phrases added, removed,
changed, enabled or disabled (a changed phrase is one removed and one added). What a text
reads depends only on the phrases that match somewhere in it (signals and benign context
alike: a phrase with no match in a text adds nothing to its reading and cancels nothing),
so a text that none of the differing phrases can match reads the same with both lexicons.
Hence, for each deal:

- the draft has the same enabled phrases: the stored fields are the draft's reading;
- phrases the draft adds (or changes), and benign context it removes, are looked for by
  their words: no text of the deal holds the words such a phrase needs (for each of its
  ``~`` parts, every word of one alternative: its stem, or a word starting with its
  ``word*``), so it adds nothing and cancels nothing; otherwise the deal is read again;
- signal phrases the draft removes are looked up in the stored reading's record of the
  phrases behind each quote (``text.phrases``): a quote read by a phrase that stays is
  kept, a quote read only by removed phrases, with no other phrase matching at its place,
  is dropped (and the quotes are renumbered, in the order a re-read would give them); a
  quote whose phrases all go while another phrase matched at its place (that match was
  hidden behind it), or a category with more quotes than its field keeps, needs the deal
  read again. A screening stored before the record existed falls back on the words test;
- otherwise the deal's text is read again with the whole draft lexicon.

Learned cues (``rules.textsignals.learned_cues``) are scored over every word of a text, so
no words test can tell which texts a new fitting leaves alone: a draft whose cues differ
from the version in force reads every deal with text again, unless they differ only by
words or pairs switched on or off; then a deal is read again only when its text holds a
switched word (``preview_cues``), and is otherwise taken as the phrases alone would have
it (below). With the same cues, a quote
dropped with its removed phrases may uncover a cue the phrase's quote stood in for: the
record lists such a cue among the quote's others (``LEARNED_CUE``), so that deal is read
again like one whose quote hid another phrase's match. A record written with cues before
it listed them (no ``:cues`` ending) reads the deal again whenever a quote of it changes;
left unchanged, it is returned as stored, so its ``text.phrases`` lacks the marks a re-read
would write (the tier, the signals and the quotes are a re-read's; no criterion reads
``text.phrases``).

The words test reads the same words and stems as the reader and asks only for what every
match needs, so it can never skip a deal the draft would read differently; removal drops
only what the reader's own record says the removed phrases alone produced. The fields
returned are exactly a full re-read's but for that one case
(``tests/rules_engine/test_preview_text.py`` compares them on generated deals and lexicon
changes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rules.textsignals import (
    BENIGN,
    CATEGORIES,
    CATEGORY_FIELDS,
)
from rules.textsignals.benign_scope import PROTECTED_CATEGORIES, is_family_phrase
from rules.textsignals.disguise import as_read
from rules.textsignals.languages import (
    TOKEN_RE,
    bare_word,
    normalise,
    normalise_token,
    word_keys,
    word_set,
)
from rules.textsignals.lexicon import CompiledEntry, LexiconEntry, compiled_entry, phrase_key
from rules.textsignals.reader import PHRASES_FIELD, TRUNCATED, phrase_line
from rules.textsignals.split_words import rejoins_any
from rules.textsignals.whole_text import could_raise

from .criteria import CompiledCriteria
from .preview_cues import CueSwitchProbe, switches_between
from .text import text_read
from .text_probe import TOUCH_CACHE_SIZE, TextProbe, snapshot_texts

TextReader = Callable[[Mapping[str, Any], Mapping[str, Any] | None], dict[str, Any]]

ANCHOR_CACHE_SIZE = 200_000  # words of the deals' vocabulary


def _enabled(compiled: CompiledCriteria) -> frozenset[tuple]:
    """What reading depends on, for each enabled phrase (a category's families read as the
    one phrase they compose): ``_reading``. An edited source or the place of a phrase in
    the list changes no reading."""
    return frozenset(map(_reading, compiled.lexicon.effective))


def _reading(e: LexiconEntry) -> tuple:
    """(phrase, language, category, any_language, role): a family changed changes its
    phrase; a phrase read in any language, or no longer, reads other texts; a benign
    entry's role and whether it tells a security service apart change what it cancels, an
    interception phrase's role what it reads (``entry_roles``)."""
    role = (e.role, e.tells_service)
    return (e.phrase, e.language, e.category, e.any_language, role)


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
        for prefix, parts in self._prefix_parts.items():
            if bare.startswith(prefix):
                found.update(parts)
        return frozenset(found)

    def _touches(self, raw: str) -> bool:
        known = self._anchor_words
        hit: set[int] = set()
        # The words the reader reads: spaced letters, invisible characters and markup
        # undone ("u n i o n i s t s"), as ``word_set`` below does.
        # Most words of a text anchor nothing, and were met before: set apart at once.
        for token in set(TOKEN_RE.findall(as_read(raw))) - self._anchor_none:
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
        maybe = [
            entry
            for entry, parts in zip(self._entries, self._parts_of_entry, strict=True)
            if parts <= hit
        ]
        if not maybe:
            return False
        words = word_set(raw)
        keys = set().union(*map(word_keys, words))
        for parts in maybe:
            if all(
                any(
                    need_keys <= keys
                    and all(any(bare_word(w).startswith(p) for w in words) for p in need_prefixes)
                    for need_keys, need_prefixes in part
                )
                for part in parts
            ):
                return True
        return False


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


def preview_text_reader(draft: CompiledCriteria, in_force: CompiledCriteria | None) -> TextReader:
    """A function (snapshot, stored text fields or None) -> the draft's text fields.

    ``stored`` must be what ``in_force``'s lexicon read in that snapshot (the fields of a
    screening by the version in force), or None when there is no such reading.
    """
    if in_force is None:
        return lambda snapshot, stored: text_read(snapshot, draft)
    cue_probe = None
    if _cues_key(in_force) != _cues_key(draft):
        # Cue words or pairs switched on or off: only texts holding their words read
        # differently (``preview_cues``). Any other change of cues: every text again.
        switched = switches_between(in_force.lexicon.cues, draft.lexicon.cues)
        if switched is None:
            return lambda snapshot, stored: text_read(snapshot, draft)
        cue_probe = CueSwitchProbe(switched)
    before, after = _enabled(in_force), _enabled(draft)
    changed = before ^ after
    if not changed and cue_probe is None:
        return lambda snapshot, stored: stored if stored is not None else text_read(snapshot, draft)
    if not draft.lexicon.signals:
        return lambda snapshot, stored: text_read(snapshot, draft)  # nothing to read: cheap
    # Cue words switched with the same phrases: no phrase probe touches anything, and the
    # stored reading is kept wherever the cue probe and the split-word test allow.
    probe = ChangeProbe(changed)
    # Signal phrases removed: dropped by the record of each quote's phrases. The rest (added,
    # changed, benign context removed): the words test.
    removed = {p for p in before - after if p[2] != BENIGN}
    # The targets of a protected category's families tell where a text names a protected
    # group, which decides whether benign context beside another match bears on it
    # (``benign_scope``): texts naming one of a changed family's targets are read again.
    guarded = {
        (e.phrase.rsplit("~", 1)[-1], e.language, e.category, False)
        for compiled in (in_force, draft)
        for e in compiled.lexicon.effective
        if e.category in PROTECTED_CATEGORIES and is_family_phrase(e) and _reading(e) in changed
    }
    # A security service the lexicon reads decides whether a court order bounds an
    # interception whose recordings the text hands on (``textsignals.mass_scope``,
    # ``recipient.hands_on_to_state``): texts naming a changed one are read again.
    guarded |= {p for p in changed if p[2] == "security_services"}
    rest = ChangeProbe((changed - removed) | guarded)
    keys = frozenset(phrase_key(p[1], p[0]) for p in removed)
    rejoins = rejoins_any((in_force.lexicon, draft.lexicon))
    rejoined_texts: dict[str, bool] = {}
    categories = frozenset(p[2] for p in removed)

    def read(snapshot: Mapping[str, Any], stored: Mapping[str, Any] | None) -> dict[str, Any]:
        if stored is None:
            return text_read(snapshot, draft)
        recorded = stored.get(PHRASES_FIELD)
        # Stored before quotes recorded their phrases: every phrase that differs is looked
        # for by its words. The words test first: cheaper than the split-word test, and a
        # deal it sends to be read again needs no other.
        if (
            (probe if recorded is None else rest).touches_snapshot(snapshot)
            or (cue_probe is not None and cue_probe.touches_snapshot(snapshot))
            or _words_rejoined(snapshot, rejoins, rejoined_texts)
        ):
            return text_read(snapshot, draft)
        if recorded is None:
            return dict(stored)
        kept = without_phrases(stored, recorded, keys, categories, cues=bool(draft.lexicon.cues))
        if kept is None or (
            # A quote dropped may leave a text with no red flag, which its whole may then
            # raise (``whole_text``): a deal with a text that weighs enough is read again.
            kept[PHRASES_FIELD] != stored.get(PHRASES_FIELD)
            and any(could_raise(t, draft.lexicon.cues) for t in snapshot_texts(snapshot))
        ):
            return text_read(snapshot, draft)
        return kept

    return read


def _cues_key(compiled: CompiledCriteria) -> str:
    """What a version's learned cues read by: equal keys read alike ("": none)."""
    cues = compiled.lexicon.cues
    return cues.key if cues else ""


def _words_rejoined(
    snapshot: Mapping[str, Any], rejoins: Callable[[str], bool], seen: dict[str, bool]
) -> bool:
    """Whether either lexicon reads a word of the deal split by a blank as one
    (``split_words``; ``rejoins`` asks both in one pass): which words are put back together
    depends on the lexicon, and the words test sees the pieces, so such a deal (rare) is
    read again. ``seen`` keeps the answer for texts met before (titles, sectors, names)."""
    for item in snapshot_texts(snapshot):
        if item.strip():
            found = seen.get(item)
            if found is None:
                if len(seen) >= TOUCH_CACHE_SIZE:
                    seen.clear()
                found = seen[item] = rejoins(as_read(item))
            if found:
                return True
    return False


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
