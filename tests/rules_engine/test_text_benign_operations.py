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
