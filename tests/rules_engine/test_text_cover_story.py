"""Maintenance or compliance given as a cover story (what users are told, what the act is
called, "under the guise of") is no bound on the act: it says what the act is made to look
like, not what it is done to. An honest operator telling customers of planned maintenance,
or a bank telling traders their calls are recorded for compliance, stays ordinary."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Block the opposition news sites and tell users it is a maintenance window.",
            "censorship",
        ),
        (
            "Under the guise of planned maintenance, cut the mobile internet in the northern "
            "province.",
            "censorship",
        ),
        ('Record the calls of the opposition activists and call it "compliance".', "interception"),
        ("Record the calls of journalists, labelled as compliance recording.", "interception"),
        (
            "Sous couvert de maintenance programmée, couper l'internet mobile dans la province "
            "du nord.",
            "censorship",
        ),
        (
            "Bajo la apariencia de un mantenimiento programado, cortar el internet móvil en la "
            "provincia del norte.",
            "censorship",
        ),
        (
            "Bloquear os sites da oposição e dizer aos usuários que é uma janela de manutenção.",
            "censorship",
        ),
        ('Gravar as chamadas dos jornalistas, apresentado como "compliance".', "interception"),
        ("حجب مواقع المعارضة وإبلاغ المستخدمين بأنها أعمال الصيانة.", "censorship"),
        ('تسجيل مكالمات الصحفيين تحت مسمى "الامتثال".', "interception"),
        ("Записывать звонки журналистов под видом «комплаенса».", "interception"),
        ("屏蔽反对派网站，对用户称是计划内维护。", "censorship"),
    ],
)
def test_a_cover_story_does_not_clear_the_act(text, expected):
    assert expected in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The operator will cut mobile data in the northern region during planned maintenance.",
        "Customers are told about the planned maintenance two days before mobile data is cut "
        "in the northern region.",
        'The status page tells customers "planned maintenance" while mobile data is cut in '
        "the northern region overnight.",
        "A operadora vai cortar os dados móveis na região norte durante uma manutenção "
        "programada; os clientes são avisados antes.",
        "سيقطع المشغل بيانات الهاتف المحمول في المنطقة الشمالية خلال أعمال الصيانة، ويُبلَّغ "
        "العملاء مسبقاً.",
        "运营商将在计划内维护期间切断北部地区的移动数据，并提前告诉用户。",
        "Traders' calls are recorded for compliance; staff are told it is compliance recording.",
        "Les appels des traders sont enregistrés ; on dit au personnel que c'est pour la "
        "conformité.",
        "L'opérateur coupera les données mobiles dans la région nord pendant une maintenance "
        "programmée ; les clients sont prévenus.",
        "El operador cortará los datos móviles en la región norte durante un mantenimiento "
        "programado; a los clientes se les dice con dos días de antelación.",
        "Оператор отключит мобильный интернет в северном районе на время плановых работ; "
        "абонентам сообщают заранее.",
    ],
)
def test_maintenance_and_compliance_told_honestly_stay_ordinary(text):
    assert categories(text) == set()
