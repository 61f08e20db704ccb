"""A union's agreement is no consent to acts on its organisers, delegates and stewards, nor
on workers who struck or walked out, though the lexicon names none of them as a protected
group ("As agreed with the union, organisers' phones are tracked"); workers located for
their safety as agreed with their union stay ordinary."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text, expected",
    [
        ("As agreed with the union, organisers' phones are tracked.", "tracking"),
        ("As agreed with the union, shop stewards' phones are tracked.", "tracking"),
        ("As agreed with the union, the delegates' calls are recorded.", "interception"),
        ("As agreed with the union, workers who joined the walkout are tracked.", "tracking"),
        (
            "En accord avec le syndicat, les téléphones des délégués syndicaux sont géolocalisés.",
            "tracking",
        ),
        (
            "Según lo acordado con el sindicato, se rastrean los teléfonos de los delegados "
            "sindicales.",
            "tracking",
        ),
        (
            "Conforme acordado com o sindicato, os celulares dos delegados sindicais são "
            "rastreados.",
            "tracking",
        ),
        (
            "Conforme acordado com o sindicato, os trabalhadores que aderiram à greve são "
            "rastreados.",
            "tracking",
        ),
        ("بالاتفاق مع النقابة، يتم تتبع هواتف منظمي الإضراب.", "tracking"),
        ("По согласованию с профсоюзом отслеживаются телефоны профоргов.", "tracking"),
        (
            "По согласованию с профсоюзом отслеживаются рабочие, участвовавшие в забастовке.",
            "tracking",
        ),
        ("经与工会商定，追踪工会代表的手机。", "tracking"),
    ],
)
def test_the_union_agreeing_does_not_clear_an_act_on_its_organisers_or_strikers(text, expected):
    assert expected in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Miners are located underground as agreed with their union.",
        "As agreed with the union, the organisation's delivery vans are tracked.",
        "En accord avec le syndicat, les mineurs sont localisés sous terre pour leur sécurité.",
        "Según lo acordado con el sindicato, los mineros se localizan bajo tierra por su "
        "seguridad.",
        "Conforme acordado com o sindicato, os mineiros são localizados no subsolo para sua "
        "segurança.",
        "بالاتفاق مع النقابة، يتم تحديد مواقع عمال المناجم تحت الأرض من أجل سلامتهم.",
        "По согласованию с профсоюзом шахтёры отслеживаются под землёй ради их безопасности.",
    ],
)
def test_workers_located_for_their_safety_as_agreed_stay_ordinary(text):
    assert categories(text) == set()
