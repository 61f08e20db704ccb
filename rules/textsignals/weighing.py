"""Weighing a whole text: does it read as a dangerous deal or as an ordinary one?

Plain Python (no Django, no numpy). Beside each language's learned cues, the pack may hold
a *weighing*: one logistic model over the same word stems and same-sentence pairs of stems
as the cues, fitted on the whole labelled descriptions (every red-flag category against
the ordinary deals; ``cue_fitting``). A text's weight is the model's bias plus the weights
of the stems and pairs it holds (each once). A text of at least ``MIN_WORDS_WEIGHED``
words whose weight is below the cues' ``ordinary_below``, none of whose sentences weighs
``SENTENCE_KEEPS`` or more on its own, reads as an ordinary deal: the phrases and cues read
in it are set aside and raise nothing (``reader``). A sentence that reads as dangerous on
its own keeps its text's red flags, so words of ordinary deals written around a red flag
cannot hide it.

Why: a phrase reads a few words, and new writing of ordinary deals keeps meeting them
("track the vans", "block the ports the attackers used"); the whole text says more. Held
out (a round of writing left out at a time, the lexicon as it stood before the round was
written), the weighing cleared a sixth of the ordinary deals the phrases and cues flagged
(a quarter without the categories kept below) for a fraction of a point of what they found
(docs/learned-cues.md).

A short text (a title, one sentence) is never weighed: the model was fitted on
descriptions of a few sentences, and a short text holds too few words to weigh.

The red flags that name whom a deal harms (``KEPT_WHATEVER_THE_WEIGHT``: targeting dissent,
profiling) are never set aside: a short one written among many words of an ordinary deal
("… También rastrear a los periodistas.") weighs little against them, and must still reach
a reviewer. The decision is per read and the weight depends on the text alone, so a change
of phrases still moves no other read (the preview stays exact).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .disguise import as_read
from .languages import detect_language, script_of, tokens
from .lexicon import FACTS


def units_by_sentence(*args, **kwargs):
    from .learned_cues import units_by_sentence  # the cues compile weighings: import late

    return units_by_sentence(*args, **kwargs)


# Beyond these bounds the weighing sets aside almost every text, or almost none.
ORDINARY_BELOW_LOWEST, ORDINARY_BELOW_HIGHEST = -5.0, 3.0
ORDINARY_BELOW = -2.0  # chosen by leave-one-round-out cross-validation (docs/learned-cues.md)
# A sentence weighing this much on its own reads as dangerous whatever surrounds it: its
# text is never set aside (words of ordinary deals added around a red flag cannot hide it).
SENTENCE_KEEPS = 0.0
MIN_WORDS_WEIGHED = 20  # fewer words than this: never weighed (a title, a sentence)
# Read whatever the whole weighs: these name the people harmed (journalists, protesters, a
# named minority); a short one among an ordinary deal's words weighs too little to count.
# A fact about the end user (a prison named) is no red flag to set aside: kept too.
KEPT_WHATEVER_THE_WEIGHT = frozenset({"targets_dissent", "profiling", *FACTS})
SECTION_KEY = "weighing"  # in each language's cues: {"bias": ..., "weights": {...}}


@dataclass(frozen=True)
class Weighing:
    """One language's weighing, indexed for reading."""

    bias: float
    units: frozenset[str]  # stems read (those of a pair too)
    weights: Mapping[str, float]  # stem -> weight
    pairs: Mapping[str, Mapping[str, float]]  # stem -> later stem -> the pair's weight


def has_weighing(cues: Mapping[str, Any] | None) -> bool:
    """Whether learned cues (as stored) carry a weighing: cues fitted before it do not."""
    return any(SECTION_KEY in c for c in (cues or {}).get("languages", {}).values())


def weighing_errors(where: str, data: Any, number) -> list[str]:
    """Every problem with one language's ``weighing``, in words (``number`` checks a
    number as the cues check theirs)."""
    if not isinstance(data, Mapping) or set(data) - {"bias", "weights"}:
        return [f"{where}: weighing must be an object with bias and weights"]
    errors = []
    if not number(data.get("bias")):
        errors.append(f"{where}: the weighing's bias must be a number")
    weights = data.get("weights")
    if not isinstance(weights, Mapping):
        return [*errors, f"{where}: the weighing's weights must be an object (word: weight)"]
    bad = [
        f
        for f, w in weights.items()
        if not (isinstance(f, str) and all(f.split("+")) and f.count("+") <= 1 and number(w))
    ]
    if bad:
        errors.append(
            f"{where}: the weighing's weights: {len(bad)} not a word (or two words joined by"
            f' "+") with a number: {", ".join(repr(f) for f in bad[:3])}'
        )
    return errors


def compile_weighing(data: Mapping[str, Any] | None, off: set[str]) -> Weighing | None:
    """One language's weighing ready to read (None: the pack has none); a word switched off
    weighs nothing, nor do the pairs holding it, as in the cues."""
    if not data:
        return None
    weights: dict[str, float] = {}
    pairs: dict[str, dict[str, float]] = {}
    units = set()
    for feature, weight in data["weights"].items():
        parts = feature.split("+")
        if feature in off or any(p in off for p in parts):
            continue
        units.update(parts)
        if len(parts) == 2:
            pairs.setdefault(parts[0], {})[parts[1]] = float(weight)
        else:
            weights[feature] = float(weight)
    return Weighing(float(data["bias"]), frozenset(units), weights, pairs)


def weights(toks: list, language: str, weighing: Weighing) -> tuple[float, float]:
    """The text's weight (the bias, plus each stem and same-sentence pair it holds, once)
    and the weight of its weightiest sentence alone."""
    stems: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    by_stem, by_pair = weighing.weights, weighing.pairs
    heaviest = -math.inf
    for sentence in units_by_sentence(toks, language, weighing.units):
        mine = sorted({u[0] for u in sentence})
        own = {(a, b) for a in mine if a in by_pair for b in mine if b in by_pair[a]}
        heaviest = max(
            heaviest,
            weighing.bias
            + sum(by_stem.get(s, 0.0) for s in mine)
            + sum(by_pair[a][b] for a, b in own),
        )
        stems.update(mine)
        pairs |= own
    whole = weighing.bias + sum(by_stem.get(s, 0.0) for s in stems)
    return whole + sum(by_pair[a][b] for a, b in pairs), heaviest


def text_weight(toks: list, language: str, weighing: Weighing) -> float:
    """The text's weight: the bias, plus each stem and same-sentence pair it holds, once."""
    return weights(toks, language, weighing)[0]


def words_in(toks: list) -> float:
    """About how many words the tokens make: a Chinese character is a token of its own, and
    Chinese words are mostly two characters."""
    if len(toks) < MIN_WORDS_WEIGHED:
        return len(toks)
    return sum(0.5 if script_of(t[0]) == "han" else 1.0 for t in toks)


def reads_ordinary(toks: list, language: str, compiled: Any) -> bool:
    """Whether a text reads as an ordinary deal: long enough, in a language with a
    weighing, and weighing below the cues' ``ordinary_below`` (None: never)."""
    below = compiled.ordinary_below
    if below is None or words_in(toks) < MIN_WORDS_WEIGHED:
        return False
    cues = compiled.languages.get(language)
    if cues is None or cues.weighing is None:
        return False
    whole, heaviest = weights(toks, language, cues.weighing)
    return whole < below and heaviest < SENTENCE_KEEPS


def weighed_ordinary(raw: str, compiled: Any) -> float | None:
    """The weight of a text the weighing reads as an ordinary deal (None: it does not), for
    the pages that say why its red flags were set aside."""
    if not compiled or compiled.ordinary_below is None:
        return None
    raw = as_read(raw)  # what a person reads, as the reader reads it
    toks = tokens(raw)
    language = detect_language(raw)
    if not reads_ordinary(toks, language, compiled):
        return None
    return text_weight(toks, language, compiled.languages[language].weighing)
