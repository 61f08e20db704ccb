"""Values stored in JSON columns read back as the standard library's encoder would have had
them read back, whichever encoder wrote them (`hrdd.jsontext`): screenings, findings and
bulk-inserted rows keep their values when orjson writes them."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
import uuid
from collections import namedtuple
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdd import jsontext
from hrdd.bulk import bulk_insert, json_value


def _standard(value, default=str):
    return json.loads(json.dumps(value, default=default, separators=(",", ":")))


@dataclasses.dataclass
class Quote:
    text: str


Place = namedtuple("Place", "start end")

AWKWARD = [
    {"title": "Réseau de l’État — مشروع شبكة — 网络", "line\u2028sep": 'a\tb\n"c"\\'},
    {"score": 1.5e-7, "big": 1e16, "tiny": 5e-324, "neg": -0.0, "ints": [0, -(2**63), 2**64 - 1]},
    {"beyond 64 bits": 2**70},
    {"numpy float": np.float64(0.25), "numpy int": np.int64(5), "numpy bool": np.bool_(True)},
    {"tuple": (1, (2, "x")), "named tuple": Place(3, 7)},
    {"amount": Decimal("1234567.890"), "quote": Quote("x")},
    {"when": datetime.datetime(2026, 12, 1, 23, 30, 15, 123456, tzinfo=datetime.UTC)},
    {"day": datetime.date(2026, 12, 1), "at": datetime.time(9, 5)},
    {1: "a key that is no text", None: "nor this"},
    [[[[[]]]]],
]
# PostgreSQL's jsonb refuses it whichever encoder wrote it: not stored, only encoded.
UNPAIRED = {"unpaired": "\ud800 surrogate"}


@pytest.mark.parametrize("value", [*AWKWARD, UNPAIRED])
def test_a_value_reads_back_as_the_standard_encoder_gives_it(value):
    text, read = jsontext.dumps_read(value, default=str)
    assert read == _standard(value)
    assert json.loads(text) == _standard(value)
    assert jsontext.dumps(value, default=str) == text


def test_text_orjson_cannot_write_as_the_standard_library_does_goes_to_the_standard_encoder():
    for value in ({1: "x"}, 2**70, "\ud800", {"f": np.float64(0.5)}, Place(1, 2)):
        assert jsontext.dumps(value, default=str) == json.dumps(
            value, default=str, separators=(",", ":")
        )


_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_json)
def test_any_json_value_reads_back_the_same(value):
    text, read = jsontext.dumps_read(value, default=str)
    assert read == _standard(value)
    assert json.loads(text) == read


@pytest.mark.django_db
@pytest.mark.parametrize("value", AWKWARD)
def test_a_json_column_written_in_bulk_reads_back_as_before(value):
    from outbox.models import OutboxMessage

    message = OutboxMessage(task="t", args=[], sent_at=None, resend_at=None)
    json_value(message, "args", value)
    assert message.args == _standard(value)
    bulk_insert(OutboxMessage, [message])
    assert OutboxMessage.objects.get(pk=message.pk).args == _standard(value)


# The two differences the module states, pinned: an orjson upgrade that changed either
# would change what a screening stores.
@pytest.mark.parametrize("special", [float("nan"), float("inf"), float("-inf")])
def test_a_nan_or_infinite_float_is_written_as_null_where_the_standard_encoder_writes_no_json(
    special,
):
    value = {"score": special, "scores": [1.0, special]}
    text, read = jsontext.dumps_read(value, default=str)
    assert text == '{"score":null,"scores":[1.0,null]}'
    assert read == {"score": None, "scores": [1.0, None]}
    assert "NaN" in json.dumps(float("nan")) and "Infinity" in json.dumps(float("inf"))


class Tier(enum.Enum):
    HIGH = "high"


class Rank(enum.IntEnum):
    FIRST = 1


class Kind(enum.StrEnum):
    RESALE = "resale"


def test_an_enum_member_is_written_as_its_value_without_asking_default():
    asked = []

    def default(value):
        asked.append(value)
        raise TypeError(f"{type(value).__name__} is not JSON")

    assert jsontext.dumps_read({"tier": Tier.HIGH}, default=default) == (
        '{"tier":"high"}',
        {"tier": "high"},
    )
    assert asked == []
    with pytest.raises(TypeError):  # the standard encoder asks, and is refused
        json.dumps({"tier": Tier.HIGH}, default=default)


def test_int_and_str_enum_members_are_written_as_the_standard_encoder_writes_them():
    value = {"rank": Rank.FIRST, "kind": Kind.RESALE}
    text, read = jsontext.dumps_read(value, default=str)
    assert read == _standard(value) == {"rank": 1, "kind": "resale"}


OTHER_TYPES = {
    "amount": Decimal("1234567.890"),
    "day": datetime.date(2026, 12, 1),
    "when": datetime.datetime(2026, 12, 1, 23, 30, 15, 123456, tzinfo=datetime.UTC),
    "at": datetime.time(9, 5, 1, 500),
    "took": datetime.timedelta(days=1, seconds=3),
    "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
}


@pytest.mark.parametrize("name", sorted(OTHER_TYPES))
def test_a_value_django_s_encoder_writes_reads_back_as_it_wrote_it(name):
    """With Django's encoder as `default`, what it writes is what is stored (orjson's own
    UUID text and the date-times it hands to `default` included)."""
    from django.core.serializers.json import DjangoJSONEncoder

    value = {name: OTHER_TYPES[name]}
    text, read = jsontext.dumps_read(value, default=DjangoJSONEncoder().default)
    assert read == json.loads(json.dumps(value, cls=DjangoJSONEncoder))
    assert json.loads(text) == read
