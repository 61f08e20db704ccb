"""A union's own affairs (its members' dues, the payroll that deducts them, its collective
agreement) are benign context for an act on the union's own members only: "the union
members' list is used to deduct dues from wages" is the union's business; "identify the
protesters from the payroll records" is no business of the union's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .handing import sentences_of
from .recipient import SENTENCES_AFTER, hands_to_state

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


# A union's organisers, delegates and stewards, and workers who struck or walked out: the
# lexicon names none of them as a protected group, yet a union's agreement is no consent to
# acts on them (ILO Convention 87). Stems as tokenised; Chinese as written.
_ROLE_STEMS = (
    "organiser",
    "organizer",
    "steward",
    "delegate",
    "walkout",
    "walked out",
    "stoppage",
    "picket",
    "organisateur",
    "délégué",
    "delegue",
    "grév",
    "grev",
    "débrayage",
    "debrayage",
    "organizador",
    "delegad",
    "huelg",
    "paro",
    "piquete",
    "paralisa",
    "организатор",
    "делегат",
    "профорг",
    "уполномоченн",
    "забастов",
    "стачк",
    "пикет",
    "منظم",
    "مندوب",
    "اضراب",
    "الاضراب",
    "اعتصام",
)
_ROLE_ZH = ("组织者", "代表", "罢工", "停工", "工会干部", "积极分子")
_ROLE_REACH = 4  # words either side of the match where the workers acted on may be named


def acts_on_union_roles(text: _Text, span: tuple[int, int], lo: int, hi: int) -> bool:
    """Whether a match, or the few words around it in its sentence outside the agreement
    itself (``lo..hi``), names a union's organisers, delegates or stewards, or workers on
    strike ("As agreed with the union, organisers' phones are tracked", "… workers who
    joined the walkout are tracked")."""
    toks = text.toks
    sentence = toks[span[0]][3]
    first = max(0, span[0] - _ROLE_REACH)
    last = min(len(toks) - 1, span[1] + _ROLE_REACH)
    places = [i for i in range(first, last + 1) if toks[i][3] == sentence and not lo <= i <= hi]
    words = " ".join(toks[i][0] for i in places)
    if any(s in words for s in _ROLE_STEMS):
        return True
    said = "".join(toks[i][0] for i in places)
    return any(s in said for s in _ROLE_ZH)


def handed_on_after(text: _Text, span: tuple[int, int]) -> bool:
    """Whether one of the sentences after a match the union agreed to hands something on
    to a state body ("Workers are located on site as agreed with the union. Their locations
    are sent to the police every week."): what the union agreed to for its members' safety
    does not reach the police, whatever the next sentence calls what it hands on."""
    sentences = sentences_of(text)
    last = text.toks[span[1]][3]
    return any(
        hands_to_state(sentences.get(n, [])) for n in range(last + 1, last + 1 + SENTENCES_AFTER)
    )
