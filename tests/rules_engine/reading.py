"""The default pack's lexicon read once for the worked-case tests, and what a text raises."""

from __future__ import annotations

from rules.engine import load_pack
from rules.textsignals.reader import read_one

PACK = load_pack()


def categories(text: str) -> set[str]:
    """The red-flag categories the default lexicon reads in `text`."""
    return {c for c, _lang, _q in read_one(text, PACK.lexicon)}
