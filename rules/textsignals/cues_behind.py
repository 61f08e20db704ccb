"""What a learned cue would quote were the phrases' quotes standing in for it dropped.

A cue whose words overlap a phrase's quote of its category is not quoted: one quote is
enough (``cue_reads``). A preview that removes those phrases uncovers it, and used to read
the whole text again to learn what it then quotes. The reading records it instead, in
``text.cues_behind``, one line per such cue:

- "<k,…>:<first word>:<before>:<i>-<j>:<line>": ``k,…`` the places in ``text.phrases`` of
  the quotes standing in for it, ``i``-``j`` those of its text's quotes, ``before`` how many
  of them come before it in reading order, and ``line`` what its category's field would
  hold ("Use description (Russian, learned cue): “…”"), empty when the reader's checks would
  cancel it;
- "<k,…>:?:<i>-<j>": what it would quote is not told (a place of detention named around it
  would hide it, or another quote or cue starts with it, so its order is not told either).

What a recorded cue quotes depends on no phrase, and its place in reading order on the
quotes left, so a removal can put it where a re-read would; an unknown one reads its deal
again when a quote of its text is dropped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from .cue_reads import LEARNED_CUE, UNKNOWN, Shadowed
from .languages import LANGUAGE_NAMES
from .whole_text import WHOLE_TEXT

if TYPE_CHECKING:
    from .reader import Read

CUES_BEHIND_FIELD = "text.cues_behind"
_HOW = {(LEARNED_CUE,): ", learned cue", (WHOLE_TEXT,): ", whole text weighed"}  # no phrase


def quote_line(label: str, language: str, quote: str, winners: tuple[str, ...]) -> str:
    """A quote as its category's field holds it: "<field> (<language>[, how]): “<words>”"."""
    return f"{label} ({LANGUAGE_NAMES[language]}{_HOW.get(winners, '')}): “{quote}”"


class Behind(NamedTuple):
    """A cue behind quotes of one text: the reads (by their place in the text's reads)
    standing in for it, its first word, what it would quote ((language, quote), None when
    cancelled, ``UNKNOWN``), and how many of the text's reads come before it."""

    reads: tuple[int, ...]
    start: int
    quotes: tuple[str, str] | str | None
    before: int


def merged_reads(
    places: list[tuple[str, int]],
    place_reads: list[Read],
    cues: list[tuple[int, str, Read]],
    shadowed: list[Shadowed],
) -> tuple[list[Read], list[Behind]]:
    """The phrases' reads (``places`` (category, first word) in reading order) and the cues'
    in reading order (a phrase's first at one place), and the cues behind them."""
    keyed = [
        ((pos, category), 0, r) for (category, pos), r in zip(places, place_reads, strict=True)
    ]
    keyed += [((lo, category), 1, r) for lo, category, r in cues]
    keyed.sort(key=lambda m: (m[0], m[1]))
    out = [r for _pos, _kind, r in keyed]
    if not shadowed:
        return out, []
    keys = [(pos, kind) for pos, kind, _r in keyed]
    at = {pos: i for i, (pos, kind) in enumerate(keys) if kind == 0}
    every = sorted([*keys, *(((lo, c), 1) for lo, c, _over, _q in shadowed)])
    behind = []
    for lo, category, over, quotes in shadowed:
        reads = tuple(sorted(at[(a, category)] for a in over if (a, category) in at))
        key = ((lo, category), 1)
        if bisect_right(every, key) - bisect_left(every, key) > 1 or len(reads) < len(over):
            quotes = UNKNOWN  # another cue starts with it: their order is a re-read's to tell
        behind.append(Behind(reads, lo, quotes, bisect_left(keys, key)))
    return out, behind


def reindexed(behind: list[Behind], kept: list[int]) -> list[Behind]:
    """``behind`` once the text's reads are only those at ``kept`` (in order)."""
    new = {old: i for i, old in enumerate(kept)}
    return [
        b._replace(reads=tuple(new[i] for i in b.reads), before=sum(i < b.before for i in kept))
        for b in behind
    ]


def behind_lines(label: str, behind: list[Behind], at: list[int | None]) -> Iterator[str]:
    """The lines of ``text.cues_behind`` for a text's cues, ``at`` the place of each of the
    text's reads in ``text.phrases`` (None: its category's field was full). A cue behind a
    quote the field left out is not recorded: its category is too full to preview."""
    present = [k for k in at if k is not None]
    for b in behind:
        places = [at[i] for i in b.reads]
        if None in places or not places:
            continue  # no place of its own to name: a removal reads the deal again
        head = f"{','.join(map(str, places))}"
        text = f"{present[0]}-{present[-1]}"
        if b.quotes == UNKNOWN:
            yield f"{head}:{UNKNOWN}:{text}"
            continue
        before = sum(k is not None for k in at[: b.before])
        line = quote_line(label, *b.quotes, (LEARNED_CUE,)) if b.quotes else ""
        yield f"{head}:{b.start}:{before}:{text}:{line}"


class Recorded(NamedTuple):
    """A line of ``text.cues_behind`` read back: the places in ``text.phrases`` of the
    quotes standing in for the cue, its first word, how many of its text's quotes come
    before it, the places of its text's quotes (first, last), and the line it would quote
    ("" when cancelled, None when unknown; then the first word and order are -1)."""

    places: tuple[int, ...]
    start: int
    before: int
    text: tuple[int, int]
    line: str | None


def recorded_cues(lines: list[str]) -> list[Recorded] | None:
    """The records of ``text.cues_behind``; None when a line is not one (a stored reading
    altered by hand): the preview then reads the deal again."""
    out = []
    try:
        for line in lines:
            head, start, rest = line.split(":", 2)
            places = tuple(int(k) for k in head.split(","))
            if start == UNKNOWN:
                i, j = rest.split("-")
                out.append(Recorded(places, -1, -1, (int(i), int(j)), None))
            else:
                before, text, quote = rest.split(":", 2)
                i, j = text.split("-")
                out.append(Recorded(places, int(start), int(before), (int(i), int(j)), quote))
    except (AttributeError, ValueError):
        return None
    return out


def recorded_line(r: Recorded) -> str:
    head = ",".join(map(str, r.places))
    text = f"{r.text[0]}-{r.text[1]}"
    if r.line is None:
        return f"{head}:{UNKNOWN}:{text}"
    return f"{head}:{r.start}:{r.before}:{text}:{r.line}"
