"""Wording of new writing read in the seven languages, and the ordinary deals its words must
leave alone: a fire, rescue or civil-protection service under the Interior ministry
searching for lost people; observers of the parties and civil society watching an election
count; a newsroom's source protection and its reporters' encrypted notes; hospital
equipment located so nurses find it.

Each ordinary sentence below raised a red flag before these entries were added; each
dangerous one that must stay read shares their words. Sentences written for the purpose
(not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        # a rescue service under the Interior ministry, looking for lost people
        "The Interior ministry's civil protection service buys drones to search for lost hikers.",
        "Protection civile du ministère de l'Intérieur : drones pour retrouver les randonneurs "
        "égarés.",
        "Defensa civil del Ministerio del Interior: drones para localizar personas perdidas en "
        "la montaña.",
        "Corpo de bombeiros do Ministério do Interior: drones para localizar pessoas perdidas.",
        "МЧС МВД: дроны для поиска и определения местоположения заблудившихся туристов.",
        # observers watching an election count, the watchers not the watched
        "Party observers and civil society groups will watch the count at every polling station.",
        "Des observateurs de la société civile suivent le dépouillement dans chaque bureau.",
        "Observadores de la sociedad civil siguen el escrutinio en cada mesa.",
        "Observadores da sociedade civil acompanham a apuração em cada seção.",
        "Наблюдатели от гражданского общества следят за подсчётом голосов на участках.",
        # a newsroom's own tools: its reporters' encrypted notes ("noter" is grading people)
        "Plateforme de rédaction pour les reporters, avec protection des sources et notes "
        "chiffrées.",
        # hospital equipment located so nurses find it
        "BLE-метки на дефибрилляторах с определением местоположения, чтобы медсёстры находили "
        "оборудование.",
    ],
)
def test_ordinary_deals_once_read_as_a_red_flag_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "tracking",
            "The civil defence unit will share the locations of protesters with the police.",
        ),
        ("tracking", "Les pompiers doivent localiser les manifestants pour la police."),
        (
            "censorship",
            "The operator will shut down mobile internet in the north until the count is over.",
        ),
        ("targets_dissent", "Noter les reporters et ficher leurs sources."),
    ],
)
def test_red_flags_beside_the_new_ordinary_words_are_still_read(category: str, text: str) -> None:
    assert category in categories(text)
