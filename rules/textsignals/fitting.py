"""The fallback of a match of three parts or more: when the nearest occurrence of one part
pushes the next out of the window, the next nearest are tried (split from the reader)."""

from __future__ import annotations

FIT_TRIES = 3  # occurrences of each part tried when the nearest ones do not fit


def fit(toks, sentence, span, taken, rest, window) -> tuple[int, int] | None:
    """The first (lo, hi) holding ``span`` and one occurrence of each part of ``rest``,
    nearest first, within ``window`` words, or None."""
    if not rest:
        return span
    lo, hi = span
    fitting = []
    for s in rest[0]:
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
