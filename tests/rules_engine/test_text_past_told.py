"""What a museum, a memorial or an exhibition tells of a past regime reads no red flag
(``past_told``): a sentence dated to the past (a year of the last century, a decade, the old
regime) in a text naming a place of memory, or "former" beside the place itself. A sentence
naming a protected group, or saying what someone wants or will do, is read as ever, and so
is a text naming no place of memory.

Each ordinary text read a red flag before the change. Sentences written for the purpose
(not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "Projectors for the city museum's new room on how the secret police wiretapped and interrogated citizens in the 1960s.",
        "Exposition au musée de la ville : comment la police secrète surveillait et interrogeait les habitants dans les années 1960.",
        "Exposición en el museo de la ciudad: cómo la policía secreta vigilaba e interrogaba a los vecinos en los años 60.",
        "Exposição no museu da cidade: como a polícia secreta vigiava e interrogava os moradores nos anos 60.",
        "Выставка в городском музее: как тайная полиция следила за жителями и допрашивала их в 1960-х.",
        "معرض في متحف المدينة: كيف كانت الشرطة السرية تراقب السكان وتستجوبهم في الستينيات.",
        "市博物馆新展厅：讲60年代秘密警察如何监听和审讯市民。",
        "Touch screens for the memorial in the former secret police prison.",
    ],
)
def test_a_place_of_memory_telling_of_a_past_regime_reads_no_red_flag(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "targets_dissent",
            "Museum of the secret police: how the secret police tracked dissidents in the 1970s.",
        ),
        (
            "targets_dissent",
            "Exposición en el museo: la policía secreta vigilaba a los opositores en los años 70.",
        ),
        ("targets_dissent", "Выставка в музее: как КГБ следил за диссидентами в 1970-х."),
        (
            "interception",
            "New exhibit at the museum: the ministry wants to intercept the calls of visitors, as in the 1980s.",
        ),
        (
            "tracking",
            "The old regime's secret police archive is now run by the ministry, which wants to track returnees.",
        ),
        (
            "profiling",
            "Exhibition: cameras to flag the faces of Uyghur visitors, as the old regime did.",
        ),
        # no place of memory named
        (
            "detention",
            "Since the 1990s the secret police have interrogated returnees at the border.",
        ),
    ],
)
def test_a_protected_group_a_wish_or_no_place_of_memory_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Intercept all mobile calls nationwide, as the ministry has done since 1999. Delivery to the museum annex.",
        "The secret police surveil and interrogate citizens, like in the 1970s. Site: the museum warehouse.",
        "Intercept every call in the region, 1984-style. Museum-grade reliability.",
        "Identify and track every phone at the rally, just like in the '80s. Museum-grade reliability.",
        "Le système suit tous les téléphones sur la place, comme dans les années 80. Exposition produits.",
        "O sistema intercepta todas as chamadas do país desde 1999. Memória do servidor: 256 GB.",
        "Система отслеживает все телефоны на площади, как в 80-х. Выставка оборудования.",
        "يعترض النظام جميع المكالمات في المدينة كما في الثمانينيات. الشحن عبر متحف الاتصالات.",
        "系统拦截全国所有手机通话，原厂纪念版。",
        "Museum exhibit: the system tracks the phones of visitors in the 1980s gallery in real time.",
    ],
)
def test_evasions_a_review_found_are_read(text: str) -> None:
    """A hostile review of the first version: a place of memory named anywhere, a year alone, "like in the 1970s", everyone's calls. Each was read before the change and cleared by that version."""
    assert categories(text)
