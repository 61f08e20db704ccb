"""Readings a review of the afternoon's changes found wrong: an honest "Never … without
consent / a court order / telling you" read as the act, because any "without" was taken to
narrow the denial (only a paid option or a frequency does: "without a paid add-on", "less
than daily"); observers and a "security service provider" cleared even when the observers
are the ones watched or the provider serves a state security body; a customer's own call
records on the portal read as interception; a contact centre's coaching and a district
register's alerts read as interception and tracking. Worked cases with the default
lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

# A fronted denial with a condition on consent, an exception, notice or a legal basis
# denies the act outright.
HONEST_NEVER_WITHOUT = [
    "Never will we track protesters without exception.",
    "Never will we track protesters without their consent.",
    "Never will we track protesters without a court order.",
    "Nunca rastrearemos a manifestantes sin excepción.",
    "Nunca rastrearemos a manifestantes sin orden judicial.",
    "Nunca vamos rastrear manifestantes sem mandado judicial.",
    "Never will we record your calls without telling you.",
    "Never shall we monitor employees' e-mail without informing them.",
    "Jamais nous n'enregistrerons vos appels sans vous prévenir.",
    "Nunca grabaremos sus llamadas sin avisarle.",
    "Never will we intercept journalists' calls without any legal basis.",
    "Never will we track protesters without a warrant.",
    "Jamais nous ne suivrons les manifestants sans leur consentement.",
    # a phrase read on the denied act's object ("calls without a warrant") is denied too
    "Never will we intercept journalists' calls without a warrant.",
    "Never will we intercept calls without a warrant.",
    "Never will the system be used to intercept journalists' calls without a warrant.",
]


@pytest.mark.parametrize("text", HONEST_NEVER_WITHOUT)
def test_never_without_consent_or_a_court_order_reads_nothing(text: str) -> None:
    assert categories(text) == set()


# A paid option or a frequency narrows the denial: the act is still done.
NEVER_WITHOUT_A_PAID_OPTION = [
    "Never will we track protesters without the premium licence.",
    "Never will we track protesters without a paid upgrade.",
    "Never will we track protesters without the premium subscription.",
    "Nunca rastrearemos a manifestantes sin la licencia premium.",
    "Nunca rastrearemos a manifestantes sin el módulo de pago.",
    "Nunca vamos rastrear manifestantes sem a assinatura premium.",
]


@pytest.mark.parametrize("text", NEVER_WITHOUT_A_PAID_OPTION)
def test_never_without_a_paid_option_still_reads_the_tracking(text: str) -> None:
    assert "tracking" in categories(text)


# A purpose or another clause after the fronted denial's verb is something the sentence
# does: "Never will we need warrants to track protesters" tracks them.
@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("tracking", "Never will we need warrants to track protesters."),
        ("tracking", "Never will we ask permission before we track protesters."),
        ("interception", "Never has it been easier to intercept calls without a warrant."),
        ("interception", "Never will we stop intercepting calls without a warrant."),
        ("interception", "Never will we intercept journalists' calls without a paid add-on."),
    ],
)
def test_a_fronted_denial_of_another_verb_leaves_the_act_read(category: str, text: str) -> None:
    assert category in categories(text)


# Observers who are themselves watched are the group targeted.
WATCHED_OBSERVERS = [
    "Observers of the opposition parties at the vote count are tracked afterwards.",
    "Election observers from civil society are identified at the count and their phones tracked.",
    "Наблюдатели от оппозиции на подсчёте голосов фотографируются и отслеживаются.",
]


@pytest.mark.parametrize("text", WATCHED_OBSERVERS)
def test_observers_who_are_watched_are_read_as_targeted(text: str) -> None:
    assert "targets_dissent" in categories(text)


def test_observers_identified_and_their_phones_tracked_read_tracking() -> None:
    text = (
        "Election observers from civil society are identified at the count and their phones "
        "tracked."
    )
    assert {"targets_dissent", "tracking"} <= categories(text)


def test_a_provider_to_the_interior_ministry_still_reads_the_ministry() -> None:
    text = "Security service provider to the Interior Ministry: identification of protesters from CCTV."
    assert categories(text) & {"security_services", "targets_dissent"}


def test_a_provider_to_the_state_security_service_keeps_the_security_service() -> None:
    text = (
        "We are the security service provider for the state security service: we intercept "
        "journalists' calls."
    )
    assert {"security_services", "interception"} <= categories(text)


def test_complainants_followed_by_plain_clothes_officers_are_read() -> None:
    text = (
        "The tool tracks journalists' complaints against the police; complainants are then "
        "followed by plain-clothes officers."
    )
    assert "tracking" in categories(text)


def test_complaints_tracked_until_closed_stay_handling() -> None:
    text = (
        "The tool tracks journalists' complaints against the police; complaints are tracked "
        "until closed."
    )
    assert categories(text) == set()


# A customer's own call records, consulted, downloaded or exported for accounting.
OWN_CALL_RECORDS = [
    "El cliente consulta los registros de llamadas de su centralita en el portal.",
    "Os registos de chamadas da central telefónica ficam disponíveis no portal do cliente.",
    "Relevés d'appels : le client télécharge ses relevés d'appels depuis le portail.",
    "سجلات المكالمات: يقوم العميل بتنزيل سجلات المكالمات من البوابة.",
    "Exportación de registros de llamadas: CSV para el departamento de contabilidad.",
    "Call records: the customer downloads them from the portal.",
    # Portuguese "no" is "em o" (on the portal), not a negation of the context
    "O cliente consulta os registos de chamadas no portal.",
    "O cliente baixa os registros de chamadas no portal para a contabilidade.",
    "No portal, o cliente consulta os registros de chamadas.",
]


@pytest.mark.parametrize("text", OWN_CALL_RECORDS)
def test_a_customers_own_call_records_read_nothing(text: str) -> None:
    assert categories(text) == set()


# The same portal, the records going to the police: still read.
RECORDS_TO_THE_POLICE = [
    "Call records: the police download them from the portal.",
    "Relevés d'appels : la police les télécharge depuis le portail.",
    "El cliente consulta los registros de llamadas en el portal y la policía los recibe cada "
    "semana.",
    "O cliente consulta os registros de chamadas no portal e a polícia recebe-os todas as semanas.",
    "Os registros de chamadas são guardados para faturamento e entregues à polícia.",
]


@pytest.mark.parametrize("text", RECORDS_TO_THE_POLICE)
def test_call_records_on_a_portal_the_police_use_are_read(text: str) -> None:
    assert "interception" in categories(text)


# Ordinary work: a contact centre's coaching, a district register's alerts.
ORDINARY_WORK = [
    "Subscribers can put a call on listen with a click for the supervisor's coaching.",
    "Staff on the on-call register get an alert when they leave the district.",
    "An alert is sent when a patient on the discharge register leaves the district hospital.",
]


@pytest.mark.parametrize("text", ORDINARY_WORK)
def test_coaching_and_a_district_register_read_nothing(text: str) -> None:
    assert categories(text) == set()


# The same words on a group or for the police: still read.
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Put the journalists' calls on listen for the supervisor's coaching.", "interception"),
        (
            "Raise an alert when an activist on the on-call register leaves the district.",
            "tracking",
        ),
    ],
)
def test_coaching_or_a_register_naming_a_group_is_still_read(text: str, category: str) -> None:
    assert category in categories(text)
