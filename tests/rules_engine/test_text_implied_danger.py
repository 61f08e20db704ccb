"""The default lexicon widened for what it did not read (issue 18): trackers hidden under
the cars of people a client names, SS7 look-ups of subscribers, number-plate alerts on a list
of cars, geofences, travel records of listed people, unmasking the people behind accounts,
workers organising a union, phones seized from protesters, taps on any number without an
audit trail, every message copied, circumvention tools fingerprinted, throttling disguised as
congestion, front firms and unnamed agencies, prison cells and calls, filtration camps and
filmed confessions; with ordinary deals that use the same words.

Sentences written for the purpose, in the seven languages (not taken from the labelled
texts); each dangerous one was not read before these entries. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "tracking",
            "Two trackers go under the car of each person the client names, without the owners knowing.",
        ),
        ("tracking", "Location look-ups through their SS gateway, no operator involvement."),
        ("tracking", "Alerts whenever private cars on their watchlist pass a camera."),
        ("tracking", "He wants to know where his ex goes after work."),
        ("tracking", "Le client veut savoir où va son ex femme le soir."),
        (
            "tracking",
            "Des balises posées sous les voitures des personnes désignées par le client.",
        ),
        ("tracking", "Instalarán rastreadores debajo de los coches sin que los dueños lo sepan."),
        (
            "tracking",
            "Querem alerta quando os carros particulares da lista passarem pelo pórtico.",
        ),
        (
            "tracking",
            "Трекеры поставят под машины людей, которых укажет заказчик, без ведома владельцев.",
        ),
        ("tracking", "名单上的人一订机票就报警。"),
        ("targets_dissent", "Identify which workers are organising a union at the plant."),
        (
            "targets_dissent",
            "Forensic extraction of the phones seized from the arrested protesters.",
        ),
        ("targets_dissent", "Trouver qui se cache derrière les comptes anonymes."),
        ("targets_dissent", "Detectar qué trabajadores están organizando un sindicato."),
        ("targets_dissent", "Descobrir os endereços residenciais dos jornalistas."),
        ("targets_dissent", "查出是谁在背后运营这些匿名账号。"),
        ("interception", "Add any number to live interception silently, no audit trail."),
        ("interception", "Mettre n'importe quel numéro sur écoute, discrètement."),
        ("interception", "Ler as caixas de e-mail dos jornalistas da oposição."),
        ("interception", "监听任意号码，不用经过法官。"),
        (
            "censorship",
            "DPI fingerprints for Psiphon and Tor bridges across the national network.",
        ),
        ("censorship", "Throttle the platform so it looks like network congestion."),
        ("censorship", "Des signatures DPI pour les ponts Tor et Psiphon."),
        ("censorship", "Que parezca congestión de la red cuando se ralentice el servicio."),
        ("censorship", "Pacote de assinaturas para detectar pontes Tor e Psiphon."),
        ("censorship", "بصمات لكشف جسور tor و psiphon على مستوى الشبكة."),
        ("censorship", "Отрубить мобильный интернет в целом регионе на трое суток."),
        ("censorship", "只要有人上街，就切断当地的网络。"),
        ("security_services", "The end customer won't say which agency it is."),
        ("detention", "Microphones in the cells of the inmates, with alerts to the guards."),
        ("detention", "Film their confessions for the evening news."),
        ("detention", "Identificación por voz de los reclusos en cada llamada."),
        ("detention", "Оборудование для фильтрационных пунктов и ШИЗО."),
        ("tracking", "Des AirTags glissés discrètement dans les sacs des délégués."),
        (
            "tracking",
            "Quieren alertas cuando los coches particulares de su lista pasen por un pórtico.",
        ),
        ("tracking", "O cliente digita um número e vê os deslocamentos dos últimos dias."),
        ("tracking", "يريد العميل أن يعرف أين تذهب طليقته كل مساء."),
        ("targets_dissent", "Find out who is behind the channel that leaks ministry documents."),
        ("targets_dissent", "Выяснить, кто стоит за анонимным каналом."),
        ("interception", "Keep a copy of every email passing through the national gateway."),
        ("interception", "Escanear cada SMS del país y mandar las coincidencias al ministerio."),
        ("interception", "Копировать облачные резервные копии аккаунтов журналистов."),
        ("security_services", "Le client ne veut pas dire quel service achète."),
        ("security_services", "El cliente no dice de qué organismo es."),
        ("security_services", "O cliente não diz qual órgão vai usar."),
        ("security_services", "العميل لا يذكر أي جهة سيستخدم النظام."),
        ("security_services", "Заказчик не говорит, какое ведомство будет пользоваться."),
        ("security_services", "客户不愿透露单位，发票上不写名字。"),
        ("profiling", "Flag passengers with foreign-sounding names."),
        ("profiling", "Выявлять ахмадийцев в районе."),
        ("detention", "التعرف على الصوت في مكالمات النزلاء."),
        # every call of the people held recorded: interception (their telephony alone is a
        # prison's routine since 5 December 2026, README, Text signals)
        ("interception", "囚犯的通话全部录音。"),
        ("detention", "Round them up, the ringleaders of Friday's march."),
        ("tracking", "وين موجودين النشطاء هلق؟ بدنا نعرف فين هم كل وقت."),
        ("tracking", "Пробить по номеру всех активистов из списка."),
        ("interception", "Quero ler o zap dos jornalistas."),
        ("detention", "Hay que meterlos presos, a los cabecillas."),
        ("detention", "把带头人抓起来。"),
        ("censorship", "选举期间关闭东部地区的代理服务器。"),
    ],
)
def test_the_widened_entries_read_what_was_left_unread(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "block malware sites",
        "monitor the network for attacks",
        "detect intruders in the warehouse",
        "Our installers fit GPS trackers under the cars of the rental fleet.",
        "SS7 firewall for the operator to stop location-tracking attacks on its subscribers.",
        "A geofence around the depot alerts the dispatcher when a truck arrives.",
        "Find out who is behind the phishing accounts impersonating our bank.",
        "Battery cells for the prison's backup power.",
        "Mirror all traffic to our SOC for threat detection.",
        "Escorted by airport security officers to the server room.",
        "The hashtag of our campaign stopped trending after a week.",
        "Migrate the mailboxes of the newsroom journalists to the new mail server.",
        "AirTags for the luggage of our sales team.",
        "Search all cameras for the lost child at the theme park.",
        "Le client veut savoir où vont les palettes après l'entrepôt.",
        "Les sondes passives mesurent la qualité des appels sur le cœur de réseau.",
        "El cliente quiere saber dónde están los camiones en todo momento.",
        "Las publicaciones que coincidan con spam se borran automáticamente.",
        "Rastreadores GPS embaixo dos carros da frota alugada.",
        "Sondas passivas na rede para medir a qualidade das chamadas.",
        "العميل يريد معرفة أين تذهب الشحنات بعد المستودع.",
        "Мы копируем весь трафик в наш SOC для анализа атак.",
        "Сканировать каждое письмо на вирусы.",
        "所有流量镜像到我们的安全运营中心以检测攻击。",
        "电子围栏提醒车辆进入仓库。",
        "The ringleaders of the project team meet on Monday.",
        "Agents read their messages in one shared inbox.",
        "Les meneurs du projet présentent la feuille de route.",
        "Los cabecillas del equipo de ventas reciben bonos.",
        "Пробить по базам поставщиков наличие товара.",
        "员工下午喝茶休息。",
        "Block the foreign agents of the call centre from the admin console.",
        # 代理商 is a distributor: the channel itself, in a channel sales tool
        "我们将关闭东部地区的代理商。",
        "识别微信用户的地区分布，用于营销分析。",
    ],
)
def test_ordinary_deals_with_the_same_words_raise_nothing(text: str) -> None:
    assert categories(text) == set()
