"""Denials a limiting word lifts only when it bears on the hand-over itself: right after
the recipient or the handing verb, and not when the sentence denies the limited form as
well. Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

# A limit in a later clause, or one the sentence denies too: the denial stands.
HONEST_DENIALS = [
    "Call records are never shared with the police and are deleted before the end of the month.",
    "Call records are never shared with the police and are kept until the customer deletes them.",
    "Call records are never shared with the police, not even in bulk.",
    "Call records are never shared with the police, not directly, not through a partner.",
    "Call records are never shared with the police, whether in bulk, singly, encrypted, "
    "unencrypted.",
    "Call records are never shared with the police in bulk, and never one by one.",
    "Les relevés d'appels ne sont jamais transmis à la police et sont effacés avant la fin du "
    "mois.",
    "Los registros de llamadas nunca se comparten con la policía y se borran antes de fin de mes.",
    "Los registros de llamadas nunca se comparten con la policía y se guardan hasta que el "
    "cliente los borra.",
    "Os registos de chamadas nunca são partilhados com a polícia e são apagados antes do fim do "
    "mês.",
    "Os registos de chamadas nunca são partilhados com a polícia, nem diretamente.",
]


@pytest.mark.parametrize("text", HONEST_DENIALS)
def test_a_limit_away_from_the_hand_over_or_denied_too_leaves_the_denial_standing(
    text: str,
) -> None:
    assert categories(text) == set()


def test_a_french_word_start_does_not_undo_a_spanish_denial() -> None:
    """ "perd" (perdre: to lose) is French; "No perdemos tiempo rastreando" denies the
    tracking in Spanish."""
    assert categories("No perdemos tiempo rastreando a manifestantes.") == set()


# A limit, then an exception naming a narrower way of handing on, not a state body; one
# limit or another; an exception in other words: the records still go to the state body.
STILL_HANDED_ON = [
    "Call records are never shared with the police in bulk, only one by one on request.",
    "Los registros de llamadas nunca se comparten con la policía en bloque, solo uno por uno "
    "a petición.",
    "Les relevés d'appels ne sont jamais transmis en masse à la police, seulement à la demande.",
    "Записи звонков никогда не передаются полиции массово, только по запросу.",
    "Call records are never sent to the police in bulk or unencrypted.",
    "Call records are never shared with anyone besides the Interior Ministry.",
    "Call records are never shared with anyone apart from the Interior Ministry.",
    "Call records are never shared with anyone, excluding the Interior Ministry.",
    "Les relevés d'appels ne sont transmis à personne, à part la police.",
    "Записи звонков не передаются никому, помимо полиции.",
]


@pytest.mark.parametrize("text", STILL_HANDED_ON)
def test_a_limited_or_excepted_denial_still_hands_the_records_on(text: str) -> None:
    assert "interception" in categories(text)
