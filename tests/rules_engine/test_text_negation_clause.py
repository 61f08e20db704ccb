"""A negation denies only its own clause: a colon that no longer ends the sentence (the
clause before it is longer than a label) still closes what a negation before it denies,
so "the licence is not needed: intercept journalists' calls" reads the interception.
Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from rules.engine import load_pack
from rules.textsignals.reader import read_one

PACK = load_pack()


def categories(text: str) -> set[str]:
    return {c for c, _lang, _q in read_one(text, PACK.lexicon)}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Customer confirmed an export licence is not needed: intercept journalists' calls "
            "on the national network.",
            "interception",
        ),
        (
            "Customer confirmed an end user certificate is not needed: track the phones of "
            "protesters.",
            "tracking",
        ),
        (
            "The distributor says the licence is not required: block opposition news sites.",
            "censorship",
        ),
        ("Per the client, there is nothing else: locate activists' phones.", "tracking"),
        (
            "Le distributeur dit que la licence n'est pas nécessaire : intercepter les appels "
            "des journalistes.",
            "interception",
        ),
        (
            "El distribuidor dice que la licencia no hace falta: interceptar las llamadas de "
            "periodistas.",
            "interception",
        ),
        (
            "O distribuidor diz que a licença não é necessária: interceptar as chamadas dos "
            "jornalistas.",
            "interception",
        ),
        (
            "Дистрибьютор говорит, что лицензия не нужна: перехватывать звонки журналистов.",
            "interception",
        ),
        ("قال الموزع إن الترخيص غير مطلوب: اعتراض مكالمات الصحفيين", "interception"),
    ],
)
def test_a_negation_before_a_colon_does_not_deny_the_act_after_it(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We will not intercept journalists' calls.",
        "The customer does not want to block opposition news sites: only malware.",
        "Le client ne veut pas intercepter les appels des journalistes.",
        "Клиент не будет перехватывать звонки журналистов.",
    ],
)
def test_a_negation_in_the_acts_own_clause_still_denies_it(text: str) -> None:
    assert not categories(text)
