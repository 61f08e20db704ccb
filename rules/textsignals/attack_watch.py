"""Everyone's traffic watched for attacks on the network: the one bulk watch an operator
keeps for itself, and what turns it into something else.

What must always be true: a heading ("DDoS protection: …") or a purpose ("… for DDoS
attacks") clears only the watch itself: everyone's traffic looked at, in any of the seven
languages alike. Keeping it beyond the watch ("… and keep it for five years"), naming the
people behind it ("… and identify the users behind it") or a state body it goes to or is
kept for ("… for the Guard Corps", "the Guard Corps reviews it daily") is not the watch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .act_scope import CLAUSE_BREAK_RE, EVERY_STARTS, EVERYONE_STARTS, names_recipient
from .languages import bare_word

if TYPE_CHECKING:
    from .reader import _Text


# Everyone's traffic watched for attacks on the network (DDoS, botnets) is how an operator
# keeps its network up: it looks at volumes and flows, not at what anyone says. Only a match
# whose every word is a watching act, "all", the people a network serves or their traffic
# ("monitor all subscriber traffic") is bounded so: recording or copying it, or naming calls
# or messages, is still bulk interception. Word beginnings compared without accents.
WATCH_STARTS = tuple(
    "monitor inspect analy watch surveil supervis vigil observ "
    "мониторинг монитор отслежив анализ наблюд проверя".split()
)
TRAFFIC_STARTS = tuple("traffic trafic trafego трафик".split())
FILLERS = frozenset(
    "the of s is are be being will de des du la le les l del los las do da dos das o a os as "
    "est sont es son e sao".split()
)
ATTACK_PARTS = (
    "ddos",
    "dos attack",
    "denial of service",
    "denial-of-service",
    "botnet",
    "déni de service",
    "denegación de servicio",
    "negação de serviço",
    "ддос",
    "отказ в обслуживании",
    "ботнет",
)


HEADING_WORDS = 3  # words of a heading before its colon: "DDoS protection:", "Anti-DDoS:"


def _attack_heading(text: _Text, span: tuple[int, int], lo: int, hi: int) -> bool:
    """Whether benign context from ``lo`` to ``hi`` is a short heading ending in a colon
    just before the match's sentence ("DDoS protection: monitor all subscriber traffic";
    the colon ends the heading's sentence): what the act after it is for."""
    toks, raw = text.toks, text.raw
    heading = toks[hi][3]
    if hi >= span[0] or heading + 1 != toks[span[0]][3]:
        return False
    first = lo
    while first > 0 and toks[first - 1][3] == heading:
        first -= 1
    opening = hi + 1  # the first word after the heading, in the match's sentence
    while toks[opening][3] == heading:
        opening += 1
    return (
        opening - first <= HEADING_WORDS
        and ":" in raw[toks[opening - 1][2] : toks[opening][1]]
        and span[0] - opening <= 2  # "… : we monitor all …"
    )


def watched_for_attacks(
    text: _Text, span: tuple[int, int], lo: int, hi: int, protected: list[tuple[int, int]]
) -> bool:
    """Whether a match on everyone's traffic is only watching it (``WATCH_STARTS``) and the
    benign context from ``lo`` to ``hi``, after it in its clause, names an attack on the
    network (``ATTACK_PARTS``), with no state body or handing on in the text
    (``names_recipient``) and no protected group near the match (``protected``, in any
    sentence: "… Opposition activists' traffic is stored separately")."""
    toks, raw = text.toks, text.raw
    if not _attack_heading(text, span, lo, hi) and (
        lo <= span[1] or CLAUSE_BREAK_RE.search(raw, toks[span[1]][2], toks[lo][1])
    ):
        return False
    if protected:
        return False  # a protected group named near it, in any sentence: whose traffic
    if not any(a in raw[toks[lo][1] : toks[hi][2]].lower() for a in ATTACK_PARTS):
        return False
    words = [bare_word(t[0]) for t in toks[span[0] : span[1] + 1]]
    if not any(w.startswith(WATCH_STARTS) for w in words) or not any(
        w.startswith(TRAFFIC_STARTS) for w in words
    ):
        return False
    if not all(
        w in FILLERS or w.startswith(WATCH_STARTS + TRAFFIC_STARTS + EVERY_STARTS + EVERYONE_STARTS)
        for w in words
    ):
        return False
    return not names_recipient(text)
