"""Wording of round 33's tuning half (after the sale: support tickets, renewals, change
requests, site visits).

- A warrant made optional: an operator wanting the warrant-reference field of its lawful
  interception screen made optional ("the warrant-reference field on the LI provisioning
  screen made optional", "la référence du mandat … devienne facultatif", "сделать
  необязательным поле с реквизитами судебной санкции", "授权令编号字段改为选填"), in every
  language; the warrant it names bounded the interception as oversight does. A warrant is
  dispensed with when "optional" follows a word making it so in its clause, not when an
  option is listed beside it.
- Voices called destabilising, dissenting or critical identified ("early identification of
  destabilising voices", English, French, Spanish, Portuguese). Identification and
  cross-checking as acts on any group named were tried and withdrawn after a hostile
  review: journalists cross-check their sources, activists get identification cards.
- Ordinary deals: an SMS firewall blocking smishing and grey-route messages (as phishing
  and spam), the organisers of a half marathon (Russian "полумарафон", as "марафон").

Each dangerous sentence of the first test raised nothing of its category, and each ordinary
one of the second raised a red flag, before these changes; the third and fourth are guards.
Sentences shortened from the round or written for the purpose. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "interception",
            "Support ticket #LI-5530: the operator wants the warrant-reference field on the LI "
            "provisioning screen made optional, and wants targets added over X1 without the "
            "legal desk seeing them.",
        ),
        (
            "interception",
            "Ticket support #LI-5530 : l'opérateur veut que le champ de référence du mandat sur "
            "l'écran de provisionnement LI devienne facultatif.",
        ),
        (
            "interception",
            "Ticket de soporte #LI-5530: el operador quiere que el campo de referencia de la orden "
            "judicial en la pantalla de aprovisionamiento de LI pase a ser opcional.",
        ),
        (
            "interception",
            "Ticket de suporte #LI-5530: a operadora quer que o campo de referência do mandado na "
            "tela de provisionamento de LI passe a ser opcional.",
        ),
        (
            "interception",
            "تذكرة دعم #LI-5530: يريد المشغّل جعل حقل مرجع الأمر القضائي في شاشة تهيئة LI اختيارياً.",
        ),
        (
            "interception",
            "Тикет #LI-5530: оператор хочет сделать необязательным поле с реквизитами судебной "
            "санкции на экране постановки на контроль LI.",
        ),
        ("interception", "支持工单#LI-5530：运营商希望把LI开通界面上的授权令编号字段改为选填。"),
        ("interception", "The operator wants warrants made optional for intercepting calls."),
        (
            "interception",
            "Change request from the ministry: the court order field should become optional for "
            "urgent intercept requests.",
        ),
        ("interception", "司法授权在截获平台上变成可选项了，安全局说先上线。"),
        ("interception", "授权令改为非必填，LI开通界面。"),
        (
            "targets_dissent",
            "QBR | Office of Strategic Communications | objectives: 'early identification of "
            "destabilising voices'; group authors on the sentiment dashboard by NGO membership and "
            "cross-check them against the foreign-agents register.",
        ),
        (
            "targets_dissent",
            "Objectifs : « identification précoce des voix déstabilisatrices » ; regrouper les "
            "auteurs par appartenance à des ONG et les croiser avec le registre des agents "
            "étrangers.",
        ),
        (
            "targets_dissent",
            "Objetivos: 'identificación temprana de voces desestabilizadoras'; agrupar a los "
            "autores por pertenencia a ONG y cruzarlos con el registro de agentes extranjeros.",
        ),
        (
            "targets_dissent",
            "Objetivos: 'identificação precoce de vozes desestabilizadoras'; agrupar os autores "
            "por filiação em ONGs e cruzá-los com o registro de agentes estrangeiros.",
        ),
    ],
)
def test_red_flags_of_round_33_are_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Post-sale review, Nyota Mobile (Dodoma): the SMS firewall now blocks about 2.1M "
        "smishing and grey-route messages a week.",
        "Revisión posventa, Nyota Mobile (Dodoma): el firewall de SMS ya bloquea unos 2.1M de "
        "mensajes de smishing y de ruta gris por semana.",
        "CRM: организаторы Лиссабонского полумарафона продлевают RFID-хронометраж и приложение "
        "для онлайн-отслеживания бегунов.",
    ],
)
def test_ordinary_deals_of_round_33_are_not_flagged(text: str) -> None:
    assert categories(text) - {"detention_site"} == set()


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "censorship",
            "The SMS firewall blocks smishing and, from the election, the opposition's bulk SMS.",
        ),
        (
            "targets_dissent",
            "Les organisateurs de la marche de l'opposition doivent être fichés.",
        ),
    ],
)
def test_what_stays_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # An option beside the warrant is not the warrant made optional.
        "La interceptación requiere orden judicial y el módulo de informes es opcional.",
        "Warrant management module with optional dual approval.",
        "Lawful interception under warrant with optional dual approval of each target.",
        "Les interceptions se font sur mandat judiciaire, le module de rapports est optionnel.",
        # Identification that is no act on a group.
        "Identification of journalists for press accreditation at the summit.",
        "We need identification badges for the staff of the NGO.",
        "Cross-check the list of attendees against the registered journalists for the press "
        "conference.",
        # From a hostile review of the first version: civil court orders and mandates, a
        # required warrant beside an option, journalists checking sources.
        "Family law firm CRM: the court order reference becomes optional for uncontested divorces.",
        "Agence immobilière : le client souhaite que le numéro de mandat soit facultatif dans le "
        "logiciel de transaction.",
        "Interception légale avec mandat judiciaire obligatoire pour chaque écoute avec l'export "
        "PDF rendu facultatif pour les petits services.",
        "نظام الاعتراض القانوني يتطلب الأمر القضائي لكل طلب مع جعل تقرير الإحصاءات اختيارياً "
        "للعملاء الصغار.",
        "合法监听平台：每次监听须有授权令，报表导出功能设为可选。",
        "Newsroom CMS deal: fact-check tool lets journalists cross-check sources before "
        "publishing.",
        "Rédaction : outil pour que les journalistes puissent croiser les sources avant "
        "publication.",
        "Jornalistas da redação usam a ferramenta para cruzar dados públicos de licitações.",
        "NGO access control: identification cards for activists and volunteers at the climate "
        "conference, ordered by the NGO itself.",
    ],
)
def test_ordinary_wordings_beside_the_changes(text: str) -> None:
    assert categories(text) - {"detention_site"} == set()
