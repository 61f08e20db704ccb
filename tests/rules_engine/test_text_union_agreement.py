"""A union's agreement to a safety system is not its members' consent to being watched:
"as agreed with the union" clears locating workers in a mine, never tracking union members
or strikers (ILO Convention 87, freedom of association)."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Union members' phones are tracked during strikes, as agreed with the union",
            "targets_dissent",
        ),
        ("Union members' phones are tracked, as agreed with the union", "targets_dissent"),
        ("Strikers' phones are tracked, as agreed with the union", "targets_dissent"),
        ("Strikers' phones are tracked, as agreed with the union", "tracking"),
        ("Trade unionists' calls are recorded, as agreed with the union", "interception"),
        (
            "Les téléphones des membres du syndicat sont suivis pendant les grèves, en accord "
            "avec le syndicat",
            "targets_dissent",
        ),
        (
            "Телефоны членов профсоюза отслеживаются во время забастовок по согласованию с "
            "профсоюзом",
            "targets_dissent",
        ),
        ("罢工期间追踪工会会员的手机，已与工会达成一致", "targets_dissent"),
        # The union agrees for its members, not for the state: what is handed on is read.
        ("Workers' location data is shared with the police, as agreed with the union", "tracking"),
        (
            "Workers are tracked and their positions sent to the interior ministry, as agreed "
            "with the union",
            "tracking",
        ),
        (
            "All calls of the workers are recorded and handed to the security service, as "
            "agreed with the union",
            "interception",
        ),
    ],
)
def test_the_union_agreeing_does_not_clear_an_act_on_its_members(text, expected):
    assert expected in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Miners are located underground as agreed with their union",
        "Workers are located on site as agreed with the union",
    ],
)
def test_workers_located_for_their_safety_as_agreed_with_their_union_stay_ordinary(text):
    assert categories(text) == set()
