"""A negation fronted at the head of its sentence denies its act however far it stands
from it: "Never, under any circumstances, will we track protesters", "Under no
circumstances will the system identify protesters". In English only with the auxiliary
before its subject; without that inversion, with a comparison or past a second clause the
act is read. Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

DISSENT = {"targets_dissent", "tracking"}


@pytest.mark.parametrize(
    "text",
    [
        "Never, under any circumstances, will we track protesters.",
        "Under no circumstances will the system identify protesters.",
        "Under no circumstances will the system be used to identify protesters.",
        "Never will Acme track protesters.",
        "En aucun cas nous ne suivrons les manifestants.",
        "En ningún caso rastrearemos a los manifestantes.",
        "En ningún caso el sistema de la empresa rastreará a los manifestantes.",
        "Nunca, bajo ninguna circunstancia, rastrearemos a los manifestantes.",
        "Em nenhum caso rastrearemos os manifestantes.",
        "Em hipótese alguma o sistema da empresa rastreará os manifestantes.",
    ],
)
def test_a_fronted_negation_denies_the_act_of_its_sentence(text: str) -> None:
    assert not categories(text) & DISSENT


@pytest.mark.parametrize(
    "text",
    [
        "Under these circumstances we will track protesters.",
        "In any case we will track protesters.",
        "Never has it been easier to track protesters.",
        "Not only will we track protesters but also journalists.",
        "Never mind the law, we will track protesters.",
        "Under no circumstances will we delete the data, and we track protesters.",
        "Never, under any circumstances, will we stop the police; we track protesters.",
        "In no case will this be a problem: the system tracks protesters.",
        "Never miss a protest: track protesters live.",
        "Nunca compartido, rastrear a los manifestantes.",
        "At no time will the system fail to identify protesters.",
        "Nunca se sabe quién protesta por eso rastreamos a los manifestantes.",
        "Under no circumstances will we refuse to track protesters.",
    ],
)
def test_without_a_fronted_negation_of_the_act_it_is_read(text: str) -> None:
    assert categories(text) & DISSENT
