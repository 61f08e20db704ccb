"""The match index: every name and alias of a set of entries, arranged so that a party's
name finds the few that could match it without scanning them all."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..names import NameParts, fold, name_parts
from .hashing import HashTable, deletes, stable_hashes
from .records import EntryRecord, Explanation, Hit
from .scoring import (
    COUNTRY_BONUS,
    GENERIC_WEIGHT,
    GENERIC_WORDS,
    PART_AGREEMENT,
    WEAK_ALIAS_SCORE,
    NameScoring,
    part_alike,
)

#: A part is looked up in the postings only when it is held by at most this many names;
#: a name made of nothing else is still found through the exact-key table.
MAX_POSTINGS = 50_000
#: A light part's postings are read (to tighten the bound) when at most this long.
LIGHT_POSTINGS = 5_000
#: Parts of a party's name compared at most (real names have far fewer).
MAX_PARTS = 24
MEMO_SIZE = 20_000


@dataclass
class MatchIndex(NameScoring):
    """All names and aliases of a set of entries (one list version, or a few).

    Immutable after `__post_init__` except the memo of recent results, which is cleared
    when full; safe to read from many threads.
    """

    entries: Sequence[EntryRecord]
    _vocab: dict[str, int] = field(init=False, repr=False)
    _words: list[str] = field(init=False, repr=False)
    _memo: dict = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        vocab: dict[str, int] = {}
        row_tokens: list[int] = []
        row_ptr = [0]
        owners: list[int] = []
        texts: list[str] = []
        forms: list[tuple[str, ...]] = []
        key_texts: list[str] = []
        joined_texts: list[str] = []
        weak: dict[str, list[tuple[int, str]]] = {}
        for pos, entry in enumerate(self.entries):
            seen: set[str] = set()
            names = [(entry.name, "name")] + [(a, "alias") for a in entry.aliases]
            for text, _via in names:
                parts = name_parts(text)
                key = parts.key
                if not key or key in seen:
                    continue
                seen.add(key)
                owners.append(pos)
                texts.append(text)
                forms.append(parts.legal_forms)
                key_texts.append(key)
                joined_texts.append("".join(parts.parts))
                for p in dict.fromkeys(parts.parts):
                    row_tokens.append(vocab.setdefault(p, len(vocab)))
                row_ptr.append(len(row_tokens))
            for text in entry.weak_aliases:
                wkey = " ".join(fold(text).split())
                if wkey:
                    weak.setdefault(wkey, []).append((pos, text))
        self._vocab = vocab
        self._words = list(vocab)
        self._owner = np.asarray(owners, dtype=np.int32)
        self._texts = texts
        self._forms = forms
        self._keys = HashTable(stable_hashes(key_texts))
        self._joined = HashTable(stable_hashes(joined_texts))
        self._weak = weak
        self._row_ptr = np.asarray(row_ptr, dtype=np.int64)
        self._row_tok = np.asarray(row_tokens, dtype=np.int32)
        n_rows = len(owners)
        # Postings: token -> rows holding it (CSR).
        order = np.argsort(self._row_tok, kind="stable")
        row_of = np.repeat(np.arange(n_rows, dtype=np.int32), np.diff(self._row_ptr))
        self._post_rows = row_of[order]
        df = np.bincount(self._row_tok, minlength=len(vocab))
        self._post_ptr = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
        self._max_weight = math.log1p(max(n_rows, 1))
        weights = np.log1p(max(n_rows, 1) / np.maximum(df, 1)).astype(np.float32)
        for word, tid in vocab.items():
            if word in GENERIC_WORDS:
                weights[tid] = min(weights[tid], GENERIC_WEIGHT)
        self._weight = weights
        self._df = df
        self._row_weight = (
            np.add.reduceat(weights[self._row_tok], self._row_ptr[:-1]).astype(np.float32)
            if n_rows
            else np.zeros(0, np.float32)
        )
        # One-deletion neighbourhood of every part of four letters or more.
        deleted: list[str] = []
        tids: list[int] = []
        for word, tid in vocab.items():
            if len(word) >= 4:
                deleted.extend(deletes(word))
                tids.extend([tid] * len(word))
        del_hash = stable_hashes(deleted)
        order = np.argsort(del_hash, kind="stable")
        self._del_hash = del_hash[order]
        self._del_tok = np.asarray(tids, dtype=np.int32)[order]

    # --- saving and loading (see index_files.py) ------------------------------------

    _ARRAYS = (
        "_owner",
        "_row_ptr",
        "_row_tok",
        "_post_rows",
        "_post_ptr",
        "_weight",
        "_df",
        "_row_weight",
        "_del_hash",
        "_del_tok",
    )

    def state(self) -> tuple[dict[str, np.ndarray], dict]:
        """What `from_state` needs: the numpy arrays (saved so that they can be mapped
        read-only and shared between processes) and the Python objects (pickled)."""
        arrays = {name: getattr(self, name) for name in self._ARRAYS}
        for table in ("_keys", "_joined"):
            arrays[f"{table}.hashes"] = getattr(self, table)._hashes
            arrays[f"{table}.rows"] = getattr(self, table)._rows
        objects = {
            "entries": list(self.entries),
            "vocab": self._vocab,
            "texts": self._texts,
            "forms": self._forms,
            "weak": self._weak,
            "max_weight": self._max_weight,
        }
        return arrays, objects

    @classmethod
    def from_state(cls, arrays: dict[str, np.ndarray], objects: dict) -> MatchIndex:
        """The index `state()` described, without building anything."""
        index = cls.__new__(cls)
        index.entries = objects["entries"]
        index._vocab = objects["vocab"]
        index._words = list(index._vocab)
        index._texts = objects["texts"]
        index._forms = objects["forms"]
        index._weak = objects["weak"]
        index._max_weight = objects["max_weight"]
        index._memo = {}
        for name in cls._ARRAYS:
            setattr(index, name, arrays[name])
        index._keys = HashTable.from_arrays(arrays["_keys.hashes"], arrays["_keys.rows"])
        index._joined = HashTable.from_arrays(arrays["_joined.hashes"], arrays["_joined.rows"])
        return index

    def __len__(self) -> int:
        return len(self._texts)

    # --- candidates -------------------------------------------------------------------

    def _similar_tokens(self, part: str) -> dict[int, float]:
        """Vocabulary tokens alike to `part`, with how alike (0-1)."""
        out: dict[int, float] = {}
        tid = self._vocab.get(part)
        if tid is not None:
            out[tid] = 1.0
        if len(part) >= 4:
            dels = deletes(part)
            for d in dels:  # the query has a letter too many
                t = self._vocab.get(d)
                if t is not None and len(d) >= 4:
                    out.setdefault(t, part_alike(part, d))
            probes = stable_hashes([part, *dels])
            lo = np.searchsorted(self._del_hash, probes, side="left")
            hi = np.searchsorted(self._del_hash, probes, side="right")
            for a, b in zip(lo.tolist(), hi.tolist(), strict=True):
                for t in self._del_tok[a:b].tolist():
                    if t not in out:
                        out[t] = part_alike(part, self._words[t])
        return {t: s for t, s in out.items() if s >= PART_AGREEMENT}

    def _candidates(
        self, parts: tuple[str, ...], key: str, need: float
    ) -> tuple[np.ndarray, list[dict[int, float]]]:
        """Rows that could reach `need` (0-100, before the country bonus), and each
        part's alike vocabulary tokens."""
        exact = self._keys.rows(key) + self._joined.rows("".join(parts))
        similar = [self._similar_tokens(p) for p in parts]
        q_weight = [self._query_weight(p, sim) for p, sim in zip(parts, similar, strict=True)]
        total_q = sum(q_weight)
        # Parts by weight, heaviest first; the lightest ones whose weight alone could
        # never reach `need` are left out of the postings (the scorer still reads them).
        order = sorted(range(len(parts)), key=lambda i: -q_weight[i])
        rare: list[int] = []
        light = total_q
        for i in order:
            if light <= 0 or 200.0 * light / (light + total_q) < need:
                break
            rare.append(i)
            light -= q_weight[i]
        # Rows are reached through the heavy parts only; the light parts' postings are
        # read too when they are short, to tighten the bound, else assumed to agree.
        rows_parts, contrib_parts, qw_parts, via_rare = [], [], [], []
        others = 0.0
        for i in range(len(parts)):
            spans = [(self._post_ptr[t], self._post_ptr[t + 1], t) for t in similar[i]]
            spans = [(a, b, t) for a, b, t in spans if b - a <= MAX_POSTINGS]
            if i not in rare and sum(b - a for a, b, _ in spans) > LIGHT_POSTINGS:
                others += q_weight[i]
                continue
            for a, b, t in spans:
                rows_parts.append(self._post_rows[a:b])
                contrib_parts.append(
                    np.full(b - a, min(float(self._weight[t]), q_weight[i]), dtype=np.float32)
                )
                qw_parts.append(np.full(b - a, q_weight[i], dtype=np.float32))
                via_rare.append(np.full(b - a, i in rare, dtype=np.float32))
        if not rows_parts:
            return np.asarray(exact, dtype=np.int64), similar
        rows = np.concatenate(rows_parts)
        uniq, inv = np.unique(rows, return_inverse=True)
        got = np.bincount(inv, weights=np.concatenate(contrib_parts))
        got_q = np.bincount(inv, weights=np.concatenate(qw_parts))
        reached = np.bincount(inv, weights=np.concatenate(via_rare)) > 0
        missing = np.maximum(total_q - others - got_q, 0.0)
        bound = 200.0 * (got + others) / (self._row_weight[uniq] + got + missing)
        bound[~reached] = 0.0
        keep = uniq[bound >= need]
        if exact:
            keep = np.union1d(keep, np.asarray(exact, dtype=np.int64))
        return keep, similar

    def search(self, name: str, country: str = "", *, threshold: float = 88.0) -> list[Hit]:
        """Entries scoring at least `threshold` against `name` (and `country`).

        Best hit per entry; sorted by score, then entries sharing `country` first.
        """
        country = (country or "").upper()
        memo_key = (name, country, threshold)
        cached = self._memo.get(memo_key)
        if cached is not None:
            return list(cached)
        hits = self._search(name, country, threshold)
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[memo_key] = tuple(hits)
        return hits

    def _search(self, name: str, country: str, threshold: float) -> list[Hit]:
        parts: NameParts = name_parts(name)
        if not parts.parts:
            return []
        best: dict[int, Hit] = {}

        def offer(pos: int, score: float, expl: Explanation) -> None:
            score = round(min(max(score, 0.0), 100.0), 1)
            if score < threshold:
                return
            held = best.get(pos)
            if held is not None and (held.score, held.explanation.name_score) >= (
                score,
                expl.name_score,
            ):
                return  # the entry's best name or alias is kept, the closest on a tie
            entry = self.entries[pos]
            best[pos] = Hit(
                entry=entry,
                matched_name=expl.matched_name,
                score=score,
                country_match=bool(country) and country in entry.countries,
                explanation=expl,
            )

        need = threshold - COUNTRY_BONUS
        # Each part once (as in the index), and no more than MAX_PARTS of them: a name
        # padded with repeated or hundreds of words costs no more than an ordinary one.
        q_parts = tuple(dict.fromkeys(parts.parts))[:MAX_PARTS]
        rows, similar = self._candidates(q_parts, parts.key, need)
        for row in rows.tolist():
            pos = int(self._owner[row])
            entry = self.entries[pos]
            score, agreed, party_only, listed_only = self._score(q_parts, similar, row)
            if score < need:
                continue
            effect, note = self._country(entry, country)
            text = self._texts[row]
            shown = score + effect
            if score >= threshold and effect < 0:
                # A listed entity's countries are often its branches' addresses: another
                # country lowers a name that agrees to a possible match for a reviewer to
                # weigh, never to nothing.
                shown = max(shown, threshold)
            offer(
                pos,
                shown,
                Explanation(
                    matched_name=text,
                    via="name" if text == entry.name else "alias",
                    agreed=agreed,
                    party_only=party_only,
                    listed_only=listed_only,
                    party_legal_forms=parts.legal_forms,
                    listed_legal_forms=self._forms[row],
                    name_score=round(score, 1),
                    country_effect=effect,
                    country_note=note,
                ),
            )
        for pos, text in self._weak.get(" ".join(fold(name).split()), ()):
            effect, note = self._country(self.entries[pos], country)
            offer(
                pos,
                WEAK_ALIAS_SCORE + effect,
                Explanation(
                    matched_name=text,
                    via="weak alias",
                    agreed=((parts.key, parts.key, 100),),
                    party_legal_forms=parts.legal_forms,
                    name_score=WEAK_ALIAS_SCORE,
                    country_effect=effect,
                    country_note=note,
                ),
            )
        return sorted(
            best.values(),
            key=lambda h: (-h.score, not h.country_match, h.entry.name, h.entry.entry_id),
        )

    def search_many(
        self, parties: Iterable[tuple[str, str]], *, threshold: float = 88.0
    ) -> list[list[Hit]]:
        """`search` for each (name, country), in order."""
        return [self.search(n, c, threshold=threshold) for n, c in parties]
