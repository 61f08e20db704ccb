"""The words that deny an act, and whether a text holds any of them.

A match is negated (``negation.negated``) only by a negation word before it, a fronted
phrase that opens its sentence ("Never, under any circumstances, will we …",
``fronted_negation``) or a Chinese negation among the characters before it. A text none of
whose words is one of those, or the word a fronted phrase without one needs, has nothing
negated, whatever the match: that is worked out once a text, from its distinct words.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from typing import TYPE_CHECKING

from .fronted_negation import OPENERS
from .languages import bare_word
from .negation_words import NEGATIONS

if TYPE_CHECKING:
    from .reader import _Text

# Chinese negations are multi-character; looked for in the characters before a match.
ZH_NEGATIONS = (
    "不会",
    "不得",
    "不用",
    "不能",
    "不可",
    "不是",
    "不将",
    "没有",
    "绝不",
    "从不",
    "禁止",
    "并非",
    "不允许",
    "无需",
    "不做",
    "不",
)

# Words at least one of which any denial needs: a negation word, a fronted phrase's own
# negation or, for a phrase without one ("nowhere", "de modo algum"), its last word; the
# first character of each Chinese negation (tokens are simplified, one character each).
DENIAL_WORDS = (
    NEGATIONS
    | frozenset(next((w for w in o if w in NEGATIONS), o[-1]) for o in OPENERS)
    | frozenset(n[0] for n in ZH_NEGATIONS)
)

# A Chinese negation denies an act whose object it fronts with 对 or 针对 ("不对机组人员个人
# 进行追踪": crew members are not tracked as individuals): the object stands between them.
# Not when a clause, a conjunction or another 对 comes between ("不对数据进行加密，直接对记者…",
# "不对警方收费并对…"), nor 不对 as "wrong" ("结果不对，…"), 不对称, 不对劲, 不对外, 不对口.
ZH_FRONTED_OBJECT_REACH = 16  # tokens (characters) before the act the negation is looked for in
_ZH_FRONTED_OBJECT_RE = re.compile(
    "(?:不|没有|未|绝不|从不)[会得能将再]?针?(对)(?![称劲外口头])[^对并而但却还又直，。；：、,;:!?！？]*$"
)


def zh_fronted_object(text: _Text, first: int) -> int:
    """How many tokens, from its 对 on, a negated fronted object takes right before token
    ``first`` in its sentence (read in what is written there, punctuation included): 0 when
    none. Tokens, not characters, as the window it widens counts them: a Latin word inside
    the object ("不对 GPS 数据进行追踪") is one token of several characters."""
    toks = text.toks
    start = first
    while start > max(0, first - ZH_FRONTED_OBJECT_REACH) and toks[start - 1][3] == toks[first][3]:
        start -= 1
    chars = text.raw[toks[start][1] : toks[first][1]]
    m = _ZH_FRONTED_OBJECT_RE.search(chars)
    if not m:
        return 0
    at = toks[start][1] + m.start(1)  # 对 is a token of its own
    k = start
    while toks[k][1] < at:
        k += 1
    return first - k


_LOCAL = threading.local()


def may_deny(text: _Text) -> bool:
    """Whether any word of the text may deny an act (once a text: each match asks)."""
    if getattr(_LOCAL, "text", None) is not text:
        _LOCAL.text = text
        _LOCAL.found = any(bare_word(w) in DENIAL_WORDS for w in {t[0] for t in text.toks})
        _LOCAL.negations = None
    return _LOCAL.found


def negation_before(text: _Text, first: int) -> bool:
    """Whether a negation word (``NEGATIONS``) stands anywhere before token ``first`` in its
    sentence: without one, no word-by-word scan back from a match can find one. The places
    of a text's negation words are found once a text, each distinct word judged once."""
    if not may_deny(text):
        return False
    places = _LOCAL.negations
    if places is None:
        toks = text.toks
        denies = {w: bare_word(w) in NEGATIONS for w in {t[0] for t in toks}}
        places = _LOCAL.negations = [i for i, t in enumerate(toks) if denies[t[0]]]
    k = bisect_left(places, first)
    return k > 0 and text.toks[places[k - 1]][3] == text.toks[first][3]
