"""How alike a party's name is to one indexed name or alias, and what its country does to
the score: the weights, the thresholds and the pairing of parts."""

from __future__ import annotations

import numpy as np
from rapidfuzz.distance import OSA

from .records import EntryRecord

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


def part_alike(a: str, b: str) -> float:
    """How alike two parts are, 0-1; 0 below PART_AGREEMENT."""
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:  # an initial
        return 0.9 if a[0] == b[0] else 0.0
    if min(len(a), len(b)) <= 3:
        return 0.0
    return OSA.normalized_similarity(a, b, score_cutoff=PART_AGREEMENT)


class NameScoring:
    """The scoring half of `MatchIndex`: reads the index's vocabulary (`_vocab`,
    `_words`), part weights (`_weight`, `_max_weight`) and the parts of each indexed name
    (`_row_ptr`, `_row_tok`); changes nothing."""

    _vocab: dict[str, int]
    _words: list[str]
    _weight: np.ndarray
    _max_weight: float
    _row_ptr: np.ndarray
    _row_tok: np.ndarray

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
                    if (s := part_alike(q_parts[i], c_parts[j])) >= PART_AGREEMENT
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
