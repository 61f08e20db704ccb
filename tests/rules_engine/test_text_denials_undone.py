"""Denials that hide a real hand-over or act, as a review of the text reading found them: a
denial followed by the one the records go to after all ("never shared with the police,
only with the Interior Ministry", "ne sont transmis qu'à la police", "не передаются никому,
кроме полиции"); a denial a qualifier limits ("never shared with the police in bulk":
single records are); a double negation ("never not shared"); a fronted negation limited by
a qualifier ("Never … will we track protesters without a paid add-on") or bearing on
losing, stopping or ease rather than on the act ("Never will we stop tracking the
protesters", "Nunca fue tan fácil rastrear …"). Plain denials keep reading nothing. Worked
cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

# A denial, then the one the records are handed to after all.
HANDED_TO_THE_EXCEPTION = [
    "Call records are kept for billing and never shared with the police, only with the "
    "Interior Ministry.",
    "Les relevés d'appels sont conservés pour la facturation et ne sont transmis qu'à la police.",
    "Los registros de llamadas se guardan para facturación y no se comparten más que con la "
    "policía.",
    "Los registros de llamadas se guardan para facturación y no se comparten con nadie salvo "
    "con la policía.",
    "Los registros de llamadas se guardan para facturación y no se comparten con nadie excepto "
    "la policía.",
    "سجلات المكالمات تحفظ لأغراض الفوترة ولا تتم مشاركتها إلا مع الشرطة.",
    "Записи звонков хранятся для биллинга и не передаются никому, кроме полиции.",
    "We do not hand call records to anyone except the police.",
    "Os registos de chamadas são guardados para faturação e não são partilhados com ninguém "
    "exceto a polícia.",
    "通话记录仅用于计费，除公安机关外不向任何人提供。",
]


@pytest.mark.parametrize("text", HANDED_TO_THE_EXCEPTION)
def test_a_denial_followed_by_the_real_recipient_hands_the_records_on(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Записи звонков хранятся для биллинга и не передаются полиции, только МВД.",
        "通话记录仅用于计费，除公安机关外不向任何人提供。",
    ],
)
def test_a_security_body_the_records_go_to_after_a_denial_is_read(text: str) -> None:
    assert {"interception", "security_services"} <= categories(text)


# A qualifier limits the denial: the act still happens (single records, encrypted, later,
# through someone else).
LIMITED_DENIALS = [
    "Call records are kept for billing and never shared with the police in bulk.",
    "Call records are kept for billing and never shared with the police unencrypted.",
    "Call records are kept for billing and never shared with the police until phase 2.",
    "Call records are kept for billing and never shared with the police directly; the "
    "integrator forwards them to the police each week.",
    # Two negations affirm.
    "Call records are kept for billing and never not shared with the police.",
]


@pytest.mark.parametrize("text", LIMITED_DENIALS)
def test_a_denial_a_qualifier_limits_still_hands_the_records_on(text: str) -> None:
    assert "interception" in categories(text)


# A fronted negation that a qualifier limits, or that denies losing, stopping or how hard
# the act is, not the act.
FRONTED_BUT_READ = [
    "Never, under any circumstances, will we track protesters without a paid add-on.",
    "Never, under any circumstances, will we track protesters less than daily.",
    "Never will our clients lose track of a single protester.",
    "Never will we stop tracking the protesters.",
    "Nunca fue tan fácil rastrear a los manifestantes.",
    "Jamais nous ne cesserons de suivre les manifestants.",
]


@pytest.mark.parametrize("text", FRONTED_BUT_READ)
def test_a_fronted_negation_of_something_else_leaves_the_tracking_read(text: str) -> None:
    assert "tracking" in categories(text)


# Plain denials, and denials of every way of doing it, hand nothing on and read nothing.
STILL_DENIED = [
    "Call records are kept for billing and never shared with the police.",
    "Call records are kept for billing and never shared with anyone, including the police.",
    "Call records are kept for billing and never shared with the police, in bulk or otherwise.",
    "Call records are kept for billing and never shared with the police, directly or indirectly.",
    "Call records are kept for billing and never, ever shared with the police.",
    "Call records are kept for billing and never shared with the police, only kept for billing.",
    "Never, under any circumstances, will we track protesters.",
    "Never will we track protesters, with or without a paid add-on.",
    "Nunca más rastrearemos a los manifestantes.",
    "Les relevés ne sont jamais transmis à la police.",
    "Les relevés d'appels sont conservés pour la facturation et ne sont jamais transmis à la "
    "police.",
    "Les relevés d'appels sont conservés pour la facturation et ne sont transmis à personne, "
    "pas même à la police.",
    "Los registros de llamadas se guardan para facturación y nunca se comparten con la policía.",
    "Los registros de llamadas se guardan para facturación y no se comparten con nadie, "
    "tampoco con la policía.",
    "Os registos de chamadas são guardados para faturação e nunca são partilhados com a polícia.",
    "سجلات المكالمات تحفظ لأغراض الفوترة ولا تتم مشاركتها مع الشرطة.",
    "Записи звонков хранятся для биллинга и никогда не передаются полиции.",
    "通话记录仅用于计费，不会提供给公安机关。",
    # Records of calls kept for billing alone.
    "Les relevés d'appels sont conservés pour la facturation.",
    "Los registros de llamadas se guardan para facturación.",
    "Os registos de chamadas são guardados para faturação.",
    "سجلات المكالمات تحفظ لأغراض الفوترة.",
]


@pytest.mark.parametrize("text", STILL_DENIED)
def test_a_plain_denial_still_reads_nothing(text: str) -> None:
    assert categories(text) == set()
