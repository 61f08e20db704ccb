"""Wordings a rep might use to get a dangerous deal past the reader, and the ordinary
deals that share their words. Each evasion is read: a noun subject with no article after
"and" opens a clause of its own that an earlier negation does not reach; a search of a
protected group's laptops or phones is read whatever the verb (scan, inspect, check,
"проверять", "revisar") and whatever the wording of a malware pretext after it. Worked
cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "No logs and police track protesters at every rally in the capital.",
        "No logs and the police track protesters at every rally in the capital.",
        "Sin registros y policía rastrea a los manifestantes en cada marcha.",
        "Sin registros y la policía rastrea a los manifestantes en cada marcha.",
        "Sem registros e polícia rastreia os manifestantes em cada protesto.",
        "Aucun journal et la police suit les manifestants à chaque rassemblement.",
        "Нет логов и полиция отслеживает протестующих на каждом митинге.",
    ],
)
def test_a_noun_subject_after_and_opens_a_clause_the_negation_does_not_reach(text: str) -> None:
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We do not store logs and never track protesters.",
        "No logs and no tracking of protesters on the platform.",
    ],
)
def test_a_negation_still_reaches_an_act_with_no_subject_of_its_own(text: str) -> None:
    assert "tracking" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Проверять ноутбуки журналистов на границе.",
        "Scan journalists' laptops for malware when they cross the border.",
        "Inspect the phones of activists for malware at the checkpoint.",
        "Check the laptops of journalists for malware before the conference.",
        "Analyser les ordinateurs des journalistes à la recherche de logiciels malveillants.",
        "Inspecter les téléphones des militants pour détecter les logiciels malveillants.",
        "Revisar los teléfonos de los periodistas en busca de malware en el aeropuerto.",
        "Analisar os notebooks dos jornalistas em busca de malware.",
        "Проверять ноутбуки журналистов на предмет вредоносного ПО.",
        "فحص هواتف الصحفيين بحثا عن البرمجيات الخبيثة",
        "检查记者的笔记本电脑，查找恶意软件。",
        # Any wording of the search is the same pretext.
        "Monitor journalists' laptops in search of malware.",
        "Мониторить ноутбуки журналистов в поисках вредоносного ПО.",
        "Monitorear los portátiles de los periodistas buscando malware.",
        "Monitorar os laptops dos jornalistas procurando malware.",
        "Surveiller les ordinateurs des journalistes en cherchant des logiciels malveillants.",
    ],
)
def test_a_search_of_a_protected_groups_devices_is_read_whatever_its_wording(text: str) -> None:
    assert "targets_dissent" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Scan the employees' laptops for malware every night.",
        "Check the laptops of the newsroom staff for malware.",
        "Check journalists' press accreditation before the conference.",
        "Journalists can check their phones for malware with our free tool.",
        "Our tool lets journalists scan their own laptops for malware.",
        "Les journalistes peuvent analyser leurs ordinateurs avec notre outil.",
        "Monitor the group's own servers and employee laptops in search of malware.",
    ],
)
def test_devices_searched_for_their_owners_or_staff_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Surveiller tout le trafic des abonnés pour le service de sécurité.",
        "Vigilar todo el tráfico de los abonados para el servicio de seguridad.",
        "Monitorar todo o tráfego dos assinantes para o serviço de segurança.",
        "Мониторить весь трафик абонентов для службы безопасности.",
        "监控所有用户流量供安全部门使用。",
        "Surveiller tout le trafic des abonnés pour la DGSI.",
        "Vigilar todo el tráfico de los abonados para el CNI.",
    ],
)
def test_the_traffic_of_all_subscribers_is_read_in_every_language(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Surveiller tout le trafic des abonnés pour détecter les attaques DDoS.",
        "Vigilar todo el tráfico de los abonados para detectar ataques DDoS.",
    ],
)
def test_all_subscribers_traffic_watched_for_attacks_on_the_network_raises_nothing(
    text: str,
) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Retain all call records for malware analysis and hand them to the police.",
        "Retain all call records for malware analysis and share them with the security service.",
        "Retain all call records for malware analysis; the interior ministry reads them weekly.",
        "Conserver tous les relevés d'appels pour l'analyse des logiciels malveillants et les "
        "transmettre à la police.",
    ],
)
def test_malware_does_not_clear_records_a_state_body_is_named_to_read(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Retain all call records for malware analysis.",
        "Scan all emails for malware and send a report to the IT team.",
    ],
)
def test_records_kept_for_malware_analysis_alone_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Track the pro test organisers in the capital.",
        "Track the pro–testers in the capital.",
        "Track the jour–nalists at the summit.",
    ],
)
def test_protest_written_apart_or_a_word_split_by_an_en_dash_is_read(text: str) -> None:
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Monitor the pro test environment before release.",
        "Run the pro test suite on every build.",
        "The anti–virus suite scans every laptop.",
    ],
)
def test_a_product_tier_and_words_joined_by_an_en_dash_stay_apart(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Retiene en cola todas las llamadas.",
        "La centralita retiene en cola todas las llamadas hasta que un agente esté libre.",
        "Retém na fila todas as chamadas até um agente ficar livre.",
        "保留队列中的所有通话",
        "DDoS protection: monitor all subscriber traffic.",
        "Anti-DDoS: monitor all subscriber traffic around the clock.",
    ],
)
def test_a_queue_or_an_attack_heading_written_before_the_calls_raises_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Retiene en cola todas las llamadas de los periodistas.", "interception"),
        ("Retiene en cola todas las llamadas y las envía a la policía.", "interception"),
        ("保留队列中的所有通话并转交给公安", "interception"),
        (
            "Retiene en cola todas las llamadas. Las llamadas de los opositores se guardan aparte.",
            "interception",
        ),
        (
            "DDoS protection: monitor all subscriber traffic and flag the journalists.",
            "interception",
        ),
        (
            "DDoS protection: monitor all subscriber traffic and hand it to the police.",
            "interception",
        ),
        ("DDoS protection: record all subscriber traffic.", "interception"),
        ("DDoS protection: monitor all subscriber calls.", "interception"),
        (
            "DDoS protection: monitor all subscriber traffic. Opposition activists' traffic is "
            "stored separately.",
            "interception",
        ),
    ],
)
def test_the_queue_or_the_heading_bounds_nothing_handed_on_or_on_people(
    text: str, category: str
) -> None:
    assert category in categories(text)


def test_a_court_order_in_the_clause_after_the_act_bounds_it() -> None:
    assert (
        categories("Record all calls of our customers for quality, under a court order.") == set()
    )


@pytest.mark.parametrize(
    "text",
    [
        "Record all calls of our customers for quality, under a court order issued by the "
        "interior minister.",
        "Record all subscriber calls for quality, under a court order.",
        "Record all calls of our customers for quality, under a court order, and share them with "
        "the police.",
        "Record all calls of our customers for quality, and the police listen, under a court order.",
    ],
)
def test_a_court_order_after_the_act_bounds_nothing_bulk_or_handed_on(text: str) -> None:
    assert "interception" in categories(text)
