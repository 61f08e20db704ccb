"""A workplace named as benign context (the office network, staff laptops, working hours):
where an act is done, and whose workplace it is.

What must always be true: an act on a protected group the match names is not cleared by the
workplace it is done on ("track the protesters' phones on the office network"); the group
whose workplace it is, named in it, just after it behind "of" ("the office network of the
NGO") or just before it ("NGO staff laptops", "在非政府组织的办公网络"), is no group the act is done to
(``benign_scope.bears_on``, kind "workplace").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .languages import bare_word

if TYPE_CHECKING:
    from .reader import _Text

OWNER_REACH = 3  # words from a workplace to the group it belongs to ("… of the NGO")
# Where an act is done: a group before these and the workplace is what the act is done to
# ("surveiller les journalistes sur le réseau"), not the workplace's owner.
_LOCATIVES = frozenset(
    "on in at over across via sur dans par en no na nos nas em в на во على في".split()
)
# Whose it is, after the workplace: "the office network of the NGO", "la red de la ONG";
# nothing else may stand between ("on the company network the journalists' messages").
_OF_WORDS = frozenset("of de du des d del da do das dos".split())
_ARTICLES = frozenset("the l la le les".split())


def owns_workplace(text: _Text, group: tuple[int, int], lo: int, hi: int) -> bool:
    """Whether a group named beside a workplace (from ``lo`` to ``hi``) is the one it
    belongs to: named in it, just after it ("the office network of the NGO") or just before it
    with no word of place between ("NGO staff laptops", "在非政府组织的办公网络"), not the
    people an act is done to on it ("journalists on the company network")."""
    if group[0] <= hi and lo <= group[1]:
        return True  # named in it: "NGO staff laptops"
    if hi < group[0] <= hi + OWNER_REACH:
        between = [bare_word(t[0]) for t in text.toks[hi + 1 : group[0]]]
        return not between or (
            between[0] in _OF_WORDS and all(w in _OF_WORDS | _ARTICLES for w in between[1:])
        )
    if not lo - OWNER_REACH <= group[1] < lo:
        return False
    between = text.toks[group[1] + 1 : lo]
    return not any(bare_word(t[0]) in _LOCATIVES for t in between)
