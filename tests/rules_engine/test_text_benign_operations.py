"""Ordinary operations of a network or a company that share words with a red flag: the
group's own servers and laptops watched for malware, call records kept for billing and call
quality, everyone's traffic watched for DDoS attacks, calls held in a contact centre's
queue, a licence held (French "détenir", Portuguese "deter": to hold, and to detain). Each
has dangerous counterparts that must still be read. Worked cases with the default lexicon,
no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

OWN_DEVICES = [
    "Monitor the group's own servers and employee laptops for malware.",
    "Surveiller les propres serveurs du groupe et les ordinateurs portables des employés pour "
    "détecter les logiciels malveillants.",
    "Vigilar los propios servidores del grupo y los portátiles de los empleados para detectar "
    "malware.",
    "Monitorar os próprios servidores do grupo e os notebooks dos funcionários para detectar "
    "malware.",
    "Отслеживать собственные серверы группы и ноутбуки сотрудников на предмет вредоносного ПО.",
]

BILLING = [
    "Call detail records for billing and call quality.",
    "CDR retention for billing disputes.",
    "Retain CDRs for 6 months for billing disputes.",
    "Store call records for billing.",
    "Call records kept for invoicing and call quality monitoring.",
    "Enregistrements détaillés des appels pour la facturation et la qualité des appels.",
    "Детальные записи о вызовах для биллинга и качества связи.",
    "الاحتفاظ بسجلات المكالمات لنزاعات الفواتير.",
]

ATTACKS_ON_THE_NETWORK = [
    "Monitor all subscriber traffic for DDoS attacks.",
    "Monitor all subscribers' traffic to detect DDoS attacks.",
    "Inspect all subscriber traffic for botnets.",
    "All subscriber traffic is monitored for DDoS attacks.",
]

CALL_QUEUE = [
    "Retiene todas las llamadas en cola.",
    "La centralita retiene todas las llamadas en cola hasta que un agente esté libre.",
    "Retiene las llamadas en la cola de espera.",
    "Retém todas as chamadas na fila.",
    "Retain all calls in the queue.",
    "يحتفظ بجميع المكالمات في قائمة الانتظار.",
]

THING_HELD = [
    "Détient une licence pour les journalistes.",
    "La société détient une licence pour les journalistes.",
    "L'agence détient une licence pour les journalistes et les photographes.",
    "Le fournisseur détient des licences destinées aux journalistes.",
    "Détenir une licence pour les journalistes.",
    "La société détient 30 % du capital pour les opposants.",
    "A empresa detém uma licença para os jornalistas.",
    "A agência detém os direitos para os jornalistas.",
]


@pytest.mark.parametrize(
    "text", OWN_DEVICES + BILLING + ATTACKS_ON_THE_NETWORK + CALL_QUEUE + THING_HELD
)
def test_ordinary_operations_raise_nothing(text: str) -> None:
    assert categories(text) == set()


DANGEROUS = [
    ("Monitor the laptops of journalists.", "targets_dissent"),
    # A search for malware on a protected group's devices is a pretext, as any purpose is.
    ("Monitor the laptops of journalists for malware.", "targets_dissent"),
    (
        "Surveiller les ordinateurs des journalistes pour détecter les logiciels malveillants.",
        "targets_dissent",
    ),
    ("Monitorear las laptops de los periodistas en busca de malware.", "targets_dissent"),
    ("Monitorar os laptops dos jornalistas em busca de malware.", "targets_dissent"),
    ("Отслеживать ноутбуки журналистов на предмет вредоносного ПО.", "targets_dissent"),
    ("Мониторить ноутбуки журналистов на наличие вредоносного ПО.", "targets_dissent"),
    ("مراقبة الحواسيب المحمولة للصحفيين بحثا عن البرمجيات الخبيثة.", "targets_dissent"),
    ("监控记者的笔记本电脑，查找恶意软件。", "targets_dissent"),
    ("Retain all subscribers' call records for the security service.", "interception"),
    ("Retain all subscribers' call records for billing.", "interception"),
    ("Retain all call records for billing and hand them to the police.", "interception"),
    ("Keep call records for billing; the police can read them whenever they want.", "interception"),
    ("Call detail records of journalists for billing.", "interception"),
    ("Track the location of every user for billing.", "tracking"),
    ("Locate subscribers' phones for billing.", "tracking"),
    ("Retain the call records of journalists for billing disputes.", "interception"),
    ("Хранить записи звонков журналистов для биллинга.", "interception"),
    ("الاحتفاظ بسجلات مكالمات الصحفيين للفوترة.", "interception"),
    ("Record the calls of activists for call quality.", "interception"),
    ("Monitor all subscriber traffic.", "interception"),
    ("Monitor all subscriber traffic for the security service.", "interception"),
    ("Monitor all subscriber calls for DDoS attacks.", "interception"),
    (
        "Monitor all subscriber traffic for DDoS attacks and share it with the security service.",
        "interception",
    ),
    ("Intercept all subscriber calls for DDoS detection.", "interception"),
    ("Record all subscriber traffic for DDoS attacks.", "interception"),
    (
        "Monitor all subscriber traffic for DDoS attacks, including the journalists' connections.",
        "interception",
    ),
    ("Retiene todas las llamadas de los periodistas.", "interception"),
    ("Retiene todas las llamadas en cola de los periodistas.", "interception"),
    ("Graba todas las llamadas en cola para la policía.", "interception"),
    ("Intercept all calls in the queue.", "interception"),
    # A queue is a contact centre's for calls only: people sorted by their language are
    # profiled whichever queue their calls go to.
    (
        "Голосовая аналитика должна распознавать говорящих на курдском и ставить их звонки в "
        "очереди на проверку.",
        "profiling",
    ),
    (
        "La analítica de voz debe reconocer a los hablantes de kurdo y poner sus llamadas en cola "
        "aparte para control adicional.",
        "profiling",
    ),
    (
        "A análise de voz deve reconhecer falantes de curdo e colocar suas chamadas na fila "
        "separada para verificação.",
        "profiling",
    ),
    ("Détient des journalistes.", "detention"),
    ("La police détient des journalistes.", "detention"),
    ("La police détient arbitrairement des journalistes.", "detention"),
    ("Le service détient depuis des mois les journalistes.", "detention"),
    ("Une licence pour détenir les journalistes.", "detention"),
    ("La police détient les journalistes pour une licence expirée.", "detention"),
    ("A polícia detém os jornalistas.", "detention"),
    # Held beside the thing, or a share of the people rather than of a company: still held.
    ("La police détient des licences et des journalistes.", "detention"),
    ("La milice détient une partie des journalistes.", "detention"),
    ("A polícia detém a maioria dos manifestantes.", "detention"),
    ("O regime detém os direitos dos jornalistas presos.", "detention"),
    ("Les services détiennent les droits des journalistes arrêtés.", "detention"),
]


@pytest.mark.parametrize(("text", "category"), DANGEROUS)
def test_dangerous_counterparts_are_still_read(text: str, category: str) -> None:
    assert category in categories(text)


# A review's disguises: the ordinary wording first, then, in another clause or sentence, the
# people the act is really on, or whom what is kept goes to. The ordinary wording bounds
# nothing then; each was cleared when the rules looked only at the match's own sentence.
REVIEW_DISGUISES = [
    ("A polícia pode deter as contas dos manifestantes e os próprios manifestantes.", "detention"),
    ("A polícia detém as contas dos jornalistas, bem como os próprios jornalistas.", "detention"),
    ("La police détient les comptes des militants ainsi que les militants eux-mêmes.", "detention"),
    ("La police détient les comptes des militants, puis les militants eux-mêmes.", "detention"),
    ("A polícia detém a licença dos jornalistas e depois os jornalistas.", "detention"),
    (
        "La police détient une autorisation pour les opposants, qu'elle garde en cellule.",
        "detention",
    ),
    (
        "Monitor all subscriber traffic for DDoS attacks. Opposition activists' traffic is "
        "stored separately.",
        "interception",
    ),
    (
        "Monitor all subscriber traffic for DDoS attacks. Connections of journalists are logged "
        "separately.",
        "interception",
    ),
    (
        "Monitor all subscriber traffic for DDoS attacks; results are shared with the Interior.",
        "interception",
    ),
    (
        "Monitor all subscriber traffic for DDoS attacks and hand the data to the Guard Corps.",
        "interception",
    ),
    (
        "Monitor all subscriber traffic for DDoS attacks and hand the data to the KGB.",
        "interception",
    ),
    (
        "Keep call records of subscribers for billing; numbers of protest organisers are "
        "highlighted daily.",
        "interception",
    ),
    (
        "Keep call records for billing; the records of activists are shared with the National Guard.",
        "interception",
    ),
    ("Keep call records for billing and give them to the governor's office.", "interception"),
    (
        "Keep call records of subscribers for billing. Records of opposition activists are "
        "flagged for review.",
        "interception",
    ),
    ("Record all calls in the queue and forward them to the regime.", "interception"),
    (
        "Record all calls in the queue. Calls from opposition members are sent to the regime's "
        "party office.",
        "interception",
    ),
    ("Grabar todas las llamadas en cola y enviarlas a la Guardia Civil.", "interception"),
]


@pytest.mark.parametrize(("text", "category"), REVIEW_DISGUISES)
def test_ordinary_wording_before_the_people_or_the_recipient_bounds_nothing(
    text: str, category: str
) -> None:
    assert category in categories(text)


# What is kept handed on to a state body, a security service, an armed group or a party, by
# any verb, in either voice, the recipient before or after it: ordinary wording then bounds
# nothing. A second review's findings; the body named is one no word list had before.
HANDED_ON_TO_THE_STATE = [
    "Keep call records for billing and pass them to the Guard Corps.",
    "Keep call records for billing and provide them to the ruling party.",
    "Store call records for billing and make them available to the authorities.",
    "Call records kept for billing will be made available to the Guard Corps.",
    "Keep call records for billing; the Guard Corps receives a copy every week.",
    "To the militia, call records kept for billing are passed weekly.",
    "Monitor all subscriber traffic for DDoS attacks and route the results to the Guard Corps.",
    "Monitor all subscriber traffic for DDoS attacks and stream the results to the army.",
    "Record all calls in the queue; the ruling party's office gets a weekly copy.",
    "Retain all calls in the queue and make them available to the armed groups in the area.",
    "الاحتفاظ بسجلات المكالمات لنزاعات الفواتير ويرسلها إلى الحرس الثوري.",
    "الاحتفاظ بسجلات المكالمات للفوترة ويسلمها إلى الميليشيا.",
    "الاحتفاظ بسجلات المكالمات للفوترة وإتاحتها للحرس الثوري.",
    "Детальные записи о вызовах для биллинга отдавать в Росгвардию.",
    "Детальные записи о вызовах для биллинга направлять губернатору каждый месяц.",
    "Детальные записи о вызовах для биллинга ежемесячно сливать Росгвардии.",
    "Enregistrements détaillés des appels pour la facturation, remis chaque mois à la gendarmerie.",
    "Enregistrements détaillés des appels pour la facturation, fournis au parti au pouvoir.",
    "Enregistrements détaillés des appels pour la facturation ; la gendarmerie y a accès.",
    "Graba todas las llamadas en cola y las pasa a la Guardia Nacional.",
    "Retiene todas las llamadas en cola y las reenvía al partido.",
    "Retém todas as chamadas na fila e passa-as à milícia do partido.",
    "Retém todas as chamadas na fila e as disponibiliza às autoridades.",
    # The recipient first, or the act in the passive.
    "Детальные записи о вызовах для биллинга; Росгвардия получает копии.",
    "الاحتفاظ بسجلات المكالمات للفوترة. يتلقى الحرس الثوري نسخة منها كل أسبوع.",
    "Enregistrements détaillés des appels pour la facturation, qui seront mis à la disposition "
    "des autorités.",
    "Retiene todas las llamadas en cola; se pondrán a disposición de las autoridades.",
    "Retém todas as chamadas na fila, que ficam disponíveis para a milícia.",
    "Monitor all subscriber traffic for DDoS attacks; the Basij gets read access to the dashboard.",
    "Monitor all subscriber traffic for DDoS attacks and let the militia query the results.",
]
# Read before as well (the police or a security service named, or everyone's calls): still
# read.
HANDED_ON_TO_THE_POLICE = [
    "Retém todas as chamadas na fila e passa-as à Guarda Nacional.",
    "记录所有排队的通话，并每周同步给武警。",
    "Retain all call records for billing and pass them to the police.",
    "الاحتفاظ بسجلات المكالمات لنزاعات الفواتير ويرسلها إلى الشرطة.",
    "الاحتفاظ بسجلات المكالمات للفوترة ويسلمها إلى المخابرات.",
    "Хранить записи о вызовах для биллинга и направлять их в ФСБ.",
    "Детальные записи о вызовах для биллинга отдавать в полицию.",
    "Conserver les enregistrements des appels pour la facturation et les remettre à la police.",
    "Grabar todas las llamadas en cola y pasarlas a la policía.",
    "Gravar todas as chamadas na fila e passar as gravações à polícia.",
    "The Guard Corps visits our site every week. Keep call records for billing and hand them "
    "over to them.",
]


@pytest.mark.parametrize("text", HANDED_ON_TO_THE_STATE + HANDED_ON_TO_THE_POLICE)
def test_what_is_kept_handed_to_a_state_body_is_read(text: str) -> None:
    assert "interception" in categories(text)


# People held beside the thing held, said another way: still held.
HELD_BESIDE_THE_THING = [
    "La police détient les comptes des journalistes avec les journalistes eux-mêmes.",
    "La police détient les comptes des journalistes en plus des journalistes eux-mêmes.",
    "La police détient les comptes des militants, outre les militants eux-mêmes.",
    "La police détient une autorisation pour les opposants, qu'elle garde au commissariat.",
    "La police détient une licence pour les opposants et les opposants eux-mêmes.",
    "A polícia detém as contas dos jornalistas junto com os próprios jornalistas.",
    "A polícia detém as contas dos jornalistas, além dos próprios jornalistas.",
]


@pytest.mark.parametrize("text", HELD_BESIDE_THE_THING)
def test_people_held_beside_the_thing_held_are_read(text: str) -> None:
    assert "detention" in categories(text)


# Handing on that is the deal's own (the next agent, customers, a wire transfer, equipment
# delivered), a protected group that is only a customer elsewhere in the text, and people
# a thing held is for or whose it is: nothing to read.
ORDINARY_HANDING = [
    "Retain all calls in the queue and transfer them to the next agent.",
    "Retain all calls in the queue and transfer them to a supervisor.",
    "Retain all calls in the queue and hand them to the duty manager; the board receives a "
    "monthly report.",
    "La centralita retiene todas las llamadas en cola y las transfiere al técnico de guardia.",
    "Enregistrements détaillés des appels pour la facturation, transmis au corps médical de la "
    "clinique sur demande.",
    "La centralita retiene todas las llamadas en cola y las transfiere al siguiente agente libre.",
    "Retém todas as chamadas na fila e transfere-as para o próximo atendente.",
    "Call records kept for billing and call quality; invoices sent monthly to customers.",
    "Store call records for billing; invoices are sent to the customer's finance department.",
    "Call detail records for billing. Payment by wire transfer within 30 days.",
    "Call detail records for billing and call quality. Delivery of the transmission equipment "
    "in March.",
    "Monitor all subscriber traffic for DDoS attacks and send alerts to the network operations "
    "centre.",
    "Retiene todas las llamadas en cola. Entrega del equipo en marzo.",
    "الاحتفاظ بسجلات المكالمات لنزاعات الفواتير. تسليم المعدات في مارس.",
    "Детальные записи о вызовах для биллинга. Передача оборудования в марте.",
    "Детальные записи о вызовах для биллинга передаются в систему биллинга.",
    "Monitor all subscriber traffic for DDoS attacks. Journalists get a 20% discount on the plan.",
    "Store call records for billing. A discount for journalists applies to the annual plan.",
    "Retain all calls in the queue. Journalists and students get a discount.",
    "L'agence de presse détient une licence pour les journalistes ainsi que pour les photographes.",
    "A cooperativa de mídia detém as quotas dos jornalistas e dos fotógrafos associados.",
]


@pytest.mark.parametrize("text", ORDINARY_HANDING)
def test_ordinary_handing_on_raises_nothing(text: str) -> None:
    assert categories(text) == set()
