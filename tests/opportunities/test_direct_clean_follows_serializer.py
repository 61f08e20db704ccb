"""Promotion's direct path (`opportunity_clean_direct`) takes its limits from the API
serializer's fields, not from its own copy: for every bounded text field, every list
bound and every required field the serializer declares, the direct path refuses what the
serializer refuses (and leaves the words to it), and builds what the serializer builds
for what it accepts. A limit changed in the serializer is followed by both paths."""

from __future__ import annotations

import copy

import pytest
from rest_framework import serializers

from opportunities import input_rules as rules
from opportunities.input_rules import MESSAGES
from opportunities.selectors import products_active_by_sku
from opportunities.validation import (
    Name,
    OpportunityIn,
    Text,
    opportunity_clean_direct,
    opportunity_validate,
)
from tests.factories import deal_body

pytestmark = pytest.mark.django_db


def _walk(fields, prefix=()):
    """(path, field) of every field the serializer declares, nested ones included; a
    list of objects or of codes is entered through its first item."""
    for name, field in fields.items():
        path = (*prefix, name)
        yield path, field
        if isinstance(field, serializers.ListSerializer):
            yield from _walk(field.child.fields, (*path, 0))
        elif isinstance(field, serializers.Serializer):
            yield from _walk(field.fields, path)
        elif isinstance(field, serializers.ListField):
            yield (*path, 0), field.child


FIELDS = list(_walk(OpportunityIn().fields))


def _label(path) -> str:
    return ".".join(map(str, path))


BOUNDED_TEXT = [
    pytest.param(path, field.max_length, isinstance(field, Text), id=_label(path))
    for path, field in FIELDS
    if isinstance(field, serializers.CharField) and field.max_length is not None
]
LISTS = [
    pytest.param(path, field, id=_label(path))
    for path, field in FIELDS
    if isinstance(field, serializers.ListSerializer | serializers.ListField)
]
# Fields of objects (an item of a list is not left out, the list is shortened).
DECLARED = [
    pytest.param(path, field.required, id=_label(path)) for path, field in FIELDS if path[-1] != 0
]

# A valid object for each list of objects, so that the list can be grown to its bounds.
OBJECTS = {
    "channel": {"name": "Nordic Distribution AB", "role": "distributor", "country": "SE"},
    "lines": {"sku": "NET-4400", "quantity": 10},
}


def _items(field, size: int) -> list | None:
    """`size` valid items for the list `field`: copies of one object, or distinct codes of
    its vocabulary (a code given twice counts once); None when there are not so many."""
    if isinstance(field, serializers.ListSerializer):
        return [copy.deepcopy(OBJECTS[field.field_name]) for _ in range(size)]
    codes = list(field.vocabulary)
    return codes[:size] if size <= len(codes) else None


def _put(data: dict, path: tuple, value) -> dict:
    data = copy.deepcopy(data)
    *parents, last = path
    holder = data
    for step in parents:
        holder = holder[step]
    if isinstance(holder, list) and last == len(holder):
        holder.append(value)
    else:
        holder[last] = value
    return data


def _drop(data: dict, path: tuple) -> dict:
    data = copy.deepcopy(data)
    *parents, last = path
    holder = data
    for step in parents:
        holder = holder[step]
    if isinstance(holder, list):
        del holder[last]
    else:
        holder.pop(last, None)
    return data


def _base(path: tuple) -> dict:
    """A valid deal in which the item `path` goes through exists."""
    body = deal_body(red_flags=["unusual_payment"])
    if "capabilities" in path:
        body["lines"] = [{"name": "Packet broker", "capabilities": ["networking"], "quantity": 1}]
    return body


def _both(data: dict, submitter):
    catalogue = products_active_by_sku(rules.skus_in([data]))
    direct = opportunity_clean_direct(data, catalogue=catalogue, submitter=submitter)
    return direct, opportunity_validate(data, submitter=submitter)


def _agree(data: dict, submitter) -> tuple[dict | None, dict]:
    """The direct path builds what the validator returns, or leaves the input to it."""
    direct, (clean, errors) = _both(data, submitter)
    if errors:
        assert direct is None, errors
    else:
        assert direct == clean
    return clean, errors


@pytest.mark.parametrize(("path", "limit", "plain"), BOUNDED_TEXT)
def test_a_text_one_character_over_the_serializers_limit_is_left_to_the_validator(
    path, limit, plain, sales_rep, catalogue
):
    over = _put(_base(path), path, "x" * (limit + 1))
    direct, (clean, errors) = _both(over, sales_rep)
    assert direct is None
    assert errors, "the serializer refuses it"
    if plain:
        assert list(errors.values()) == [MESSAGES["too_long"].format(max_length=limit)]
    # At the limit itself the two paths agree, whether or not the value is a good one.
    _agree(_put(_base(path), path, "x" * limit), sales_rep)


@pytest.mark.parametrize(("path", "field"), LISTS)
def test_a_list_at_and_past_the_serializers_bounds_gets_one_answer(
    path, field, sales_rep, catalogue
):
    least = field.min_length or 0
    sizes = {0, least, max(least - 1, 0)}
    if field.max_length is not None:
        sizes |= {field.max_length, field.max_length + 1}
    for size in sorted(sizes):
        items = _items(field, size)
        if items is None:
            continue
        clean, errors = _agree(_put(_base(path), path, items), sales_rep)
        if size < least or (field.max_length is not None and size > field.max_length):
            assert errors, size


@pytest.mark.parametrize(("path", "required"), DECLARED)
def test_a_field_left_out_is_refused_or_defaulted_as_the_serializer_says(
    path, required, sales_rep, catalogue
):
    clean, errors = _agree(_drop(_base(path), path), sales_rep)
    if required:
        assert errors


NAMES = [
    pytest.param(path, field.allow_blank, id=_label(path))
    for path, field in FIELDS
    if isinstance(field, Name)
]


@pytest.mark.parametrize(("path", "blank_allowed"), NAMES)
def test_a_disguised_name_is_read_as_the_serializer_reads_it(
    path, blank_allowed, sales_rep, catalogue
):
    """A name with a zero-width space, a soft hyphen and a right-to-left override is
    undone the same way on both paths; one made of nothing else is blank on both (refused
    where a blank name is)."""
    assert NAMES, "the serializer has name fields"
    disguised = _put(_base(path), path, "  Alpha\u200b Sys\u00adtems \u202eOC\u202c ")
    clean, errors = _agree(disguised, sales_rep)
    assert not errors
    holder = clean
    for step in path[:-1]:
        holder = holder[step]
    assert holder[path[-1]] == "Alpha Systems CO"
    _, errors = _agree(_put(_base(path), path, "\u200b\u200d\u202e"), sales_rep)
    assert bool(errors) is not blank_allowed
