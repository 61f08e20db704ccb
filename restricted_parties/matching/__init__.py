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

The package: `records` (entries, hits, explanations), `scoring` (weights, thresholds,
how two names are scored), `hashing` (process-independent hashes) and `index` (building
and searching `MatchIndex`).
"""

from __future__ import annotations

from ..names import name_key, name_parts
from .hashing import stable_hash, stable_hashes
from .index import LIGHT_POSTINGS, MAX_PARTS, MAX_POSTINGS, MEMO_SIZE, MatchIndex
from .records import EntryRecord, Explanation, Hit
from .scoring import (
    COUNTRY_BONUS,
    COUNTRY_PENALTY,
    GENERIC_WEIGHT,
    GENERIC_WORDS,
    PART_AGREEMENT,
    WEAK_ALIAS_SCORE,
)

__all__ = [
    "COUNTRY_BONUS",
    "COUNTRY_PENALTY",
    "GENERIC_WEIGHT",
    "GENERIC_WORDS",
    "LIGHT_POSTINGS",
    "MAX_PARTS",
    "MAX_POSTINGS",
    "MEMO_SIZE",
    "PART_AGREEMENT",
    "WEAK_ALIAS_SCORE",
    "EntryRecord",
    "Explanation",
    "Hit",
    "MatchIndex",
    "name_key",
    "name_normalise",
    "name_parts",
    "stable_hash",
    "stable_hashes",
]

name_normalise = name_parts
