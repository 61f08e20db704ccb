"""Intercepting the calls of journalists, activists or the opposition targets dissent as
tracking or watching them does (wiretapping them did in Russian, Portuguese, Arabic and
Chinese: "прослушивать", "grampear", "التنصت على", "监听"). Worked cases with the default
lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

INTERCEPTED = [
    "Intercept the calls of journalists.",
    "We will wiretap the opposition leaders' phones.",
    "Intercepter les appels des journalistes.",
    "Interceptar las llamadas de los activistas.",
    "Interceptar as chamadas dos jornalistas.",
    "Перехватывать звонки журналистов.",
]


@pytest.mark.parametrize("text", INTERCEPTED)
def test_intercepting_a_dissent_group_reads_both(text: str) -> None:
    assert {"interception", "targets_dissent"} <= categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Secure phones so that journalists' calls cannot be intercepted.",
        "We never intercept journalists' calls.",
        "Nunca interceptamos las llamadas de los periodistas.",
    ],
)
def test_protection_from_interception_or_its_denial_reads_nothing(text: str) -> None:
    assert categories(text) == set()
