"""The default lexicon's vocabulary for security services and detention, and the ordinary
deals its words must leave alone.

Security services are named in many ways (their names and abbreviations, their function,
the euphemisms for them); naming one as the buyer or user is the fact the criteria combine
with capability and country. Detention is often described by its routines (counting,
watching and moving the people held) or by a euphemism (a "vocational training centre"
with roll calls and guards). Worked cases in the seven languages, no database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "The end user is the Ministry of State Security; installation at their headquarters.",
        "Servers for the counter-extremism unit of the regional police, ordered by its head.",
        "The security organs want the platform by spring.",
        "Les services spéciaux demandent une démonstration.",
        "El usuario final es la policía política; quieren una demostración.",
        "Los órganos de seguridad del estado solicitan cien licencias.",
        "O cliente é a ABIN.",
        "Os órgãos de inteligência querem uma demonstração.",
        "المستخدم النهائي هو جهاز أمن الدولة.",
        "عناصر المخابرات سيستخدمون النظام.",
        "Заказчик — управление по борьбе с экстремизмом.",
        "Силовые структуры хотят пилотный проект.",
        "用户单位是国家安全局。",
        "国保大队需要采购这套系统。",
        # "encomendou" (ordered) is no parcel ("encomenda").
        "A ABIN encomendou uma ferramenta de análise.",
        # "al-ajhiza al-amniyya" is also "security devices": read beside the state.
        "تطلب الأجهزة الأمنية في الدولة نظام مراقبة.",
        "الأجهزة الأمنية ستستخدم النظام في اعتقال المطلوبين.",
    ],
)
def test_a_security_service_named_by_its_name_or_function_is_read(text: str) -> None:
    assert "security_services" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Cameras and headcounts for the inmates of the detention centre, twice a day.",
        "Roll call of the detainees every morning, with biometric checks.",
        "The vocational training centre is closed boarding; roll calls at night.",
        "Comptage des détenus deux fois par jour et vidéosurveillance des dortoirs.",
        "Recuento de los reclusos cada mañana y cámaras en los dormitorios.",
        "Contagem dos presos e vigilância das celas.",
        "تفقد المحتجزين مرتين يوميا ومراقبة الزنازين بالكاميرات.",
        "Поверка заключенных дважды в день и видеонаблюдение в СИЗО.",
        "看守所在押人员每日点名和视频监控。",
        "Queremos detener a los manifestantes de la lista.",
        "Identifier puis arrêter les personnes de la liste.",
        "Видеонаблюдение в тюремных камерах круглосуточно.",
        "Распределение задержанных по камерам.",
    ],
)
def test_detention_described_by_its_routines_or_euphemisms_is_read(text: str) -> None:
    assert "detention" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # An employer's acceptable-use filter is no censorship (a national or ISP block is).
        "The office web filter will block social media during working hours.",
        "Le filtre web du bureau doit bloquer les réseaux sociaux pendant les heures de travail.",
        "El filtro web de la oficina debe bloquear las redes sociales en horario laboral.",
        "O filtro web do escritório deve bloquear as redes sociais durante o horário de trabalho.",
        # "detener" is also "to stop"; "détenir" mostly "to hold".
        "Hay que detener la lista de tareas cuando falla la sincronización.",
        "Al detener el servicio, la lista de correo se vacía.",
        "Il faut arrêter la liste de diffusion quand le serveur tombe.",
        "Arrêter la synchronisation de la liste avant la migration.",
        # A parcel is benign; the verb "encomendar" is not a parcel.
        "O banco encomendou caminhões e o rastreamento de encomendas.",
        # Security devices and a company's own security department.
        "البنك يشتري الأجهزة الأمنية لفروعه: أقفال وكاميرات.",
        "إدارة الأمن في المصنع تشتري كاميرات للبوابة.",
        "قسم الأمن العام في الشركة يشتري كاميرات للبوابة.",
        # "камеры" are cameras as often as cells.
        "Детский оздоровительный лагерь: камеры видеонаблюдения и учет посещаемости.",
        "Камеры и учет посетителей в бизнес-центре.",
        # Words of the new lists that ordinary IT deals also use.
        "Endpoint agents report to the management server for the customer.",
        "Highlight the cell in the spreadsheet when the value changes.",
        "Cellular routers for the branch offices with 4G failover.",
        "Coding boot camp: laptops for the trainees.",
        "Chain of custody of digital evidence for the forensic lab.",
        "Crypto custody service for the bank's clients.",
        "Managed IT services for the customer's headquarters.",
        "Managed security services for the customer's SOC.",
        "Organ transplant registry for the hospital's patients.",
        "Intel servers for the customer.",
        "Threat intelligence service for the bank's SOC.",
        "The vocational training centre needs 40 laptops for its students.",
        "Roll call app for the boarding school's pupils.",
        "The data centre cannot leave the region under GDPR.",
        "Hospital ward: monitors for the patients in the ICU.",
        "Servicio de inteligencia artificial para el cliente.",
        "Retener a los clientes con un programa de fidelización.",
        "Centro de formación profesional: portátiles para los alumnos.",
        "Serviço de informações ao cliente para o banco.",
        "Centro de formação profissional: computadores para os alunos.",
        "Demande de renseignements sur le contrat du client.",
        "Centre de formation professionnelle : appel d'offres pour des ordinateurs.",
        "مركز التدريب المهني يحتاج إلى حواسيب للطلاب.",
        "Органы местного самоуправления закупают серверы.",
        "Учебный центр по поверке счетчиков закупает ноутбуки.",
        "Учет изоляторов на подстанциях.",
        "为中国安全生产协会采购服务器。",
        "为银行安全运营中心提供威胁情报服务。",
        "新员工封闭式培训，培训中心点名签到。",
        "成人再教育课程的在线平台。",
    ],
)
def test_ordinary_deals_raise_nothing(text: str) -> None:
    assert categories(text) == set()


# A Latin-script phrase reads text that may be in its language: French "interroger la
# liste" (to query the list) is no English "interrogate" near a "list" of people, nor the
# Spanish or Portuguese "interrogar".
@pytest.mark.parametrize(
    "text",
    [
        "Le client veut interroger la liste des abonnés chaque jour.",
        "L'application permet d'interroger la liste des commandes depuis le portail.",
    ],
)
def test_a_word_of_another_language_reads_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The client wants to interrogate the protesters held overnight.",
        # A field mixing languages: each sentence is read by the phrases of its language.
        "Projet pilote pour le ministère, démonstration en mars. "
        "The client wants to interrogate the protesters held overnight.",
        # Too short to tell the language: the phrases of every language read it.
        "Interrogate protesters.",
    ],
)
def test_a_phrase_still_reads_its_own_language(text: str) -> None:
    assert "detention" in categories(text)


def test_loanwords_of_benign_context_are_read_in_french() -> None:
    # "botnets" cancelled the blocking through an English phrase; read in French only,
    # the French context names it too.
    text = "Filtrage antispam et blocage du trafic de botnets pour les serveurs de messagerie."
    assert categories(text) == set()


# A police force named by its reach (federal, national, military...) is a security-force
# end user beside an act of buying or using; the name alone is no request.
@pytest.mark.parametrize(
    "text",
    [
        "A Polícia Federal encomendou uma ferramenta de análise.",
        "A Polícia Federal quer uma demonstração.",
        "The Federal Police ordered an analysis tool.",
        "La Police nationale a commandé un outil d'analyse.",
        "La Policía Federal encargó una herramienta de análisis.",
        "طلبت الشرطة الاتحادية أداة تحليل.",
        "Федеральная полиция заказала систему анализа.",
        "联邦警察订购了分析工具。",
    ],
)
def test_a_police_force_ordering_is_a_security_service(text: str) -> None:
    assert "security_services" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "O Museu da Polícia Federal encomendou vitrines novas.",
        "A encomenda para a Polícia Federal foi entregue pelos Correios.",
        "The Federal Police museum ordered new display cases.",
        "A Polícia Federal fica na avenida principal.",
    ],
)
def test_a_police_museum_or_parcel_raises_nothing(text: str) -> None:
    assert categories(text) == set()


# Benign context is read near a signal, whatever the signal names: words about animals, a
# care home or a hotel's network near "track protesters" would hide it. Such context was
# tried for round 9's tuning half and taken out; these stay read.
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Track protesters' movements in the national park.", "tracking"),
        ("Identify journalists who log in through the hotel captive portal.", "targets_dissent"),
        (
            "Per room logins on the hotel guest network, matched against a list of Uyghurs.",
            "profiling",
        ),
        (
            "Fall detection cameras will also identify protesters outside the care home.",
            "targets_dissent",
        ),
        ("Drones for anti poaching patrols, also used to track protesters.", "tracking"),
        ("Livestock tracking tags to locate dissidents in the villages.", "tracking"),
        ("Surveillance of activists, with GPS collars fitted to each of them.", "targets_dissent"),
        ("Track opposition activists and elderly relatives.", "tracking"),
        ("Suivre les manifestants dans le parc national.", "tracking"),
        ("Localizar a los manifestantes con collares gps.", "tracking"),
    ],
)
def test_words_about_animals_care_homes_or_hotels_hide_no_signal(text: str, category: str) -> None:
    assert category in categories(text)


# Product names travel untranslated: the default pack marks them to be read in any language.
@pytest.mark.parametrize(
    "text",
    [
        "Le client souhaite acheter un IMSI catcher pour la police politique.",
        "El cliente quiere comprar un IMSI catcher para la policía política.",
        "O cliente quer comprar um stingray para a polícia política do estado.",
        "Le ministère veut des IMSI-catchers pour la manifestation de samedi.",
    ],
)
def test_a_product_name_in_english_is_read_in_any_language(text: str) -> None:
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("GPS trackers to follow the movements of the protest organisers.", "tracking"),
        ("Le client veut suivre les déplacements des opposants.", "tracking"),
        ("أطواق لتتبع تحركات المتظاهرين في الساحة.", "tracking"),
        ("Location tags to locate residents of the protest camp at night.", "tracking"),
        ("限速社交媒体，选举期间断网。", "censorship"),
    ],
)
def test_people_tracked_and_networks_throttled_are_still_read(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vocational 'education' centre in the east, stays there are involuntary.",
        "Centre de « formation professionnelle » au nord, séjour non volontaire.",
        "Centro de formación profesional en la región, la estancia no es voluntaria.",
        "Centro de formação profissional no norte — a permanência não é voluntária.",
        "مركز «تدريب مهني» في الشمال — الإقامة فيه ليست طوعية.",
        "Центр профобучения на севере — пребывание не добровольное.",
        "职业技能培训中心位于北部，学员并非自愿入住。",
    ],
)
def test_a_training_centre_no_one_enters_freely_is_detention(text: str) -> None:
    assert "detention" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vocational training centre for apprentices, attendance is voluntary and free.",
        "Centro de formación profesional, la inscripción es voluntaria.",
        "Centre de formation professionnelle : inscription volontaire.",
    ],
)
def test_a_training_centre_people_join_freely_raises_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Probes at the submarine cable landing station with full packet capture, kept for years.",
        "Capture de tout le trafic à la passerelle internationale, conservé dix ans.",
        "Captura de todo el tráfico en la pasarela internacional del país.",
        "Captura de pacotes em todos os cabos submarinos que chegam ao país.",
        "التقاط كل الحركة عند البوابة الدولية للبلاد.",
        "Захват всего трафика на международном шлюзе страны.",
        "在国际出入口做全流量镜像，保存三年。",
    ],
)
def test_all_traffic_captured_at_a_national_chokepoint_is_interception(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Packet capture appliance for the bank's data centre to debug latency.",
        "Captura de paquetes en el centro de datos para depurar la latencia.",
    ],
)
def test_packet_capture_in_a_data_centre_raises_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # The court named by its adjective, and messages and call records by their Latin
        # abbreviations, as Russian descriptions often do.
        "Полиции нужен прямой доступ к разговорам абонентов без судебного решения.",
        "Оператор должен хранить все SMS и CDR по всем абонентам бессрочно.",
    ],
)
def test_russian_interception_without_a_court_or_of_everyone_is_read(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Доступ к звонкам только по судебному решению, как требует закон.",
        "Хранить CDR для биллинга три месяца.",
    ],
)
def test_russian_access_by_court_decision_or_billing_records_raise_nothing(text: str) -> None:
    assert categories(text) == set()
