"""A union's own affairs (its members' dues, the payroll that deducts them, its collective
agreement) are benign context for an act on the union's own members only: "the union
members' list is used to deduct dues from wages" is the union's business; "identify the
protesters from the payroll records" is no business of the union's."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .reader import _Text

# Stems naming a union or its members, in the seven languages (words as tokenised: lower
# case, Arabic letters folded; Chinese one character a token, so its two characters).
_UNION_STEMS = (
    "union",
    "syndic",
    "syndiq",
    "sindica",
    "sindical",
    "afiliad",
    "профсоюз",
    "نقاب",
)
_UNION_ZH = ("工", "会")
# How far around a group's words the union may be named ("members of the union",
# "membres du syndicat", "أعضاء النقابة").
_AROUND = 3


def _names_union(text: _Text, lo: int, hi: int) -> bool:
    words = [t[0] for t in text.toks[lo : hi + 1]]
    if any(s in w for w in words for s in _UNION_STEMS):
        return True
    return any(words[i : i + 2] == list(_UNION_ZH) for i in range(len(words) - 1))


def on_others_than_members(
    text: _Text, span: tuple[int, int], groups: list[tuple[int, int]]
) -> bool:
    """Whether a match acts on a protected group other than a union's own members
    ("identify the protesters", "match faces from opposition rally photos"): a union's
    payroll or dues do not bound that act."""
    return any(
        not _names_union(text, max(span[0], g_lo - _AROUND), min(span[1], g_hi + _AROUND))
        for g_lo, g_hi in groups
    )
