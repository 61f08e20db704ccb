"""How benign entries of a role the reader treats apart (``entry_roles``: a thing named, an
idiom, a channel) cancel a match beside them, and when benign context names something other
than the protected groups a match acts on (``benign_scope.bears_on``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .languages import bare_word
from .safeguards import CONJUNCTIONS

if TYPE_CHECKING:
    from .reader import _Text


# A channel named ("alertes SMS", "SMS-оповещения") whose first word stands this close after
# the match's first word is the object of its act, not a channel beside it.
CHANNEL_OBJECT_REACH = 2


def thing_bears(
    kind: str, span: tuple[int, int], lo: int, hi: int, targets: list[tuple[int, int]]
) -> bool:
    """Whether a thing or a channel named at ``lo``–``hi`` cancels a match over ``span``: the
    match ends on it ("cámara frigorífica"), its group inside it too ("chemins critiques"),
    not "solo donde viven kurdos: cámara frigorífica"; and a channel is not what the act
    is done to ("intercepter les alertes SMS du syndicat"). A thing also cancels a match
    that starts inside it ("Ministry of Transport and Communications (…): four fixed
    monitoring stations": the ministry's name, not communications monitored). An idiom
    cancels a match that ends or starts in it ("militants … sans arrêt")."""
    if kind == "idiom":
        return lo <= span[1] <= hi or lo <= span[0] <= hi
    inside = all(lo <= t[0] and t[1] <= hi for t in targets)
    ends_on = span[0] <= lo <= span[1] <= hi and inside
    if ends_on and (kind != "channel" or lo - span[0] > CHANNEL_OBJECT_REACH):
        return True
    return kind == "thing named" and lo <= span[0] <= hi < span[1] and inside


# A list's separators: a comma (Latin, Arabic, Chinese), the Chinese enumeration comma. An
# item is listed beside the group when the group follows its last separator within a few
# words, none of them opening a purpose, a relative clause or a new verb ("block phishing and
# malware, so the journalists …", "спам, который заваливал ящик активистов", "attacks, DDoS
# and phishing aimed at the activists' websites", "…, and leave the protesters' videos").
_LIST_BREAK_RE = re.compile("[,\u060c\uff0c\u3001]")
_ZH_AND = frozenset("和及与")
LISTED_REACH = 8
NOT_A_LIST_WORDS = frozenset(
    (
        "so that which who whose to for against leave keep let but while "
        "afin pour qui dont contre mais tandis para que cual quien contra pero mientras "
        "qual quem mas enquanto чтобы против но пока حتى لكي كي الذي التي الذين ضد لكن بينما"
    ).split()
)
NOT_A_LIST_STARTS = tuple(
    "aimed targeting visant laiss dirigid dejar deixar котор направлен оставить оставля "
    "تستهدف يستهدف".split()
)
ZH_NOT_A_LIST = ("让", "以便", "使", "针对", "但", "保留", "不要")


def names_something_else(
    text: _Text,
    span: tuple[int, int],
    lo: int,
    hi: int,
    targets: list[tuple[int, int]],
    item: bool = True,
) -> bool:
    """Whether benign context at ``lo``–``hi`` names something other than the protected
    groups (``targets``) a match over ``span`` acts on: it stands before the match, or
    reaches only its first word ("bot protection to block opposition sites" reads "bot …
    block"), or it is an item listed before the group inside the match ("block phishing,
    spam and the opposition's bulk SMS": the act is done to each item of its list), when it
    may be an ``item`` (a warrant is a bound: "calls … under a court order, journalists
    excluded")."""
    if hi < span[0] or (
        lo < span[0]
        and hi == span[0]
        and not any(lo <= t_hi and t_lo <= hi for t_lo, t_hi in targets)
    ):
        return True
    first = min(t[0] for t in targets)
    if not item or not span[0] < lo <= hi < first:
        return False
    toks, raw = text.toks, text.raw
    last = None  # the token after the last separator between the item and the group
    for k in range(hi + 1, first + 1):
        word = toks[k][0]
        if _LIST_BREAK_RE.search(raw, toks[k - 1][2], toks[k][1]):
            last = k
        if bare_word(word) in CONJUNCTIONS or word in _ZH_AND:
            last = k + 1
    if last is None or first - last > LISTED_REACH:
        return False
    between = toks[last:first]
    if any("\u3400" <= t[0][:1] <= "\u9fff" for t in between):
        return not any(z in "".join(t[0] for t in between) for z in ZH_NOT_A_LIST)
    words = [bare_word(t[0]) for t in between]
    return not any(w in NOT_A_LIST_WORDS or w.startswith(NOT_A_LIST_STARTS) for w in words)
