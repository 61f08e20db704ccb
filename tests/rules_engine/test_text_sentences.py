"""Where the reader's sentences end: a colon ends one after a label ("Buyer:", "Durée :"),
whose value says something else, and not after a clause it goes on explaining ("17
targets: staff of two NGOs and journalists"). And a phrase of three parts is read when the
nearest occurrence of one part would push another out of reach. Worked cases, no
database."""

from __future__ import annotations

import pytest

from rules.textsignals import LexiconEntry, compile_lexicon
from rules.textsignals.languages import tokens
from rules.textsignals.reader import read_one
from tests.rules_engine.reading import categories


def sentences(text: str) -> list[str]:
    out: dict[int, list[str]] = {}
    for word, _start, _end, sentence in tokens(text):
        out.setdefault(sentence, []).append(word)
    return [" ".join(words) for words in out.values()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Buyer: the Ministry of Interior", ["buyer", "the ministry of interior"]),
        ("Rep's note: urgent order", ["rep s note", "urgent order"]),
        ("Durée : 12 mois. Client : la mairie.", ["durée", "mois", "client", "la mairie"]),
        (
            "Remote access licences for the client, 17 targets: NGO staff",
            ["remote access licences for the client targets ngo staff"],
        ),
    ],
)
def test_a_colon_ends_a_sentence_after_a_label_only(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Remote phone access licences for the client, 17 targets: staff of two local NGOs "
        "and a couple of journalists.",
        "Licences d'accès à distance aux téléphones pour le client, 17 cibles : le personnel "
        "de deux ONG locales et deux journalistes.",
    ],
)
def test_targets_listed_after_a_colon_are_read_with_the_act(text: str) -> None:
    assert "targets_dissent" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sector: retail | Use: loss-prevention cameras at the tills, no facial recognition.",
        "Buyer: the regional hospital. Use: monitoring the network for attacks.",
    ],
)
def test_labels_keep_their_values_apart(text: str) -> None:
    assert categories(text) == set()


def test_a_part_nearest_to_the_act_does_not_push_the_last_part_out_of_reach() -> None:
    # "covert mode" is nearest to "taps", but with it "logs" is more than 12 words away;
    # "must not show" leaves it in reach.
    entry = LexiconEntry("taps ~ covert mode|not show ~ logs", "en", "interception", "case 10")
    text = "Customer asks for a covert mode taps set up by the ministry must not show in the logs."
    found = read_one(text, compile_lexicon([entry]))
    assert [c for c, _lang, _q in found] == ["interception"]


def test_many_colons_after_a_long_clause_cost_no_more_than_words() -> None:
    # Each colon counts at most five words back, and none once the sentence is past its
    # label: a pasted run of colons is split in one pass, not once per colon.
    text = "alpha beta gamma delta epsilon zeta: " * 2000
    found = tokens(text)
    assert len(found) == 12000
    assert {sentence for *_rest, sentence in found} == {0}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Block ~12k domains incl. opposition media.", ["block k domains incl opposition media"]),
        ("Block sites, e.g. news. Done", ["block sites e g news", "done"]),
        ("Bloquer env. 300 sites, c.-à-d. presse.", ["bloquer env sites c à d presse"]),
        ("Bloquear p. ej. prensa, aprox. 300.", ["bloquear p ej prensa aprox"]),
        ("Bloquear p. ex. imprensa", ["bloquear p ex imprensa"]),
        ("Блокировать т.е. СМИ, т.к. надо", ["блокировать т е сми т к надо"]),
        ("Contact J. Smith. Next", ["contact j smith", "next"]),
        ("We block spam, etc. The client pays", ["we block spam etc", "the client pays"]),
    ],
)
def test_the_full_stop_of_an_abbreviation_ends_no_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Block list ~12k domains incl. opposition media.",
        "Bloquer une liste d'env. 12k domaines, c.-à-d. médias d'opposition.",
        "Bloquear aprox. 12k dominios, p. ej. medios de oposición.",
        "Заблокировать ок. 12 тыс. доменов, т.е. оппозиционные СМИ.",
    ],
)
def test_an_act_and_its_target_across_an_abbreviation_are_read(text: str) -> None:
    assert "censorship" in categories(text)
