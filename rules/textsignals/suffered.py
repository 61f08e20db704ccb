"""An attack the customer's own people suffered, told as the reason for the purchase.

What must always be true: a match told in a past passive whose agent is a tool or author
of attack, after a word of "after" or as "victims of" ("training after their reporters were targeted by
spyware", "después de que sus reporteros fueran objetivo de un programa espía", "après que
leurs reporters ont été visés par un logiciel espion", "depois que os repórteres foram alvo
de spyware") is harm done to them by someone else, not the deal's use, and reads nothing.
The same act wanted or to come ("reporters will be targeted by spyware", "… to be
targeted"), told without "after", or done by the seller's own tool ("by our spyware") is
read as ever.
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
AGENT_WORDS = frozenset("by por par de pelo pela pelos pelas with con avec com".split())
ATTACK_STARTS = (
    "spyware malware stalkerware ransomware phishing hacker pirat espion espia espiao "
    "pegasus predator attaque ataque attack ciberataq cyberattaq hameconn"
).split()
# The seller's own tool is no one else's attack: "by our spyware", "por nuestro programa".
OWN_WORDS = frozenset("our ours nuestro nuestra nuestros nuestras notre nos nosso nossa".split())
_AUX_REACH = 2  # words from the auxiliary to the agent: "were targeted by", "ont été visés par"
_ATTACK_REACH = 3  # words from the agent to the attack: "de un programa espía"
_AFTER_REACH = 6  # words from "after" to the auxiliary: "después de que sus reporteros fueran"


def suffered(text: _Text, lo: int, hi: int, act: int) -> bool:
    """Whether the match from ``lo`` to ``hi`` (its act at ``act``) tells an attack someone
    else made on the people it names, after which the purchase comes."""
    toks, raw = text.toks, text.raw
    sentence = toks[lo][3]
    end = min(len(toks), hi + _ATTACK_REACH + 2)
    words = [bare_word(t[0]) for t in toks[:end]]
    for aux in range(lo + 1, min(act, hi) + 1):
        if words[aux] not in PAST_AUXILIARIES or toks[aux][3] != sentence:
            continue
        victims = aux + 1 < end and words[aux + 1] in VICTIM_WORDS  # "were victims of"
        if not victims and not _after_before(text, words, aux):
            continue
        for agent in range(aux + 2, min(aux + 2 + _AUX_REACH, end)):
            if words[agent] not in AGENT_WORDS:
                continue
            tail = range(agent + 1, min(agent + 1 + _ATTACK_REACH, end))
            if any(words[i] in OWN_WORDS for i in tail):
                return False
            if any(
                toks[i][3] == sentence
                and not CLAUSE_BREAK_RE.search(raw, toks[aux][2], toks[i][1])
                and words[i].startswith(tuple(ATTACK_STARTS))
                for i in tail
            ):
                return act <= max(tail) and act >= aux - 1
    return False


def _after_before(text: _Text, words: list[str], aux: int) -> bool:
    """Whether a word of "after" opens the clause a few words before the auxiliary."""
    toks = text.toks
    for j in range(aux - 1, max(-1, aux - 1 - _AFTER_REACH), -1):
        if toks[j][3] != toks[aux][3]:
            return False
        if words[j] in AFTER_WORDS:
            return True
    return False
