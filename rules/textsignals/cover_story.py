"""Benign words given as a cover story: what the act is called or what people are told it
is ("block the opposition news sites and tell users it is a maintenance window", "record
journalists' calls under the guise of compliance"), not what it is done to or how it is
bounded. Said that way, maintenance or compliance clears nothing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .reader import _Text

# Words saying outright that what follows is a pretext, before the benign words: whatever
# the act is done to, they are its cover ("under the guise of maintenance, cut the internet
# in the province").
_PRETEXT_RE = re.compile(
    r"\b(guise|pretext|pretence|pretense|disguised|cover story|camouflaged|"
    r"sous couvert|pretexte|prétexte|deguise|déguisé|deguisee|déguisée|"
    r"pretexto|disfrazad|disfarçad|apariencia de|fachada de|"
    r"под видом|под предлогом|под вывеской|под прикрытием)"
    # Arabic words take a conjunction or preposition as a prefix: no word boundary
    r"|بحجه|ذريعه|تحت مسمي|تحت غطاء|تحت ستار|بدعوي"
)
# Words saying what people are told or what the act is called: an honest operator tells
# its customers about planned maintenance too ("the status page tells customers «planned
# maintenance» while mobile data is cut"), so these make a cover story only of what is said
# about an act on a protected group.
_TOLD_RE = re.compile(
    r"\b(told|tell|tells|telling|call it|calls it|called|labelled|labeled|label it|"
    r"branded|presented as|passed off|framed as|officially|"
    r"dit|dira|dire|présenté|presente|présentée|presentee|qualifi|"
    # "appel", "llama", "chama" only as the verb: "les appels", "las llamadas", "as
    # chamadas" are the calls themselves
    r"appelle\b|appellent\b|appeler\b|appelé|appele\b|"
    r"dice|dicen|decir|dirá|llama\b|llaman\b|llamado\b|llamarlo\b|presentad|"
    r"diz|dizem|dizer|dirá|chama\b|chamam\b|chamado de\b|chamá|apresentad|"
    r"говор|скаж|сообща|называ|назов|объясня|представля)"
    r"|يقال|يبلغ|ابلاغ|نقول|يسمي|نسميه|يسمونه|بوصفه|علي انه|بانه|بانها"
)
# Not "名义" alone: "以自己的名义" (in its own name) is how an operator speaks of itself.
_ZH_PRETEXT_RE = re.compile("借口|幌子|伪装|假借|打着")
_ZH_PRETEXT_AFTER_RE = re.compile("^[”」』\"']?(为名|为借口|为幌子|的名义)")
_ZH_TOLD_RE = re.compile("称|告诉|谎称|说是|对外|美其名")
_BEFORE = 6  # words before the benign ones where the telling is read


def _said_before(text: _Text, lo: int) -> tuple[str, str]:
    toks = text.toks
    first = lo
    while first > 0 and lo - first < _BEFORE and toks[first - 1][3] == toks[lo][3]:
        first -= 1
    words = " ".join(t[0] for t in toks[first:lo])
    raw = text.raw[toks[first][1] : toks[lo][1]] if first < lo else ""
    return words, raw


def cover_story(text: _Text, lo: int, hi: int, on_group: bool) -> bool:
    """Whether the benign words at ``lo..hi`` are a cover story for the act: named after a
    pretext word ("under the guise of", "под видом", "以…为名"), or after what people are
    told or the act is called when the act names a protected group (``on_group``)."""
    words, raw = _said_before(text, lo)
    after = text.raw[text.toks[hi][2] : text.toks[hi][2] + 6]
    if (
        _PRETEXT_RE.search(words)
        or _ZH_PRETEXT_RE.search(raw)
        or _ZH_PRETEXT_AFTER_RE.search(after)
    ):
        return True
    told = _TOLD_RE.search(words) or _ZH_TOLD_RE.search(raw)
    return bool(told) and on_group
