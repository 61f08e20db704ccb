"""Wording of new writing read in the seven languages: the movement or location history of
specific cars or people sold or bought (plate readers whose data is sold to whoever pays, a
debt collector buying debtors' phone locations from a broker). A fleet's own history shown
to its owner, phones bought for a collection team, stay ordinary.

Each dangerous sentence raised nothing of its category before these entries were added.
Sentences written for the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        # the movement or location history of specific cars or people sold or bought
        (
            "tracking",
            "They make money selling the travel history of particular vehicles to whoever pays.",
        ),
        (
            "tracking",
            "Leur affaire : revendre l'historique des trajets de véhicules donnés à qui paie.",
        ),
        (
            "tracking",
            "Su negocio es vender el historial de desplazamientos de coches determinados a quien "
            "pague.",
        ),
        (
            "tracking",
            "La agencia de cobros compra a un intermediario la posición del celular de cada deudor.",
        ),
        (
            "tracking",
            "O negócio é revender o histórico de localização de carros específicos a quem paga.",
        ),
        ("tracking", "Они продают историю передвижений конкретных машин тому, кто заплатит."),
        ("tracking", "Коллекторы покупают у брокера данных геопозицию телефона каждого должника."),
        ("tracking", "يبيعون سجل تنقلات سيارات بعينها لمن يدفع."),
        ("tracking", "他们把特定车辆的出行记录卖给谁付钱就给谁。"),
        ("tracking", "催收公司从数据中间商那里买欠款人手机的位置。"),
    ],
)
def test_new_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # a fleet's own history shown to its owner, phones bought for a team
        "The fleet platform shows each customer the movement history of its own vans.",
        "The collection agency buys 50 phones so its staff can call debtors.",
        "La plateforme montre à chaque client l'historique des déplacements de ses camions.",
        "La agencia de cobros compra 50 móviles para llamar a los deudores.",
        "A plataforma mostra ao cliente o histórico de deslocamentos da própria frota.",
        "Коллекторское агентство покупает 50 телефонов, чтобы звонить должникам.",
        "تشتري شركة التحصيل 50 هاتفاً لموظفيها للاتصال بالمدينين.",
        "车队平台向客户展示自有车辆的行驶轨迹。",
    ],
)
def test_ordinary_wording_stays_clean(text: str) -> None:
    assert categories(text) == set()
