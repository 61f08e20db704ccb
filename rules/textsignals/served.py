"""A protected group served, not watched.

What must always be true: a wording of attention ("pay attention to", "prêter attention
à", "prestar atención a") reads watching a protected group only when the group itself is
what the attention is paid to ("We pay attention to protest organisers"). Attention paid
to something of theirs or for them ("the needs of human rights defenders", "accessibility
for protest organisers", "journalists' requests", "aux besoins des journalistes", "à
segurança dos jornalistas") is a service to them and reads nothing. A group named as whom a product is for, before
the act it does ("Nuestro CMS para periodistas monitorea el tráfico del sitio"), is not
what the act is done to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .languages import bare_word
from .their_things import on_their_things

if TYPE_CHECKING:
    from .reader import _Text

# The words of attention in the lexicon's wordings of it (accents dropped).
ATTENTION_WORDS = frozenset("attention atencion atencao oeil œil ojo eye".split())
# Words that may stand between the attention and the group: "to the", "aux", "a los".
_LEAD_WORDS = frozenset(
    "to the our these those all a an on upon "
    "a au aux la le les l sur ces nos "
    "al el los las a sobre estos nuestros "
    "ao aos as os à às sobre nossos".split()
)
# Words tying a first noun to the group after it: "needs of", "accessibility for".
_OF_WORDS = frozenset("of for from de des du d pour del para por dos das da do".split())
# Nouns heading a group's own name ("organisers of protests", "defensores de derechos").
_GROUP_HEADS = ("organi", "defen", "lider", "leader", "membr", "member")


def attention_elsewhere(text: _Text, lo: int, hi: int) -> bool:
    """Whether a match of ``lo``..``hi`` is attention paid to something of the group's
    or for it, not to the group itself."""
    toks = text.toks
    at = next((i for i in range(lo, hi) if bare_word(toks[i][0]) in ATTENTION_WORDS), None)
    if at is None:
        return False
    k = at + 1
    while k < hi and bare_word(toks[k][0]) in _LEAD_WORDS:
        k += 1
    if k < hi and bare_word(toks[k + 1][0]) in _OF_WORDS:
        if not bare_word(toks[k][0]).startswith(_GROUP_HEADS):
            return True
    # "journalists' requests", "protest organisers' safety": the group owns what is attended.
    after = text.raw[toks[hi][2] : toks[hi][2] + 1]
    return after in ("'", "\u2019") and hi + 1 < len(toks) and toks[hi + 1][3] == toks[hi][3]


# Words naming whom a product is for: "a CMS for journalists", "para periodistas".
_FOR_WORDS = frozenset("for pour para pra".split())


def served_before_act(text: _Text, lo: int, act: int) -> bool:
    """Whether the group a match starts with at ``lo``, before its act at ``act``, is named
    as whom something is for ("Nuestro CMS para periodistas monitorea el tráfico")."""
    toks = text.toks
    return (
        act > lo > 0
        and toks[lo - 1][3] == toks[lo][3]
        and bare_word(toks[lo - 1][0]) in _FOR_WORDS
        and not text.raw[toks[lo - 1][2] : toks[lo][1]].strip()
    )


def served(text: _Text, lo: int, hi: int, act: int) -> bool:
    """Whether a match from ``lo`` to ``hi`` (its act at ``act``) serves a protected group
    rather than acting on it (``attention_elsewhere``, ``served_before_act``), or bears
    on things of theirs that are no watching of them (``their_things``)."""
    return (
        attention_elsewhere(text, lo, hi)
        or served_before_act(text, lo, act)
        or on_their_things(text, lo, hi, act)
    )
