"""A preview's test of a deal's texts, answered once a text (titles, sectors and customers
repeat across deals): the base of the lexicon's and the learned cues' probes.

Plain Python: nothing here imports Django.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from rules.textsignals import TEXT_SOURCE_FIELDS

# Texts already tested in one preview.
TOUCH_CACHE_SIZE = 50_000


def snapshot_texts(snapshot: Mapping[str, Any]) -> Iterator[str]:
    """Each text of a deal the reader reads (a field may hold several: answers, lines)."""
    for path in TEXT_SOURCE_FIELDS:
        value = snapshot.get(path)
        for item in value if isinstance(value, list | tuple) else (value,):
            if isinstance(item, str):
                yield item


class TextProbe:
    """Whether a change could read a text differently (False: it surely cannot); a
    subclass says how (``_touches``) and when it has nothing to look for (``_empty``)."""

    def __init__(self) -> None:
        self._cache: dict[str, bool] = {}

    def _empty(self) -> bool:
        raise NotImplementedError

    def _touches(self, raw: str) -> bool:
        raise NotImplementedError

    def touches(self, raw: str) -> bool:
        if not raw or not raw.strip() or self._empty():
            return False
        found = self._cache.get(raw)
        if found is None:
            if len(self._cache) >= TOUCH_CACHE_SIZE:
                self._cache.clear()
            found = self._cache[raw] = self._touches(raw)
        return found

    def touches_snapshot(self, snapshot: Mapping[str, Any]) -> bool:
        return any(self.touches(text) for text in snapshot_texts(snapshot))
