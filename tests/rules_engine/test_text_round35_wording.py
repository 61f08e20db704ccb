"""Wording of round 35's tuning half (smart and safe cities: tender extracts, integrator
proposals, partner questionnaires).

- A ministry of state protection (the guard service of the state) is a security service,
  in every language ("Министерство государственной охраны", "国家保卫部", "لوزارة حماية
  الدولة").
- Subscribers selected remotely, out of sight of the operator's own staff, on an
  "interaction interface" on the operator's core: interception.
- Information called harmful to social stability kept off a network by a keyword list:
  censorship.
- People removed from public space, their phones taken at intake and no list given to their
  families: detention; route histories kept per device of passing phones (Spanish,
  Chinese): tracking.
- Ordinary deals: a traveller's own history visible only to the cardholder, and a denial
  of any kind of tracking in Russian ("Никакого отслеживания", the forms of "никакой" now
  negate) and Chinese ("不做任何形式的位置追踪": "any kind of" widens the window a negation
  is looked for in; "不限于", not limited to, negates nothing).

Each dangerous sentence of the first test raised nothing of its category, and each ordinary
one of the second raised a red flag, before these changes; the third and fourth are guards.
A hostile review of the first version (261 sentences) withdrew "никто", "ничего" and a
"никакой" not right before the act ("Никаких ограничений на отслеживание"), "any kind of"
after a verb other than a light one ("不会漏掉任何追踪目标"), a video search for a veil or a
beard (a wedding, a regatta, a barber), "visible only to the user" (an analyst), "released
only to" (people released to their families), and narrowed the new entries to a network,
a patrol, a remote site, phones passing by. Sentences shortened from the round or written
for the purpose. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "security_services",
            "Bureau 6 dépend opérationnellement du ministère de la Protection de l'État.",
        ),
        (
            "security_services",
            "O Bureau 6 responde operacionalmente ao Ministério da Proteção do Estado.",
        ),
        ("security_services", "المكتب 6 يتبع تشغيلياً لوزارة حماية الدولة."),
        ("security_services", "Бюро 6 оперативно подчиняется Министерству государственной охраны."),
        ("security_services", "第6局业务上归国家保卫部管。"),
        (
            "interception",
            "Annex 4: subscriber selection is done remotely, invisible to the operator's staff.",
        ),
        (
            "interception",
            "La sélection des abonnés se fait à distance, de manière invisible pour le personnel.",
        ),
        (
            "interception",
            "La selección de abonados se hace en remoto, invisible para el personal del operador.",
        ),
        (
            "interception",
            "A seleção de assinantes é feita remotamente, invisível para a equipe da operadora.",
        ),
        ("interception", "اختيار المشتركين يتم عن بعد ودون أن يراه موظفو المشغل."),
        (
            "interception",
            "Выбор абонентов выполняется удалённо и незаметно для персонала оператора.",
        ),
        ("interception", "用户选择在远端完成，运营商员工看不到。"),
        (
            "censorship",
            "Keep the hotspot clear of information harmful to social stability, using the keyword list.",
        ),
        (
            "censorship",
            "Manter o hotspot livre de informações nocivas à estabilidade social, com a lista de palavras-chave.",
        ),
        (
            "censorship",
            "Ограждать сеть от информации, вредной для социальной стабильности, по списку ключевых слов.",
        ),
        (
            "censorship",
            "Mantener la red libre de información perjudicial para la estabilidad social con palabras clave.",
        ),
        (
            "detention",
            "Persons removed by the patrols: phones taken at intake, no list shared with families, up to ten days.",
        ),
        (
            "detention",
            "Personas retiradas por las patrullas: retirada de teléfonos al ingreso, ninguna lista compartida con las familias.",
        ),
        ("detention", "被巡逻队带离的人员：进入时收缴手机，不向家属提供名单。"),
        ("detention", "سحب الهواتف عند الاستلام، ولا تشارك أي قائمة مع العائلات."),
        ("detention", "Телефоны изымаются при приёме, список семьям не передаётся."),
        (
            "tracking",
            "Los sensores guardarán historiales de recorridos por dispositivo de los teléfonos que pasen.",
        ),
        ("tracking", "灯杆传感器记录途经手机的标识符，并按设备保存路线历史。"),
    ],
)
def test_red_flags_of_round_35_are_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Contactless ticketing: personal travel history visible only to the cardholder in the app.",
        "无接触票务：个人出行记录仅持卡人本人可在App中查看。",
        "Никакого отслеживания местоположения детей, только бумажные браслеты.",
        "家庭日活动：纸质腕带，不做任何形式的位置追踪。",
    ],
)
def test_ordinary_deals_of_round_35_are_not_flagged(text: str) -> None:
    assert categories(text) - {"detention_site"} == set()


@pytest.mark.parametrize(
    "category, text",
    [
        # Read before these changes, as the other languages now are.
        (
            "security_services",
            "End user: Bureau 6, which reports operationally to the Ministry of State Protection.",
        ),
        (
            "security_services",
            "La Oficina 6 depende operativamente del Ministerio de Protección del Estado.",
        ),
        ("tracking", "包括但不限于对抗议者的任何形式的位置追踪。"),
        ("tracking", "对抗议者进行不限次数的位置追踪。"),
        ("censorship", "Блокировать сайты оппозиции, никаких исключений."),
        ("tracking", "Никто не узнает, что мы отслеживаем телефоны журналистов."),
        ("detention", "Detainees are released only with the prosecutor's approval."),
        ("tracking", "Track the protesters' travel history; visible only to the police."),
        (
            "interception",
            "Subscriber selection for the intercepts is done by the operator's staff, invisible to the target.",
        ),
        # From a hostile review of the first version.
        ("tracking", "Никаких ограничений на отслеживание местоположения участников митингов."),
        (
            "tracking",
            "Никто из активистов не уйдёт от отслеживания: камеры и биллинг работают вместе.",
        ),
        ("tracking", "Никаких ордеров для отслеживания телефонов активистов не нужно."),
        ("tracking", "平台不会漏掉任何追踪目标，维权人士的位置每分钟更新。"),
        ("interception", "不会放过任何截获的记者短信。"),
        (
            "detention",
            "Protesters held at the stadium are only released to their families once the police approve.",
        ),
        (
            "tracking",
            "The system tracks the live location of opposition members, visible only to the user logged in from the security service.",
        ),
        (
            "tracking",
            "Suivi en temps réel de la localisation des journalistes, visible uniquement par l'usager de la DGSI.",
        ),
    ],
)
def test_what_stays_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Emergency-call recordings are released only to investigators on a court order.",
        "Нет никакой необходимости отслеживать курьеров: маршруты в CRM.",
        "Subscriber selection for the loyalty campaign is done in the CRM, invisible to customers.",
        "Клиент: никакой слежки за сотрудниками, только учёт рабочего времени.",
        # From a hostile review of the first version.
        "For the customer-satisfaction survey, subscriber selection is randomised by the vendor and hidden from the operator's sales staff to avoid bias.",
        "Para la encuesta, la selección de abonados la hace la consultora, invisible para el operador, para garantizar el anonimato.",
        "Для опроса удовлетворённости выбор абонентов делает независимое агентство, без ведома оператора.",
        "Central bank research dashboard: keyword analysis of food-price news, since inflation is harmful to social stability, to inform monetary policy.",
        "Domestic violence shelter intake system: residents receive wristbands at intake; no list shared with families, for the residents' safety.",
        "Los historiales de recorridos de las bicicletas compartidas se consultan desde los celulares de los usuarios.",
        "骑行App在手机上保存路线记录，仅用户本人可见。",
        "Sistema de bicicletas públicas: el historial de recorridos de cada usuario se consulta desde el teléfono y es visible solo para el titular.",
    ],
)
def test_ordinary_wordings_beside_the_changes(text: str) -> None:
    assert categories(text) - {"detention_site"} == set()
