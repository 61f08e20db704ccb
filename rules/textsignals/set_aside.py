"""What the whole-text weighing set aside in a text: the red flags the reader raises with
the weighing off, less those targeting dissent or profiling (kept whatever the weight).
For the pages that tell an admin or a reviewer what was read and not raised."""

from __future__ import annotations

from dataclasses import replace

from .lexicon import CompiledLexicon
from .reader import read_one
from .weighing import KEPT_WHATEVER_THE_WEIGHT, weighed_ordinary


def set_aside(
    raw: str, lexicon: CompiledLexicon
) -> tuple[float | None, list[tuple[str, str, str]]]:
    """The text's weight when it reads as an ordinary deal (None: it does not, and nothing
    is set aside) and the (category, language, quote) of each red flag set aside."""
    weight = weighed_ordinary(raw, lexicon.cues)
    if weight is None:
        return None, []
    # The same lexicon with the bound off, and a cache of its own: its readings differ.
    unweighed = replace(lexicon, cues=replace(lexicon.cues, ordinary_below=None), reads={})
    return weight, [r for r in read_one(raw, unweighed) if r[0] not in KEPT_WHATEVER_THE_WEIGHT]
