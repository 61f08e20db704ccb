"""Which past deals a learned-cue word or pair switched on or off can read differently.

Plain Python: nothing here imports Django.

An admin's usual change of cues is a word or a pair switched off (or back on) on the
draft's Learned cues page. A switched-off word weighs nothing in any category, nor does any
pair holding it; a switched-off pair weighs nothing. So a text holding none of the words a
switch names (by the cues' own folding, ``learned_cues.unit``) scores every
sentence as before, raises the same cues, quotes them alike and weighs the same: it reads
the same with both versions. Hence, when two versions' cues differ by switches alone, the
preview reads again only the deals whose text holds a switched word (a pair: both its
words), and takes the others as stored (or as the phrase shortcut reads them). Any other
difference of cues (another fitting, a language switched on or off, the threshold, the
weighing) reads every deal with text again.

The words are those of the text as the weighing reads it (its disguises undone,
``as_read``), each folded once a preview and remembered (most texts are set apart by
splitting them and a look-up a word); a text whose words the lexicon rejoins is read again
whatever it holds (``preview_text._words_rejoined``), so the rejoined words the cues read
are never missed.
"""

from __future__ import annotations

import json

from rules.textsignals.languages import normalise_token, script_of, words_as_read
from rules.textsignals.learned_cues import CompiledCues, unit

from .text_probe import TextProbe

SWITCHED = "switched_off"
WORDS_KEPT = 200_000  # words of the deals' vocabulary
_MADE_WORDS = ("not", "ne")


def _all_han(value: str) -> bool:
    return all(script_of(ch) == "han" for ch in value)


def _held(held: set[tuple[str, str]], language: str, u: str) -> bool:
    if language == "zh" and _all_han(u):
        return all(("zh", ch) in held for ch in u)
    return (language, u) in held


def switches_between(a: CompiledCues, b: CompiledCues) -> frozenset[tuple[str, str]] | None:
    """The (language, word or "a+b" pair) switched off in one version's cues and not in the
    other's, when nothing else of the cues differs; None when something else does (or
    either has no cues)."""
    if not a or not b:
        return None
    one, other = json.loads(a.key), json.loads(b.key)
    off_one = {tuple(p) for p in one.pop(SWITCHED, [])}
    off_other = {tuple(p) for p in other.pop(SWITCHED, [])}
    if one != other:
        return None
    return frozenset(off_one ^ off_other)


class CueSwitchProbe(TextProbe):
    """Tells whether a text holds the words of one of some switched cue features (False:
    the switches cannot change how it reads). It may say yes when they cannot (a pair's
    words in two sentences, two Chinese characters apart), never no when they can."""

    def __init__(self, switched: frozenset[tuple[str, str]]) -> None:
        super().__init__()
        needs: dict[str, list[frozenset[str]]] = {}
        for language, feature in sorted(switched):
            needs.setdefault(language, []).append(frozenset(feature.split("+")))
        self._needs = needs
        # The only units worth folding, per language: no other one can be switched.
        self._units = {lang: frozenset().union(*feats) for lang, feats in needs.items()}
        # Chinese units are two characters side by side: each character is a word.
        self._han = {ch for u in self._units.get("zh", ()) if _all_han(u) for ch in u}
        # word as written -> the (language, unit) it gives that a switch names; words
        # giving none
        self._known: dict[str, frozenset[tuple[str, str]]] = {}
        self._none: set[str] = set()
        self._made = frozenset().union(*map(self._units_of, _MADE_WORDS))

    def _empty(self) -> bool:
        return not self._needs

    def _touches(self, raw: str) -> bool:
        # The words ``tokens`` yields (``word_set``), each normalised and folded once a
        # preview: by the word as written, so most words of a text are set apart by one
        # set difference. And those it makes of no letters of their own ("don't": "not";
        # "n'interceptons": "ne"), whether the text holds them or not.
        held: set[tuple[str, str]] = set(self._made)
        for token in words_as_read(raw) - self._none:
            found = self._known.get(token)
            if found is None:
                if len(self._known) + len(self._none) >= WORDS_KEPT:
                    self._known.clear()
                    self._none.clear()
                found = self._units_of(normalise_token(token))
                if not found:
                    self._none.add(token)
                    continue
                self._known[token] = found
            held |= found
        if not held:
            return False
        return any(
            all(_held(held, language, u) for u in feature)
            for language, features in self._needs.items()
            for feature in features
        )

    def _units_of(self, word: str) -> frozenset[tuple[str, str]]:
        """The (language, unit) a word gives that a switch names (a Chinese character: its
        part of a unit)."""
        out = set()
        pieces = [word]
        if word.endswith("n\u02bct") and len(word) > 3:
            pieces.append(word[:-2])  # "donʼt": ``tokens`` reads "don" and "not"
        for piece in pieces:
            if piece in self._han:
                out.add(("zh", piece))
            for language, units in self._units.items():
                u = unit(piece, language)
                if u in units:
                    out.add((language, u))
        return frozenset(out)
