"""What is kept handed on to a state body, as a fourth review found it: handed over in the
sentence that says what the records are kept for ("kept for billing and shared with the
police"), or in the next one ("They are also shared with the police"), whatever framing
benign context the sentence holds; and a hand-over the text denies ("are never shared
with the police"), which hands nothing on. Worked cases with the default lexicon, no
database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import CUE_FALSE_POSITIVE, categories

# Kept for a benign reason and handed to a state body in the same sentence or the next.
KEPT_AND_HANDED_TO_THE_STATE = [
    "Call records are kept for billing and shared with the police.",
    "Call records are kept for billing and we share them with the police.",
    "Call detail records are kept for billing and shared with the police.",
    "All call records are kept for billing and shared with the police.",
    "Call records are kept for billing and handed to the police.",
    "Call records are kept for billing and forwarded to the Interior Ministry.",
    "Call records are kept for billing and are also made available to the police.",
    "Call records are kept for billing and the police receive a copy.",
    "Call records are kept for billing, and the police get them every week.",
    "Call records are kept for billing. They are also shared with the police.",
    "For compliance, record all calls and share them with the police.",
    "Record all traders' calls for compliance and share them with the police.",
    "Pour la conformité, enregistrer tous les appels et les transmettre à la police.",
    "Para el cumplimiento normativo, grabar todas las llamadas y compartirlas con la policía.",
    "Para compliance, gravar todas as chamadas e compartilhá-las com a polícia.",
    "Для комплаенс записывать все звонки и передавать их в полицию.",
    "لأغراض الامتثال، تسجيل جميع المكالمات وتسليمها إلى الشرطة.",
    "为合规录制所有通话并提供给公安。",
    "为了合规，录制所有通话并提供给公安。",
    "所有通话出于合规录音并提供给警方。",
    # Other verbs, the passive, and the records spoken of again in a later sentence.
    "Call records are kept for billing and turned over to the police.",
    "Call records are kept for billing and made accessible to the police.",
    "Call records are kept for billing and the police are provided with copies.",
    "Call records are kept for billing. The police receive them weekly.",
    "Call records are kept for billing. A copy goes to the police.",
    "Call records are kept for billing. The police can read them whenever they want.",
    "Call records are kept for billing. Copies are sent to the police.",
]
# Traffic watched for attacks and handed to a state body, where the act reads as tracking.
WATCHED_AND_HANDED_TO_THE_STATE = [
    "مراقبة جميع حركة مرور المشتركين لمنع هجمات DDoS ومشاركتها مع الشرطة.",
]


@pytest.mark.parametrize("text", WATCHED_AND_HANDED_TO_THE_STATE)
def test_traffic_watched_for_attacks_and_handed_to_the_state_is_read(text: str) -> None:
    assert categories(text) & {"interception", "tracking"}


# Something else than the records handed on, or records handed to no state body.
@pytest.mark.parametrize(
    "text",
    [
        "Call records are kept for billing. Copies of the invoice go to the government customer.",
        "Record all traders' calls for compliance. Records are handed to the regulator on request.",
        "Record all traders' calls for compliance. Copies are kept for five years.",
        "For compliance, record all calls and send them to the customer's legal team.",
    ],
)
def test_what_is_kept_for_a_benign_reason_and_handed_to_no_state_body_raises_nothing(
    text: str,
) -> None:
    assert categories(text) == set()


def test_invoice_copies_sent_to_a_ministry_are_not_the_records_handed_on() -> None:
    text = "Call records are kept for billing. Invoice copies are sent to the Ministry of Finance."
    assert "interception" not in categories(text)


@pytest.mark.parametrize("text", KEPT_AND_HANDED_TO_THE_STATE)
def test_what_is_kept_for_a_benign_reason_and_handed_to_the_state_is_read(text: str) -> None:
    assert "interception" in categories(text)


# Kept for billing, and a hand-over to a state body the text denies.
HAND_OVER_DENIED = [
    "Keep call records for billing and never share them with the police.",
    "Keep call records for billing and do not share them with the police.",
    "Keep call records for billing; they are not shared with the police.",
    "Conserver les enregistrements des appels pour la facturation et ne jamais les transmettre "
    "à la police.",
    "Хранить записи о вызовах для биллинга и никогда не передавать их в полицию.",
    # Records whose one act is a hand-over denied straight after them.
    "Call records are never shared with the police.",
    "Call records are not shared with the police.",
    "Call records are never shared with anyone.",
    "Les enregistrements des appels ne sont jamais transmis à la police.",
    "Los registros de llamadas nunca se comparten con la policía.",
    "Los registros de llamadas no se comparten con la policía.",
    "Записи звонков не передаются полиции.",
    "通话记录不会提供给公安。",
    # "Any other" is no exception; an Arabic negation carries its "and".
    "Keep call records for billing. We never share them with the police or any other authority.",
    "الاحتفاظ بسجلات المكالمات للفوترة وعدم تسليمها إلى الشرطة.",
    "الاحتفاظ بسجلات المكالمات للفوترة ولا يتم تسليمها إلى الشرطة.",
]


@pytest.mark.parametrize("text", HAND_OVER_DENIED)
def test_a_denied_hand_over_to_the_state_hands_nothing_on(text: str) -> None:
    assert categories(text) == set()


# A negation of something else, or of "only", leaves the hand-over.
HAND_OVER_NOT_DENIED = [
    "Call records are kept not only for billing but also shared with the police.",
    "Keep call records for billing; records that are not disputed are sent to the police.",
    "Call records are stored and never shared with the police.",
    "We record all calls and never share them with the police.",
    "Call records are never shared with the police except on request.",
    "Call records are never shared with the police without a warrant.",
    "Journalists' call records are never shared with the police.",
    "通话记录不会提供给公安，但会提供给国安。",
    "Keep call records for billing; they are not shared with the police, they are streamed "
    "to them.",
    "Keep call records for billing and never refuse to share them with the police.",
    "Keep call records for billing. They are not shared with the police. The police access "
    "them directly.",
    "Keep call records for billing and share them with no one but the police.",
    "Keep call records for billing and do not share them with anyone other than the police.",
    "Call records are never shared with the police; the police have direct access.",
    "Хранить записи о вызовах для биллинга и не передавать их в полицию, если только она не "
    "попросит.",
    "Keep call records for billing and never share them with the police if they do not ask.",
    "Call records are not shared with the police. They are shared with the Interior Ministry.",
]


@pytest.mark.parametrize("text", HAND_OVER_NOT_DENIED)
def test_a_negation_of_something_else_leaves_the_hand_over_read(text: str) -> None:
    assert "interception" in categories(text)


# A company's own security department: "Group" and "Corporate" as in a corporate group.
COMPANY_SECURITY_DEPARTMENTS = [
    "Recipient: Group Security Directorate",
    "Recipient: Corporate Security Directorate",
    "Send alerts to the Group Security Directorate.",
    "Keep call records for billing and hand them to the Group Security Directorate.",
    # flagged by the learned cues refitted on 5 December (rounds 1 to 26)
    pytest.param("Destinataire : Direction de la sécurité du groupe", marks=CUE_FALSE_POSITIVE),
    "Destinatario: Dirección de Seguridad Corporativa",
    "Destinatario: Dirección de Seguridad del Grupo",
]


@pytest.mark.parametrize("text", COMPANY_SECURITY_DEPARTMENTS)
def test_a_companys_own_security_directorate_is_no_state_body(text: str) -> None:
    assert categories(text) == set()


# The state's security directorates keep their reading.
STATE_SECURITY_DIRECTORATES = [
    "Recipient: General Security Directorate",
    "Recipient: the Security Directorate",
    "Recipient: the armed group security directorate",
    "Destinataire : Direction de la sécurité de l'État",
    "Recipient: the Internal Security Service",
    "Destinatario: la dirección de seguridad del grupo armado",
]


@pytest.mark.parametrize("text", STATE_SECURITY_DIRECTORATES)
def test_a_state_security_directorate_is_still_read(text: str) -> None:
    assert "security_services" in categories(text)


# A recipient, labelled or after the act, named only by a bare head ("the Bureau", "the
# Agency") is no one the text shows to be ordinary: what is handed over goes to no one named.
RECIPIENT_A_BARE_HEAD = [
    "Keep the call records for billing and hand them over. Recipient: the Bureau",
    "Keep the call records for billing and hand them over. Recipient: the Agency",
    "Keep the call records for billing and hand them over.\nRecipient: the Service",
    "Conserver les enregistrements des appels pour la facturation et les transmettre. "
    "Destinataire : le Bureau",
    "Хранить записи о вызовах для биллинга и передавать их. Получатель — Бюро.",
    "Keep call records for billing and hand them to the Bureau.",
    "Keep call records for billing and send them to the Service.",
    "Conserver les enregistrements des appels pour la facturation et les remettre au Bureau.",
    "Хранить записи о вызовах для биллинга и передавать их в Бюро.",
]


@pytest.mark.parametrize("text", RECIPIENT_A_BARE_HEAD)
def test_a_recipient_named_by_a_bare_head_bounds_nothing(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Keep the call records for billing and hand them over. Recipient: the credit bureau",
        "Keep the call records for billing and hand them over. Recipient: our billing bureau",
        "Keep call records for billing and hand them to the billing bureau.",
        "Keep call records for billing and send them to the finance department.",
    ],
)
def test_a_recipient_bureau_named_by_what_it_does_is_ordinary(text: str) -> None:
    assert categories(text) == set()
