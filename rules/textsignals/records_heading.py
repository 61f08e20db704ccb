"""A heading that only names call records ("Relevés d'appels : le client télécharge ses
relevés…", "Call records: the customer downloads them from the portal").

What must always be true: such a heading is the subject of the sentence after its colon,
so the customer's own context there (its portal, its accounting) bears on it as on that
sentence; a heading with more words than the records, or a sentence after it that is not
the next, is bounded by nothing said there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .reader import _Text

_COLON_RE = re.compile(r"\s*[:\uff1a]")  # matched at the end of the records


def heading_of_next(text: _Text, span: tuple[int, int], lo: int) -> bool:
    """Whether the match ``span`` is the whole of a heading ending in a colon and the
    benign context at token ``lo`` stands in the sentence right after it."""
    toks = text.toks
    sentence = toks[span[0]][3]
    if toks[lo][3] != sentence + 1:
        return False
    if span[0] > 0 and toks[span[0] - 1][3] == sentence:
        return False  # words before the records: more than a heading of them
    if span[1] + 1 >= len(toks) or toks[span[1] + 1][3] == sentence:
        return False
    return bool(_COLON_RE.match(text.raw, toks[span[1]][2]))
