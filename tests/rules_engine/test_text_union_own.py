"""A union's dues and the payroll that deducts them are its own members' business: they
bound an act on the union's members ("the union members' list is used to deduct dues"),
never one on protesters, the opposition or journalists matched against a payroll."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "Identify the protesters from the payroll records.",
        "Match faces from opposition rally photos against the public-sector payroll.",
        "Identify the journalists who attended from the payroll records.",
        "Identifier les manifestants à partir des fiches de paie.",
        "Identificar a los manifestantes cruzando sus fotos con el descuento de cuotas sindicales.",
        "Identificar os manifestantes pela folha de pagamento do setor público.",
        "التعرف على المتظاهرين من خلال كشوف الرواتب في القطاع العام.",
        "Установить личности протестующих по данным бухгалтерии о зарплате.",
        "通过公职人员工资名册识别抗议者。",
    ],
)
def test_a_payroll_does_not_clear_an_act_on_others_than_the_unions_members(text):
    assert "targets_dissent" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Union members are listed from the payroll to deduct their dues.",
        "Identify union members from the payroll to deduct their dues.",
        "La liste des syndiqués sert à prélever les cotisations sur la fiche de paie.",
        "La lista de afiliados al sindicato se usa para el descuento de cuotas sindicales.",
        "A lista de sindicalizados é usada para descontar a contribuição sindical na folha de "
        "pagamento.",
        "تُستخدم قائمة أعضاء النقابة لخصم الاشتراكات النقابية من الرواتب.",
        "Список членов профсоюза передаётся в бухгалтерию для удержания профсоюзных взносов.",
        "工会会员名单用于从工资中扣除会费。",
    ],
)
def test_a_unions_own_payroll_and_dues_stay_ordinary(text):
    assert categories(text) == set()
