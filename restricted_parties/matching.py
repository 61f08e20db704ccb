"""Name matching for restricted-party screening: plain Python, no Django.

A name becomes a *comparison key*: NFKC, transliterated to ASCII, casefolded, punctuation
stripped, legal-form words (LLC, Co., Ltd., JSC, GmbH, FZE, ...) folded to one canonical
token and then removed from the key (but remembered), the remaining tokens sorted so
"SMITH, John" and "John Smith" give the same key. Keys are compared with rapidfuzz's plain
`fuzz.ratio`; token_set_ratio / WRatio are not used because a shared word such as "ltd"
or "trading" makes almost everything "match" (docs/measurements.md).

Invariants:
- `name_key(x)` is deterministic and depends only on `x`; the database stores these keys,
  so changing the normalisation needs a re-import (or a data migration) of the lists.
- A match is decided on the name alone. Country only orders results with equal scores.
- Short names are not matched loosely: a one-word key only ever matches another one-word
  key, and a one-word key shorter than `EXACT_ONLY_BELOW` characters only matches exactly.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from unidecode import unidecode

# Canonical legal form -> its spellings (after punctuation is stripped and lowercased).
# Multi-word spellings are matched as phrases, longest first.
LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "llc": (
        "limited liability company",
        "limited liability co",
        "limited liability partnership",
        "l l c",
        "llc",
        "llp",
        "ooo",
        "tov",
        "too",
        "sp z o o",
        "spzoo",
        "mchj",
    ),
    "coltd": (
        "company limited",
        "company ltd",
        "co limited",
        "co ltd",
        "coltd",
    ),
    "jsc": (
        "public joint stock company",
        "open joint stock company",
        "closed joint stock company",
        "private joint stock company",
        "joint stock company",
        "joint stock co",
        "jointstock company",
        "public jsc",
        "pjsc",
        "ojsc",
        "cjsc",
        "jsc",
        "oao",
        "zao",
        "pao",
        "aoa",
        "ao",
        "psc",
    ),
    "gmbh": (
        "gesellschaft mit beschrankter haftung",
        "gmbh and co kg",
        "gmbh co kg",
        "gmbh",
        "mbh",
    ),
    "fze": (
        "free zone establishment",
        "free zone company",
        "free zone llc",
        "fz llc",
        "fz co",
        "fzllc",
        "fzco",
        "fzc",
        "fze",
    ),
    "inc": ("incorporated", "inc"),
    "corp": ("corporation", "corp"),
    "ltd": (
        "private limited",
        "private ltd",
        "pvt ltd",
        "pte limited",
        "pty limited",
        "pvt limited",
        "pte ltd",
        "pty ltd",
        "limited",
        "ltd",
        "pvt",
        "pte",
        "pty",
    ),
    "sa": (
        "societe anonyme",
        "sociedad anonima",
        "sa de cv",
        "s a de c v",
        "sab de cv",
        "s a",
        "sa",
        "sarl",
        "sas",
        "sal",
        "sae",
        "saog",
        "saoc",
    ),
    "plc": ("public limited company", "plc"),
    "ag": ("aktiengesellschaft", "ag"),
    "bv": ("besloten vennootschap", "bv", "nv"),
    "srl": ("srl", "spa", "sro", "as", "asa", "ab", "oy", "oyj", "aps", "kk", "kabushiki kaisha"),
    "bhd": ("sdn bhd", "bhd"),
    "est": ("establishment", "est"),
    "co": ("company", "co", "cia", "lda", "ltda", "kg", "se", "lp"),
}

# Spellings that are also ordinary words or initials ("as", "co", "est", "spa", ...): these
# are folded only at the start or end of a name, never in the middle.
_EDGE_ONLY = {
    s
    for spellings in LEGAL_FORMS.values()
    for s in spellings
    if " " not in s and (len(s) <= 3 or s in {"company", "establishment"})
} - {"llc", "ltd", "inc", "jsc", "fze", "fzc", "plc", "oao", "zao", "ooo", "pjsc", "gmbh"}

# Dropped everywhere: "Smith & Sons" = "Smith and Sons" = "The Smith Sons".
_STOPWORDS = {"the", "and"}

# Phrase -> canonical token, longest phrases first so "public joint stock company" wins
# over "joint stock company".
_PHRASES = sorted(
    ((s, canon) for canon, spellings in LEGAL_FORMS.items() for s in spellings),
    key=lambda p: (-len(p[0]), p[0]),
)
_PHRASE_CANON = dict(_PHRASES)
_MULTIWORD_RE = re.compile(
    r"(?<![a-z0-9])(" + "|".join(re.escape(s) for s, _ in _PHRASES if " " in s) + r")(?![a-z0-9])"
)
_DROP_RE = re.compile(r"['\u2019`.]")  # removed without a gap: "L.L.C." -> "llc", "O'Brien"
_SPLIT_RE = re.compile(r"[^a-z0-9\x00]+")

#: A one-word key shorter than this must match exactly.
EXACT_ONLY_BELOW = 6


@dataclass(frozen=True)
class NameKey:
    """A normalised name: the comparison key and the legal forms removed from it."""

    key: str
    legal_forms: tuple[str, ...] = ()

    @property
    def tokens(self) -> int:
        return self.key.count(" ") + 1 if self.key else 0


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\x00", " ")
    text = unidecode(text).casefold().replace("&", " and ")
    text = _DROP_RE.sub("", text)
    return " ".join(_SPLIT_RE.split(text)).strip()


def name_normalise(name: str) -> NameKey:
    """The comparison key of a name; empty only when the name has no letters or digits.

    Legal forms are removed wherever they are unambiguous and at the ends of the name
    otherwise; a name made only of legal-form words keeps them (so "Limited" alone still
    has a key).
    """
    folded = _fold(name or "")
    if not folded:
        return NameKey("")
    # Multi-word forms become one placeholder token "\x00canon" so "co ltd" is one unit.
    marked = _MULTIWORD_RE.sub(lambda m: "\x00" + _PHRASE_CANON[m.group(1)], folded)
    tokens = [t for t in marked.split(" ") if t]
    forms: list[str] = []

    def legal(tok: str) -> str | None:
        if tok.startswith("\x00"):
            return tok[1:]
        return _PHRASE_CANON.get(tok)

    # Legal forms at either end are stripped; in the middle only unambiguous ones.
    start, end = 0, len(tokens)
    while start < end and (legal(tokens[start]) or tokens[start] in _STOPWORDS):
        start += 1
    while end > start and (legal(tokens[end - 1]) or tokens[end - 1] in _STOPWORDS):
        end -= 1
    kept: list[str] = []
    for i, tok in enumerate(tokens):
        canon = legal(tok)
        inner = start <= i < end
        if canon and (not inner or tok.startswith("\x00") or tok not in _EDGE_ONLY):
            forms.append(canon)
        elif tok not in _STOPWORDS:
            kept.append(tok)
    if not kept:  # nothing but legal forms: compare on them rather than on nothing
        kept = [legal(t) or t for t in tokens]
        forms = []
    kept = [t.replace("\x00", "") for t in kept]
    return NameKey(" ".join(sorted(kept)), tuple(dict.fromkeys(forms)))


def name_key(name: str) -> str:
    """Shorthand for `name_normalise(name).key`."""
    return name_normalise(name).key


def required_score(query_key: str, candidate_key: str, threshold: float) -> float | None:
    """The score a pair must reach, or None when the pair may never match.

    One-word keys only match one-word keys (a query "Global" must not match "Global
    Trading"), and short one-word keys only match exactly.
    """
    q_one = " " not in query_key
    c_one = " " not in candidate_key
    if q_one != c_one:
        return None
    if q_one and min(len(query_key), len(candidate_key)) < EXACT_ONLY_BELOW:
        return 100.0
    return threshold


#: How many query results an index remembers (it is cleared when full).
MEMO_SIZE = 20_000

#: How far below the threshold a plain-ratio candidate may score and still be re-scored
#: with its words aligned (a typo in a word's first letter changes the sorted order).
ALIGN_SLACK = 15.0


def aligned_score(query_key: str, candidate_key: str) -> float:
    """`fuzz.ratio` after putting the candidate's words in the order of the query's words
    they resemble most, so "banco cuba de nacional" meets "banco de kuba nacional" word
    for word. Never lower than the plain ratio of the two keys.
    """
    plain = fuzz.ratio(query_key, candidate_key)
    q_tokens = query_key.split(" ")
    c_tokens = candidate_key.split(" ")
    if len(q_tokens) < 2 or len(c_tokens) < 2:
        return plain
    remaining = list(c_tokens)
    ordered: list[str] = []
    for q in q_tokens:
        if not remaining:
            break
        best = max(range(len(remaining)), key=lambda j: fuzz.ratio(q, remaining[j]))
        ordered.append(remaining.pop(best))
    ordered += remaining
    return max(plain, fuzz.ratio(query_key, " ".join(ordered)))


@dataclass(frozen=True)
class EntryRecord:
    """What the index knows of one list entry (no database objects)."""

    entry_id: int
    list_name: str
    source_id: str
    name: str
    countries: tuple[str, ...] = ()
    name_key: str = ""
    aliases: tuple[str, ...] = ()
    alias_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """One entry matched by one query, through its best-scoring name or alias."""

    entry: EntryRecord
    matched_name: str
    score: float
    country_match: bool = False


@dataclass
class MatchIndex:
    """All names and aliases of a set of entries, sorted by key length.

    Built once and read by many threads; its names never change after `__post_init__`
    (only the memo of recent query results grows, and is cleared when full).
    """

    entries: Sequence[EntryRecord]
    _keys: list[str] = field(init=False, repr=False)
    _lengths: list[int] = field(init=False, repr=False)
    _owner: list[int] = field(init=False, repr=False)
    _text: list[str] = field(init=False, repr=False)
    _memo: dict = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        rows: list[tuple[int, str, int, str]] = []
        for pos, entry in enumerate(self.entries):
            seen: set[str] = set()
            pairs = [(entry.name_key or name_key(entry.name), entry.name)]
            alias_keys = entry.alias_keys or tuple(name_key(a) for a in entry.aliases)
            pairs += list(zip(alias_keys, entry.aliases, strict=False))
            for key, text in pairs:
                if key and key not in seen:
                    seen.add(key)
                    rows.append((len(key), key, pos, text))
        rows.sort(key=lambda r: (r[0], r[1]))
        self._lengths = [r[0] for r in rows]
        self._keys = [r[1] for r in rows]
        self._owner = [r[2] for r in rows]
        self._text = [r[3] for r in rows]

    def __len__(self) -> int:
        return len(self._keys)

    def _scored(self, key: str, threshold: float) -> tuple[tuple[int, int, float], ...]:
        """(entry position, name row, score) of the best name per entry, memoised: the
        index never changes, and the same partners recur across many deals."""
        memo_key = (key, threshold)
        cached = self._memo.get(memo_key)
        if cached is not None:
            return cached
        # fuzz.ratio = 2*common/(len1+len2), so a candidate can only reach the threshold
        # when its length lies within these bounds; slicing the sorted keys skips the rest.
        t = max(threshold, 1.0) / 100.0
        n = len(key)
        lo = bisect_left(self._lengths, int(n * t / (2 - t)))
        hi = bisect_right(self._lengths, int(n * (2 - t) / t) + 1)
        found = process.extract(
            key,
            self._keys[lo:hi],
            scorer=fuzz.ratio,
            score_cutoff=max(threshold - ALIGN_SLACK, 0.0),
            limit=None,
        )
        best: dict[int, tuple[int, int, float]] = {}
        for cand, plain, i in found:
            need = required_score(key, cand, threshold)
            if need is None:
                continue
            score = plain if plain >= need else aligned_score(key, cand)
            if score < need:
                continue
            pos = self._owner[lo + i]
            if pos not in best or score > best[pos][2]:
                best[pos] = (pos, lo + i, round(float(score), 1))
        result = tuple(best.values())
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[memo_key] = result
        return result

    def search(self, name: str, country: str = "", *, threshold: float = 88.0) -> list[Hit]:
        """Entries whose name or an alias scores at least `threshold` against `name`.

        Best hit per entry; sorted by score, then entries sharing `country` first.
        """
        key = name_key(name)
        if not key:
            return []
        country = (country or "").upper()
        hits = [
            Hit(
                entry=self.entries[pos],
                matched_name=self._text[row],
                score=score,
                country_match=bool(country) and country in self.entries[pos].countries,
            )
            for pos, row, score in self._scored(key, threshold)
        ]
        return sorted(
            hits, key=lambda h: (-h.score, not h.country_match, h.entry.name, h.entry.entry_id)
        )

    def search_many(
        self, parties: Iterable[tuple[str, str]], *, threshold: float = 88.0
    ) -> list[list[Hit]]:
        """`search` for each (name, country), in order."""
        return [self.search(n, c, threshold=threshold) for n, c in parties]
