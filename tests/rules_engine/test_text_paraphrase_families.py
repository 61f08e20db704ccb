"""Three ways of saying a red flag that no entry read, written as general entries in the
seven languages: people somewhere against their will (detention whatever the place is
called), every communication watched at a country's chokepoint with any verb of watching
(interception), and the lists people are put on for who they are (profiling). With the
ordinary deals their words must leave alone. Worked cases, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "The students are there involuntarily and cannot leave the centre.",
        "Les élèves y sont retenus contre leur gré, sans pouvoir partir.",
        "Los alumnos están allí de forma involuntaria y no pueden salir.",
        "Os alunos estão lá involuntariamente e não podem sair.",
        "الطلاب موجودون هناك بشكل غير طوعي ولا يمكنهم المغادرة.",
        "Учащиеся находятся там недобровольно и не могут уйти.",
        "学员并非自愿在那里，不能离开。",
    ],
)
def test_people_held_against_their_will_are_detention(text: str) -> None:
    assert "detention" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The client wants to monitor all traffic at cable landing stations.",
        "Le client veut surveiller tout le trafic aux stations d'atterrissement des câbles.",
        "El cliente quiere monitorear todo el tráfico en las estaciones de amarre de cables.",
        "O cliente quer monitorar todo o tráfego nas estações de ancoragem de cabos.",
        "يريد العميل مراقبة كل الاتصالات في محطات إنزال الكابلات البحرية.",
        "Заказчик хочет мониторить весь трафик на станциях выхода подводных кабелей.",
        "客户希望监控海缆登陆站的所有流量。",
    ],
)
def test_all_traffic_watched_at_a_chokepoint_is_interception(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The client wants a watchlist of Uyghurs.",
        "Add the Ahmadis to the watchlist.",
        "Le ministère veut une liste de surveillance des Ouïghours.",
        "El ministerio quiere una lista de vigilancia de uigures.",
        "O ministério quer uma lista de vigilância de uigures.",
        "تريد الوزارة قائمة مراقبة للإيغور.",
        "Министерство ведёт чёрный список уйгуров.",
        "客户想要一份维吾尔族人的监视名单。",
    ],
)
def test_a_watchlist_of_a_minority_is_profiling(text: str) -> None:
    assert "profiling" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pupils may not leave the school grounds during lunch without a parent's note.",
        "Care home residents with dementia cannot leave the ward unaccompanied.",
        "Participants in the charity run cannot leave the marked route.",
        "The NOC will monitor all traffic at the cable landing station for capacity planning "
        "and latency.",
        "Les participants au séminaire ne peuvent pas partir avant la fin de la formation "
        "obligatoire en cybersécurité.",
        "Add the phishing domains to the blacklist of the mail gateway.",
    ],
)
def test_ordinary_deals_with_these_words_raise_nothing(text: str) -> None:
    assert categories(text) == set()
