"""A text that reads as a dangerous deal as a whole, though nothing in it reads a red flag.

Veiled writing ("the guests are the authors of the March petition; stays are open-ended,
phones are collected on arrival") holds no phrase of the lexicon and no sentence strong
enough for a learned cue, yet read whole it weighs like the dangerous descriptions. When a
version's learned cues carry a bound (``dangerous_above``), a text of at least
``MIN_WORDS_WEIGHED`` words, in a language with a weighing, in which neither the phrases
nor the cues read a red flag, and whose whole weighs the bound or more (``weighing``), raises
the red flag whose cues weigh the whole text most. Its quote is that category's weightiest
sentence; ``text.phrases`` records it as ``WHOLE_TEXT``.

What must always be true: it only adds. It never cancels or replaces a phrase's or a cue's
red flag, and a text the weighing reads as an ordinary deal is never raised. It is weighed
on the text as written, as the weighing is, so a phrase added or removed never moves the
weight (``preview_removal`` reads a deal again only where a removed phrase may leave a text
that could be raised). A short text (a title, a sector, one sentence) is never weighed. The bound
was chosen by leave-one-round-out cross-validation on the tuning half (docs/learned-cues.md).
"""

from __future__ import annotations

from typing import Any

from .disguise import as_read
from .languages import detect_language, tokens
from .lexicon import CATEGORIES
from .weighing import MIN_WORDS_WEIGHED, reads_ordinary, weights, words_in

WHOLE_TEXT = "whole-text"  # what ``text.phrases`` records for such a read
# Beyond these bounds a whole text would raise almost every ordinary deal, or nothing.
DANGEROUS_ABOVE_LOWEST, DANGEROUS_ABOVE_HIGHEST = 0.0, 10.0
# Chosen by leave-one-round-out cross-validation over rounds 24 to 35 (docs/learned-cues.md):
# the lowest bound raising at most two points more of the ordinary deals.
DANGEROUS_ABOVE = 2.0
MAX_QUOTE = 160
_INDEX = {c: i for i, c in enumerate(CATEGORIES)}  # a category's place in a bias vector


def could_raise(raw: str, compiled: Any) -> bool:
    """Whether ``raw`` weighs enough to be raised as a whole if nothing read a red flag in
    it (the preview's test of a text a removed phrase leaves without one)."""
    return _weighed(raw, compiled) is not None


def whole_text_read(
    raw: str, compiled: Any, read_as: str | None = None, toks: list | None = None
) -> tuple[str, str, str] | None:
    """(category, language, quote) when ``raw`` reads as a dangerous deal as a whole; the
    caller has found no red flag in it. None when the cues carry no bound, the text is too
    short, its language has no weighing, or it weighs less than the bound. ``read_as`` and
    ``toks``: ``as_read(raw)`` and its tokens, when the caller has them."""
    weighed = _weighed(raw, compiled, read_as, toks)
    if weighed is None:
        return None
    text, toks, language = weighed
    category, n = weighed_category(toks, language, compiled.languages[language])
    words = [t for t in toks if t[3] == n]
    quote = " ".join(text[words[0][1] : words[-1][2]].split())
    if len(quote) > MAX_QUOTE:
        quote = quote[: MAX_QUOTE - 2].rsplit(" ", 1)[0] + " …"
    return category, language, quote


def weighed_category(toks: list, language: str, cues: Any) -> tuple[str, int]:
    """The red flag whose cues weigh the whole text most (its bias plus each stem and
    same-sentence pair of the text, once; ties: the first in CATEGORIES), and the number of
    its weightiest sentence. ``cues``: the language's (``LanguageCues``)."""
    features: set[str] = set()
    sentences: list[tuple[int, set[str]]] = []  # (sentence number, its stems and pairs)
    partners = cues.partners
    for units in _sentences(toks, language, cues.units):
        stems = {u[0] for u in units}
        # Only the pairs the cues weigh: a long sentence's every pair would grow as its square.
        own = stems | {f"{a}+{b}" for a in stems for b in partners.get(a, ()) if b in stems}
        features |= own
        sentences.append((toks[units[0][3]][3], own))
    category = max(CATEGORIES, key=lambda c: _score(cues, c, features))
    first = (toks[0][3], set()) if toks else (0, set())  # no cue word at all: the first
    return category, max(sentences, key=lambda s: _score(cues, category, s[1]), default=first)[0]


def _weighed(
    raw: str, compiled: Any, text: str | None = None, toks: list | None = None
) -> tuple[str, list, str] | None:
    """(the text as read, its tokens, its language) when it weighs ``dangerous_above`` or
    more and is no ordinary deal by the weighing; else None."""
    above = getattr(compiled, "dangerous_above", None) if compiled else None
    if above is None or len(raw) < MIN_WORDS_WEIGHED:
        return None  # off, or too short for as many words (a title, a sector): not split
    if text is None:
        text = as_read(raw)  # what a person reads, as the reader and the weighing read it
    if toks is None:
        toks = tokens(text)
    if words_in(toks) < MIN_WORDS_WEIGHED:
        return None
    language = detect_language(text)
    cues = compiled.languages.get(language)
    if cues is None or cues.weighing is None:
        return None
    whole, _heaviest = weights(toks, language, cues.weighing)
    if not whole >= above or reads_ordinary(toks, language, compiled):
        return None
    return text, toks, language


def _sentences(toks: list, language: str, units: frozenset[str]) -> list[list]:
    from .learned_cues import units_by_sentence  # learned_cues imports the reader's modules

    return [s for s in units_by_sentence(toks, language, units) if s]


def _score(cues: Any, category: str, features: set[str]) -> float:
    """The category's bias plus the weights of the features (each once), as a cue scores."""
    weights_of = cues.weights[category]
    bias = cues.bias_vector[_INDEX[category]]
    return bias + sum(weights_of.get(f, 0.0) for f in features)
