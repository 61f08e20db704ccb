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
# acts on them (ILO Convention 87). Beginnings of words as tokenised (Arabic: after a
# prefixed "و" or "ال" too); short words that begin others ("paro": "amparo", "parodia")
# only whole. Chinese as written.
_ROLE_STARTS = (
    "organiser",
    "organizer",
    "steward",
    "delegate",
    "walkout",
    "stoppage",
    "picket",
    "striker",
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
    "piquete",
    "paralisaç",
    "paralisac",
    "grevista",
    "организатор",
    "делегат",
    "профорг",
    "забастов",
    "стачк",
    "пикет",
    "منظم",
    "مندوب",
    "اضراب",
    "اعتصام",
)
_ROLE_WORDS = frozenset(("paro", "paros", "strike", "strikes", "struck"))
_ARABIC_PREFIXES = ("وال", "ال", "و")
_ROLE_ZH = ("组织者", "代表", "罢工", "停工", "工会干部", "积极分子")
_ROLE_REACH = 4  # words either side of the match where the workers acted on may be named
# "With the union and the safety delegate": a role joined to the agreement is a party to it.
_AND = frozenset("and et y e и".split())


def _names_role(word: str) -> bool:
    if word in _ROLE_WORDS or word.startswith(_ROLE_STARTS):
        return True
    return any(
        word.startswith(p) and word[len(p) :].startswith(_ROLE_STARTS) for p in _ARABIC_PREFIXES
    )


def acts_on_union_roles(text: _Text, span: tuple[int, int], lo: int, hi: int) -> bool:
    """Whether a match, or the few words around it in its sentence outside the agreement
    itself (``lo..hi``), names a union's organisers, delegates or stewards, or workers on
    strike ("As agreed with the union, organisers' phones are tracked", "… workers who
    joined the walkout are tracked"); not a party joined to the agreement ("with the union
    and the safety delegate")."""
    toks = text.toks
    sentence = toks[span[0]][3]
    if hi + 1 < len(toks) and (toks[hi + 1][0] in _AND or toks[hi + 1][0].startswith("وم")):
        hi += _ROLE_REACH  # the agreement's parties go on past "and"
    first = max(0, span[0] - _ROLE_REACH)
    last = min(len(toks) - 1, span[1] + _ROLE_REACH)
    places = [i for i in range(first, last + 1) if toks[i][3] == sentence and not lo <= i <= hi]
    if any(_names_role(toks[i][0]) for i in places):
        return True
    said = "".join(toks[i][0] for i in places)
    return any(s in said for s in _ROLE_ZH)


# Words by which a later sentence speaks of what was gathered on the workers: their
# locations, positions, movements, the data (stems as tokenised; Chinese as written).
_GATHERED = (
    "location",
    "position",
    "whereabouts",
    "movement",
    "data",
    "localisation",
    "déplacement",
    "deplacement",
    "donnée",
    "donnee",
    "ubicaci",
    "posicion",
    "posición",
    "movimiento",
    "datos",
    "localizaç",
    "localizac",
    "posiç",
    "posic",
    "dados",
    "deslocamento",
    "местоположени",
    "координат",
    "данны",
    "перемещени",
    "геолокаци",
)
# Arabic: with a conjunction or the article written onto the word ("وبياناتهم", "المواقع").
_GATHERED_AR = ("مواقع", "موقع", "بيانات", "تحركات", "احداثيات")
_GATHERED_ZH = ("位置", "定位", "数据", "轨迹", "行踪")
# Negations that deny a hand-over ("never", "not", "under no circumstances"); not "without"
# ("sent to the police without a warrant" hands on). Chinese: ``hands_to_state``'s own.
_DENYING = frozenset(
    "not no never nor ne jamais pas nunca no nao não nem не никогда ни لا لن لم ليس".split()
)


def handed_on_after(text: _Text, span: tuple[int, int]) -> bool:
    """Whether one of the sentences after a match the union agreed to hands something on
    to a state body ("Workers are located on site as agreed with the union. Their locations
    are sent to the police every week."): what the union agreed to for its members' safety
    does not reach the police, whatever the next sentence calls what it hands on."""
    sentences = sentences_of(text)
    last = text.toks[span[1]][3]
    return any(
        _hands_gathered_on(sentences.get(n, []))
        for n in range(last + 1, last + 1 + SENTENCES_AFTER)
    )


def _hands_gathered_on(words: list[str]) -> bool:
    """Whether a sentence hands what was gathered on the workers (their locations, the
    data) on to a state body, undenied: not "thefts are reported to the police", nor
    "under no circumstances is the data passed to the police"."""
    said = "".join(words)
    if not (
        any(w.startswith(_GATHERED) or any(a in w for a in _GATHERED_AR) for w in words)
        or any(g in said for g in _GATHERED_ZH)
    ):
        return False
    return not any(w in _DENYING for w in words) and hands_to_state(words)
