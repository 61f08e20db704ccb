"""The default pack's lexicon read once for the worked-case tests, and what a text raises.

The worked cases are the phrases' (the lexicon's reading): the pack's learned cues are left
out here and tested apart (``test_learned_cues``).
"""

from __future__ import annotations

from rules.engine import compile_criteria, load_pack
from rules.textsignals.reader import read_one

_DEFAULT = load_pack()
PACK = compile_criteria(_DEFAULT.specs, _DEFAULT.tiers, lexicon=_DEFAULT.lexicon.entries)


def categories(text: str) -> set[str]:
    """The red-flag categories the default lexicon reads in `text`."""
    return {c for c, _lang, _q in read_one(text, PACK.lexicon)}
