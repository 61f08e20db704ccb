"""A security service named as what an oversight body oversees, not as a party to the deal.

What must always be true: a security or intelligence service read where the words just
before it say it is overseen ("the body that reviews the intelligence services", "oversight
of the intelligence services", "Comité permanent de contrôle des services de
renseignement", "надзор за разведывательными службами", "对情报部门进行审查") or the words
just after it name its overseer ("Intelligence Agencies Review Committee",
"情报机构常设审查委员会") reads nothing as a security service: the customer is the overseer
(a parliament's committee, an inspector general). Words of control, which also say who
commands a service ("the general in control of the intelligence services", "تراقب"), count
only after the name of a committee or a body ("the committee for the control of…",
"اللجنة الدائمة لمراقبة…"). The service named elsewhere in the sentence ("the review
committee approved it; the intelligence services want…") is read as ever, and so is every
other red flag of the sentence (interception, tracking, targeting dissent).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .handing import sentence_at, zh
from .state_bodies import words_of

if TYPE_CHECKING:
    from .reader import _Text

# Word beginnings (accents dropped) that oversee what follows them.
OVERSEEING_STARTS = words_of(
    "review oversight oversee supervis scrutin watchdog inspector ombuds fiscaliz "
    " надзор надзира الرقابه رقابه للرقابه بالرقابه الاشراف"
)
# Words of control: oversight after a committee or a body, command elsewhere.
CONTROL_STARTS = words_of("control контрол мониторинг لمراقبه مراقبه تراقب يراقب")
# A committee, a commission or a body: whose control is oversight.
BODY_WORDS = frozenset(
    words_of(
        "committee commission body board council comite commission organe conseil "
        "comision organo consejo comissao orgao conselho комитет комиссия орган совет "
        "اللجنه لجنه الهييه هييه المجلس مجلس"
    )
)
# Words that may stand between the oversight and the service: "of the", "des", "за", and
# the head of a service's name ("Servicios de Inteligencia", "أجهزة الاستخبارات").
JOIN_WORDS = frozenset(
    words_of(
        "of over the its their de des du la le les l los las el del a o as os da do das dos "
        "за над деятельностью علي "
        "services agencies agency services agences agence servicios servicio agencias "
        "servicos servico agencias organs organes organos orgaos службами службы "
        "اجهزه جهاز"
    )
)
# Words just after the service that name its overseer: "… Review Committee", "… Ombudsman".
OVERSEER_AFTER = frozenset(words_of("review oversight"))
OVERSEER_ALONE = frozenset(words_of("ombudsman inspector inspectorate watchdog"))
_BODY_REACH = 4  # words from a committee to its word of control
_JOIN_REACH = 4  # words from the oversight to the service: "of the services of"
_ZH_OVERSEERS = ("审查委员会", "监督委员会", "监察委员会")
_ZH_OVERSEE = ("审查", "监督", "监察")
_ZH_CLAUSE_RE = re.compile("[，。；、：,.;:]")


def match_service_overseen(text: _Text, phrase: str, lo: int, hi: int, act: int) -> bool:
    """``service_overseen`` for a phrase's match: the match names the service ("intelligence ~
    services"), or a composed phrase ("for ~ the intelligence services") names it in the
    part that is not its act, at the match's end when the act comes first, at its start
    otherwise."""
    if service_overseen(text, lo, hi):
        return True
    if " ~ " not in phrase:
        return False
    return service_overseen(text, hi, hi) if act == lo else service_overseen(text, lo, lo)


def service_overseen(text: _Text, lo: int, hi: int) -> bool:
    """Whether the security service read from ``lo`` to ``hi`` is named as what an
    oversight body oversees (the words just before it) or as its overseer's name (just
    after it)."""
    first, words = sentence_at(text, lo)
    a, b = lo - first, hi - first
    if zh(words):
        return _zh_overseen(text.raw, text.toks[lo][1], text.toks[hi][2])
    i = a - 1
    while i >= 0 and a - i <= _JOIN_REACH and words[i] in JOIN_WORDS:
        i -= 1
    if 0 <= i < a and _oversees(words, i):
        return True
    after = words[b + 1 : b + 3]
    return bool(after) and (
        after[0] in OVERSEER_ALONE
        or (after[0] in OVERSEER_AFTER and after[1:2] and after[1] in BODY_WORDS)
    )


def _oversees(words: list[str], i: int) -> bool:
    word = words[i]
    if word.startswith(OVERSEEING_STARTS):
        return True
    return word.startswith(CONTROL_STARTS) and any(
        w in BODY_WORDS for w in words[max(0, i - _BODY_REACH) : i]
    )


def _zh_overseen(raw: str, start: int, end: int) -> bool:
    """Chinese: a review of the service ("对情报部门进行审查"), its overseeing ("监督情报部门"),
    or its review committee just after it ("情报机构常设审查委员会")."""
    near = _ZH_CLAUSE_RE.split(raw[end : end + 11])[0]
    if any(w in near for w in _ZH_OVERSEERS) or raw[max(0, start - 2) : start] in _ZH_OVERSEE:
        return True
    before = _ZH_CLAUSE_RE.split(raw[max(0, start - 6) : start])[-1]
    return "对" in before and any(w in near[:6] for w in _ZH_OVERSEE)
