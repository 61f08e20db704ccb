"""Fitting learned cues on labelled descriptions (numpy; reading them needs none).

Per language, a logistic model per red-flag category over the reader's word stems and the
pairs of stems met in one sentence (``learned_cues.units_by_sentence``): a category's
descriptions against the benign ones (another category's weigh ``OTHER_CATEGORY_WEIGHT``:
none since 4 December 2026), each category's positives weighing as much as its negatives,
stems and pairs that at least ``MIN_DF`` texts hold, an L2 penalty,
a fixed number of Adam steps from zeros. The settings were chosen by leave-one-round-out
cross-validation on the tuning half (docs/learned-cues.md): do not change one without
measuring again (``benchmarks/eval_text_learned.py``). Deterministic: the same texts
give the same cues.

Fit on the tuning half only: the reporting half measures what the cues read.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from .disguise import as_read
from .languages import LANGUAGES, tokens
from .learned_cues import MIN_CUE_WEIGHT, THRESHOLD, units_by_sentence
from .lexicon import BENIGN, CATEGORIES
from .weighing import SECTION_KEY as WEIGHING
from .whole_text import DANGEROUS_ABOVE

DANGER = ("dangerous",)  # the weighing's one column: any red-flag category

COMMON_SHARE = 0.2  # a stem in more of the training texts than this is never quoted
# A stem or pair is a cue only when this many training texts hold it; a text of another
# category counts this much as a negative. Chosen on 4 December 2026 by leave-one-round-out
# cross-validation over rounds 17 to 22 (docs/learned-cues.md; before: 2 and 0.2).
MIN_DF = 3
OTHER_CATEGORY_WEIGHT = 0.0
WEIGHING_MIN_DF = 2  # the weighing's words, as its bound was chosen with
L2 = 0.5
STEPS = 400
LEARNING_RATE = 0.05
# Weights smaller than this are left out. Kept from 0.01 the default pack's cues were 5.5 MB
# (a criteria pack of 12 MB, past what the import page takes, copied into every draft and
# compiled in half a second); from 0.05 they are a fifth of it. The cross-validated figures
# moved little (blind lexicon or cues, no checks: 80.7 / 11.6 -> 81.2 / 11.9).
KEPT_WEIGHT = 0.05
DIGITS = 4  # weights as stored


def _features(units: list) -> set[str]:
    stems = sorted({u[0] for u in units})
    feats = set(stems)
    for a in range(len(stems)):
        for b in range(a + 1, len(stems)):
            feats.add(stems[a] + "+" + stems[b])
    return feats


def text_features(raw: str, language: str) -> set[str]:
    """The stems and same-sentence stem pairs of one text, read in ``language``."""
    sents = units_by_sentence(tokens(as_read(raw)), language)
    return set().union(*map(_features, sents)) if sents else set()


def _design(docs: list[tuple[str, set[str]]], df: Counter, min_df: int) -> tuple[list[str], _Docs]:
    """The features held by at least ``min_df`` texts (a pair: and both its stems; ``df``
    counts the texts holding each stem), and each text's columns among them."""
    vocab_units = {f for f, n in df.items() if n >= min_df}
    pair_df = Counter(
        f
        for _label, feats in docs
        for f in feats
        if "+" in f and all(p in vocab_units for p in f.split("+"))
    )
    vocab = sorted(vocab_units | {f for f, n in pair_df.items() if n >= min_df})
    col = {f: j for j, f in enumerate(vocab)}
    return vocab, _Docs(
        [sorted(col[f] for f in feats if f in col) for _l, feats in docs], len(vocab)
    )


def fit_language(items: Iterable[Mapping[str, Any]], language: str) -> dict[str, Any]:
    """One language's cues (``learned_cues`` format) from its labelled texts: each item a
    ``{"label": category or "benign", "text": ...}``."""
    docs = [(item["label"], text_features(item["text"], language)) for item in items]
    df = Counter(f for _label, feats in docs for f in feats if "+" not in f)
    vocab, x = _design(docs, df, MIN_DF)
    labels = [label for label, _f in docs]
    w, b = _fit(x, labels)
    # The weighing: every category's descriptions against the ordinary ones, on the same
    # words (``weighing``).
    weighed_vocab, weighed_x = _design(docs, df, WEIGHING_MIN_DF)
    dw, db = _fit(weighed_x, [BENIGN if label == BENIGN else DANGER[0] for label in labels], DANGER)
    # A pair scores only when both its stems are read, and a stem is read when it is kept:
    # pairs of stems left out are left out too.
    read = {f for j, f in enumerate(vocab) if "+" not in f and np.abs(w[j]).max() >= KEPT_WEIGHT}
    weights = {}
    for c, cat in enumerate(CATEGORIES):
        col_w = w[:, c]
        keep = np.nonzero(np.abs(col_w) >= KEPT_WEIGHT)[0]
        weights[cat] = {
            vocab[j]: round(float(col_w[j]), DIGITS)
            for j in keep
            if "+" not in vocab[j] or all(p in read for p in vocab[j].split("+"))
        }
    weighed = {
        weighed_vocab[j]: round(float(dw[j, 0]), DIGITS)
        for j in np.nonzero(np.abs(dw[:, 0]) >= KEPT_WEIGHT)[0]
    }
    used = {f for by_feature in weights.values() for f in by_feature}
    used |= {p for f in used if "+" in f for p in f.split("+")}
    # Words most texts hold ("the", "que"): they may score, never be the quoted evidence.
    common = sorted(f for f, n in df.items() if n > COMMON_SHARE * len(docs) and f in used)
    return {
        "enabled": True,
        "bias": {cat: round(float(b[c]), DIGITS) for c, cat in enumerate(CATEGORIES)},
        "weights": weights,
        "never_quoted": common,
        WEIGHING: {"bias": round(float(db[0]), DIGITS), "weights": weighed},
    }


class _Docs:
    """The texts' features as column numbers, one list a text: a text holds a few hundred
    of the tens of thousands of features, so the products are sums over its own columns
    (a dense matrix took a minute a language, this takes seconds)."""

    def __init__(self, columns: list[list[int]], width: int) -> None:
        sizes = np.array([len(c) for c in columns], dtype=np.int64)
        self.cols = np.array([j for c in columns for j in c], dtype=np.int64)
        self.starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64)
        self.held = sizes > 0  # ``reduceat`` reads an empty text as its neighbour's column
        self.row_of = np.repeat(np.arange(len(columns)), sizes)
        self.shape = (len(columns), width)

    def times(self, w: np.ndarray) -> np.ndarray:
        """x @ w"""
        out = np.zeros((self.shape[0], w.shape[1]), dtype=w.dtype)
        if len(self.cols):
            out[self.held] = np.add.reduceat(w[self.cols], self.starts[self.held], axis=0)
        return out

    def transposed_times(self, g: np.ndarray) -> np.ndarray:
        """x.T @ g"""
        rows = g[self.row_of]
        return np.stack(
            [
                np.bincount(self.cols, weights=rows[:, c], minlength=self.shape[1])
                for c in range(g.shape[1])
            ],
            axis=1,
        ).astype(g.dtype)


def _fit(
    x: _Docs, labels: list[str], categories: tuple[str, ...] = CATEGORIES
) -> tuple[np.ndarray, np.ndarray]:
    y = np.array([[label == c for c in categories] for label in labels], dtype=np.float32)
    # Sample weights: a benign text is a full negative, another category's text
    # OTHER_CATEGORY_WEIGHT of one; a category's positives weigh as much as its negatives.
    s = np.where(y == 1, 0.0, 1.0)
    for i, label in enumerate(labels):
        if label != BENIGN:
            s[i] = np.where(y[i] == 1, 0.0, OTHER_CATEGORY_WEIGHT)
    for c in range(len(categories)):
        pos = y[:, c].sum()
        if pos:
            s[:, c] += y[:, c] * (s[:, c].sum() / pos)
    s /= s.sum(axis=0, keepdims=True) / len(labels)
    s = s.astype(np.float32)
    w = np.zeros((x.shape[1], len(categories)), dtype=np.float32)
    b = np.zeros(len(categories), dtype=np.float32)
    # Adam on the weighted logistic loss with an L2 penalty on the weights.
    m_w, v_w, m_b, v_b = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b))
    lr, b1, b2 = LEARNING_RATE, 0.9, 0.999
    n = len(labels)
    for t in range(1, STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-(x.times(w) + b)))
        g = s * (p - y) / n
        gw = x.transposed_times(g) + L2 * w / n
        gb = g.sum(axis=0)
        m_w = b1 * m_w + (1 - b1) * gw
        v_w = b2 * v_w + (1 - b2) * gw * gw
        m_b = b1 * m_b + (1 - b1) * gb
        v_b = b2 * v_b + (1 - b2) * gb * gb
        corr = math.sqrt(1 - b2**t) / (1 - b1**t)
        w -= lr * corr * m_w / (np.sqrt(v_w) + 1e-8)
        b -= lr * corr * m_b / (np.sqrt(v_b) + 1e-8)
    return w, b


def fit_cues(
    items: Iterable[Mapping[str, Any]], fitted_on: str, languages: Iterable[str] = LANGUAGES
) -> dict[str, Any]:
    """The ``learned_cues`` section fitted on labelled texts (each with ``lang``,
    ``label`` and ``text``): one model per language that has texts."""
    items = list(items)
    out: dict[str, Any] = {}
    for lang in languages:
        mine = [i for i in items if i["lang"] == lang]
        if mine:
            out[lang] = fit_language(mine, lang)
    return {
        "fitted_on": fitted_on,
        "threshold": THRESHOLD,
        "min_cue_weight": MIN_CUE_WEIGHT,
        # Off until the compliance lead decides: a short red flag among many words of an
        # ordinary deal can weigh as one (docs/learned-cues.md); ORDINARY_BELOW is the bound
        # offered when an admin switches it on.
        "ordinary_below": None,
        # A whole text in which nothing reads a red flag raises one from this weight on
        # (``whole_text``; chosen by leave-one-round-out cross-validation).
        "dangerous_above": DANGEROUS_ABOVE,
        "languages": out,
        "switched_off": [],
    }
