"""The learned-cues experiment (benchmarks/eval_text_learned.py) quotes what was written:
a sentence is flagged only with two cue words, the quote runs from one to the other, a
negated cue is not one, and a word most texts hold is never quoted as the evidence."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _learned():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location(
        "eval_text_learned", ROOT / "benchmarks" / "eval_text_learned.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DANGEROUS = [
    "The ministry will track the phones of the protesters in the capital.",
    "They track the protesters with the handsets of the operator.",
    "Track the cars of the protesters and the organisers.",
    "The agency wants to track the protesters near the square.",
]
BENIGN = [
    "The courier company will track the parcels of the customers.",
    "Track the delivery vans of the retailer in the capital.",
    "The shop wants a dashboard of the sales in the capital.",
    "The phones of the staff get a new mail client.",
    "The protesters asked the city for a permit for the march.",
    "The ministry buys laptops for the schools of the region.",
]
# Ordinary deals, so that a red-flag word is in few of the texts and "the" in most.
FILLER = [
    f"The {buyer} renews the {product} licences of the {site}."
    for buyer in ("bank", "hospital", "university", "airline", "retailer", "insurer")
    for product, site in (
        ("backup", "branches"),
        ("firewall", "offices"),
        ("payroll", "plants"),
        ("mail", "depots"),
    )
]


def _models(learned):
    items = [{"label": "tracking", "text": t, "lang": "en"} for t in DANGEROUS]
    items += [{"label": "benign", "text": t, "lang": "en"} for t in BENIGN + FILLER]
    return {"en": learned.fit(items, "en")}


def test_a_learned_cue_quotes_the_words_between_its_two_cues():
    learned = _learned()
    models = _models(learned)
    found = learned.read_learned("Customer plans to track protesters at the rally.", models, 0.0)
    assert found == [("tracking", "en", "track protesters")]


def test_a_negated_cue_word_is_no_cue():
    learned = _learned()
    models = _models(learned)
    assert learned.read_learned("Customer will track protesters at the rally.", models, 0.0)
    text = "Customer will not track protesters at the rally."
    assert learned.read_learned(text, models, 0.0) == []


def test_a_word_most_texts_hold_is_never_the_quoted_evidence():
    learned = _learned()
    weights = {cat: {} for cat in learned.CATEGORIES}
    weights["tracking"] = {"track": 1.0, "the": 2.0, "protest": 0.5}
    bias = dict.fromkeys(learned.CATEGORIES, 0.0)
    model = learned.Model("en", weights, bias, common=frozenset({"the"}))
    found = learned.read_learned("Track the protesters.", {"en": model}, 0.0)
    assert found == [("tracking", "en", "Track the protesters")]  # not "Track the"
