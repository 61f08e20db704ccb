"""Dangerous wordings a review of the text reading found read as nothing: call records kept
and handed to the police on request (French, Spanish, Portuguese), the hand-over in the
sentence after the records, everyone's traffic watched for the FSB or across a country, a
city's phones tapped, everyone's traffic kept for the authorities, a court order for every
subscriber of a city whose recordings go to a guard corps. Worked cases with the default
lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Les relevés d'appels sont conservés deux ans et remis à la police sur simple demande.",
            {"interception"},
        ),
        (
            "Los registros de llamadas se conservan dos años y se entregan a la policía "
            "cuando los pide.",
            {"interception"},
        ),
        (
            "Guarda os registros de chamadas de todos os assinantes por dois anos para a polícia.",
            {"interception"},
        ),
        ("мониторинг всего трафика абонентов для ФСБ", {"interception", "security_services"}),
        ("мониторинг всего трафика в стране", {"interception"}),
        ("Tap every phone in Kharkiv.", {"interception"}),
        ("Capture all internet traffic of the country's subscribers.", {"interception"}),
        ("We keep all subscribers' traffic for two years for the authorities.", {"interception"}),
        (
            "Court-ordered lawful interception of every subscriber in the city, recordings to "
            "the Presidential Guard.",
            {"interception", "security_services"},
        ),
    ],
)
def test_a_dangerous_wording_is_read(text: str, expected: set[str]) -> None:
    assert expected <= categories(text)


# Guards: the same words on the seller's own servers or on invoices.
@pytest.mark.parametrize(
    "text",
    [
        "Capture all internet traffic to our own web servers for debugging",
        "We keep all subscribers' invoices for two years",
        # The same watch for attacks on the network, under a heading of four words.
        "Защита от DDoS-атак: мониторинг всего трафика абонентов.",
        "Protection against DDoS attacks: monitor all subscriber traffic.",
        # A phone tapped on a reader; call records denied to the police.
        "Customers tap their phone on the reader to pay.",
        "Les relevés d'appels ne sont jamais remis à la police.",
    ],
)
def test_the_seller_s_own_traffic_or_invoices_read_nothing(text: str) -> None:
    assert categories(text) == set()


# Read since Spanish "registros de llamadas" and Portuguese "registos/registros de
# chamadas" are read as English "call records": the hand-over with no subject in the next
# sentence keeps them.
@pytest.mark.parametrize(
    "text",
    [
        "Los registros de llamadas se guardan para facturación. También se entregan a la "
        "policía cada semana.",
        "Os registros de chamadas são guardados para faturamento. Também são entregues à polícia.",
        "Os registos de chamadas são guardados para faturação. Também são entregues à polícia.",
    ],
)
def test_records_kept_for_billing_then_handed_to_the_police_in_the_next_sentence(
    text: str,
) -> None:
    assert "interception" in categories(text)


# Left unread: bare "registros" kept for billing in one sentence, a hand-over with no
# subject in the next. Nothing in the first sentence is read (bare "registros" is not), so
# there is no match the hand-over could keep. Strict: a change that reads them fails here
# (then move them above).
@pytest.mark.xfail(strict=True, reason="a hand-over in the next sentence, left unread")
def test_a_hand_over_in_the_next_sentence_left_unread() -> None:
    text = "Os registros são guardados para faturamento. Também são entregues à polícia."
    assert "interception" in categories(text)
