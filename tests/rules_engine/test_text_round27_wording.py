"""Wording of rounds 26 and 27's tuning halves.

- A security service named as what an oversight body oversees ("the body that reviews the
  intelligence services", "Comité permanent de contrôle des services de renseignement",
  "надзор за разведслужбами", "情报机构常设审查委员会") is the overseer's subject: no security
  service is read (``textsignals.overseen_service``). Words of control count only after a
  committee or a body ("the general in control of the intelligence services" still names
  them), and a service named elsewhere in the sentence is read as ever.
- Spyware is no spy: French "logiciel espion" and Spanish "programa espía" no longer read as
  "espions", "espías" (written in full); Arabic "آمنة" (safe) no longer as "الأمن" in "إدارة
  الأمن" (security administration).
- Systems, alerts and paths called critical ("sistemas críticos", "chemins critiques") are
  things, not critics: a match whose group is a word of a thing's name (benign context of
  kind "thing named") is cancelled; critics of the government are read as ever.
- Named: migrant holding centres (English, Spanish, Portuguese, Chinese), riot-control units
  (seven languages), Tigrayans and Tigrinya names (Russian, Chinese), French takedown
  requests of posts criticising.
- Ordinary: a company's firewall inspecting its own outbound traffic; an agreement signed
  in Arabic ("موقّعة", not a location); a contact centre's call recording with the centre,
  its agents' seats or the recording notice named in its sentence; a museum's exhibit or a
  documentary on how a secret police watched and interrogated (a "how" clause, as research).

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
        ("profiling", "给持提格雷签发证件的用户打标签，每周生成名单。"),
        (
            "censorship",
            "Ils veulent des modèles mots-clés + image pour signaler automatiquement les posts "
            "critiquant la monarchie et envoyer des demandes de retrait aux plateformes à grande "
            "échelle.",
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
        # spyware suffered, safe rooms, critical systems
        "Formation anti-hameçonnage après que leurs reporters ont été visés par un logiciel espion.",
        "Llaves de seguridad después de que sus reporteros fueran objetivo de un programa espía.",
        "نظام لإدارة السجلات وغرفة آمنة للاطلاع على الوثائق.",
        "Licences APM pour profiler les chemins critiques CPU et le SQL lent.",
        "Monitoreo de los sistemas críticos y alertas críticas del centro de datos.",
        "Monitoramento dos sistemas críticos do hospital.",
        # a company's own traffic, an agreement signed, a contact centre, a museum
        "2x NGFW avec inspection TLS uniquement sur leur propre trafic sortant, pour détecter "
        "les callbacks de malware.",
        "NGFW con inspección TLS solo de su propio tráfico saliente, para detectar malware.",
        "SaaS لإدارة المستندات، 600 مستخدم مسمّى، اتفاقية DPA موقّعة.",
        "Omnichannel (voice, email), call recording with the usual customer notice.",
        "Insurer contact centre, 350 agents: call recording + QM scoring.",
        "Plataforma de call center: grabación de llamadas con el aviso habitual al cliente.",
        "مركز اتصال لشركة تأمين: تسجيل المكالمات + تقييم الجودة.",
        "New permanent exhibit on how the secret police surveilled and interrogated citizens "
        "in the 1970s.",
        "Nouvelle expo permanente sur la façon dont la police secrète surveillait et "
        "interrogeait les citoyens.",
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
        ("tracking", "Exhibition on how the police will track protesters' phones."),
        (
            "targets_dissent",
            "Museum exhibit: the client wants to show how our cameras identify protesters.",
        ),
    ],
)
def test_red_flags_beside_the_new_bounds_are_read(category: str, text: str) -> None:
    assert category in categories(text)
