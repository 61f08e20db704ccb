"""Benign context that bounds an act without changing whom it is done to: an overseer
named after an act on a protected group, a machine's state measured said of the people a
match names, and a measure named around a match at the very end of a text. Worked cases
with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Block opposition websites, audited by the regulator.", "censorship"),
        ("Track journalists' phones, audited by the data protection authority.", "tracking"),
        ("Block access to independent media sites, audited by the regulator.", "censorship"),
    ],
)
def test_an_overseer_does_not_cancel_an_act_on_a_protected_group(text: str, category: str):
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Monitor opposition activists' devices using uptime checks.",
        "Monitor protesters' phones for uptime.",
    ],
)
def test_a_machines_state_said_of_people_does_not_cancel_the_act(text: str) -> None:
    assert "targets_dissent" in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Using uptime checks, intercept subscriber calls", "interception"),
        ("Uptime checks to track journalists' phones", "tracking"),
    ],
)
def test_a_measure_before_a_match_ending_the_text_is_read_without_error(
    text: str, category: str
) -> None:
    assert category in categories(text)


def test_a_party_servers_uptime_is_still_benign() -> None:
    assert categories("Monitor the opposition party's servers using uptime checks.") == set()
