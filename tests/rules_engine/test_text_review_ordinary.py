"""Ordinary deals a review of the text reading found flagged: records of calls kept from the
customer, calls recorded for quality and training, pupils tapping a card at a school gate,
an ombudsman's tool for protesters' complaints against the police, a litigation hold under
a court order, a bank's trading-floor calls kept as MiFID II requires, a helpdesk's calls a
court may ask for. Each reads nothing, in English and in the other languages it was written
in. Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

ORDINARY = [
    # Records of calls kept from the customer: a denial, no hand-over.
    "Call records are never shared with the customer.",
    "Les relevés d'appels ne sont jamais communiqués au client.",
    "Los registros de llamadas nunca se comparten con el cliente.",
    "Записи о звонках никогда не передаются клиенту.",
    "Записи о звонках никогда не передаются в полицию.",
    # A contact centre recording its customers' calls for quality and training.
    "Record customer calls for quality and training purposes; recordings deleted after 90 days.",
    "Enregistrer les appels des clients à des fins de qualité et de formation ; "
    "enregistrements supprimés après 90 jours.",
    "Grabar las llamadas de los clientes con fines de calidad y formación; las grabaciones "
    "se borran a los 90 días.",
    "Запись звонков клиентов для контроля качества и обучения; записи удаляются через 90 дней.",
    # Pupils tap a card at a school's gate.
    "Attendance tracking for 40 schools: pupils tap a card at the gate, parents get an SMS "
    "if a child is absent.",
    "Suivi des présences pour 40 écoles : les élèves badgent à l'entrée, les parents "
    "reçoivent un SMS si un enfant est absent.",
    "Control de asistencia para 40 escuelas: los alumnos pasan una tarjeta en la entrada y "
    "los padres reciben un SMS si un niño falta.",
    "Учёт посещаемости для 40 школ: ученики прикладывают карту на входе, родители получают "
    "SMS, если ребёнок отсутствует.",
    # An ombudsman's case tool for complaints against the police.
    "A case tool to track protesters' complaints against the police for the ombudsman's office.",
    "Una herramienta de casos para dar seguimiento a las quejas de los manifestantes contra "
    "la policía, para la oficina del defensor del pueblo.",
    "Un outil pour suivre les plaintes des manifestants contre la police, pour le bureau du "
    "médiateur.",
    # A litigation hold of one office's mail, under a court order.
    "Litigation hold under a court order: retain all e-mail of the Paris office for the "
    "duration of the case.",
    "Conservation pour contentieux sur décision de justice : conserver tous les e-mails du "
    "bureau de Paris pendant la durée de l'affaire.",
    "Retención por litigio bajo orden judicial: conservar todos los correos de la oficina de "
    "París mientras dure el caso.",
    "Сохранение для судебного разбирательства по решению суда: хранить всю электронную почту "
    "парижского офиса на время дела.",
    # A bank's trading-floor calls kept as MiFID II requires.
    "The bank retains all calls recorded on its trading floors in London for five years, "
    "as MiFID II requires.",
    "La banque conserve tous les appels enregistrés sur ses salles de marché à Londres "
    "pendant cinq ans, comme l'exige MiFID II.",
    "El banco conserva todas las llamadas grabadas en sus mesas de negociación de Londres "
    "durante cinco años, como exige MiFID II.",
    "Банк хранит все звонки, записанные в его дилинговых залах в Лондоне, пять лет, как "
    "того требует MiFID II.",
    # A helpdesk's own calls, which a court may ask for.
    "Our helpdesk records all calls in Kyiv for quality; a court order may require us to "
    "produce them.",
    "Notre service d'assistance enregistre tous les appels à Kyiv pour la qualité ; une "
    "décision de justice peut nous obliger à les produire.",
    "Nuestra mesa de ayuda graba todas las llamadas en Kyiv por calidad; una orden judicial "
    "puede obligarnos a entregarlas.",
    "Наша служба поддержки записывает все звонки в Киеве для контроля качества; по решению "
    "суда мы можем быть обязаны их предоставить.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_an_ordinary_deal_reads_nothing(text: str) -> None:
    assert categories(text) == set()


# Left flagged: the files of a case tool read as files kept on protesters ("dossiers pour
# suivre …"), and Russian dealings of a group, which no preposition ties to it, are not read
# as their dealings. Strict: a change that clears them fails here (then move them above).
LEFT_FLAGGED = pytest.mark.xfail(strict=True, reason="an ordinary deal still flagged")


@LEFT_FLAGGED
@pytest.mark.parametrize(
    "text",
    [
        "Un outil de gestion des dossiers pour suivre les plaintes des manifestants contre la "
        "police, pour le bureau du médiateur.",
        "Система учёта обращений для отслеживания жалоб протестующих на полицию для аппарата "
        "омбудсмена.",
    ],
)
def test_an_ordinary_deal_left_flagged(text: str) -> None:
    assert categories(text) == set()


# The same wordings turned to the state or to everyone stay read.
@pytest.mark.parametrize(
    "text",
    [
        "Record all customer calls for quality and training purposes and share them with "
        "the police.",
        "Record journalists' calls for quality and training purposes.",
        "Pupils tap a card at the gate; we also tap the phones of their parents.",
        "The bank retains all calls recorded on its trading floors and hands them to the "
        "security service every week.",
        "Track protesters' complaints and their phones' locations for the police.",
        "Track protesters' complaints for the police.",
        "Track protesters' complaints against the police and send them to the FSB.",
        "Track protesters' complaints against the police; the Interior Ministry gets a "
        "weekly list.",
        "Записи о звонках журналистов никогда не передаются клиенту.",
        "Under a court order: intercept all calls in Kharkiv.",
        "Under a court order: intercept the calls of journalists.",
        "Court order: retain all e-mail of the country's subscribers.",
        "Under a court order: retain all e-mail of the Paris office and hand it to the FSB.",
        "Записи о звонках никогда не передаются в полицию, кроме ФСБ.",
    ],
)
def test_the_same_wordings_turned_on_people_stay_read(text: str) -> None:
    assert categories(text)
