"""Name normalisation and matching: tables of worked cases, no database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from restricted_parties.matching import (
    COUNTRY_PENALTY,
    EntryRecord,
    MatchIndex,
    name_key,
    name_normalise,
)

THRESHOLD = 88.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Gulf Trading LLC", "GULF TRADING LIMITED LIABILITY COMPANY"),
        ("Gulf Trading L.L.C.", "Gulf Trading llc"),
        ("SMITH, John", "John Smith"),
        ("Anglo-Caribbean Co., Ltd.", "ANGLO CARIBBEAN COMPANY LIMITED"),
        ("Romashka JSC", "Joint Stock Company Romashka"),
        ("OAO Romashka", "PJSC Romashka"),
        ("ZAO Romashka", "Romashka Public Joint Stock Company"),
        ("Meridian GmbH", "Meridian Gesellschaft mit beschränkter Haftung"),
        ("Falconet FZE", "Falconet FZ-LLC"),
        ("Falconet FZCO", "Falconet Free Zone Establishment"),
        ("Silverpine Inc.", "Silverpine Incorporated"),
        ("Harbin Optics Corp", "HARBIN OPTICS CORPORATION"),
        ("Sable Crest Ltd", "Sable Crest Limited"),
        ("Kestrel Vision S.A.", "Kestrel Vision SA"),
        ("Brightwater plc", "Brightwater Public Limited Company"),
        ("Smith & Sons", "The Smith and Sons"),
        ("ПАО Газпром", "Gazprom PJSC"),
        ("Ｆｕｌｌｗｉｄｔｈ Ｔｒａｄｉｎｇ", "Fullwidth Trading"),  # NFKC
        ("Müller Maschinenbau", "MULLER MASCHINENBAU"),
    ],
)
def test_variants_of_a_name_have_the_same_key(a, b):
    assert name_key(a) == name_key(b)


def test_legal_forms_are_removed_from_the_key_but_remembered():
    n = name_normalise("Gulf Trading Limited Liability Company")
    assert n.key == "gulf trading"
    assert n.legal_forms == ("llc",)


def test_a_name_of_only_legal_words_keeps_a_key():
    assert name_key("Limited") == "ltd"
    assert name_key("") == ""
    assert name_key("---") == ""


def test_ambiguous_short_forms_are_stripped_only_at_the_ends():
    assert name_key("AS Trading AS") == "trading"
    assert name_key("Banco Co Sur") == "banco co sur"


@given(st.text(max_size=60))
def test_a_key_is_sorted_ascii_words_whatever_the_input(text):
    key = name_key(text)
    tokens = key.split(" ") if key else []
    assert all(t and t.isascii() and t.isalnum() and t == t.lower() for t in tokens)
    assert tokens == sorted(tokens)


def _index(*names: str | tuple[str, tuple[str, ...]], countries=()) -> MatchIndex:
    entries = []
    for i, n in enumerate(names, start=1):
        name, aliases = (n, ()) if isinstance(n, str) else n
        entries.append(
            EntryRecord(
                entry_id=i,
                list_name="Test",
                source_id=str(i),
                name=name,
                aliases=aliases,
                countries=tuple(countries),
            )
        )
    return MatchIndex(entries)


INDEX = _index(
    "GULF TRADING LIMITED LIABILITY COMPANY",
    "SMITH, John",
    ("Northern Shield Security JSC", ("АО Северный Щит",)),
    "Global Trading FZE",
    "Red Lantern Surveillance Technology Co., Ltd.",
    "BANCO NACIONAL DE CUBA",
    "ARIAN",
    "MOHAMMED, A.",
    "Zenith Group Ltd",
    "Oceanic Holdings Group",
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Gulf Trading LLC", "GULF TRADING LIMITED LIABILITY COMPANY"),  # legal suffix
        ("John Smith", "SMITH, John"),  # word order
        ("Severny Shchit", "Northern Shield Security JSC"),  # Cyrillic alias transliterated
        ("Severnyi Shchit AO", "Northern Shield Security JSC"),
        (
            "Red Lanter Surveillance Technology Company Limited",
            "Red Lantern Surveillance Technology Co., Ltd.",
        ),  # typo
        ("Banco Nacional de Kuba", "BANCO NACIONAL DE CUBA"),  # typo changing word order
        ("Gulf Tradeing L.L.C.", "GULF TRADING LIMITED LIABILITY COMPANY"),
        ("Arian", "ARIAN"),  # a short one-word name matches exactly
    ],
)
def test_it_finds_variants_above_the_threshold(query, expected):
    hits = INDEX.search(query, threshold=THRESHOLD)
    assert [h.entry.name for h in hits][:1] == [expected]
    assert hits[0].score >= THRESHOLD


@pytest.mark.parametrize(
    "query",
    [
        "Trading",
        "Group",
        "Ltd",
        "Limited Liability Company",
        "Global",  # one word of "Global Trading FZE"
        "Global Ltd",
        "Aria",  # one letter short of "ARIAN"
        "Mohammed",  # a one-word query against a name with an initial
        "Gulf",
        "Zenith Holdings Group",
        "Oceanic Group",
        "Jane Smith",
        "Red Dragon Surveillance Technology Co., Ltd.",
        "",
    ],
)
def test_generic_words_and_short_names_do_not_match(query):
    assert INDEX.search(query, threshold=THRESHOLD) == []


def test_scores_are_rounded_and_best_per_entry():
    index = _index(("Gulf Horizon Trading LLC", ("Gulf Horizon Trading Co",)))
    hits = index.search("Gulf Horizon Trading", threshold=THRESHOLD)
    assert len(hits) == 1
    assert hits[0].score == 100.0


def test_the_country_raises_or_lowers_the_score_and_says_so():
    entries = [
        EntryRecord(1, "L", "1", "Kestrel Vision Systems", countries=("PA",)),
        EntryRecord(2, "L", "2", "Kestrel Vision Systems", countries=("DE",)),
    ]
    index = MatchIndex(entries)
    de = index.search("Kestrel Vision Systems", "de", threshold=70.0)
    assert [h.entry.entry_id for h in de] == [2, 1]
    assert de[0].country_match and not de[1].country_match
    assert de[0].score == 100.0 and de[1].score == 100.0 - COUNTRY_PENALTY
    assert "DE agrees" in de[0].explanation.text()
    assert "DE differs from the listed PA" in de[1].explanation.text()
    assert len(index.search("Kestrel Vision Systems", threshold=THRESHOLD)) == 2


def test_parts_are_paired_before_comparing():
    hit = INDEX.search("Banco Cuba de Nacional", threshold=THRESHOLD)[0]
    assert hit.entry.name == "BANCO NACIONAL DE CUBA" and hit.score == 100.0
    kuba = INDEX.search("Kuba Banco Nacional de", threshold=THRESHOLD)[0]
    assert ("kuba", "cuba", 75) in kuba.explanation.agreed


def test_a_remembered_result_still_checks_the_country_of_each_query():
    index = MatchIndex([EntryRecord(1, "L", "1", "Kestrel Vision Systems", countries=("PA",))])
    assert index.search("Kestrel Vision Systems", "PA", threshold=THRESHOLD)[0].country_match
    assert not index.search("Kestrel Vision Systems", "DE", threshold=70.0)[0].country_match
    assert index.search("Kestrel Vision Systems", threshold=99.9)[0].score == 100.0
