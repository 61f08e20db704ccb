"""The snapshot schema and the example snapshot the Django side validates criteria with."""

from __future__ import annotations

import pytest

from rules.engine import FIELDS, check_snapshot, example_snapshot
from rules.engine.fields import FIELD_TYPES


def test_every_field_has_a_known_type_and_a_description() -> None:
    for path, (ftype, description) in FIELDS.items():
        assert ftype in FIELD_TYPES, path
        assert description.strip(), path


def test_the_example_snapshot_is_complete_and_valid() -> None:
    snap = example_snapshot()
    assert snap.keys() == FIELDS.keys()
    assert check_snapshot(snap) == []


def test_example_snapshots_do_not_share_lists() -> None:
    first = example_snapshot()
    first["capabilities"].append("intrusion_spyware")
    assert example_snapshot()["capabilities"] == ["networking"]


@pytest.mark.parametrize(
    ("args", "kwargs", "path", "value"),
    [
        (({"end_user.type": "police"},), {}, "end_user.type", "police"),
        ((), {"end_user__type": "police"}, "end_user.type", "police"),
        ((), {"capabilities": ["storage"]}, "capabilities", ["storage"]),
        (({"country.civil_liberties": None},), {}, "country.civil_liberties", None),
    ],
)
def test_example_snapshot_takes_overrides_by_dotted_path(
    args: tuple, kwargs: dict, path: str, value: object
) -> None:
    assert example_snapshot(*args, **kwargs)[path] == value


def test_an_unknown_override_names_the_closest_field() -> None:
    with pytest.raises(KeyError, match='did you mean "country.rule_of_law"'):
        example_snapshot({"contry.rule_of_law": 1.0})


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"capability_severity": "5"}, 'field "capability_severity" should be int'),
        ({"capability_severity": True}, 'field "capability_severity" should be int'),
        ({"country.sanctioned": 0}, 'field "country.sanctioned" should be bool'),
        ({"capabilities": "networking"}, 'field "capabilities" should be list[str]'),
        ({"capabilities": [1]}, 'field "capabilities" should be list[str]'),
        ({"value.amount": None}, 'field "value.amount" should be number'),
        ({"country.rule_of_law": "high"}, 'field "country.rule_of_law" should be number?'),
    ],
)
def test_check_snapshot_reports_wrong_types(overrides: dict, message: str) -> None:
    errors = check_snapshot(example_snapshot(overrides))
    assert any(message in e for e in errors), errors


def test_check_snapshot_reports_missing_and_unknown_fields() -> None:
    snap = example_snapshot()
    del snap["country.code"]
    snap["contry.code"] = "NO"
    errors = check_snapshot(snap)
    assert 'missing field "country.code"' in errors
    assert 'unknown field "contry.code" (did you mean "country.code"?)' in errors
