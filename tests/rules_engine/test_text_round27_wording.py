"""Wording of rounds 26 to 29's tuning halves.

- A security service named as what an oversight body oversees ("the body that reviews the
  intelligence services", "Comité permanent de contrôle des services de renseignement",
  "надзор за разведслужбами", "情报机构常设审查委员会") is the overseer's subject: no security
  service is read (``textsignals.overseen_service``). Words of control count only after a
  committee or a body ("the general in control of the intelligence services" still names
  them), and a service named elsewhere in the sentence is read as ever.
- Arabic "آمنة" (safe) no longer reads as "الأمن" in "إدارة الأمن" (security
  administration): "إدارة الأمن*".
- Systems, alerts and paths called critical ("sistemas críticos", "chemins critiques") are
  things, not critics: a match whose group is a word of a thing's name (benign context of
  kind "thing named") is cancelled; critics of the government are read as ever.
- Named: migrant holding centres (English, Spanish, Portuguese, Chinese), riot-control units
  (seven languages), Tigrayans and Tigrinya names (Russian, Chinese), French takedown
  requests of posts criticising.
- Round 28 (the justice world): read: a Roma origin estimated from the surname in Spanish,
  French "mails" of all subscribers kept. Its ordinary wording (a prison's disease
  surveillance and TB screening, negative-pressure isolation cells, interrogations recorded
  to end coerced confessions, English "prisoners" read by its beginning) was tried and
  withdrawn after a hostile review: the benign words cleared unrelated acts beside them
  (inmates' calls monitored, lists of political detainees, hunger strikers isolated, a
  contrast after the safeguard, a prison's voiceprint enrolment); its findings are cases.
- Round 29: English "campaigners" read by its beginning ("campaigner*": the stemmer read it
  as "campaign", so marketing campaigns monitored or targeted were read as targeting dissent);
  a product's demonstration units, kits and licences are a thing named (the stemmer reads
  "demonstrators" as "demonstration"), found by listing the lexicon's English words for
  people that stem as an ordinary word.
- Ordinary: an agreement signed in Arabic ("موقّعة", not a location); a contact centre's
  call recording with its agents' seats, the notice callers hear or its quality scoring
  named in its sentence (as "calls a contact centre holds": interception only, no recipient,
  no protected group).
- A hostile review of the first mending (362 sentences read before and after) found 97 red
  flags it hid: oversight without a committee or a body ("our engineers will supervise the
  secret police operators", "под контролем ФСБ"), "exhibit" and "expo" before a "how"
  (a contract's annex, a defence fair: withdrawn), an internet provider's "own outbound
  traffic" (withdrawn), things "críticos con el gobierno" (the nouns narrowed), French and
  Spanish spyware no longer read as spies (withdrawn: spyware sold to the state names its
  buyer that way), a Russian operator's seats. Its findings are cases here.

Each dangerous sentence of the first test raised nothing of its category, and each ordinary
one of the second raised a red flag, before these changes. Sentences written for the
purpose, or the rounds' own. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "detention",
            "thermal cams + perimeter radar, 'migrant holding centre' run by an armed group.",
        ),
        ("detention", "Cámaras térmicas para un centro de retención de migrantes en Trípoli."),
        ("detention", "Radar perimetral para o centro de retenção de migrantes."),
        ("detention", "热成像摄像机，用于武装团体运营的移民收容中心。"),
        ("security_services", "Talkgroup plan shows GNB riot-control units and their channels."),
        ("security_services", "Le plan montre des unités anti-émeute de la GNB."),
        ("security_services", "El plan muestra unidades antimotines de la GNB."),
        ("security_services", "O plano mostra unidades antidistúrbio da GNB."),
        ("security_services", "تُظهر الخطة وحدات مكافحة الشغب التابعة للحرس."),
        ("security_services", "В плане есть подразделения по подавлению беспорядков."),
        ("security_services", "通话组规划里有防暴单位的频道。"),
        ("profiling", "Требование: помечать абонентов с тигринскими именами и составлять списки."),
        ("profiling", "给起提格雷尼亚语名字的用户打标签，每周生成名单。"),
        (
            "censorship",
            "Ils veulent des modèles mots-clés + image pour signaler automatiquement les posts "
            "critiquant la monarchie et envoyer des demandes de retrait aux plateformes à grande "
            "échelle.",
        ),
        (
            "profiling",
            "Entre las variables de entrada está 'origen romaní (estimado a partir del apellido y "
            "la dirección)'.",
        ),
        (
            "interception",
            "Appliances d'archivage e-mail : conserver les mails de TOUS les abonnés 5 ans.",
        ),
    ],
)
def test_new_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # oversight bodies of the intelligence services
        "Records system for the secretariat of the Standing Intelligence Agencies Review "
        "Committee, the body that reviews the intelligence services for Parliament.",
        "Archives pour le Comité permanent de contrôle des services de renseignement, "
        "l'organe qui contrôle les services de renseignement pour le Parlement.",
        "Gestión documental para el Comité Permanente de Control de los Servicios de "
        "Inteligencia, el órgano que supervisa los servicios de inteligencia.",
        "Gestão de documentos para o Comitê Permanente de Controle dos Serviços de "
        "Inteligência, o órgão que fiscaliza os serviços de inteligência.",
        "Система документооборота для комитета по надзору за разведывательными службами.",
        "为比利时情报机构常设审查委员会秘书处提供档案管理系统，该委员会代表议会对情报部门进行审查。",
        # a safe room, critical systems, an agreement signed, a contact centre
        "نظام لإدارة السجلات وغرفة آمنة للاطلاع على الوثائق.",
        "Licences APM pour profiler les chemins critiques CPU et le SQL lent.",
        "Monitoreo de los sistemas críticos y alertas críticas del centro de datos.",
        "Monitoramento dos sistemas críticos do hospital.",
        "SaaS لإدارة المستندات، 600 مستخدم مسمّى، اتفاقية DPA موقّعة.",
        "Omnichannel (voice, email), call recording with the usual customer notice.",
        "Insurer contact centre, 350 agents: call recording + QM scoring.",
        "Plataforma de call center: grabación de llamadas con el aviso habitual al cliente.",
        "مركز اتصال لشركة تأمين: تسجيل المكالمات + تقييم الجودة.",
        # round 29: a marketing campaign is no campaigner
        "Marketing automation SaaS, audience segmentation and targeting for email campaigns.",
        "We monitor campaign performance and target customers by segment.",
        # a product's demonstration units are no demonstration in the street
        "Track the demonstration units shipped to resellers.",
        "Locate the demonstration equipment lent to the hospital.",
    ],
)
def test_ordinary_wording_raises_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "category, text",
    [
        # what the new bounds could have cleared and must not
        ("security_services", "The general in control of the intelligence services wants cameras."),
        ("security_services", "The intelligence services review all intercepted calls."),
        ("security_services", "情报部门审查了所有反对派的短信。"),
        ("security_services", "المخابرات تراقب هواتف المعارضين."),
        ("security_services", "Les espions du régime veulent ce logiciel."),
        ("security_services", "Los espías del régimen quieren el sistema."),
        ("security_services", "المعدات لإدارة الأمن في المحافظة."),
        ("targets_dissent", "Monitorear a los críticos del gobierno en redes sociales."),
        ("targets_dissent", "Le ministère veut surveiller les critiques du régime."),
        (
            "interception",
            "Call center with 200 agent seats. The customer wants to intercept calls of journalists.",
        ),
        (
            "interception",
            "Plataforma de call center, grabación de llamadas de todos los abonados del país "
            "para la inteligencia.",
        ),
        # what the hostile review of the first bounds found hidden by them
        ("security_services", "Our engineers will supervise the secret police operators."),
        ("security_services", "Chief Inspector of the Secret Police signed the PO for the portal."),
        (
            "security_services",
            "Annual technical review of the intelligence services monitoring centre: 5G upgrade.",
        ),
        (
            "security_services",
            "El comité de compras, bajo control de los servicios de inteligencia, pide 30 "
            "interceptores.",
        ),
        (
            "security_services",
            "La central de escuchas funcionará bajo la supervisión del servicio de inteligencia.",
        ),
        ("security_services", "Комиссия под контролем ФСБ закупает 30 IMSI-перехватчиков."),
        ("security_services", "Совет безопасности поручил мониторинг ФСБ соцсетей оппозиции."),
        ("security_services", "اللجنة الأمنية طلبت مراقبة المخابرات لهواتف الصحفيين."),
        ("security_services", "كاميرات المدينة ستعمل تحت رقابة جهاز أمن الدولة."),
        ("security_services", "国家安全机关和监察委员会要求对异见人士的手机进行实时定位。"),
        ("security_services", "对国安部门审查过的名单进行手机追踪。"),
        ("security_services", "监督国安部门的人员使用定位系统追踪维权律师。"),
        ("censorship", "Bloquear los sitios críticos con el gobierno antes de las elecciones."),
        ("censorship", "Bloquer les applications critiques du pouvoir et les VPN."),
        ("censorship", "Bloquear os aplicativos críticos ao governo antes da eleição."),
        (
            "interception",
            "Операторских мест на 30 аналитиков, слушающих перехваченные звонки мобильной сети.",
        ),
        # what a hostile review of round 28's mending found hidden by it (withdrawn)
        (
            "detention",
            "The prison wants to monitor every inmate's calls under the disease surveillance "
            "programme.",
        ),
        (
            "detention",
            "TB screening at intake, plus a list of political detainees kept for the security service.",
        ),
        (
            "detention",
            "Hunger strikers are held in the negative pressure isolation cells with no visits until they eat.",
        ),
        (
            "detention",
            "Se graban los interrogatorios para acabar con las confesiones bajo coacción, pero "
            "las grabaciones se usan para presionar a los detenidos.",
        ),
        (
            "detention",
            "Эпидемиологический надзор в СИЗО включает электронные браслеты для слежения за каждым заключённым.",
        ),
        ("detention", "看守所的传染病监测包括给每名在押人员佩戴电子手环进行定位。"),
        (
            "detention",
            "The prison needs voiceprint enrolment at intake so guards can identify who is "
            "speaking on the wing phones.",
        ),
        ("targets_dissent", "Monitor the campaigners who organise the march."),
        ("targets_dissent", "Identify the campaigner behind the petition."),
        ("tracking", "Track the phones of everyone at the demonstration."),
        ("targets_dissent", "Identify the demonstrators at the product demonstration."),
        # spyware sold to the state is still read as its security service
        ("security_services", "Nous vendons un logiciel espion au ministère de l'Intérieur."),
    ],
)
def test_red_flags_beside_the_new_bounds_are_read(category: str, text: str) -> None:
    assert category in categories(text)
