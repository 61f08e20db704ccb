"""An attack the customer's own people suffered, told as the reason for the purchase.

What must always be true: a match told in a past passive on people named as the customer's
own ("their", "sus", "leurs", "seus", "our"), whose agent is some tool or author of attack
(bare or with "a": "by spyware", "de un programa espía", "par un logiciel espion"), after a
word of "after" or as "victims of" ("training after their reporters were targeted by
spyware", "después de que sus reporteros fueran objetivo de un programa espía", "après que
leurs reporters ont été visés par un logiciel espion") is harm done to them by someone
else, not the deal's use, and reads nothing. The same act wanted or to come ("reporters
will be targeted by spyware", "… to be targeted"), on people not named as the customer's
("after opposition leaders were targeted by spyware, the ministry wants more"), told
without "after", or done by a tool the text points to ("by the spyware supplied", "by our
spyware", "pelo spyware da empresa") is read as ever.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .act_scope import CLAUSE_BREAK_RE
from .languages import bare_word

if TYPE_CHECKING:
    from .reader import _Text

# Words (accents dropped) of "after" that open the story of what happened before.
AFTER_WORDS = frozenset("after following despues tras apres depois apos".split())
# Past passive auxiliaries: "were", "have been", "fueron", "han sido", "ont été", "foram".
PAST_AUXILIARIES = frozenset(
    "were was been fueron fueran fuesen fue fuera sido ete furent fut foram foi fossem".split()
)
# "Were victims of spyware" tells the harm suffered without an "after".
VICTIM_WORDS = frozenset("victims victim victimas victima victimes victime vitimas vitima".split())
AGENT_WORDS = frozenset("by por par de with con avec com".split())  # not "pelo": "by the"
ATTACK_STARTS = tuple(
    "spyware malware stalkerware ransomware phishing hacker pirat espion espia espiao "
    "pegasus predator attaque ataque attack ciberataq cyberattaq hameconn".split()
)
# The customer's own people: "their reporters", "sus reporteros", "leurs reporters".
POSSESSIVES = frozenset(
    "their its our sus su nuestros nuestras leurs leur ses nos seus suas nossos nossas".split()
)
# Some tool of attack, not one the text points to: bare ("by spyware") or with "a".
INDEFINITE = frozenset("a an un una une um uma".split())
_AUX_REACH = 2  # words from the auxiliary to the agent: "were targeted by", "ont été visés par"
_ATTACK_REACH = 3  # words from the agent to the attack: "de un programa espía"
_AFTER_REACH = 6  # words from "after" to the auxiliary: "después de que sus reporteros fueran"


def suffered(text: _Text, lo: int, hi: int, act: int) -> bool:
    """Whether the match from ``lo`` to ``hi`` (its act at ``act``) tells an attack someone
    else made on the people it names, after which the purchase comes."""
    toks, raw = text.toks, text.raw
    sentence = toks[lo][3]
    end = min(len(toks), hi + _ATTACK_REACH + 2)
    # The words of the match and those around it that the steps below look at, not the text's.
    words = {i: bare_word(toks[i][0]) for i in range(max(0, lo - _AFTER_REACH - 1), end)}
    for aux in range(lo + 1, min(act, hi) + 1):
        if words[aux] not in PAST_AUXILIARIES or toks[aux][3] != sentence:
            continue
        victims = aux + 1 < end and words[aux + 1] in VICTIM_WORDS  # "were victims of"
        if not victims and not _after_before(text, words, aux):
            continue
        if not any(words[i] in POSSESSIVES for i in range(max(0, lo - 1), aux)):
            continue
        for agent in range(aux + 2, min(aux + 2 + _AUX_REACH, end)):
            if words[agent] not in AGENT_WORDS:
                continue
            tail = range(agent + 1, min(agent + 1 + _ATTACK_REACH, end))
            first = agent + 1
            if first >= end or not (
                words[first] in INDEFINITE or words[first].startswith(ATTACK_STARTS)
            ):
                return False  # "by the spyware supplied", "by our spyware", "pelo spyware"
            if any(
                toks[i][3] == sentence
                and not CLAUSE_BREAK_RE.search(raw, toks[aux][2], toks[i][1])
                and words[i].startswith(ATTACK_STARTS)
                for i in tail
            ):
                return act <= max(tail) and act >= aux - 1
    return False


def _after_before(text: _Text, words: dict[int, str], aux: int) -> bool:
    """Whether a word of "after" opens the clause a few words before the auxiliary."""
    toks = text.toks
    for j in range(aux - 1, max(-1, aux - 1 - _AFTER_REACH), -1):
        if toks[j][3] != toks[aux][3]:
            return False
        if words[j] in AFTER_WORDS:
            return True
    return False
