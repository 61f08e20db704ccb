"""What the split-word test of a reading weighed, kept with the screening, so that a preview
can tell which deals a lexicon change could read with a word put back together.

Plain Python: nothing here imports Django.

Reading a text, the split-word test (``split_words``) places every pair of pieces a word
the lexicon reads may start with ("pro testers": "prot" begins "protest") and weighs it;
every other pair it lets go at once. The screening keeps the pairs weighed and left apart
(``text.split_pieces``: "pro testers", "pro tes ters" when a third piece follows), or
``JOINED`` when a word was put back together (``MORE`` when there are more pairs than a
screening keeps). Another lexicon reads a word of the text
put back together only where it differs from this one on something the test looks up:

- a pair weighed and left apart: a stem or ``word*`` beginning of the draft only (the joined
  pieces begin it, or its key is among the joined word's), a word no longer written by the
  lexicon (a piece it recognised no longer stops a join), a first-word pair of the draft
  only, or a pair written apart no longer (``_weighs``);
- a pair let go at once: the draft's stems begin with its first piece and the next letter
  where the lexicon's did not (``_begins``: the pieces of the text, one look-up each).

So a preview asks of each deal a few look-ups instead of weighing every pair of its texts
again with both lexicons, and it never skips a deal the draft would read with a word put
back together (``tests/rules_engine/test_text_split_record.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any

from .disguise import as_read
from .languages import bare_word, normalise, word_keys
from .lexicon import CompiledLexicon
from .short_words import _folded
from .split_words import (
    _CLITIC_LENGTHS,
    _CLITIC_SET,
    _GAP_RE,
    _PIECE_RE,
    _joins_kept,
    _rejoined,
    _vocabulary,
    may_head_pair,
    weighs_pair,
)

SPLIT_FIELD = "text.split_pieces"
JOINED = "="  # the whole record of a deal whose reading put a split word back together
# The whole record of a deal with more pairs weighed than a screening keeps (a long text
# of words the lexicon begins): the preview reads it again.
MORE = "+"
MOST_KEPT = 64
_RECORDS = "split_records"  # the lexicon's plan entry: raw text -> its record
RECORDS_KEPT = 50_000  # texts, as the reader's cache of readings


def rejoined_recorded(raw: str, read_as: str, lexicon: CompiledLexicon) -> str:
    """``split_words.rejoined(read_as, lexicon)``, keeping what it weighed for ``raw``."""
    placed: list[tuple[str, ...]] = []
    text = _rejoined(read_as, _vocabulary(lexicon), placed)
    records = lexicon.plan.setdefault(_RECORDS, {})
    if len(records) >= RECORDS_KEPT:
        records.clear()
    records[raw] = (JOINED,) if text != read_as else tuple(" ".join(p) for p in placed)
    return text


def split_pieces(texts: Iterable[str], lexicon: CompiledLexicon) -> list[str]:
    """The ``text.split_pieces`` of a snapshot's texts the lexicon has just read (each pair
    once)."""
    records = lexicon.plan.setdefault(_RECORDS, {})
    out: dict[str, None] = {}
    for raw in texts:
        if not raw.strip():
            continue
        record = records.get(raw)
        if record is None:  # read before and forgotten since: weighed again
            rejoined_recorded(raw, as_read(raw), lexicon)
            record = records[raw]
        if record == (JOINED,):
            return [JOINED]
        out.update(dict.fromkeys(record))
    return list(out) if len(out) <= MOST_KEPT else [MORE]


class SplitChange:
    """Whether a draft lexicon could put back together a word of a deal that the lexicon in
    force, whose reading recorded ``text.split_pieces``, left apart (True: maybe; False:
    surely not). Built from what each lexicon's split-word test looks up (``_Vocabulary``):
    only what the draft adds (stems, beginnings, first-word pairs) or drops (words it
    writes, pairs it writes apart) can join more."""

    def __init__(self, in_force: CompiledLexicon, draft: CompiledLexicon) -> None:
        self._was = was = _vocabulary(in_force)
        self._now = now = _vocabulary(draft)
        self.starts = now.starts - was.starts
        self.begun = self.starts | (now.prefixes - was.prefixes)
        self.keys = (now.keys - was.keys) | {k for k, _ in now.pairs - was.pairs}
        self.words = was.words - now.words
        self.apart = {k for pair in was.apart - now.apart for k in pair}
        # A first piece that, with the next one's first letter (one to three once folded:
        # "ß" is "ss"), makes a beginning only the draft's stems have.
        self.heads = {s[:-n] for s in self.starts for n in (1, 2, 3) if len(s) > n}
        self.heads |= self.starts
        self._pair_heads = {k for k, _ in now.pairs}
        self.empty = not (self.begun or self.keys or self.words or self.apart)
        self._weighed: dict[str, bool] = {}
        self._begun: dict[str, bool] = {}

    def touches(self, texts: Iterable[str], recorded: Sequence[str]) -> bool:
        if JOINED in recorded or MORE in recorded:
            return True  # read with a word put back (which depends on the lexicon), or more
        if self.empty:
            return False
        if any(self._kept(self._weighed, entry, self._weighs) for entry in recorded):
            return True
        return bool(self.heads) and any(
            self._kept(self._begun, raw, self._begins) for raw in texts if raw.strip()
        )

    def weighed_by_draft(self, recorded: Sequence[str]) -> list[str]:
        """The draft's ``text.split_pieces`` of a deal ``touches`` said no to: the pairs of
        ``recorded`` the draft weighs too (it weighs no other, and joins none)."""
        return [e for e in recorded if weighs_pair(self._now, *e.split(" ")[:2])]

    @staticmethod
    def _kept(cache: dict[str, bool], key: str, judge: Any) -> bool:
        found = cache.get(key)
        if found is None:
            if len(cache) >= RECORDS_KEPT:
                cache.clear()
            found = cache[key] = judge(key)
        return found

    def _weighs(self, entry: str) -> bool:
        """Whether the draft looks up something for a pair weighed (``entry``'s pieces) that
        the lexicon in force did not have, or had and the draft does not."""
        pieces = entry.split(" ")
        if not self._may_join(pieces):
            return False  # the draft joins them nowhere, whatever it differs by
        parts = [normalise(p) for p in pieces]
        joined = ["".join(pieces[:2]), "".join(pieces)]
        across = [(parts[0], parts[1]), (normalise(joined[0]), parts[-1])][: len(pieces) - 1]
        if any(bare_word(p) in self.words for p in parts):
            return True
        if self.apart and any(k in self.apart for p in parts[:2] for k in word_keys(p)):
            return True
        read = [a + b for a, b in across]
        if self.keys and any(k in self.keys for w in read for k in word_keys(w)):
            return True
        return any(
            form[:n] in self.begun
            for word in (*joined, *read)
            for form in _forms(word)
            for n in range(2, len(form) + 1)
        )

    def _may_join(self, pieces: list[str]) -> bool:
        """Whether the draft may join the pieces somewhere: its tests of them, but for the
        word after them (any word that follows the head of one of its pairs) and the gap
        (as a plain space, which lets more join than a hyphen)."""
        now, (first, second, *third) = self._now, pieces
        if _joins_kept(now, first, second, (), False):
            return True
        if may_head_pair(now, first, second, False) and not self._pair_heads.isdisjoint(
            word_keys(normalise(first) + normalise(second))
        ):
            return True
        return bool(third) and _joins_kept(now, first + second, third[0], (first, second), False)

    def _begins(self, raw: str) -> bool:
        """Whether the draft weighs a pair of ``raw`` that the lexicon in force let go at
        once: looked for only in a text with a piece that may head a beginning of the
        draft's alone (most texts have none)."""
        if all(self.heads.isdisjoint(_forms(p)) for p in _pieces(raw)):
            return False
        text = as_read(raw)
        spans = [m.span() for m in _PIECE_RE.finditer(text)]
        for (start, end), (next_start, next_end) in pairwise(spans):
            first, second, gap = text[start:end], text[next_start:next_end], text[end:next_start]
            if (
                not self.heads.isdisjoint(_forms(first))
                and (gap == " " or _GAP_RE.fullmatch(gap))
                and weighs_pair(self._now, first, second)
                and not weighs_pair(self._was, first, second)
            ):
                return True
        return False


@lru_cache(maxsize=65_536)
def _forms(piece: str) -> frozenset[str]:
    """A piece as each look-up of the split-word test folds it: lowered, case-folded (with
    "ё" as "е"), without accents, normalised; an Arabic one also without a clitic."""
    folded = piece.casefold()
    forms = {
        piece.lower(),
        folded,
        folded.replace("ё", "е"),
        bare_word(folded),
        bare_word(_folded(piece)),
        normalise(piece),
        bare_word(normalise(piece)),
    }
    forms |= {f[n:] for f in forms for n in _CLITIC_LENGTHS if f[:n] in _CLITIC_SET}
    return frozenset(forms)


@lru_cache(maxsize=1024)
def _pieces(raw: str) -> frozenset[str]:
    return frozenset(_PIECE_RE.findall(as_read(raw)))
