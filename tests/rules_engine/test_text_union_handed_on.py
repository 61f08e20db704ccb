"""What a union agreed to for its members' safety does not reach the police: workers
located as agreed with the union, whose locations the next sentence sends to the police,
are read as tracked; a hand-over denied, a report to a safety inspectorate or the union's
own summary stay ordinary."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "Workers are located on site as agreed with the union. Their locations are sent to the police every week.",
        "Les ouvriers sont localisés sur le site en accord avec le syndicat. Leurs positions sont transmises chaque semaine à la police.",
        "Los trabajadores se localizan en la obra según lo acordado con el sindicato. Sus ubicaciones se envían cada semana a la policía.",
        "Os trabalhadores são localizados na obra conforme acordado com o sindicato. As localizações deles são enviadas toda semana à polícia.",
        "يتم تحديد مواقع العمال في الموقع بالاتفاق مع النقابة. وتُرسل مواقعهم إلى الشرطة كل أسبوع.",
        "Рабочие отслеживаются на объекте по согласованию с профсоюзом. Их местоположение каждую неделю передаётся в полицию.",
        "经与工会商定，在工地定位工人。他们的位置每周发送给警方。",
    ],
)
def test_locations_handed_to_the_police_in_the_next_sentence_are_read(text):
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Workers are located on site as agreed with the union. Their locations are never shared with the police.",
        "Les ouvriers sont localisés sur le site en accord avec le syndicat. Leurs positions ne sont jamais transmises à la police.",
        "Рабочие отслеживаются на объекте по согласованию с профсоюзом. Их местоположение никогда не передаётся в полицию.",
        "Miners are located underground as agreed with their union. Incident reports go to the mine safety inspectorate.",
        "Workers are located on site as agreed with the union. The union receives a monthly summary.",
        "Workers are located on site as agreed with the union. In an emergency, their positions are shared with the fire brigade.",
    ],
)
def test_what_stays_with_the_site_or_the_union_stays_ordinary(text):
    assert categories(text) == set()
