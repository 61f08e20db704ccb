"""Goods and words named with words the lexicon reads: tracking devices listed among the
goods of a deal ("satellite phones and GPS trackers"), a kitchen's cold room in a prison
("cámara frigorífica", "câmara fria": no camera), and a filtering policy that is published
("la política de filtrado se publica": no publications blocked).

Each ordinary sentence raised a red flag before the change; the dangerous ones are read.
Sentences written for the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        # tracking devices listed after other goods
        "Relief agency: 40 radios, satellite phones and GPS trackers for the convoy teams.",
        "Agencia de socorro: 40 radios, teléfonos satelitales y localizadores GPS para los convoyes.",
        "Agence humanitaire : 40 radios, téléphones satellites et balises GPS pour les convois.",
        "Agência humanitária: 40 rádios, telefones via satélite e rastreadores GPS para os comboios.",
        "Гуманитарная миссия: 40 раций, спутниковых телефонов и GPS-трекеров для колонн.",
        # a prison kitchen's cold room
        "Cárcel provincial, reforma de cocina con dos hornos, sartenes y una cámara frigorífica.",
        "Presídio estadual, reforma da cozinha com dois fornos, frigideiras e câmara fria.",
        # a filtering policy published
        "Colegio: filtrado web contra malware; la política de filtrado se publica en la web.",
    ],
)
def test_goods_named_with_words_read_elsewhere_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "category, text",
    [
        ("tracking", "Put GPS trackers on the protesters' cars."),
        ("tracking", "Colocar localizadores GPS en los coches de los manifestantes."),
        ("tracking", "Activists' phones and GPS trackers, delivered to the police."),
        ("tracking", "The police want phones and GPS trackers to follow the activists."),
        ("detention", "La cárcel quiere cámaras en cada celda y una cámara frigorífica."),
        ("detention", "A prisão quer câmeras nas celas e uma câmara fria na cozinha."),
        ("censorship", "Bloquear publicaciones de la oposición."),
        ("censorship", "Eliminar la publicación que critica al presidente."),
        ("censorship", "Supprimer toute publication critique du gouvernement."),
        ("censorship", "Bloquear as publicações críticas ao governo."),
    ],
)
def test_red_flags_beside_those_goods_are_read(category: str, text: str) -> None:
    assert category in categories(text)
