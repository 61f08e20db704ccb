"""Short words every text uses, and what a piece of a split word is, worked out once a piece.

Plain Python: nothing here imports Django. Used by ``split_words`` (a short word is never a
piece of a split word) and by the readers of scope that skip such words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any

from .languages import normalise

# Short words of every text (articles, prepositions, conjunctions, pronouns), recognised
# whatever the lexicon holds: "in mates" is two words, not "inmates". Kept as a text's words
# are compared (``normalise``: "إلى" as "الي", "её" as "ее").
_SHORT_WORDS = """
    a an the of to in on at by for from with as is are was be it its this that these those
    and or but not no so if we you he she they them our your their his her my me us all any
    de des du la le les un une et ou en au aux par pour sur sous dans avec sans ce ces cette
    il ils elle elles nous vous on qui que est sont pas ne se sa son ses leur leurs
    el los las del al y o e u con sin por para su sus es son lo una unos unas que se le
    os as do da dos das ao na no nas nos um uma com sem por para seu sua seus suas em é
    и в во на с со к ко по за из от до у о об не но а или что как это его её их мы вы они
    في من على إلى عن مع أو و ثم أن إن لا ما هذا هذه ذلك التي الذي هو هي هم نحن
    """.split()
FUNCTION_WORDS = frozenset(normalise(w) for w in _SHORT_WORDS)
# Short words whose letters, once normalised, are written otherwise too ("او", "ان", "الي",
# "ее"), and as they are written in the list: as the start of a split word, such a piece
# stops a join only when written as the short word ("أو يغور" stays apart, "او يغور" is
# "اويغور", Uyghurs), so a word the lexicon reads is not hidden by splitting it there.
_WRITTEN_SHORT = frozenset(w.casefold() for w in _SHORT_WORDS)
_FOLDED_SHORT = FUNCTION_WORDS - {
    normalise(w) for w in _SHORT_WORDS if normalise(w) == w.casefold()
}
_ARABIC_MARKS = dict.fromkeys(map(ord, "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"))


# Pieces recur from text to text: what each is, worked out once (the test of every pair of
# a text's pieces runs on every text a preview tests for split words). Only pieces of a
# word's length are kept, so what a worker keeps stays small whatever partners type.
PIECES_KEPT = 65_536
PIECE_KEPT_LENGTH = 48


def _kept_if_short(judge: Callable[[str], Any]) -> Callable[[str], Any]:
    kept = lru_cache(maxsize=PIECES_KEPT)(judge)

    @wraps(judge)
    def judged(piece: str) -> Any:
        return kept(piece) if len(piece) <= PIECE_KEPT_LENGTH else judge(piece)

    judged.cache_info = kept.cache_info  # type: ignore[attr-defined]
    return judged


@_kept_if_short
def short_word(piece: str) -> bool:
    """Whether a piece is a short word every text uses (``FUNCTION_WORDS``) and, if its
    normalised letters are written otherwise too, written as that word."""
    folded = normalise(piece)
    if folded not in FUNCTION_WORDS:
        return False
    if folded not in _FOLDED_SHORT:
        return True
    written = unicodedata.normalize("NFKC", piece).casefold().translate(_ARABIC_MARKS)
    return written in _WRITTEN_SHORT


@_kept_if_short
def _folded(piece: str) -> str:
    """A Latin piece as ``normalise`` gives it (NFKC, case-folded)."""
    return unicodedata.normalize("NFKC", piece).casefold()
