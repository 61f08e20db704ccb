"""How far a negation reaches: every act of a chain joined by "or" ("we do not store or
sell or track …"), but not into a clause after "and", "or" or a comma with its own subject
or finite verb ("Nothing is stored and we track the protesters"), nor past "but"; and a
court order does not bound the interception of all subscribers' calls, in French as in
English. Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "We do not store or sell or track the location of protesters.",
        "We do not store data or sell it or track the location of protesters.",
        "We will not store, sell or track the location of journalists.",
        "Nous ne stockons ni ne vendons ni ne suivons les manifestants.",
        "Nous ne conservons ni ne vendons ni ne localisons les téléphones des manifestants.",
        "No guardamos ni vendemos ni rastreamos a los manifestantes.",
        "Não guardamos nem vendemos nem rastreamos os manifestantes.",
        "We will not store or track the protesters.",
        "Мы не будем хранить и отслеживать протестующих.",
        "We do not track, monitor or intercept journalists.",
        "No rastreamos, vigilamos ni interceptamos a periodistas.",
        "We have not yet tracked protesters.",
        "We never store or share or sell or track the location of protesters.",
        "No almacenamos o vendemos o rastreamos la ubicación de los manifestantes.",
        "Não armazenamos ou vendemos ou rastreamos a localização dos manifestantes.",
        "我们不存储或出售或跟踪抗议者的位置",
        "我们不会存储、出售或跟踪抗议者的位置",
    ],
)
def test_a_negation_denies_every_act_of_its_chain(text: str) -> None:
    assert "tracking" not in categories(text) and "interception" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "No se guarda nada y rastreamos a los manifestantes.",
        "No guardamos datos y rastreamos a los manifestantes.",
        "Nada se guarda, y rastreamos a los manifestantes.",
        "Nothing is stored and we track the protesters.",
        "Nothing stored and we track the protesters.",
        "We will not store anything or we track the protesters.",
        "We do not store data, we track the protesters.",
        "Rien n'est conservé et nous suivons les manifestants.",
        "Nous ne gardons rien et suivons les manifestants.",
        "Nous ne stockons pas les données et on suit les manifestants.",
        "Nada é guardado e rastreamos os manifestantes.",
        "Não se guarda nada e rastreamos os manifestantes.",
        "Ничего не храним и отслеживаем протестующих.",
        "Мы не храним данные и отслеживаем протестующих.",
        "لا نخزن شيئا ونتتبع المتظاهرين",
        "لا نخزن شيئا ونحن نتتبع المتظاهرين",
        "Não armazenamos nada, porém rastreamos os manifestantes.",
        "No guardamos nada y nosotros rastreamos a los manifestantes.",
        "Мы ничего не храним, и мы отслеживаем протестующих.",
        "我们不存储数据或者我们跟踪抗议者",
        "No guardamos nada y luego rastreamos a los manifestantes.",
        "Nous ne gardons rien, puis nous suivons les manifestants.",
        "No se guarda ningún dato y los manifestantes son rastreados.",
    ],
)
def test_a_negation_does_not_reach_a_clause_with_its_own_subject(text: str) -> None:
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We do not store data but track the protesters.",
        "Nous ne stockons rien mais suivons les manifestants.",
        "No guardamos datos pero rastreamos a los manifestantes.",
        "Não guardamos dados mas rastreamos os manifestantes.",
        "Мы не храним данные, но отслеживаем протестующих.",
        "لا نخزن البيانات ولكن نتتبع المتظاهرين",
        "Данные не хранятся, а протестующие отслеживаются.",
        "Клиент не хранит данные, а отслеживает протестующих.",
    ],
)
def test_a_negation_does_not_reach_past_but_or_whereas(text: str) -> None:
    assert "tracking" in categories(text)


def test_the_spanish_mas_of_more_written_bare_is_no_but() -> None:
    assert not categories("No rastreamos mas a los manifestantes.")


@pytest.mark.parametrize(
    "text",
    [
        "Interception légale de tous les appels des abonnés sur ordonnance du juge.",
        "Interception des appels de tous les abonnés sur ordonnance du juge.",
        "Intercepter les appels de tous les abonnés sur ordonnance du juge.",
        "Interceptación legal de todas las llamadas de los abonados por mandamiento judicial.",
        "Interceptação de todas as chamadas dos assinantes com autorização do juiz.",
        "Lawful interception of all subscribers' calls on a court order.",
        "Écoute de toutes les communications des abonnés sur autorisation judiciaire.",
        "Mise sur écoute de toutes les lignes des abonnés sur ordonnance du juge.",
        "Escucha de todas las comunicaciones de los abonados con orden judicial.",
        "Escuta de todas as comunicações dos assinantes com ordem judicial.",
        "Monitoring of all the calls of the subscribers under a court order.",
    ],
)
def test_a_court_order_does_not_bound_the_interception_of_all_calls(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Interception des appels d'un suspect sur ordonnance du juge.",
        "Interception des appels des abonnés visés sur ordonnance du juge.",
    ],
)
def test_a_court_order_still_bounds_a_targeted_interception(text: str) -> None:
    assert "interception" not in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("No licence or permit needed to track the phones of protesters.", "tracking"),
        ("Without a licence or a permit we track the phones of protesters.", "tracking"),
        ("Sin licencia o permiso el cliente rastrea a los manifestantes.", "tracking"),
    ],
)
def test_an_or_between_things_carries_no_negation_to_a_later_act(text: str, category: str):
    """Only an "or" between acts of a word or two carries the reach on."""
    assert category in categories(text)
