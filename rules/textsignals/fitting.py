"""The spans of a part by where they start (``Near``), and the fallback of a match of three
parts or more: when the nearest occurrence of one part pushes the next out of the window,
the next nearest are tried (split from the reader)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class Near:
    """The spans of one part by where they start, so that a match looks only at those a
    window away: the work per span is bounded by the words around it, not by how often the
    text repeats the part. ``rank`` keeps the order the spans were found in, which decides
    between two equally near."""

    __slots__ = ("spans", "starts", "rank")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self.spans = [spans[i] for i in order]
        self.starts = [s[0] for s in self.spans]
        self.rank = order

    def near(self, span: tuple[int, int], window: int) -> list[tuple[int, int]]:
        """The spans starting from ``window`` words before the end of ``span`` to
        ``window`` words after its start, by start (those found first first at a place)."""
        return [self.spans[i] for i in self.around(span[0], span[1], window)]

    def around(self, lo: int, hi: int, window: int) -> range:
        """Indexes of the spans that may join (lo, hi) within ``window`` words: those
        starting from ``hi - window`` to ``lo + window``."""
        return range(bisect_left(self.starts, hi - window), bisect_right(self.starts, lo + window))


FIT_TRIES = 3  # occurrences of each part tried when the nearest ones do not fit


def fit(toks, sentence, span, taken, rest, window) -> tuple[int, int, list] | None:
    """The first (lo, hi) holding ``span`` and one occurrence of each part of ``rest``,
    nearest first, within ``window`` words, and the span taken of each part, or None."""
    if not rest:
        return span[0], span[1], taken
    lo, hi = span
    fitting = []
    part = rest[0]  # the spans of the next part, by start (``Near``)
    for i in part.around(lo, hi, window):
        s = part.spans[i]
        if toks[s[0]][3] != sentence or any(s[0] <= t[1] and t[0] <= s[1] for t in taken):
            continue
        nlo, nhi = min(lo, s[0]), max(hi, s[1])
        if nhi - nlo <= window:
            fitting.append(((max(0, s[0] - hi, lo - s[1]), s[0] - s[1]), (nlo, nhi), s))
    fitting.sort()
    for _key, joined, s in fitting[:FIT_TRIES]:
        found = fit(toks, sentence, joined, [*taken, s], rest[1:], window)
        if found is not None:
            return found
    return None
