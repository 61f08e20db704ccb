"""What a bound covers: a court order issued by a state body or a security force is no
judge's; one for everyone's calls in a country bounds nothing; an act on a protected group
after the bound is not the act it bounds; an attack heading clears the watch of everyone's
traffic, not keeping it, naming the people behind it or a state body it is for, and it
clears the watch alike in every language. Also the Spanish and Portuguese forms of verbs in
"-ear" ("rastrea", "monitorea", "rastreie") and a protected group watched with an unlisted
wording ("pay attention to protest organisers"). Worked cases with the default lexicon, no
database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "Intercept the calls of protest organisers, under a court order issued by the Guard Corps.",
        "Intercept subscriber calls, under a court order signed by the governor.",
        "Intercept subscriber calls, under a court order issued by the security service.",
        "Intercept subscriber calls, under a court order issued by the ruling party.",
        "Intercept subscriber calls, under a court order issued by the army.",
        "Interceptar las llamadas de los abonados, con orden judicial firmada por el gobernador.",
        "Interceptar as chamadas dos assinantes, com ordem judicial emitida pelo exército.",
        "Intercepter les appels des abonnés, avec une ordonnance du tribunal signée par le parti.",
        "Перехватывать звонки абонентов по решению суда, подписанному губернатором.",
        "اعتراض مكالمات المشتركين بأمر قضائي صادر عن الحرس الثوري",
        "截获用户通话，须有武警签发的法院命令",
    ],
)
def test_a_court_order_issued_by_a_state_body_or_a_security_force_bounds_nothing(
    text: str,
) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Intercept the calls of a suspect under a court order issued by the district court.",
        "Intercept subscriber calls, under a court order requested by the security service.",
        "Intercept the calls of a suspect under a court order, and notify the regulator.",
        "Intercept a suspect's calls under a court order, signed by the district judge.",
        "截获嫌疑人的通话，须有法院签发的命令",
        "公安根据法院命令截获嫌疑人的通话",
    ],
)
def test_a_judges_order_still_bounds_a_targeted_interception(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Record all calls in the country, under a court order.",
        "Record all calls in the country, with a court order.",
        "Record all calls nationwide, under a court order.",
        "Grabar todas las llamadas del país, con orden judicial.",
        "Enregistrer tous les appels du pays, avec une ordonnance du tribunal.",
        "Gravar todas as chamadas do país, com ordem judicial.",
        "Записывать все звонки в стране по решению суда.",
        "تسجيل جميع المكالمات في البلاد بأمر قضائي",
        "根据法院命令录制全国所有通话",
    ],
)
def test_a_court_order_for_every_call_in_a_country_bounds_nothing(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Interceptar las llamadas de los abonados con orden judicial, y señalar a los "
        "activistas de la oposición.",
        "Intercepter les appels des abonnés avec une ordonnance du tribunal, et signaler les "
        "militants de l'opposition.",
        "Intercept subscriber calls under a court order, then flag opposition activists.",
        "Intercept subscribers' calls under a court order; flag opposition activists.",
    ],
)
def test_an_act_on_a_protected_group_after_the_bound_is_not_bounded_by_it(text: str) -> None:
    assert {"interception", "targets_dissent"} <= categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Intercept the calls of the suspects under a court order, excluding journalists.",
        "Intercept suspects' calls under a court order; journalists' calls are never intercepted.",
    ],
)
def test_a_protected_group_spared_after_the_bound_leaves_it_bounding(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "DDoS protection: monitor all subscriber traffic and keep it for five years.",
        "DDoS protection: monitor all subscriber traffic and identify the users behind it.",
        "DDoS protection: monitor all subscriber traffic; the Guard Corps reviews it daily.",
        "DDoS: monitor all subscriber traffic for the Guard Corps.",
        "Monitor all subscriber traffic for DDoS attacks and store it indefinitely.",
        "Protección DDoS: monitorear todo el tráfico de los abonados e identificar a los "
        "usuarios detrás.",
        "Protección DDoS: monitorear todo el tráfico de los abonados y guardarlo cinco años.",
        "Proteção DDoS: monitorar todo o tráfego dos assinantes para a Guarda Nacional.",
        "DDoS防护：监控所有用户流量并保存五年",
        "Proteção DDoS: monitorar todo o tráfego dos assinantes e guardá-lo por cinco anos.",
        "Protection DDoS : surveiller tout le trafic des abonnés et identifier les utilisateurs.",
        "Monitor all subscriber traffic for DDoS attacks; keep the results for a year.",
        "DDoS防护：监控所有用户流量并识别用户身份",
        "Vigilar todo el tráfico de los abonados para detectar ataques DDoS y guardarlo diez años.",
        "Surveiller tout le trafic des abonnés pour détecter les attaques DDoS et identifier les "
        "utilisateurs.",
        "Grabar todo el tráfico de los abonados con orden judicial.",
    ],
)
def test_an_attack_heading_clears_only_the_watch_itself(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "DDoS protection: monitor all subscriber traffic and block the attacking addresses.",
        "Monitor all subscriber traffic for DDoS attacks and identify the attacking IP addresses.",
        "Monitor all subscriber traffic for DDoS attacks and keep the logs for seven days.",
        "Protección DDoS: monitorear todo el tráfico de los abonados",
        "Protection DDoS : surveiller tout le trafic des abonnés",
        "Proteção DDoS: monitorar todo o tráfego dos assinantes",
        "Защита от DDoS: мониторинг всего трафика абонентов",
        "حماية من DDoS: مراقبة كل حركة المرور للمشتركين",
        "DDoS防护：监控所有用户流量",
        "مراقبة كل حركة المرور للمشتركين لرصد هجمات DDoS",
        "DDoS protection: monitor all subscriber traffic. Invoices are kept for ten years.",
        "Monitor all subscriber traffic for DDoS attacks. We never store the traffic.",
    ],
)
def test_the_attack_watch_alone_raises_nothing_in_any_language(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Sin registros y la policía rastrea a los manifestantes", "targets_dissent"),
        ("Sin registros y la policía rastrea a los manifestantes", "tracking"),
        ("El sistema monitorea a los periodistas.", "targets_dissent"),
        ("Que la policía rastree a los activistas.", "targets_dissent"),
        ("La policía mapea a los opositores.", "targets_dissent"),
        ("Que a polícia rastreie os manifestantes.", "targets_dissent"),
    ],
)
def test_the_forms_of_verbs_in_ear_are_read_as_the_verb(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We pay attention to protest organisers.",
        "We pay close attention to journalists.",
        "Nous prêtons attention aux organisateurs des manifestations.",
        "Prestamos atención a los organizadores de las protestas.",
        "Prestamos especial atención a los periodistas.",
        "Prestamos atenção aos organizadores dos protestos.",
        "Echamos un ojo a los periodistas.",
        "Nous gardons un œil sur les journalistes.",
    ],
)
def test_attention_paid_to_a_protected_group_is_watching_it(text: str) -> None:
    assert "targets_dissent" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sin registros, la policía rastrea a los manifestantes.",
        "Sans registres, la police suit les manifestants.",
        "Sem registros, a polícia rastreia os manifestantes.",
        "No logs, the police track the protesters.",
        "Без записей, полиция отслеживает протестующих.",
        "没有记录，警方跟踪抗议者",
    ],
)
def test_a_short_denial_closed_by_a_comma_does_not_reach_a_clause_with_its_subject(
    text: str,
) -> None:
    assert {"targets_dissent", "tracking"} <= categories(text)


def test_without_and_its_thing_closed_by_a_comma_deny_nothing_after_it() -> None:
    # "sem ícone" (without an icon) is said of the app, not of what it sends: before, its
    # "sem" denied the match that starts on "GPS" four words on (pt-d1027 of the tuning half).
    text = (
        "A revenda quer um app que roda escondido, sem ícone, manda o GPS a cada 5 minutos e o "
        'usuário não consegue desinstalar; a propaganda diz "saiba onde sua mulher está".'
    )
    assert "tracking" in categories(text)
    assert categories("The app works without tracking the protesters.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "We will not, under any circumstances, track protesters.",
        "No, the police do not track protesters.",
        "No guardamos datos, ni rastreamos a los manifestantes.",
    ],
)
def test_a_denial_still_reaches_past_an_aside_or_a_list(text: str) -> None:
    assert "tracking" not in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Intercept the calls of protest organisers, under a court order.", "interception"),
        ("Intercept journalists' calls under a court order.", "interception"),
        (
            "Intercepter les appels des militants de l'opposition sur ordonnance du juge.",
            "interception",
        ),
        ("Перехватывать звонки оппозиционных активистов по решению суда.", "interception"),
        ("اعتراض مكالمات الصحفيين بأمر قضائي", "interception"),
        ("Track the protesters under a court order.", "tracking"),
    ],
)
def test_a_court_order_does_not_clear_an_act_on_a_protected_group(text: str, category: str) -> None:
    """Where courts answer to the state, an order to intercept or track journalists or
    protest organisers is the act on them all the same: a reviewer weighs it."""
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lawful interception of a suspect's calls under a court order.",
        "Intercept calls, excluding journalists, under a court order.",
        "Interceptar las llamadas de los sospechosos con orden judicial, salvo las de periodistas.",
        "Interception légale des appels d'un suspect sur ordonnance du juge.",
        "Перехват звонков подозреваемого по решению суда.",
    ],
)
def test_a_court_order_still_bounds_an_act_on_a_suspect_or_one_sparing_the_group(
    text: str,
) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "We pay attention to accessibility for protest organisers.",
        "Our support team pays attention to journalists' requests.",
        "We pay special attention to the needs of human rights defenders.",
        "We pay attention to protest organisers' safety.",
        "Nous prêtons attention aux besoins des journalistes.",
        "Prestamos atención a las necesidades de los periodistas.",
        "Prestamos atenção à segurança dos jornalistas.",
    ],
)
def test_attention_paid_to_a_groups_needs_is_service_not_watching(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Nuestro CMS para periodistas monitorea el tráfico del sitio.",
        "Our CMS for journalists monitors the site's traffic.",
    ],
)
def test_a_product_for_a_protected_group_does_not_watch_it(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "DDoS防护：监控所有用户流量并查明幕后人员",
        "DDoS protection: monitor all subscriber traffic and keep it for 1000 days.",
        "DDoS protection: monitor all subscriber traffic and keep it for 520 weeks.",
        "DDoS protection: monitor all subscriber traffic.\nKeep it indefinitely.",
        "DDoS protection: monitor all subscriber traffic.\nRetention: 10 years.",
        "DDoS protection: monitor all subscriber traffic and tie each flow to a subscriber name.",
        "DDoS protection: monitor all subscriber traffic and resolve each address to a person.",
        "Protection DDoS : surveiller tout le trafic des abonnés et savoir qui se cache derrière.",
    ],
)
def test_an_attack_heading_does_not_clear_keeping_long_or_naming_the_people(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "DDoS protection: monitor all subscriber traffic and keep the logs for one month.",
        "DDoS protection: monitor all subscriber traffic and keep the logs for 30 days.",
        "Protection DDoS : surveiller tout le trafic des abonnés et le conserver 30 jours.",
        "Защита от DDoS: мониторинг всего трафика абонентов и хранение 30 дней.",
        "DDoS防护：监控所有用户流量并保存30天",
        "Protección DDoS: monitorear todo el tráfico de los abonados y guardarlo 30 días.",
        "DDoS protection: monitor all subscriber traffic.\nRetention: 30 days.",
        "DDoS protection: monitor all subscriber traffic and identify the infected subscribers "
        "to notify them.",
    ],
)
def test_an_attack_heading_clears_keeping_up_to_three_months_in_every_language(
    text: str,
) -> None:
    assert "interception" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Intercept subscriber calls, under a court order issued by the regional commander.",
        "Intercept subscriber calls, under a court order signed by the commandant.",
        "Intercept subscriber calls, under a court order issued by the Interior.",
        "Intercept subscriber calls, under a court order issued by the Presidential "
        "Administration.",
        "Intercept subscriber calls, under a court order issued by the Revolutionary Court.",
        "Intercepter les appels des abonnés, avec une ordonnance du tribunal émise par le "
        "conseil de sécurité.",
        "Intercepter les appels des abonnés, avec une ordonnance du tribunal signée par le préfet.",
        "Interceptar las llamadas de los abonados, con orden judicial emitida por el "
        "comandante regional.",
        "Interceptar as chamadas dos assinantes, com ordem judicial emitida pelo comandante "
        "regional.",
        "Перехватывать звонки абонентов по решению суда, подписанному Советом безопасности.",
        "Перехватывать звонки абонентов по решению суда, подписанному комендантом.",
    ],
)
def test_a_court_order_issued_by_a_commander_prefect_or_revolutionary_court_is_no_judges(
    text: str,
) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Record all calls in the region, under a court order.",
        "Record all calls in the province, under a court order.",
        "Record all national calls, under a court order.",
        "Record all domestic calls, under a court order.",
        "Record all calls on the network, under a court order.",
        "Grabar todas las llamadas de la región, con orden judicial.",
        "Grabar todas las llamadas a nivel nacional, con orden judicial.",
        "Enregistrer tous les appels du territoire, avec une ordonnance du tribunal.",
        "Записывать все звонки в регионе по решению суда.",
        "تسجيل جميع المكالمات في المحافظة بأمر قضائي",
        "根据法院命令录制全省所有通话",
    ],
)
def test_all_calls_of_a_region_or_the_nation_under_a_court_order_is_bulk(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Record all calls in the country office's helpdesk queue, under a court order.",
        "Intercept the calls of a suspect under a court order; the journalists' union audits this.",
        "Intercept subscriber calls, under a court order issued by the Governorate Court.",
    ],
)
def test_a_country_office_a_groups_own_union_or_a_provincial_court_bound_as_before(
    text: str,
) -> None:
    assert categories(text) == set()


def test_a_group_named_straight_after_the_bound_is_acted_on_unless_spared() -> None:
    assert "interception" in categories(
        "Intercept subscriber calls under a court order, journalists included."
    )
    assert categories("Intercept subscriber calls under a court order, journalists excluded.") == (
        set()
    )
