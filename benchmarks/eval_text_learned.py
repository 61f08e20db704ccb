"""Learned cues beside the lexicon: does a model of the labelled descriptions generalise?

An experiment, not part of screening. Per language, a sparse logistic model per category
is fitted on the reader's own word stems (Snowball stems of the text's language, Russian
dictionary forms, the Arabic light stem, pairs of Chinese characters) and on pairs of
stems met in one sentence. A sentence is flagged for a category when its score passes a
threshold AND it holds at least two words whose stems carry a clearly positive weight,
neither negated (the reader's own negation rule) and neither a word most texts hold; the
evidence quoted is the text from one to the other of the two highest-weighted of those
words, so every finding still quotes what was written.

What is measured (the protocol):

- Only the tuning half of ``benchmarks/data/text_eval`` is read by default, through
  ``eval_text.load_items`` and ``eval_text.split``. The honest estimate of how the
  model reads NEW writing is leave-one-round-out cross-validation: for each of the last
  rounds of writing (``FOLD_ROUNDS``), the model is fitted on the tuning half of every
  other round and scored on the tuning half of that round. Reported per language: today's
  lexicon alone (optimistic: it was tuned on these very texts), the *blind* lexicon (the
  default lexicon in git before the held-out round was written), the model alone, and
  each union (lexicon or model), at each threshold of ``THRESHOLDS``. The threshold is
  chosen from this table only (``CHOSEN_THRESHOLD``).
- ``--report`` is the only code path that keeps and scores the reporting half (both paths
  load the texts and split them as ``eval_text`` does; cross-validation keeps the tuning
  half only): the model is fitted on the whole tuning half and the lexicon, the model and
  the union are scored on the reporting half (counts only, no text of it is printed).
- Speed: the CPU time to score one text (stems, language, sentences, quote) on the scored
  texts, word caches cold and warm, and given the reader's words, beside the lexicon's
  reader on the same texts.

    python benchmarks/eval_text_learned.py                 # cross-validation, tuning half
    python benchmarks/eval_text_learned.py --show-found    # also what the model adds (tuning)
    python benchmarks/eval_text_learned.py --report        # the reporting half, once, at the end

Plain Python and numpy (already installed; only to fit); nothing is downloaded. What it
measured, the threshold chosen and how it would be built into screening:
docs/learned-cues.md.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_text import load_items, split  # noqa: E402

from rules.engine import DEFAULT_PACK_PATH, read_pack  # noqa: E402
from rules.textsignals import CATEGORIES, LANGUAGES, compile_lexicon, lexicon_from_pack  # noqa: E402
from rules.textsignals.disguise import as_read  # noqa: E402
from rules.textsignals.languages import (  # noqa: E402
    LATIN,
    detect_language,
    script_of,
    stem,
    tokens,
)
from rules.textsignals.morphology import arabic_light_stem, russian_lemmas  # noqa: E402
from rules.textsignals.negation import negated  # noqa: E402
from rules.textsignals.reader import _read as lexicon_read  # noqa: E402
from rules.textsignals.reader import read_one  # noqa: E402

FOLD_ROUNDS = range(7, 13)  # the last six rounds of writing, each held out in turn
THRESHOLDS = (-1.5, -1.0, -0.5)  # sentence score (log-odds) a finding needs
CHOSEN_THRESHOLD = -1.0  # chosen from the cross-validation table only
MIN_CUE_WEIGHT = 0.15  # a word counts as a cue when its stem weighs at least this
COMMON_SHARE = 0.2  # a stem in more of the training texts than this is no cue to quote
MIN_DF = 2  # a stem or pair is learned only when that many training texts hold it
OTHER_CATEGORY_WEIGHT = 0.2  # a text of another category counts this much as a negative
L2 = 0.5
STEPS = 400
MAX_QUOTE = 160


# -- what the model reads -----------------------------------------------------------------


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


def sentences(raw: str, language: str) -> tuple[list, list[list[tuple[str, int, int, int]]]]:
    """The text's tokens and, per sentence, its (stem, start, end, token) units."""
    toks = tokens(raw)
    return toks, units_by_sentence(toks, language)


def units_by_sentence(toks: list, language: str) -> list[list[tuple[str, int, int, int]]]:
    """Per sentence, the (stem, start, end, token) units of the reader's tokens. Chinese
    units are two adjacent characters (a single character says too little)."""
    out: dict[int, list[tuple[str, int, int, int]]] = defaultdict(list)
    for i, (word, start, end, n) in enumerate(toks):
        if language == "zh" and script_of(word) == "han":
            if i + 1 < len(toks) and toks[i + 1][3] == n and toks[i + 1][1] == end:
                nxt = toks[i + 1][0]
                if script_of(nxt) == "han":
                    out[n].append((word + nxt, start, toks[i + 1][2], i))
            continue
        key = unit(word, language)
        if len(key) >= 2:
            out[n].append((key, start, end, i))
    return [out[n] for n in sorted(out)]


def sentence_features(units: list[tuple[str, int, int, int]]) -> set[str]:
    stems = sorted({u[0] for u in units})
    feats = set(stems)
    for a in range(len(stems)):
        for b in range(a + 1, len(stems)):
            feats.add(stems[a] + "+" + stems[b])
    return feats


# -- fitting --------------------------------------------------------------------------------


class Model:
    """One language's weights: feature -> ((category, weight), ...), a bias per category,
    and the stems any feature is made of (a pair is only formed from those)."""

    def __init__(
        self,
        language: str,
        weights: dict[str, dict[str, float]],
        bias: dict,
        common: frozenset[str] = frozenset(),
    ) -> None:
        self.language = language
        self.common = common  # function words ("the", "que", "في"): they score, never quote
        self.weights = weights
        self.bias = bias
        table: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for cat, by_feature in weights.items():
            for feature, weight in by_feature.items():
                table[feature].append((cat, weight))
        self.table = {f: tuple(v) for f, v in table.items()}
        # The same weights as one vector a feature (categories in CATEGORIES order): a
        # sentence's scores are the column sums of its features' vectors.
        self.vectors = {
            f: tuple(weights[cat].get(f, 0.0) for cat in CATEGORIES) for f in self.table
        }
        self.bias_vector = tuple(bias[cat] for cat in CATEGORIES)
        self.units = frozenset(f for f in table if "+" not in f)
        # stem -> the stems it forms a weighted pair with (after it in sorted order): only
        # pairs the model knows are looked up, not every pair of a sentence's stems.
        partners: dict[str, set[str]] = defaultdict(set)
        for f in table:
            if "+" in f:
                a, b = f.split("+")
                partners[a].add(b)
        self.partners = {a: frozenset(b) for a, b in partners.items()}


def fit(items: list[dict], language: str) -> Model:
    docs = []
    for item in items:
        _toks, sents = sentences(as_read(item["text"]), language)
        docs.append(
            (item["label"], set().union(*map(sentence_features, sents)) if sents else set())
        )
    df = Counter(f for _label, feats in docs for f in feats if "+" not in f)
    vocab_units = {f for f, n in df.items() if n >= MIN_DF}
    pair_df = Counter(
        f
        for _label, feats in docs
        for f in feats
        if "+" in f and all(p in vocab_units for p in f.split("+"))
    )
    vocab = sorted(vocab_units | {f for f, n in pair_df.items() if n >= MIN_DF})
    col = {f: j for j, f in enumerate(vocab)}
    x = np.zeros((len(docs), len(vocab)), dtype=np.float32)
    for i, (_label, feats) in enumerate(docs):
        for f in feats:
            j = col.get(f)
            if j is not None:
                x[i, j] = 1.0
    labels = [label for label, _f in docs]
    y = np.array([[label == c for c in CATEGORIES] for label in labels], dtype=np.float32)
    # Sample weights: a benign text is a full negative, another category's a half one;
    # the positives of a category weigh as much together as its negatives.
    s = np.where(y == 1, 0.0, 1.0)
    for i, label in enumerate(labels):
        if label != "benign":
            s[i] = np.where(y[i] == 1, 0.0, OTHER_CATEGORY_WEIGHT)
    for c in range(len(CATEGORIES)):
        pos = y[:, c].sum()
        if pos:
            s[:, c] += y[:, c] * (s[:, c].sum() / pos)
    s /= s.sum(axis=0, keepdims=True) / len(docs)
    s = s.astype(np.float32)
    w = np.zeros((len(vocab), len(CATEGORIES)), dtype=np.float32)
    b = np.zeros(len(CATEGORIES), dtype=np.float32)
    # Adam on the weighted logistic loss with an L2 penalty on the weights.
    m_w, v_w, m_b, v_b = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b))
    lr, b1, b2 = 0.05, 0.9, 0.999
    n = len(docs)
    for t in range(1, STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = s * (p - y) / n
        gw = x.T @ g + L2 * w / n
        gb = g.sum(axis=0)
        m_w = b1 * m_w + (1 - b1) * gw
        v_w = b2 * v_w + (1 - b2) * gw * gw
        m_b = b1 * m_b + (1 - b1) * gb
        v_b = b2 * v_b + (1 - b2) * gb * gb
        corr = math.sqrt(1 - b2**t) / (1 - b1**t)
        w -= lr * corr * m_w / (np.sqrt(v_w) + 1e-8)
        b -= lr * corr * m_b / (np.sqrt(v_b) + 1e-8)
    weights = {}
    for c, cat in enumerate(CATEGORIES):
        col_w = w[:, c]
        keep = np.nonzero(np.abs(col_w) >= 0.01)[0]  # sparse: what weighs nothing is dropped
        weights[cat] = {vocab[j]: float(col_w[j]) for j in keep}
    common = frozenset(f for f, n in df.items() if n > COMMON_SHARE * len(docs))
    bias = {cat: float(b[c]) for c, cat in enumerate(CATEGORIES)}
    return Model(language, weights, bias, common)


# -- reading --------------------------------------------------------------------------------


def read_learned(
    raw: str, models: dict[str, Model], threshold: float
) -> list[tuple[str, str, str]]:
    """(category, language, quote) of each learned cue in one text."""
    raw = as_read(raw)
    language = detect_language(raw)
    languages = [language] if language in models else [lang for lang in LATIN if lang in models]
    found: dict[str, tuple[float, str, str]] = {}
    for lang in languages:
        toks, sents = sentences(raw, lang)
        for cat, score, quote in sentence_cues(raw, toks, sents, models[lang], threshold):
            if cat not in found or score > found[cat][0]:
                found[cat] = (score, lang, quote)
    return [(cat, lang, quote) for cat, (_s, lang, quote) in found.items()]


def sentence_cues(raw: str, toks: list, sents: list, model: Model, threshold: float):
    """(category, score, quote) of each sentence whose score passes ``threshold`` and that
    holds two cue words, neither negated; the quote runs from one to the other."""
    text = SimpleNamespace(toks=toks, raw=raw)  # what ``negated`` reads
    vectors, partners, units = model.vectors, model.partners, model.units
    for sentence in sents:
        places: dict[str, list[tuple[int, int, int]]] = {}
        for key, start, end, i in sentence:
            if key in units:
                places.setdefault(key, []).append((start, end, i))
        if len(places) < 2:
            continue  # two cues are needed
        vecs = [model.bias_vector]
        for key in places:
            vecs.append(vectors[key])
            mates = partners.get(key)
            if mates is not None:
                vecs.extend(vectors[key + "+" + other] for other in mates.intersection(places))
        for cat, score in zip(CATEGORIES, map(sum, zip(*vecs, strict=True)), strict=True):
            if score < threshold:
                continue
            weights = model.weights[cat]
            ranked = sorted(
                (
                    (weights.get(k, 0.0), k)
                    for k in places
                    if weights.get(k, 0.0) >= MIN_CUE_WEIGHT and k not in model.common
                ),
                reverse=True,
            )
            top = []
            for _weight, key in ranked:  # the two weightiest, each at its first unnegated place
                place = next((p for p in places[key] if not negated(text, p[2])), None)
                if place is not None:
                    top.append(place)
                    if len(top) == 2:
                        break
            if len(top) < 2:
                continue
            first, second = sorted(top)
            quote = raw[first[0] : second[1]]
            if len(quote) > MAX_QUOTE:
                quote = f"{raw[first[0] : first[1]]} … {raw[second[0] : second[1]]}"
            yield cat, score, quote


# -- measuring ------------------------------------------------------------------------------

# The commit that added each held-out round of writing: the lexicon of its parent never saw
# that round (nor its translations), so it reads the round as it would read new writing.
ROUND_ADDED = {
    7: "b71c5be",
    8: "2a400bc",
    9: "7539093",
    10: "ef0e141",
    11: "38e3da2",
    12: "66d3bc7",
}
PACK_PATH = "rules/criteria_packs/default.json"


def blind_lexicon(round_: int):
    """The default lexicon as it was before ``round_`` was written (from git history)."""
    import json
    import subprocess

    text = subprocess.run(
        ["git", "show", f"{ROUND_ADDED[round_]}^:{PACK_PATH}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return compile_lexicon(lexicon_from_pack(json.loads(text)))


def _row() -> dict:
    return {"pos": 0, "neg": 0, "cells": defaultdict(lambda: [0, 0])}


def score(items: list[dict], models: dict[str, Model], lexicons: dict, table: dict, added: list):
    """Adds each text's outcome (found, or false positive) to ``table[lang]["cells"]``, per
    lexicon, per threshold of the model alone, and per (lexicon, threshold) of the union."""
    for item in items:
        row = table[item["lang"]]
        benign = item["label"] == "benign"
        row["neg" if benign else "pos"] += 1
        k = 1 if benign else 0  # cells are [found, false positives]

        def count(key, got, row=row, item=item, benign=benign, k=k):
            row["cells"][key][k] += bool(got) if benign else item["label"] in got

        lex = {}
        for name, lexicon in lexicons.items():
            lex[name] = {c for c, _l, _q in read_one(item["text"], lexicon)}
            count(name, lex[name])
        for threshold in THRESHOLDS:
            read = read_learned(item["text"], models, threshold)
            cats = {c for c, _l, _q in read}
            count(("model", threshold), cats)
            for name, got in lex.items():
                count((name, threshold), cats | got)
            if threshold == CHOSEN_THRESHOLD and (
                (benign and cats) or (not benign and item["label"] in cats - lex["lexicon"])
            ):
                added.append((item, read))


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}" if b else "  -  "


def print_table(table: dict, title: str, names: list[str]) -> None:
    """One block per threshold: recall/false positives of each lexicon, the model, and
    each union."""
    total = _row()
    for lang in LANGUAGES:
        total["pos"] += table[lang]["pos"]
        total["neg"] += table[lang]["neg"]
        for key, (a, b) in table[lang]["cells"].items():
            total["cells"][key][0] += a
            total["cells"][key][1] += b
    print(title)
    print(f"(texts: {total['pos']} dangerous, {total['neg']} benign; recall % / false positives %)")
    for threshold in THRESHOLDS:
        keys = [*names, ("model", threshold), *((n, threshold) for n in names)]
        heads = [*names, "model", *(f"{n} OR model" for n in names)]
        print(f"\nthreshold {threshold}" + (" (chosen)" if threshold == CHOSEN_THRESHOLD else ""))
        print(f"{'lang':<5}" + "".join(f" {h:>22}" for h in heads))
        for lang in [*LANGUAGES, "all"]:
            row = total if lang == "all" else table[lang]
            cells = [row["cells"][key] for key in keys]
            print(
                f"{lang:<5}"
                + "".join(
                    f" {_pct(c[0], row['pos']):>14}/{_pct(c[1], row['neg']):<7}" for c in cells
                )
            )


def timing(items: list[dict], models: dict[str, Model], lexicon) -> tuple[float, ...]:
    """CPU milliseconds per text (the process's own time: other work on the machine does
    not count) to read learned cues: word caches cold, then warm; warm given
    the words the reader has already split (what an integrated reader would add); and the
    lexicon's reader on the same texts in the same minutes (uncached), to compare with."""
    unit.cache_clear()
    out = []
    for _ in range(2):
        start = time.process_time()
        for item in items:
            read_learned(item["text"], models, CHOSEN_THRESHOLD)
        out.append(1000 * (time.process_time() - start) / len(items))
    ready = []
    for item in items:
        raw = as_read(item["text"])
        language = detect_language(raw)
        if language in models:
            ready.append((raw, tokens(raw), language))
    start = time.process_time()
    for raw, toks, language in ready:
        sents = units_by_sentence(toks, language)
        list(sentence_cues(raw, toks, sents, models[language], CHOSEN_THRESHOLD))
    out.append(1000 * (time.process_time() - start) / max(1, len(ready)))
    start = time.process_time()
    for raw, _toks, _language in ready:
        lexicon_read(raw, lexicon)
    out.append(1000 * (time.process_time() - start) / max(1, len(ready)))
    return tuple(out)


def _speed(times: list[tuple[float, ...]]) -> str:
    cold, warm, ready, lexicon = (sum(t[n] for t in times) / len(times) for n in range(4))
    return (
        f"Reading learned cues: {cold:.3f} CPU ms per text with cold word caches, {warm:.3f} warm,"
        f" {ready:.3f} given the reader's words; the lexicon's reader {lexicon:.3f} ms on the"
        " same texts (uncached), same minutes"
    )


def cross_validate(show_found: bool) -> None:
    lexicon = compile_lexicon(lexicon_from_pack(read_pack(str(DEFAULT_PACK_PATH))))
    tuning = split(load_items())["tuning"]
    table: dict = defaultdict(_row)
    added: list = []
    times = []
    for k in FOLD_ROUNDS:
        train = [i for i in tuning if int(i.get("set", 1)) != k]
        held = [i for i in tuning if int(i.get("set", 1)) == k]
        models = {lang: fit([i for i in train if i["lang"] == lang], lang) for lang in LANGUAGES}
        times.append(timing(held, models, lexicon))
        lexicons = {"lexicon": lexicon, "blind lexicon": blind_lexicon(k)}
        score(held, models, lexicons, table, added)
        print(f"round {k} held out: {len(held)} texts", file=sys.stderr, flush=True)
    print_table(
        table,
        f"Leave-one-round-out on the tuning half, rounds {FOLD_ROUNDS.start}-"
        f"{FOLD_ROUNDS.stop - 1}. 'lexicon' is today's (optimistic: tuned on these texts); "
        "'blind lexicon' is the one before the held-out round was written.",
        ["lexicon", "blind lexicon"],
    )
    print("\n" + _speed(times))
    if show_found:
        print(f"\nAt threshold {CHOSEN_THRESHOLD}: what the model adds to today's lexicon, and its")
        print("false positives")
        for item, read in added:
            kind = "false positive" if item["label"] == "benign" else "added"
            print(f"  {kind}: {item['id']} [{item['label']}] {read}")


def report() -> None:
    """The reporting half, scored once by a model fitted on the whole tuning half."""
    lexicon = compile_lexicon(lexicon_from_pack(read_pack(str(DEFAULT_PACK_PATH))))
    halves = split(load_items())
    models = {
        lang: fit([i for i in halves["tuning"] if i["lang"] == lang], lang) for lang in LANGUAGES
    }
    table: dict = defaultdict(_row)
    score(halves["reporting"], models, {"lexicon": lexicon}, table, [])
    print_table(
        table,
        f"Reporting half, model fitted on the whole tuning half (chosen {CHOSEN_THRESHOLD})",
        ["lexicon"],
    )
    print("\n" + _speed([timing(halves["reporting"], models, lexicon)]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="score the reporting half (once)")
    parser.add_argument("--show-found", action="store_true", help="tuning half only")
    args = parser.parse_args(argv)
    if args.report:
        report()
    else:
        cross_validate(args.show_found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
