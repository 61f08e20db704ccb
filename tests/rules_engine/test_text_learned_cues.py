"""Learned cues quote what was written: a sentence is flagged only with two cue words, the
quote runs from one to the other, a negated cue is not one, and a word most texts hold is
never quoted as the evidence (``rules.textsignals.learned_cues``, which the experiment
``benchmarks/eval_text_learned.py`` reads with too)."""

from __future__ import annotations

from types import SimpleNamespace

from rules.textsignals import CATEGORIES
from rules.textsignals.languages import tokens
from rules.textsignals.learned_cues import compile_cues, read_cues
from tests.rules_engine.cue_data import english_cues


def _read(raw: str, cues) -> list[tuple[str, str, str]]:
    text = SimpleNamespace(raw=raw, toks=tokens(raw))
    return [(cat, lang, cue[4]) for cat, lang, cue in read_cues(text, "en", cues)]


def test_a_learned_cue_quotes_the_words_between_its_two_cues():
    cues = compile_cues(english_cues(0.0))
    found = _read("Customer plans to track protesters at the rally.", cues)
    assert found == [("tracking", "en", "track protesters")]


def test_a_negated_cue_word_is_no_cue():
    cues = compile_cues(english_cues(0.0))
    assert _read("Customer will track protesters at the rally.", cues)
    assert _read("Customer will not track protesters at the rally.", cues) == []


def test_a_word_most_texts_hold_is_never_the_quoted_evidence():
    weights = {cat: {} for cat in CATEGORIES}
    weights["tracking"] = {"track": 1.0, "the": 2.0, "protest": 0.5}
    data = {
        "threshold": 0.0,
        "languages": {
            "en": {
                "bias": dict.fromkeys(CATEGORIES, 0.0),
                "weights": weights,
                "never_quoted": ["the"],
            }
        },
    }
    found = _read("Track the protesters.", compile_cues(data))
    assert found == [("tracking", "en", "Track the protesters")]  # not "Track the"
