"""Two fields of a deal read together: a red flag written half in each.

"Phone tracking platform" as the title and "for the protesters in the capital" as the use
description say nothing alone and everything together. So the end of a short field (the
title, a product line's name) is read with the start of the use description as one more
text, and only what its two halves raise together is kept: an ``a ~ b`` phrase (a
composed entry or a family) whose match starts in one field and ends in the other (the
reader's ``joint``). A deal with no use description (a bulk row of a channel import has
none) has its product lines read with the customer's sector instead.

The end customer's name is never one of the halves, and is blanked wherever a half repeats
it ("Wi-Fi for Journalists' Union Ltd"): a customer's name says who buys, not what is done
to whom. Both halves are cut to what one match can span (``2 x WINDOW`` words), so the
work stays that of one more short text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from .disguise import as_read
from .languages import tokens
from .lexicon import WINDOW

# (first field, second field) read together; the second is read from its start.
JOINED = (("title", "use_description"), ("lines.names", "use_description"))
# Without a use description, what else says what the customer does.
JOINED_WITHOUT_DESCRIPTION = (("lines.names", "end_user.sector"),)
HALF_WORDS = 2 * WINDOW  # Chinese reads a window of 2 x WINDOW characters, one a token
MAX_NAMES = 8  # product lines read with the description (the work stays bounded)
SEPARATOR = " "  # no sentence end: the two halves are one sentence for the phrase
# A legal form after a customer's name, left off to find the name written without it.
LEGAL_FORMS = frozenset(
    "ltd limited inc llc plc gmbh ag sa sas sarl srl spa bv nv co corp ltda sl oy ab".split()
)


def _values(snapshot: Mapping[str, Any], path: str) -> list[str]:
    value = snapshot.get(path)
    items = value if isinstance(value, list | tuple) else [value]
    return [v for v in items if isinstance(v, str) and v.strip()]


def _name_pattern(name: str) -> re.Pattern[str] | None:
    """The customer's name (and the name without its legal form), as a pattern."""
    words = as_read(name).split()
    if not words or len(" ".join(words)) < 3:
        return None
    forms = [words]
    if len(words) > 1 and words[-1].strip(".,").casefold() in LEGAL_FORMS:
        forms.append(words[:-1])
    alternatives = sorted((r"\s+".join(map(re.escape, f)) for f in forms), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _blanked(text: str, name: re.Pattern[str] | None) -> str:
    if name is None:
        return text
    return name.sub(lambda m: " " * len(m.group()), text)


def _end(text: str) -> str:
    """The last sentence of ``text``, its last ``HALF_WORDS`` words."""
    toks = tokens(text)
    if not toks:
        return ""
    last = [t for t in toks if t[3] == toks[-1][3]][-HALF_WORDS:]
    return text[last[0][1] : last[-1][2]]


def _start(text: str) -> str:
    """The first sentence of ``text``, its first ``HALF_WORDS`` words."""
    toks = tokens(text)
    if not toks:
        return ""
    first = [t for t in toks if t[3] == toks[0][3]][:HALF_WORDS]
    return text[first[0][1] : first[-1][2]]


def joined_texts(snapshot: Mapping[str, Any]) -> Iterator[tuple[str, str, str, int]]:
    """(first field, second field, text, where the second starts in it) of each pair of
    fields read together, the text already as read (``disguise.as_read``)."""
    name = _name_pattern(" ".join(_values(snapshot, "end_user.name")))
    pairs = JOINED if _values(snapshot, "use_description") else JOINED_WITHOUT_DESCRIPTION
    for first, second in pairs:
        seconds = [_start(_blanked(as_read(v), name)) for v in _values(snapshot, second)]
        for value in _values(snapshot, first)[:MAX_NAMES]:
            head = _end(_blanked(as_read(value), name))
            for tail in seconds:
                if head.strip() and tail.strip():
                    yield first, second, head + SEPARATOR + tail, len(head) + len(SEPARATOR)


def joint_quote(text, span: tuple[int, int], second: int) -> str:
    """The words of a match read across two fields, each field's quoted apart."""
    toks = text.toks
    head = " ".join(text.raw[toks[span[0]][1] : toks[second - 1][2]].split())
    tail = " ".join(text.raw[toks[second][1] : toks[span[1]][2]].split())
    return f"{head}” + “{tail}"


def joined_label(labels: Mapping[str, str], first: str, second: str) -> str:
    """How a rep reads where a joint quote's words are: "Title and use description, read
    together"."""
    return f"{labels[first]} and {labels[second].lower()}, read together"
