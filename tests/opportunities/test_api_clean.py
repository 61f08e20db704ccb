"""The API reads a deal it can vouch for without the serializer (the direct reading the
promotion of imports uses), and leaves everything else to the validator: whatever a
client sends, the clean data are the validator's, and so are the errors, word for word."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from django.utils import timezone

from opportunities.input_rules import skus_in
from opportunities.selectors import products_active_by_sku
from opportunities.validation import opportunity_clean_direct, opportunity_validate

from .test_api import ISSUE_EXAMPLE, URL

pytestmark = pytest.mark.django_db

ODD = [
    None,
    "",
    "   ",
    0,
    1,
    -1,
    True,
    False,
    1.5,
    12.0,
    "12",
    " 12.0 ",
    "1.505",
    "1e3",
    "NaN",
    [],
    ["x"],
    {},
    "x" * 250,
    "a\x00b",
    " de ",
    "eg",
    "usd",
    "2027-3-31",
    "20270331",
    "2027-03-31T10:00",
    "networking",
    "distributor",
    "reseller",
    "requested",
    "state_telecom",
]


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _paths(inner, (*prefix, i))


def _with(body, path, value, *, drop=False):
    out = copy.deepcopy(body)
    target = out
    for key in path[:-1]:
        target = target[key]
    if drop:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


def _variants():
    paths = [p for p in _paths(ISSUE_EXAMPLE) if p]
    for path in paths:
        yield _with(ISSUE_EXAMPLE, path, None, drop=True)
        for value in ODD:
            yield _with(ISSUE_EXAMPLE, path, value)
    yield {**ISSUE_EXAMPLE, "channel": []}
    yield {**ISSUE_EXAMPLE, "lines": ISSUE_EXAMPLE["lines"] * 30}
    yield {**ISSUE_EXAMPLE, "intended_use": ["network_operations"] * 3}
    yield {**ISSUE_EXAMPLE, "red_flags": ["consignee_intermediary", "unusual_payment"]}
    yield {**ISSUE_EXAMPLE, "unknown_field": "ignored"}
    later = (timezone.localdate() + dt.timedelta(days=365 * 11)).isoformat()
    yield {**ISSUE_EXAMPLE, "expected_close_date": later}
    yield {**ISSUE_EXAMPLE, "expected_close_date": "1999-12-31"}


def test_whatever_a_client_sends_the_direct_reading_is_the_validators_or_nothing(
    sales_rep, partner_a, catalogue
):
    variants = list(_variants())
    assert len(variants) > 1000
    accepted = refused = 0
    for submitter in (sales_rep, partner_a):
        for body in variants:
            cat = products_active_by_sku(skus_in([body]))
            try:
                direct = opportunity_clean_direct(body, catalogue=cat, submitter=submitter)
            except Exception as exc:  # noqa: BLE001 - the direct reading must never raise
                pytest.fail(f"{body!r}: {exc!r}")
            clean, errors = opportunity_validate(body, submitter=submitter, direct=False)
            if errors:
                refused += 1
                assert direct is None, (body, errors)
            elif direct is not None:
                accepted += 1
                assert direct == clean, body
            assert opportunity_validate(body, submitter=submitter) == (clean, errors), body
    assert accepted > 100 and refused > 500


def test_a_valid_deal_through_the_api_skips_the_serializer(api, sales_rep, catalogue, monkeypatch):
    """What a client notices: the same answer; what the worker does: no serializer run."""
    from opportunities import validation

    def refuse(*args, **kwargs):
        raise AssertionError("the serializer ran for a deal the direct reading vouches for")

    client = api.as_user(sales_rep)
    monkeypatch.setattr(validation.OpportunityIn, "run_validation", refuse)
    r = client.post(URL, ISSUE_EXAMPLE, format="json")
    assert r.status_code == 201, r.content
    assert [line["quantity"] for line in r.json()["lines"]] == [40, 2]
    monkeypatch.undo()
    bad = client.post(URL, {**ISSUE_EXAMPLE, "external_id": "X-2", "title": " "}, format="json")
    assert bad.status_code == 400 and bad.json()["errors"] == {"title": "Please fill this in."}


@pytest.mark.parametrize("statement", [[], ["requested"], {"a": 1}])
def test_an_end_use_statement_that_is_not_text_is_a_clear_400(api, sales_rep, catalogue, statement):
    client = api.as_user(sales_rep)
    r = client.post(URL, {**ISSUE_EXAMPLE, "end_use_statement": statement}, format="json")
    assert r.status_code == 400, r.content
    message = r.json()["errors"]["end_use_statement"]
    assert message.endswith("is not one of: signed, requested, refused, none.")
