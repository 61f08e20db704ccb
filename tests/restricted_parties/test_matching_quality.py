"""The error classes seen with the old matcher, as worked cases (no database)."""

from __future__ import annotations

import pytest

from restricted_parties.matching import WEAK_ALIAS_SCORE, EntryRecord, MatchIndex

MATCH = 88.0
POSSIBLE = 75.0

LISTED = [
    EntryRecord(1, "L", "1", "ALFA KOMPLEKT LIMITED LIABILITY COMPANY", ("RU",)),
    EntryRecord(2, "L", "2", "HARBIN POLAR OPTICS CORPORATION", ("CN",)),
    EntryRecord(3, "L", "3", "GULF INTERNATIONAL TECHNOLOGIES GROUP", ("IR",)),
    EntryRecord(4, "L", "4", "PARS ENERGY MANAGEMENT COMPANY", ("IR",)),
    EntryRecord(5, "L", "5", "NOVA COMMUNICATIONS LLC", ("SY",)),
    EntryRecord(6, "L", "6", "BANCO NACIONAL DE CUBA", ("CU",), weak_aliases=("BNC",)),
    EntryRecord(7, "L", "7", "MERIDIAN TRADING HOLDINGS LIMITED", ("AE",)),
    EntryRecord(8, "L", "8", "VOLKOV, Dmitri Arkadyevich", ("RU",)),
]
INDEX = MatchIndex(LISTED)


def _best(query: str, country: str = "", threshold: float = 0.0):
    hits = INDEX.search(query, country, threshold=max(threshold, 1.0))
    return hits[0] if hits else None


@pytest.mark.parametrize(
    ("query", "listed_id"),
    [
        ("LIMITED LIABILTY COMPNAY ALFA KOMPLEKT", 1),  # misspelt legal form, moved
        ("ALFA KOMPELKT LLC", 1),  # one transposed letter in a short distinctive word
        ("ALFA KOMPLEKT LIMIETD", 1),  # ... and in a legal form
        ("Harbin Polar Optics Croporation", 2),
        ("Dmitri A. Volkov", 8),  # person names by parts: initials and order
        ("Volkov Dmitriy Arkadyevich", 8),
    ],
)
def test_misspelt_legal_forms_and_typos_still_match(query, listed_id):
    hit = _best(query)
    assert hit is not None and hit.entry.entry_id == listed_id
    assert hit.score >= MATCH, hit.explanation.text()


@pytest.mark.parametrize(
    "query",
    [
        "Alpha International Technologies Group Inc.",
        "Gulfstream International Technologies Group",
        "Atlas Energy Management Company",
        "Summit Energy Management Company",
        "Nova Technologies Group",
        "Orion Trading Holdings Limited",
    ],
)
def test_generic_words_do_not_carry_the_score(query):
    hit = _best(query)
    assert hit is None or hit.score < POSSIBLE, hit.explanation.text()


def test_a_weak_alias_matches_only_exactly_and_never_as_a_hard_stop():
    hit = _best("BNC")
    assert hit.entry.entry_id == 6 and hit.explanation.via == "weak alias"
    assert POSSIBLE <= hit.score == WEAK_ALIAS_SCORE < MATCH
    assert _best("B.N.C.").entry.entry_id == 6  # the same after normalisation
    assert _best("BNK", threshold=POSSIBLE) is None
    assert _best("BNC Holdings", threshold=POSSIBLE) is None


def test_the_country_lowers_a_foreign_namesake_to_a_possible_match_and_says_why():
    same = _best("Meridian Trading Holdings Ltd", "AE")
    other = _best("Meridian Trading Holdings Ltd", "US")
    assert same.score == 100.0 and MATCH > other.score >= POSSIBLE
    assert "US differs from the listed AE" in other.explanation.text()


def test_a_match_explains_which_name_and_which_parts_agreed():
    hit = _best("ALFA KOMPELKT LLC", "RU")
    text = hit.explanation.text()
    assert "via name 'ALFA KOMPLEKT LIMITED LIABILITY COMPANY'" in text
    assert "kompelkt≈komplekt" in text and "alfa" in text
    assert "legal forms set aside: llc / llc" in text
    assert "RU agrees" in text
