"""A purpose written after an act on a protected group, or after the interception of
everyone's communications, is the seller's pretext whichever way the language opens it
("in order to", "afin de", "a fin de", "a fim de", "чтобы", "بهدف", "以"), and after a
comma too: the act is still read. Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "Track the phones of protesters in order to prevent fraud.",
        "Track the phones of protesters, in order to prevent fraud.",
        "Track the phones of protesters to prevent fraud.",
        "Track the phones of protesters and their families so as to prevent fraud.",
        "Suivre les téléphones des manifestants afin de prévenir la fraude.",
        "Suivre les téléphones des manifestants, afin de prévenir la fraude.",
        "Rastrear los teléfonos de los manifestantes a fin de prevenir el fraude.",
        "Rastrear los teléfonos de los manifestantes, con el fin de prevenir el fraude.",
        "Rastrear os telefones dos manifestantes a fim de prevenir fraudes.",
        "Отслеживать телефоны протестующих, чтобы предотвратить мошенничество.",
        "Отслеживать телефоны протестующих в целях выявления вредоносных программ.",
        "تتبع هواتف المتظاهرين بهدف منع الاحتيال",
        "تتبع هواتف المتظاهرين، من أجل منع الاحتيال",
        "تتبع هواتف المتظاهرين لمنع الاحتيال",
        "跟踪抗议者的手机以检测恶意软件",
        "跟踪抗议者的手机，以检测恶意软件",
    ],
)
def test_a_purpose_does_not_cancel_an_act_on_protesters(text: str) -> None:
    found = categories(text)
    assert "targets_dissent" in found
    assert "tracking" in found


@pytest.mark.parametrize(
    "text",
    [
        "Intercept all subscriber calls in order to prevent fraud.",
        "Intercept all subscriber calls, for fraud prevention.",
        "Intercepter tous les appels des abonnés afin de prévenir la fraude.",
        "Interceptar todas las llamadas de los abonados a fin de prevenir el fraude.",
    ],
)
def test_a_purpose_does_not_cancel_bulk_interception(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "工会会员名单用于从工资中扣除会费。",
        "Block malware sites for the protection of journalists.",
        "Block phishing and malware sites for the newsroom.",
    ],
)
def test_a_purpose_still_bounds_what_is_no_act_on_a_group(text: str) -> None:
    """The union's own dues are what its members' list is for; malware sites blocked for
    the newsroom's protection are no act on journalists."""
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Intercept all subscribers' calls under a court order.",
        "Interceptación de todas las llamadas de los abonados con orden judicial.",
        "Interceptação de todas as chamadas dos assinantes com ordem judicial.",
        "Перехват всех звонков абонентов по решению суда.",
        "اعتراض جميع مكالمات المشتركين بأمر قضائي",
    ],
)
def test_a_court_order_for_everyones_calls_does_not_bound_bulk_interception(text) -> None:
    """A warrant bounds an act on the people it names (the lexicon's "a court order for
    each request"); one for all subscribers' calls is no targeted oversight."""
    assert "interception" in categories(text)


def test_a_court_order_still_bounds_a_targeted_interception() -> None:
    assert categories("Lawful interception of a suspect's calls under a court order.") == set()
