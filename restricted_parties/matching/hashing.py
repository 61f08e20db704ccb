"""Hashes of strings that every process agrees on, and a compact table of rows by hash."""

from __future__ import annotations

from collections.abc import Iterable
from zlib import adler32, crc32

import numpy as np


def stable_hash(text: str) -> int:
    """A 64-bit hash of `text` that is the same in every process (Python's own `hash` is
    salted per process), so an index saved by one process can be read by another: CRC-32
    and Adler-32 of its UTF-8 side by side, both computed in C (a cryptographic digest
    would cost three times as much, per query too). Collisions only add candidates."""
    data = text.encode()
    return ((crc32(data) << 32) | adler32(data)) - 2**63


def stable_hashes(texts: Iterable[str]) -> np.ndarray:
    """`stable_hash` of each of `texts`, as an int64 array."""
    return np.fromiter(map(stable_hash, texts), dtype=np.int64)


class HashTable:
    """Rows by the hash of a string, as two sorted numpy arrays (far smaller than a dict
    of strings at a million rows). Hash collisions only add candidates, which scoring
    then rejects."""

    def __init__(self, values: np.ndarray) -> None:
        order = np.argsort(values, kind="stable")
        self._hashes = values[order]
        self._rows = order.astype(np.int32)

    @classmethod
    def from_arrays(cls, hashes: np.ndarray, rows: np.ndarray) -> HashTable:
        table = cls.__new__(cls)
        table._hashes, table._rows = hashes, rows
        return table

    def rows(self, text: str) -> list[int]:
        h = stable_hash(text)
        lo = int(np.searchsorted(self._hashes, h, side="left"))
        hi = int(np.searchsorted(self._hashes, h, side="right"))
        return self._rows[lo:hi].tolist()


def deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]
