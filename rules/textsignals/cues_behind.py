"""What a learned cue would quote were the phrases' quotes standing in for it dropped.

A cue whose words overlap a phrase's quote of its category is not quoted: one quote is
enough (``cue_reads``). A preview that removes those phrases uncovers it, and used to read
the whole text again to learn what it then quotes. The reading records it instead, in
``text.cues_behind``, one line per such cue:

- "<k,…>:<first word>:<line>": ``k,…`` the places in ``text.phrases`` of the quotes standing
  in for it, ``line`` what its category's field would hold ("Use description (Russian,
  learned cue): “…”"), empty when the reader's checks would cancel it;
- "<k,…>:?:<i>-<j>": what it would quote is not told (a place of detention named around
  it would hide it, or another quote or cue lies between it and the quotes standing in for
  it, so where it would go is not told either); ``i``-``j`` the places of the quotes whose
  dropping could change that.

A recorded cue is quoted where its quotes were: no other quote or cue lies between its words
and theirs in reading order, so dropping them all puts it in their place, and dropping any
other quote changes neither where it goes nor what it quotes.
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
    cancelled, ``UNKNOWN``), and the reads whose dropping could change an unknown one."""

    reads: tuple[int, ...]
    start: int
    quotes: tuple[str, str] | str | None
    span: tuple[int, int]


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
        own = [*(((a, category), 0) for a in over), ((lo, category), 1)]
        first, last = min(own), max(own)
        between = bisect_right(every, last) - bisect_left(every, first) - len(own)
        if between or len(reads) < len(over):
            quotes = UNKNOWN
        span = (bisect_left(keys, first), bisect_right(keys, last) - 1)
        behind.append(Behind(reads, lo, quotes, span))
    return out, behind


def reindexed(behind: list[Behind], kept: list[int]) -> list[Behind]:
    """``behind`` once the text's reads are only those at ``kept`` (in order)."""
    if not behind:
        return behind
    new = {old: i for i, old in enumerate(kept)}
    out = []
    for b in behind:
        span = [new[i] for i in range(b.span[0], b.span[1] + 1) if i in new]
        out.append(b._replace(reads=tuple(new[i] for i in b.reads), span=(span[0], span[-1])))
    return out


def behind_lines(label: str, behind: list[Behind], at: list[int | None]) -> Iterator[str]:
    """The lines of ``text.cues_behind`` for a text's cues, ``at`` the place of each of the
    text's reads in ``text.phrases`` (None: its category's field was full). A cue behind a
    quote the field left out is not recorded: its category is too full to preview."""
    for b in behind:
        places = [at[i] for i in b.reads]
        if None in places:
            continue
        head = ",".join(map(str, places))
        if b.quotes == UNKNOWN:
            found = [k for k in at[b.span[0] : b.span[1] + 1] if k is not None]
            yield f"{head}:{UNKNOWN}:{found[0]}-{found[-1]}"
        elif b.quotes is None:
            yield f"{head}:{b.start}:"
        else:
            language, quote = b.quotes
            yield f"{head}:{b.start}:{quote_line(label, language, quote, (LEARNED_CUE,))}"


class Recorded(NamedTuple):
    """A line of ``text.cues_behind`` read back: the places in ``text.phrases`` of the
    quotes standing in for the cue, its first word (-1 when unknown), the line it would
    quote ("" when cancelled, None when unknown), and the places whose dropping could
    change an unknown one."""

    places: tuple[int, ...]
    start: int
    line: str | None
    span: tuple[int, int]


def recorded_cues(lines: list[str]) -> list[Recorded]:
    out = []
    for line in lines:
        head, start, rest = line.split(":", 2)
        places = tuple(int(k) for k in head.split(","))
        if start == UNKNOWN:
            i, j = rest.split("-")
            out.append(Recorded(places, -1, None, (int(i), int(j))))
        else:
            out.append(Recorded(places, int(start), rest, (places[0], places[-1])))
    return out


def recorded_line(r: Recorded) -> str:
    head = ",".join(map(str, r.places))
    if r.line is None:
        return f"{head}:{UNKNOWN}:{r.span[0]}-{r.span[1]}"
    return f"{head}:{r.start}:{r.line}"
