"""The deal input rules as a table of worked cases: plain values in, a clean value or the
message out, with no database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from opportunities import input_rules as rules

M = rules.MESSAGES
TODAY = dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    "rule, value, expected",
    [
        (rules.country, " eg ", ("EG", None)),
        (rules.country, "", (None, M["required"])),
        (rules.country, "Egypt", (None, M["country"].format(value="Egypt"))),
        (rules.currency, "usd", ("USD", None)),
        (rules.currency, "xxq", (None, '"xxq" is not an ISO 4217 currency code.')),
        (rules.quantity, "12", (12, None)),
        (rules.quantity, 12.0, (12, None)),
        (rules.quantity, "2.5", (None, M["whole_number"])),
        (rules.quantity, True, (None, M["whole_number"])),
        (rules.quantity, 0, (None, M["quantity_below"])),
        (rules.quantity, 10_000_001, (None, M["quantity_above"])),
        (rules.quantity, None, (None, M["required"])),
        (rules.amount, "1200.5", (Decimal("1200.50"), None)),
        (rules.amount, "1,200", (None, M["number"])),
        (rules.amount, "NaN", (None, M["number"])),
        (rules.amount, "-1", (None, M["amount_range"])),
        (rules.amount, "100000000000.01", (None, M["amount_range"])),
        (rules.amount, "1.005", (None, M["decimals"])),
        (rules.end_use_statement, "signed", ("signed", None)),
        (rules.yes_no, " Yes ", (True, None)),
        (rules.yes_no, "", (False, None)),
        (rules.yes_no, "perhaps", (None, M["yes_no"])),
    ],
)
def test_a_value_is_read_or_refused_in_the_forms_words(rule, value, expected):
    assert rule(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-12-31", (dt.date(2026, 12, 31), None)),
        ("2026-12-31T10:00:00", (dt.date(2026, 12, 31), None)),
        (dt.datetime(2026, 12, 31, 10), (dt.date(2026, 12, 31), None)),
        ("31/12/2026", (None, M["date"])),
        ("1999-12-31", (None, M["date_window"])),
        ("2036-06-01", (None, M["date_window"])),
    ],
)
def test_a_date_is_read_within_ten_years(value, expected):
    assert rules.date_text(value, today=TODAY) == expected


def test_codes_keep_their_order_drop_repeats_and_name_the_first_unknown():
    vocabulary = {"a": 1, "b": 2}
    assert rules.codes("thing", ["b", "a", "b"], vocabulary) == (["b", "a"], None)
    values, problem = rules.codes("thing", ["a", "zz", "yy"], vocabulary)
    assert values is None and problem.startswith('"zz" is not a known thing code')
    assert rules.codes("thing", [], vocabulary, required="Add one.") == (None, "Add one.")


CATALOGUE = {"NET-1": SimpleNamespace(name="Switch", capabilities=["networking"])}


@pytest.mark.parametrize(
    "sku, name, capabilities, line, problems",
    [
        ("NET-1", "", [], {"name": "Switch", "capabilities": ["networking"]}, {}),
        ("NET-1", "My switch", ["networking"], {"name": "My switch"}, {}),
        ("NET-1", "", ["general_compute"], {}, {"capabilities": M["catalogue_capabilities"]}),
        ("NOPE", "", [], {}, {"sku": 'No active catalogue product has SKU "NOPE".'}),
        ("", "Box", ["general_compute"], {"product": None, "name": "Box"}, {}),
        ("", "Box", [], {}, {"capabilities": M["capabilities_needed"]}),
        ("", "", [], {}, {"sku": M["product_needed"]}),
    ],
)
def test_a_product_line_is_checked_against_the_catalogue_passed_in(
    sku, name, capabilities, line, problems
):
    got, got_problems = rules.product_line(
        sku=sku, name=name, capabilities=capabilities, catalogue=CATALOGUE
    )
    assert got_problems == problems
    assert {k: got[k] for k in line} == line


def test_the_skus_of_a_batch_are_read_from_any_shape_of_input():
    items = [
        {"lines": [{"sku": " NET-1 "}, {"sku": ""}, {"name": "Box"}, "junk"]},
        {"lines": "not a list"},
        ["not", "a", "deal"],
        {"lines": [{"sku": "NET-2"}, {"sku": 7}]},
    ]
    assert rules.skus_in(items) == {"NET-1", "NET-2"}
