"""What a bound after an act covers: "…, under a court order" bounds the act of its own
clause, not an act on a protected group the sentence goes on to ("Intercept subscriber
calls under a court order, then flag opposition activists"): a later act is not the act a
judge signed for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .act_scope import CLAUSE_BREAK_RE
from .languages import bare_word
from .negation import NEGATIONS

if TYPE_CHECKING:
    from .reader import _Text


# Words opening a clause after the act's that bounds it: "…, under a court order".
BOUND_WORDS = frozenset("under with sous avec bajo con sob com согласно بموجب".split())


def bound_after(text: _Text, end: int, lo: int) -> bool:
    """Whether benign context at ``lo`` stands in the clause straight after the act's
    (ending at ``end``), one opening on a word of bounds ("Record all calls of our
    customers for quality, under a court order")."""
    toks, raw = text.toks, text.raw
    first = lo
    while first > end + 1 and not CLAUSE_BREAK_RE.search(raw, toks[first - 1][2], toks[first][1]):
        first -= 1
    return bare_word(toks[first][0]) in BOUND_WORDS and not CLAUSE_BREAK_RE.search(
        raw, toks[end][2], toks[first - 1][2]
    )


# Words going on to another act after a bound: "and", "then", "y luego", "puis", "затем",
# "ثم", "然后"; a clause break does too.
NEXT_ACT_WORDS = frozenset(
    "and then also et puis ensuite y luego despues e depois и затем потом а ثم".split()
)
ZH_NEXT_ACT = ("并", "然后", "再", "同时", "而且")
AR_NEXT_ACT = re.compile("^[وف]")
# Words sparing a group named after a bound ("excluding journalists", "sauf les
# journalistes", "nunca a periodistas", "with protection for journalists"): its act is not
# on them. Negations too. Word beginnings compared without accents.
SPARING_STARTS = tuple(
    "except exclu exempt protect safeguard inform notif respect "
    "sauf hors protec sauvegard notifi "
    "excepto salvo proteg resguard notific inform "
    "exceto salvaguard "
    "кроме исключ защит уведом информир "
    "باستثناء عدا سوى حماي".split()
)
ZH_SPARING = ("除了", "除", "不", "不得", "排除", "不包括", "保护", "通知")
SPARED_REACH = 4  # words before the group a sparing word may stand among
# A body of the group's own named after it ("the journalists' union audits this",
# "l'association des journalistes"): an overseer, not people the act is on.
OWN_BODY_WORDS = frozenset(
    "union unions association associations federation council guild ombudsman "
    "syndicat syndicats federation conseil sindicato sindicatos asociacion asociaciones "
    "associacao federacion federacao consejo conselho союз профсоюз ассоциация".split()
)


def group_acted_on_after(text: _Text, end: int, protected: list[tuple[int, int]]) -> bool:
    """Whether a protected group (``protected``) is named after ``end`` (the end of a bound
    and of the act it bounds) in the same sentence or the one a semicolon joins, in another
    clause or act ("…, and flag
    opposition activists", "…; flag …", "… then flag …", "…并标记反对派人士") and not spared
    ("…, excluding journalists", "…; journalists' calls are never intercepted")."""
    toks, raw = text.toks, text.raw
    sentences = {toks[end][3]}
    following = next((k for k in range(end + 1, len(toks)) if toks[k][3] != toks[end][3]), None)
    if following is not None and ";" in raw[toks[following - 1][2] : toks[following][1]]:
        sentences.add(toks[following][3])  # "…; flag opposition activists": one sentence
    for lo, hi in protected:
        if lo <= end or toks[lo][3] not in sentences:
            continue
        if hi + 1 < len(toks) and bare_word(toks[hi + 1][0]) in OWN_BODY_WORDS:
            continue  # "the journalists' union audits this"
        between = toks[end + 1 : lo]
        words = [bare_word(t[0]) for t in between]
        if "\u3400" <= toks[lo][0][:1] <= "\u9fff":
            chars = "".join(words)
            if any(w in chars for w in ZH_SPARING) or not (
                CLAUSE_BREAK_RE.search(raw, toks[end][2], toks[lo][1])
                or any(w in chars for w in ZH_NEXT_ACT)
            ):
                continue
            return True
        if not (
            CLAUSE_BREAK_RE.search(raw, toks[end][2], toks[lo][1])
            or any(w in NEXT_ACT_WORDS or AR_NEXT_ACT.match(w) for w in words)
        ):
            continue  # in the bound's own words: "a court order naming …"
        near = [bare_word(t[0]) for t in toks[max(end + 1, lo - SPARED_REACH) : lo + 4]]
        if any(w.startswith(SPARING_STARTS) or w in NEGATIONS for w in near):
            continue
        return True
    return False


def group_acted_on_before(text: _Text, targets: list[tuple[int, int]], lo: int) -> bool:
    """Whether a protected group the act names (``targets``) stands before the bound at
    ``lo`` and is not spared there ("intercept the calls of protest organisers, under a
    court order", not "intercept calls, excluding journalists, under a court order")."""
    toks = text.toks
    for t_lo, _t_hi in targets:
        if t_lo >= lo:
            continue
        near = [bare_word(t[0]) for t in toks[max(0, t_lo - SPARED_REACH) : t_lo]]
        if "\u3400" <= toks[t_lo][0][:1] <= "\u9fff":
            if any(w in "".join(near) for w in ZH_SPARING):
                continue
        elif any(w.startswith(SPARING_STARTS) or w in NEGATIONS for w in near):
            continue
        return True
    return False
