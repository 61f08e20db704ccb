"""Goods named with words the lexicon reads: tracking devices listed after phones among the
goods of a deal ("satellite phones and GPS trackers"), and a prison kitchen's cold room
("cámara frigorífica", "câmara fria": no camera).

Each ordinary sentence raised a red flag before the change; the dangerous ones are read
(several are the cases a hostile review of the change found it missing on its first try).
Sentences written for the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        # tracking devices listed after phones
        "Relief agency: 40 radios, satellite phones and GPS trackers for the convoy teams.",
        "Agencia de socorro: 40 radios, teléfonos satelitales y localizadores GPS para los convoyes.",
        "Agence humanitaire : 40 radios, téléphones satellites et balises GPS pour les convois.",
        "Agência humanitária: 40 rádios, telefones via satélite e rastreadores GPS para os comboios.",
        "Гуманитарная миссия: 40 раций, спутниковых телефонов и GPS-трекеров для колонн.",
        # a prison kitchen's cold room
        "Cárcel provincial, reforma de cocina con dos hornos, sartenes y una cámara frigorífica.",
        "Presídio estadual, reforma da cozinha com dois fornos, frigideiras e câmara fria.",
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
        # other goods than phones, or covert ones
        ("tracking", "The suspects' cars and GPS trackers."),
        ("tracking", "Covert microphones and GPS trackers."),
        ("tracking", "Kit de vigilancia encubierta: micrófonos ocultos y rastreadores GPS."),
        ("tracking", "Набор для негласного наблюдения: скрытые микрофоны и GPS-трекеры."),
        ("tracking", "أدوات مراقبة سرية: ميكروفونات مخفية وجهاز تتبع."),
        ("tracking", "Secretly: phones and GPS trackers."),
        # a camera in a prison, and a group profiled beside a cold room
        ("detention", "La cárcel quiere cámaras en cada celda y una cámara frigorífica."),
        ("detention", "A prisão quer câmeras nas celas e uma câmara fria na cozinha."),
        (
            "profiling",
            "Solo en las aldeas donde viven kurdos: cámara frigorífica para las muestras.",
        ),
        ("profiling", "Solo en los barrios donde viven musulmanes, cámaras de frío para biobanco."),
    ],
)
def test_red_flags_beside_those_goods_are_read(category: str, text: str) -> None:
    assert category in categories(text)
