"""Learned cues: a weighted model of the labelled descriptions, read beside the lexicon.

Plain Python (no Django, no numpy): checking, compiling and reading the cues of a criteria
version. Fitting them is ``cue_fitting`` (numpy). What was measured and why these settings:
docs/learned-cues.md.

A sentence raises a *learned cue* of a category when its score (the category's bias plus
the weights of the sentence's word stems and of the pairs of stems it holds) reaches the
threshold AND it holds two cue words (a stem weighing at least ``min_cue_weight`` in that
category), neither negated (the reader's negation rule) and neither a word most texts hold
("the", "que", "في": they score, never quoted). The quote runs from one cue word to the
other, so the evidence is always what was written.

The cues are a plain JSON-able dict (the ``learned_cues`` section of a criteria pack)::

    {
      "fitted_on": "tuning half of benchmarks/data/text_eval, rounds 1-12",
      "threshold": 0.0,           # sentence score (log-odds) a cue needs
      "min_cue_weight": 0.15,     # a word is a cue when its stem weighs at least this
      "ordinary_below": null,     # the weighing's bound (``weighing``); null: off
      "dangerous_above": 2.0,     # a whole text weighing this raises (``whole_text``)
      "languages": {
        "en": {
          "enabled": true,        # false: the language's cues are not read
          "bias": {"tracking": -2.1, ...},               # every red-flag category
          "weights": {"tracking": {"track": 0.8, "protest+track": 0.4, ...}, ...},
          "never_quoted": ["the", "of", ...]           # words most texts hold
        }, ...
      },
      "switched_off": [["en", "track"], ["en", "protest+track"]]  # weight 0 everywhere
    }

A feature is a stem as the reader folds a word (``unit``: Snowball stems, Russian
dictionary forms, the Arabic light stem; Chinese: two adjacent characters) or two stems of
one sentence joined by "+" in sorted order. Weights under 0.05 are left out when fitted.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .cue_words import not_cue_units
from .languages import LANGUAGE_NAMES, LATIN, script_of, stem
from .lexicon import CATEGORIES
from .morphology import arabic_light_stem, russian_lemmas
from .negation import negated
from .weighing import (
    ORDINARY_BELOW_HIGHEST,
    ORDINARY_BELOW_LOWEST,
    Weighing,
    compile_weighing,
    weighing_errors,
)
from .weighing import SECTION_KEY as WEIGHING
from .whole_text import DANGEROUS_ABOVE_HIGHEST, DANGEROUS_ABOVE_LOWEST

THRESHOLD = 0.0  # chosen by leave-one-round-out cross-validation (docs/learned-cues.md)
MIN_CUE_WEIGHT = 0.15
MAX_QUOTE = 160
SECTION = "learned_cues"
_KEYS = {
    "fitted_on",
    "threshold",
    "min_cue_weight",
    "languages",
    "switched_off",
    "ordinary_below",
    "dangerous_above",
}
_LANGUAGE_KEYS = {"enabled", "bias", "weights", "never_quoted", WEIGHING}


class CuesError(ValueError):
    """Learned cues that cannot be read; ``errors`` lists every problem in words."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


# A weight, bias or threshold beyond this is no fitted number (the fitted ones are under 10):
# a pack's huge numbers could add up past what a float holds and score every sentence.
MAX_MAGNITUDE = 1000.0


def _number(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and abs(value) <= MAX_MAGNITUDE
    )


def validate_cues(data: Any) -> list[str]:
    """Every problem with a ``learned_cues`` section, in words; empty when it can be read."""
    where = "learned cues"
    if not isinstance(data, Mapping):
        return [f"{where} must be an object"]
    errors = []
    unknown = sorted(str(k) for k in data if k not in _KEYS)
    if unknown:
        errors.append(f"{where}: unknown keys {', '.join(unknown)}")
    if not isinstance(data.get("fitted_on", ""), str):
        errors.append(f"{where}: fitted_on must be text")
    for key in ("threshold", "min_cue_weight"):
        if key in data and not _number(data[key]):
            errors.append(f"{where}: {key} must be a number, got {data[key]!r}")
    for key, lowest, highest in (
        ("ordinary_below", ORDINARY_BELOW_LOWEST, ORDINARY_BELOW_HIGHEST),
        ("dangerous_above", DANGEROUS_ABOVE_LOWEST, DANGEROUS_ABOVE_HIGHEST),
    ):
        bound = data.get(key)
        if bound is not None and not (_number(bound) and lowest <= bound <= highest):
            errors.append(
                f"{where}: {key} must be a number from {lowest:g} to {highest:g} or null, "
                f"got {bound!r}"
            )
    languages = data.get("languages", {})
    if not isinstance(languages, Mapping):
        errors.append(f"{where}: languages must be an object (language code: its cues)")
        languages = {}
    for lang, cues in languages.items():
        errors.extend(_language_errors(lang, cues))
    switched = data.get("switched_off", [])
    if not isinstance(switched, list):
        errors.append(f"{where}: switched_off must be a list of [language, word] pairs")
        switched = []
    for i, item in enumerate(switched):
        if (
            not isinstance(item, list | tuple)
            or len(item) != 2
            or not all(isinstance(x, str) and x for x in item)
        ):
            errors.append(f"{where}: switched_off[{i}] must be a [language, word] pair")
        elif item[0] not in LANGUAGE_NAMES:
            errors.append(f'{where}: switched_off[{i}]: unknown language "{item[0]}"')
    return errors


def _language_errors(lang: Any, cues: Any) -> list[str]:
    if lang not in LANGUAGE_NAMES:
        return [f'learned cues: unknown language "{lang}" (one of {", ".join(LANGUAGE_NAMES)})']
    where = f"learned cues ({LANGUAGE_NAMES[lang]})"
    if not isinstance(cues, Mapping):
        return [f"{where} must be an object"]
    errors = []
    unknown = sorted(str(k) for k in cues if k not in _LANGUAGE_KEYS)
    if unknown:
        errors.append(f"{where}: unknown keys {', '.join(unknown)}")
    if not isinstance(cues.get("enabled", True), bool):
        errors.append(f"{where}: enabled must be true or false")
    bias = cues.get("bias")
    if not isinstance(bias, Mapping) or set(bias) != set(CATEGORIES):
        errors.append(f"{where}: bias must give a number for each of {', '.join(CATEGORIES)}")
    elif not all(_number(v) for v in bias.values()):
        errors.append(f"{where}: every bias must be a number")
    weights = cues.get("weights")
    if not isinstance(weights, Mapping):
        errors.append(f"{where}: weights must be an object (category: word: weight)")
        weights = {}
    for category, by_feature in weights.items():
        if category not in CATEGORIES:
            errors.append(f'{where}: weights for unknown category "{category}"')
        elif not isinstance(by_feature, Mapping):
            errors.append(f"{where}: weights of {category} must be an object (word: weight)")
        else:
            bad = [f for f, w in by_feature.items() if not _feature(f) or not _number(w)]
            if bad:
                shown = ", ".join(repr(f) for f in bad[:3])
                errors.append(
                    f"{where}: weights of {category}: {len(bad)} not a word (or two words "
                    f'joined by "+") with a number up to {MAX_MAGNITUDE:g}: {shown}'
                )
    never = cues.get("never_quoted", [])
    if not isinstance(never, list) or not all(isinstance(w, str) for w in never):
        errors.append(f"{where}: never_quoted must be a list of words")
    if WEIGHING in cues:
        errors.extend(weighing_errors(where, cues[WEIGHING], _number))
    return errors


def _feature(value: Any) -> bool:
    return isinstance(value, str) and all(value.split("+")) and value.count("+") <= 1


@dataclass(frozen=True)
class LanguageCues:
    """One language's cues, indexed for reading."""

    language: str
    weights: Mapping[str, Mapping[str, float]]  # category -> feature -> weight
    bias_vector: tuple[float, ...]  # in CATEGORIES order
    vectors: Mapping[str, tuple[float, ...]]  # feature -> its weights in CATEGORIES order
    units: frozenset[str]  # stems read (those of a pair too: a pair is formed from them)
    partners: Mapping[str, frozenset[str]]  # stem -> the stems after it it pairs with
    never_quoted: frozenset[str]  # fitted: stems most texts hold
    not_cues: frozenset[str] = frozenset()  # written: function words, the deal form's words
    # stem -> partner -> the pair's vector: no "a+b" key is written out for each sentence
    pair_vectors: Mapping[str, Mapping[str, tuple[float, ...]]] = field(default_factory=dict)
    weighing: Weighing | None = None  # the whole text weighed (``weighing``); None: not


@dataclass(frozen=True)
class CompiledCues:
    """A criteria version's learned cues, ready to read; empty: none."""

    languages: Mapping[str, LanguageCues] = field(default_factory=dict)
    threshold: float = THRESHOLD
    min_cue_weight: float = MIN_CUE_WEIGHT
    # A text weighing below this reads as an ordinary deal (``weighing``); None: never.
    ordinary_below: float | None = None
    # A text weighing this or more, in which nothing reads a red flag, raises one as a whole
    # (``whole_text``); None: never.
    dangerous_above: float | None = None
    # The cues as canonical JSON: two versions read alike when their keys are equal (the
    # compile cache and the preview compare this).
    key: str = ""

    def __bool__(self) -> bool:
        return bool(self.languages)


NO_CUES = CompiledCues()


def canonical(data: Mapping[str, Any] | None) -> str:
    """The cues as one string, equal for equal cues (key order does not count)."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False) if data else ""


def compile_cues(data: Mapping[str, Any] | None) -> CompiledCues:
    """Check and compile a ``learned_cues`` section (None or empty: no cues)."""
    if not data:
        return NO_CUES
    errors = validate_cues(data)
    if errors:
        raise CuesError(errors)
    off = {(lang, word) for lang, word in data.get("switched_off", [])}
    languages = {}
    for lang, cues in data.get("languages", {}).items():
        if cues.get("enabled", True):
            languages[lang] = _language(lang, cues, {w for lg, w in off if lg == lang})
    return CompiledCues(
        languages=languages,
        threshold=float(data.get("threshold", THRESHOLD)),
        min_cue_weight=float(data.get("min_cue_weight", MIN_CUE_WEIGHT)),
        ordinary_below=(
            None if data.get("ordinary_below") is None else float(data["ordinary_below"])
        ),
        dangerous_above=(
            None if data.get("dangerous_above") is None else float(data["dangerous_above"])
        ),
        key=canonical(data),
    )


def _is_off(feature: str, off: set[str]) -> bool:
    """Whether a word or pair is switched off: itself, or (a pair) either of its words."""
    return feature in off or ("+" in feature and any(w in off for w in feature.split("+")))


def _language(lang: str, cues: Mapping[str, Any], off: set[str]) -> LanguageCues:
    weights = {
        cat: {f: float(w) for f, w in cues["weights"].get(cat, {}).items() if not _is_off(f, off)}
        for cat in CATEGORIES
    }
    features = sorted({f for by_feature in weights.values() for f in by_feature})
    vectors = {f: tuple(weights[cat].get(f, 0.0) for cat in CATEGORIES) for f in features}
    units = {f for f in features if "+" not in f}
    partners: dict[str, set[str]] = {}
    for f in features:
        if "+" in f:
            a, b = f.split("+")
            units.update((a, b))  # a pair scores only when both its stems are read
            partners.setdefault(a, set()).add(b)
    for u in units:
        vectors.setdefault(u, (0.0,) * len(CATEGORIES))
    return LanguageCues(
        language=lang,
        weights=weights,
        bias_vector=tuple(float(cues["bias"][cat]) for cat in CATEGORIES),
        vectors=vectors,
        units=frozenset(units),
        partners={a: frozenset(b) for a, b in partners.items()},
        never_quoted=frozenset(cues.get("never_quoted", ())),
        not_cues=not_cue_units(lang, unit),
        pair_vectors={a: {b: vectors[f"{a}+{b}"] for b in bs} for a, bs in partners.items()},
        weighing=compile_weighing(cues.get(WEIGHING), off),
    )


def strongest_cue_words(
    data: Mapping[str, Any], language: str, category: str, n: int = 20
) -> list[tuple[str, float, bool]]:
    """A category's ``n`` weightiest words and pairs in one language, strongest first:
    (word or "word + word", weight, switched on), for the editor to show."""
    weights = data.get("languages", {}).get(language, {}).get("weights", {}).get(category, {})
    off = {w for lang, w in data.get("switched_off", []) if lang == language}
    ranked = sorted(weights.items(), key=lambda fw: (-fw[1], fw[0]))[:n]
    return [(f.replace("+", " + "), w, not _is_off(f, off)) for f, w in ranked]


def cue_switched(data: Mapping[str, Any], language: str, word: str, on: bool) -> dict[str, Any]:
    """A copy of the cues with one word or pair ("a + b" or "a+b") of a language switched
    on or off (off: it weighs nothing in any category)."""
    feature = "+".join(part.strip() for part in word.split("+"))
    off = [list(p) for p in data.get("switched_off", []) if list(p) != [language, feature]]
    if not on:
        off.append([language, feature])
    return {**data, "switched_off": sorted(off)}


# -- reading ----------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def unit(word: str, language: str) -> str:
    """The stem a word is learned under in ``language`` (the reader's own folding)."""
    script = script_of(word)
    if language in LATIN and script == "latin":
        return stem(word, language)
    if language == "ru" and script == "cyrillic":
        lemmas = russian_lemmas(word)
        return stem(lemmas[0] if lemmas else word, "ru")
    if language == "ar" and script == "arabic":
        return arabic_light_stem(word)
    return word


Unit = tuple[str, int, int, int]  # (stem, start, end, token)

# Each word's unit (None: not read) by language and the units read: a deal's words recur
# from deal to deal, so each is worked out once, not once a text (bounded, then afresh).
_UNITS_READ: dict[tuple[str, frozenset[str] | None], dict[str, str | None]] = {}
UNITS_KEPT = 65_536
_UNSEEN = object()


def _units_read(language: str, read: frozenset[str] | None) -> dict[str, str | None]:
    found = _UNITS_READ.get((language, read))
    if found is None or len(found) >= UNITS_KEPT:
        if len(_UNITS_READ) >= 64:  # many lexicons' cues: start afresh
            _UNITS_READ.clear()
        found = _UNITS_READ[(language, read)] = {}
    return found


def units_by_sentence(
    toks: list, language: str, read: frozenset[str] | None = None
) -> list[list[Unit]]:
    """Per sentence, the (stem, start, end, token) units of the reader's tokens. Chinese
    units are two adjacent characters (a single character says too little). ``read``:
    only those units (the cues' own: no other one scores)."""
    out: dict[int, list[Unit]] = {}
    units = _units_read(language, read)
    zh = language == "zh"
    for i, (word, start, end, n) in enumerate(toks):
        if zh and script_of(word) == "han":
            if i + 1 < len(toks) and toks[i + 1][3] == n and toks[i + 1][1] == end:
                nxt = toks[i + 1][0]
                if script_of(nxt) == "han" and (read is None or word + nxt in read):
                    out.setdefault(n, []).append((word + nxt, start, toks[i + 1][2], i))
            continue
        key = units.get(word, _UNSEEN)
        if key is _UNSEEN:
            key = unit(word, language)
            if len(key) < 2 or (read is not None and key not in read):
                key = None
            units[word] = key
        if key is not None:
            out.setdefault(n, []).append((key, start, end, i))
    return [out[n] for n in sorted(out)]


# (category, score, first token, last token, quote, denied) of a sentence's cue; denied: a
# cue word weightier than those quoted is negated ("we will not block opposition sites")
Cue = tuple[str, float, int, int, str, bool]


def sentence_cues(
    text: Any,
    sents: list[list[Unit]],
    cues: LanguageCues,
    threshold: float,
    min_weight: float = MIN_CUE_WEIGHT,
):
    """Each sentence's cues: those whose score reaches ``threshold`` with two cue words,
    neither negated; the quote runs from one to the other. ``text`` has the reader's
    ``toks`` and ``raw`` (what ``negated`` reads)."""
    raw = text.raw
    vectors, partners, units, pairs = cues.vectors, cues.partners, cues.units, cues.pair_vectors
    for sentence in sents:
        places: dict[str, list[tuple[int, int, int]]] = {}
        for key, start, end, i in sentence:
            if key in units:
                places.setdefault(key, []).append((start, end, i))
        if len(places) < 2:
            continue  # two cues are needed
        vecs = [cues.bias_vector]
        for key in places:
            vecs.append(vectors[key])
            mates = partners.get(key)
            if mates is not None:
                # The same pairs in the same order as ever: the scores add up alike.
                vecs.extend(map(pairs[key].__getitem__, mates.intersection(places)))
        for cat, score in zip(CATEGORIES, map(sum, zip(*vecs, strict=True)), strict=True):
            if not score >= threshold:  # NaN reaches nothing
                continue
            weights = cues.weights[cat]
            ranked = sorted(
                (
                    (weights.get(k, 0.0), k)
                    for k in places
                    if weights.get(k, 0.0) >= min_weight
                    and k not in cues.never_quoted
                    and k not in cues.not_cues
                ),
                reverse=True,
            )
            top = []
            denied = False
            for _weight, key in ranked:  # the two weightiest, each at its first unnegated place
                place = next((p for p in places[key] if not negated(text, p[2])), None)
                if place is None:
                    denied = True
                    continue
                top.append(place)
                if len(top) == 2:
                    break
            if len(top) < 2:
                continue
            first, second = sorted(top)
            quote = " ".join(raw[first[0] : second[1]].split())
            if len(quote) > MAX_QUOTE:
                quote = f"{raw[first[0] : first[1]]} … {raw[second[0] : second[1]]}"
            yield cat, score, first[2], second[2], quote, denied


def read_cues(
    text: Any, language: str, compiled: CompiledCues, threshold: float | None = None
) -> list[tuple[str, str, Cue]]:
    """(category, language, cue) of the strongest cue of each category in one text, its
    words split by the reader (``text.toks``, ``text.raw``); ``language`` is the text's
    detected language (one without cues, or none: nothing is read)."""
    if not compiled:
        return []
    if threshold is None:
        threshold = compiled.threshold
    by_language = compiled.languages
    if language not in by_language:
        # Too short to tell its language (a title, a sector): the cues were fitted and
        # measured on descriptions, and reading such a text in every Latin-script language
        # cost more than the rest of the reading; its phrases are still read.
        return []
    found: dict[str, Cue] = {}
    sents = units_by_sentence(text.toks, language, by_language[language].units)
    for cue in sentence_cues(
        text, sents, by_language[language], threshold, compiled.min_cue_weight
    ):
        if cue[0] not in found or cue[1] > found[cue[0]][1]:
            found[cue[0]] = cue
    return [(cat, language, cue) for cat, cue in found.items()]
