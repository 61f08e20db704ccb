"""What the text tells around a match that leaves it no red flag, beyond its own words:
an interception's records denied to the state, the channel of the deal's own notices, calls
recorded with the callers told (``notice_channel.interception_aside``), and what a place of
memory tells of a past regime (``past_told``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import CompiledLexicon
from .notice_channel import interception_aside
from .past_told import told_of_the_past

if TYPE_CHECKING:
    from .reader import _Text


def match_aside(
    text: _Text, lexicon: CompiledLexicon, category: str, lo: int, hi: int, act: int
) -> bool:
    """Whether the match from ``lo`` to ``hi`` (its act at ``act``) reads no red flag for
    what the text tells around it."""
    return interception_aside(text, lexicon, category, lo, hi, act) or told_of_the_past(
        text, lexicon, category, lo, hi
    )
