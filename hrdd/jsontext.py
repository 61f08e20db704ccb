"""Compact JSON text for values stored in JSON columns, encoded by orjson where it gives
the same values back as the standard library's encoder, by the standard library elsewhere.

A promoted deal's screening (snapshot, findings, basis) and its bulk-inserted rows were
encoded by `json.dumps`, a sixth of the deal's worker CPU. orjson encodes the same values
several times faster. Its text differs in bytes (non-ASCII characters written as they are,
not as \\u escapes; `1.5e-7` for `1.5e-07`) but not in what a JSON reader, PostgreSQL's
jsonb included, reads from it. Where it would read differently, orjson is not used:

- values the standard encoder writes as JSON but orjson would hand to `default` (float,
  tuple and dict-key types of other kinds, such as NumPy's floats or named tuples): the
  value goes to the standard encoder whole;
- a dataclass, a date or time, which orjson would write its own way: `default` is asked,
  as the standard encoder asks it;
- what orjson refuses (keys that are not strings, integers beyond 64 bits, unpaired
  surrogates, nesting deeper than 254): the standard encoder, as before.

Two differences remain. A NaN or infinite float, which the standard encoder writes as
`NaN` (no JSON; PostgreSQL refuses it in a jsonb column), orjson writes as `null`. An
`enum.Enum` member orjson writes as its value, where the standard encoder asks `default`
(which may refuse it); no screening or bulk row holds one, and looking for one in every
value would cost what orjson saves.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import orjson

_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


class _Standard(Exception):
    """The value holds something only the standard encoder writes as it always did."""


def _guarded(default: Callable) -> Callable:
    def ask(value):
        # Subclasses of float and tuple: the standard encoder writes them as numbers and
        # arrays, orjson would hand them to `default`.
        if isinstance(value, float | tuple | list | dict | str | int):
            raise _Standard
        return default(value)

    return ask


def dumps(value, default: Callable) -> str:
    """`json.dumps(value, default=default, separators=(",", ":"))`, or text that reads the
    same (see the module's note)."""
    return dumps_read(value, default)[0]


def dumps_read(value, default: Callable) -> tuple[str, object]:
    """The text `dumps` gives and the value a JSON reader gives back from it (lists for
    tuples, `default`'s text for other values): each read by the library that wrote it,
    orjson's text by orjson (its integers fit 64 bits, its floats are written to be read
    back exactly), the standard encoder's by the standard reader."""
    try:
        text = orjson.dumps(value, default=_guarded(default), option=_OPTIONS)
    except (_Standard, TypeError):
        text = json.dumps(value, default=default, separators=(",", ":"))
        return text, json.loads(text)
    return text.decode(), orjson.loads(text)
