"""A place of detention named is a fact about the end user, not a red flag.

A prison, a jail, a remand or detention centre named says who the customer is or where the
product goes ("the prison's kitchen"); what is done to the people held is the red flag.
Such names are entries of their own category (``SITE``, one of ``lexicon.FACTS``), quoted
in ``text.detention_site`` and never in ``text.signals``. A detention match that lies
wholly inside such a name reads the name only: "remand prison" is an act ("remand") and a
target ("remand prison") of one family, "detention centre" an act and a place, but the
words name a place and nothing is done in them. Only a name read in one piece hides: a
place an entry reads by words apart ("cells … inmates") hides nothing written between them
(the reader leaves its span out of ``quoted``).
"""

from __future__ import annotations

SITE = "detention_site"
DETENTION = "detention"

Span = tuple[int, int]


def site_around(quoted: dict[str, list[Span]], lo: int, hi: int) -> int | None:
    """The first word of a place of detention the phrases named that holds the words lo..hi
    wholly (None: none does)."""
    for s_lo, s_hi in quoted.get(SITE, ()):
        if s_lo <= lo and hi <= s_hi:
            return s_lo
    return None


def drop_detention_inside_sites(
    places: dict, quoted: dict[str, list[Span]]
) -> dict[tuple[str, int], set[str]]:
    """Drop from ``places`` (and ``quoted``) each detention place whose longest match lies
    wholly inside a place of detention named; return, per place named, the phrases (keys)
    of what it hid: a preview that removes the place's phrases must read the text again."""
    spans = quoted.get(DETENTION)
    if not spans or SITE not in quoted:
        return {}
    ends: dict[int, int] = {}
    for lo, hi in spans:
        ends[lo] = max(hi, ends.get(lo, hi))
    hidden: dict[tuple[str, int], set[str]] = {}
    dropped = set()
    for lo, hi in ends.items():
        site = site_around(quoted, lo, hi)
        if site is not None:
            dropped.add(lo)
            matches = places.pop((DETENTION, lo), ())
            hidden.setdefault((SITE, site), set()).update(key for _l, _q, key in matches)
    if dropped:
        kept = [s for s in spans if s[0] not in dropped]
        if kept:
            quoted[DETENTION] = kept
        else:
            del quoted[DETENTION]
    return hidden
