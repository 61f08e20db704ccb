"""The deal's text read by a criteria version's lexicon, as snapshot fields.

Plain Python: nothing here imports Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rules.textsignals import empty_text_fields, read_text

from .fields import TEXT_READ_FIELDS

if TYPE_CHECKING:
    from .criteria import CompiledCriteria

_NO_TEXT = empty_text_fields()


def text_read(snapshot: Mapping[str, Any], compiled: CompiledCriteria) -> dict[str, Any]:
    """The ``text.*`` fields of a snapshot as ``compiled``'s lexicon reads them."""
    if compiled.lexicon.signals:
        return read_text(snapshot, compiled.lexicon)
    return dict(_NO_TEXT)


def with_text(snapshot: Mapping[str, Any], compiled: CompiledCriteria) -> Mapping[str, Any]:
    """The snapshot with its ``text.*`` fields read by ``compiled``'s lexicon.

    Always recomputed (a stored snapshot's quotes came from another lexicon); the copy is
    skipped when there is no lexicon and nothing to clear.
    """
    if compiled.lexicon.signals:
        return {**snapshot, **read_text(snapshot, compiled.lexicon)}
    if any(snapshot.get(f) for f in TEXT_READ_FIELDS):
        return {**snapshot, **_NO_TEXT}
    return snapshot
