"""A negated state read on a negation that denies an act beside it: "not accessible" read
in "We do not restrict access to opposition sites" (its words a gap apart), "pas accès" in
"Nous ne restreignons pas l'accès", "no … acceso" in "No restringimos el acceso". The
negation denies the restriction written beside it, and the text says nothing is
inaccessible: the state is dropped where an act of its category is denied beside its
negation (``reader``'s last step over the places it read)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .languages import bare_word
from .lexicon import WORD_GAP, CompiledEntry
from .negation_words import NEGATIONS

if TYPE_CHECKING:
    from .reader import _Text

Place = tuple[str, int]  # category, first word


def drop_states_beside_denials(
    text: _Text,
    places: dict[Place, list],
    quoted: dict[str, list[tuple[int, int]]],
    denied: set[Place],
    held: set[Place],
) -> None:
    """Drop from ``places`` (and ``quoted``) each place that starts on a negation word
    when a match of its category denied by that negation starts beside it: the word before
    it (French "ne restreignons pas") or one of the words a phrase's gap allows after it. A
    state some phrase read with its negation and next word side by side (``held``: "not to
    put their name on the invoice") is kept."""
    toks = text.toks
    for category, lo in list(places):
        if (category, lo) in held or bare_word(toks[lo][0]) not in NEGATIONS:
            continue
        beside = range(max(0, lo - 1), min(len(toks), lo + 2 + WORD_GAP))
        if any(k != lo and toks[k][3] == toks[lo][3] and (category, k) in denied for k in beside):
            del places[(category, lo)]
            kept = [s for s in quoted.get(category, ()) if s[0] != lo]
            if kept:
                quoted[category] = kept
            else:
                quoted.pop(category, None)


def state_held(text: _Text, entry: CompiledEntry, lo: int) -> bool:
    """Whether a phrase of ``entry`` starting on the negation at ``lo`` reads its next word
    at once after it ("not to put …", "not accessible"): a state the text wrote as such,
    not one read across a gap ("not [restrict] access")."""
    if bare_word(text.toks[lo][0]) not in NEGATIONS:
        return False
    following = lo + 1
    for part in entry.indexed:
        for key in part.keys.intersection(text.keys[lo]):
            for alt, _needs in part.checked_by_key.get(key, ()):
                if len(alt) > 1 and text.word_at(lo, alt[0]) == lo:
                    if following < len(text.toks) and text.word_at(following, alt[1]) >= 0:
                        return True
    return False
