"""Name matching for restricted-party screening: plain Python and numpy, no Django.

How a party is compared with a list (see `names.py` for how a name becomes its parts):

- **Distinctive parts carry the score.** Each part has a weight from how rare it is in the
  list (inverse document frequency), and common words of company names (international,
  technologies, group, holdings, trading, energy, ...) never weigh more than
  `GENERIC_WEIGHT`. Parts are paired across the two names in any order (so "VOLKOV,
  Dmitri" is "Dmitri Volkov"), a part agreeing exactly, within one letter (two in long
  words) or as an initial ("J." for "John"); parts of three letters or fewer only agree
  exactly. The name score is the weighted share of agreeing parts over both names' parts,
  0-100; legal forms are set aside and do not count.
- **Country.** When the party's country is known and the entry has countries, agreeing
  adds `COUNTRY_BONUS`, disagreeing takes `COUNTRY_PENALTY` off; the explanation says so.
- **Weak aliases** (OFAC's `a.k.a. 'XYZ'` remarks, OpenSanctions' weakAlias) match only
  when the normalised party name equals them exactly, and then score `WEAK_ALIAS_SCORE`
  (before the country), so they can reach "possible match" but never a match on their own.

The index (`MatchIndex`) finds candidates without scanning every name: an exact-key table,
postings from each part to the names holding it, and a one-deletion neighbourhood of every
part (so a part typed with a letter dropped, added, changed or transposed still finds its
names); only names that could still reach the threshold, given the weights of the parts
they share with the query, are scored. Built once per list version; read-only afterwards.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from zlib import adler32, crc32

import numpy as np
from rapidfuzz.distance import OSA

from .names import NameParts, fold, name_key, name_parts

__all__ = [
    "EntryRecord",
    "Hit",
    "MatchIndex",
    "Explanation",
    "name_key",
    "name_normalise",
    "name_parts",
]

name_normalise = name_parts

#: Common words of company names: their weight is capped whatever the list says, so a
#: small list cannot make "trading" distinctive.
GENERIC_WORDS = frozenset(
    """
    international global general group holding holdings trading trade technologies
    technology tech communications communication management energy services service
    solutions systems system industries industrial industry enterprises enterprise
    company corporation partners investment investments capital finance financial bank
    national development engineering logistics shipping marine petroleum oil gas
    import export imports exports products product resources network networks digital
    electronics electric electronic power construction consulting consultants
    associates agency institute center centre office foundation commercial united new
    world first american china chinese russian iran iranian middle east west north south
    de la el al bin ibn abu los las del y of for pharmaceutical pharmaceuticals
    healthcare health medical insurance motors motor automotive airlines air aviation
    transport transportation chemical chemicals materials mining metals steel
    """.split()
)
GENERIC_WEIGHT = 1.0
COUNTRY_BONUS = 3.0
COUNTRY_PENALTY = 15.0
WEAK_ALIAS_SCORE = 80.0
#: Parts agreeing less than this (0-1) count as not agreeing at all.
PART_AGREEMENT = 0.75
#: A part is looked up in the postings only when it is held by at most this many names;
#: a name made of nothing else is still found through the exact-key table.
MAX_POSTINGS = 50_000
#: A light part's postings are read (to tighten the bound) when at most this long.
LIGHT_POSTINGS = 5_000
#: Parts of a party's name compared at most (real names have far fewer).
MAX_PARTS = 24
MEMO_SIZE = 20_000


@dataclass(frozen=True)
class EntryRecord:
    """What the index knows of one list entry (no database objects)."""

    entry_id: int
    list_name: str
    source_id: str
    name: str
    countries: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Explanation:
    """Why a party matched an entry, in terms a reviewer can check."""

    matched_name: str
    via: str  # "name", "alias" or "weak alias"
    agreed: tuple[tuple[str, str, int], ...] = ()  # (party's part, listed part, % alike)
    party_only: tuple[str, ...] = ()
    listed_only: tuple[str, ...] = ()
    party_legal_forms: tuple[str, ...] = ()
    listed_legal_forms: tuple[str, ...] = ()
    name_score: float = 0.0
    country_effect: float = 0.0
    country_note: str = ""

    def text(self) -> str:
        agreed = (
            ", ".join(a if a == b else f"{a}≈{b} ({pct}%)" for a, b, pct in self.agreed) or "none"
        )
        out = [f"via {self.via} {self.matched_name!r}", f"parts agreeing: {agreed}"]
        if self.party_only:
            out.append("only in the party's name: " + ", ".join(self.party_only))
        if self.listed_only:
            out.append("only in the listed name: " + ", ".join(self.listed_only))
        if self.party_legal_forms or self.listed_legal_forms:
            out.append(
                "legal forms set aside: "
                + (", ".join(self.party_legal_forms) or "none")
                + " / "
                + (", ".join(self.listed_legal_forms) or "none")
            )
        out.append(f"name score {self.name_score:g}")
        out.append(self.country_note or "country: not compared")
        return "; ".join(out)


@dataclass(frozen=True)
class Hit:
    """One entry matched by one query, through its best-scoring name or alias."""

    entry: EntryRecord
    matched_name: str
    score: float
    country_match: bool = False
    explanation: Explanation | None = None


def _part_alike(a: str, b: str) -> float:
    """How alike two parts are, 0-1; 0 below PART_AGREEMENT."""
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:  # an initial
        return 0.9 if a[0] == b[0] else 0.0
    if min(len(a), len(b)) <= 3:
        return 0.0
    return OSA.normalized_similarity(a, b, score_cutoff=PART_AGREEMENT)


def stable_hash(text: str) -> int:
    """A 64-bit hash of `text` that is the same in every process (Python's own `hash` is
    salted per process), so an index saved by one process can be read by another: CRC-32
    and Adler-32 of its UTF-8 side by side, both computed in C (a cryptographic digest
    would cost three times as much, per query too). Collisions only add candidates."""
    data = text.encode()
    return ((crc32(data) << 32) | adler32(data)) - 2**63


def stable_hashes(texts: Iterable[str]) -> np.ndarray:
    """`stable_hash` of each of `texts`, as an int64 array."""
    return np.fromiter(map(stable_hash, texts), dtype=np.int64)


class _HashTable:
    """Rows by the hash of a string, as two sorted numpy arrays (far smaller than a dict
    of strings at a million rows). Hash collisions only add candidates, which scoring
    then rejects."""

    def __init__(self, values: np.ndarray) -> None:
        order = np.argsort(values, kind="stable")
        self._hashes = values[order]
        self._rows = order.astype(np.int32)

    @classmethod
    def from_arrays(cls, hashes: np.ndarray, rows: np.ndarray) -> _HashTable:
        table = cls.__new__(cls)
        table._hashes, table._rows = hashes, rows
        return table

    def rows(self, text: str) -> list[int]:
        h = stable_hash(text)
        lo = int(np.searchsorted(self._hashes, h, side="left"))
        hi = int(np.searchsorted(self._hashes, h, side="right"))
        return self._rows[lo:hi].tolist()


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


@dataclass
class MatchIndex:
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
        self._keys = _HashTable(stable_hashes(key_texts))
        self._joined = _HashTable(stable_hashes(joined_texts))
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
                deleted.extend(_deletes(word))
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
        index._keys = _HashTable.from_arrays(arrays["_keys.hashes"], arrays["_keys.rows"])
        index._joined = _HashTable.from_arrays(arrays["_joined.hashes"], arrays["_joined.rows"])
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
            dels = _deletes(part)
            for d in dels:  # the query has a letter too many
                t = self._vocab.get(d)
                if t is not None and len(d) >= 4:
                    out.setdefault(t, _part_alike(part, d))
            probes = stable_hashes([part, *dels])
            lo = np.searchsorted(self._del_hash, probes, side="left")
            hi = np.searchsorted(self._del_hash, probes, side="right")
            for a, b in zip(lo.tolist(), hi.tolist(), strict=True):
                for t in self._del_tok[a:b].tolist():
                    if t not in out:
                        out[t] = _part_alike(part, self._words[t])
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

    # --- scoring ----------------------------------------------------------------------

    def _query_weight(self, part: str, similar: dict[int, float]) -> float:
        """A party's part weighs what the same word weighs in the list; a word the list
        does not have weighs what its closest spellings there weigh (a typo of a rare
        word is rare), or the most when nothing is alike."""
        tid = self._vocab.get(part)
        if tid is not None:
            return float(self._weight[tid])
        if part in GENERIC_WORDS:
            return GENERIC_WEIGHT
        return max((float(self._weight[t]) for t in similar), default=self._max_weight)

    def _score(
        self, q_parts: tuple[str, ...], similar: list[dict[int, float]], row: int
    ) -> tuple[float, tuple, tuple, tuple]:
        """(name score 0-100, agreed pairs, party-only parts, listed-only parts).

        Pairs come from the parts' neighbourhoods found for the candidates; parts left
        over on both sides are compared directly (two letters apart in long words).
        """
        a, b = self._row_ptr[row], self._row_ptr[row + 1]
        c_tids = self._row_tok[a:b].tolist()
        c_parts = [self._words[t] for t in c_tids]
        if len(c_parts) != len(q_parts) and "".join(c_parts) == "".join(q_parts):
            # The same letters, written together or apart ("ALAQSA" / "AL-AQSA").
            both = " ".join(q_parts), " ".join(c_parts)
            return 100.0, ((both[0], both[1], 100),), (), ()
        pairs = []
        for i, sim in enumerate(similar):
            for j, t in enumerate(c_tids):
                s = sim.get(t)
                if s is not None:
                    pairs.append((s, i, j))
        pairs.sort(reverse=True)
        used_q: set[int] = set()
        used_c: set[int] = set()
        chosen = []
        for s, i, j in pairs:
            if i not in used_q and j not in used_c:
                used_q.add(i)
                used_c.add(j)
                chosen.append((s, i, j))
        rest_q = [i for i in range(len(q_parts)) if i not in used_q]
        rest_c = [j for j in range(len(c_parts)) if j not in used_c]
        if rest_q and rest_c:
            extra = sorted(
                (
                    (s, i, j)
                    for i in rest_q
                    for j in rest_c
                    if (s := _part_alike(q_parts[i], c_parts[j])) >= PART_AGREEMENT
                ),
                reverse=True,
            )
            for s, i, j in extra:
                if i not in used_q and j not in used_c:
                    used_q.add(i)
                    used_c.add(j)
                    chosen.append((s, i, j))
        # An initial agrees only beside a distinctive word that agrees ("J. Smith" and
        # "John Smith", not "Seven Holdings" and "S Holding").
        anchored = any(
            len(q_parts[i]) > 1
            and len(c_parts[j]) > 1
            and float(self._weight[c_tids[j]]) > GENERIC_WEIGHT
            for _s, i, j in chosen
        )
        if not anchored:
            dropped = [
                (i, j) for _s, i, j in chosen if (len(q_parts[i]) == 1) != (len(c_parts[j]) == 1)
            ]
            for i, j in dropped:
                used_q.discard(i)
                used_c.discard(j)
            chosen = [c for c in chosen if (c[1], c[2]) not in dropped]
        num = den = 0.0
        agreed = []
        for s, i, j in chosen:
            w = min(float(self._weight[c_tids[j]]), self._query_weight(q_parts[i], similar[i]))
            if len(q_parts[i]) == 1 or len(c_parts[j]) == 1:  # an initial weighs little
                w = min(w, GENERIC_WEIGHT)
            num += 2 * w * s
            den += 2 * w
            agreed.append((q_parts[i], c_parts[j], round(s * 100)))
        party_only = tuple(q for i, q in enumerate(q_parts) if i not in used_q)
        listed_only = tuple(c for j, c in enumerate(c_parts) if j not in used_c)
        den += sum(
            self._query_weight(q_parts[i], similar[i])
            for i in range(len(q_parts))
            if i not in used_q
        )
        den += sum(float(self._weight[c_tids[j]]) for j in range(len(c_tids)) if j not in used_c)
        score = 100.0 * num / den if den else 0.0
        return score, tuple(agreed), party_only, listed_only

    def _country(self, entry: EntryRecord, country: str) -> tuple[float, str]:
        if not country:
            return 0.0, "country: the party's country is not known"
        if not entry.countries:
            return 0.0, "country: the listed entry has none"
        listed = ", ".join(entry.countries)
        if country in entry.countries:
            return (
                COUNTRY_BONUS,
                f"country: {country} agrees with the listed {listed} (+{COUNTRY_BONUS:g})",
            )
        return (
            -COUNTRY_PENALTY,
            f"country: {country} differs from the listed {listed} (−{COUNTRY_PENALTY:g})",
        )

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
