"""A security service named as what an oversight body oversees, not as a party to the deal.

What must always be true: a security or intelligence service read where the words just
before it say a committee or a body oversees it ("the body that reviews the intelligence
services", "Comité permanent de contrôle des services de renseignement", "органа, который
осуществляет надзор за разведслужбами", "اللجنة الدائمة لمراقبة أجهزة الاستخبارات",
"对情报部门进行审查"), or the words just after it name its review committee ("Intelligence
Agencies Review Committee", "情报机构常设审查委员会"), reads nothing as a security service:
the customer is the overseer. Oversight named without a committee or a body ("our
engineers will supervise the secret police operators", "Chief Inspector of the Secret
Police", "technical review of the intelligence services' monitoring centre"), or under
which something stands ("bajo la supervisión de", "под контролем ФСБ", "تحت رقابة"), and a
service named elsewhere in the sentence are read as ever, and so is every other red flag
of the sentence (interception, tracking, targeting dissent).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .handing import sentence_at, zh
from .state_bodies import words_of

if TYPE_CHECKING:
    from .lexicon import CompiledEntry
    from .reader import _Text

# Word beginnings (accents dropped) of oversight and control: oversight only after the
# name of a committee or a body ("the body that reviews", "l'organe qui contrôle"); alone
# they also say who supervises the service's work or whom it commands ("our engineers
# will supervise the secret police operators", "technical review of the intelligence
# services' monitoring centre").
OVERSIGHT_STARTS = words_of(
    "review oversight oversee supervis scrutin fiscaliz control надзор надзира контрол "
    "الرقابه رقابه للرقابه بالرقابه الاشراف لمراقبه تراقب يراقب"
)
# A committee, a commission or a body: whose oversight is an overseer's.
BODY_WORDS = frozenset(
    words_of(
        "committee committees commission commissions body bodies board council comite "
        "organe conseil comision organo consejo comissao orgao conselho "
        "اللجنه لجنه الهييه هييه المجلس مجلس"
    )
)
BODY_STARTS = ("комитет", "комисси", "орган", "совет")
# "Under the supervision of", "sous le contrôle de", "под надзором": the service oversees.
UNDER_WORDS = frozenset(words_of("under sous bajo sob под تحت"))
# Words that may stand between the oversight and the service: "of the", "des", "за", and
# the head of a service's name ("Servicios de Inteligencia", "أجهزة الاستخبارات").
JOIN_WORDS = frozenset(
    words_of(
        "of over the its their de des du la le les l los las el del a o as os da do das dos "
        "за над деятельностью علي "
        "services agencies agency agences agence servicios servicio agencias servicos "
        "servico organs organes organos orgaos службами службы "
        "اجهزه جهاز"
    )
)
# Words just after the service that name its overseer: "… Review Committee".
OVERSEER_AFTER = frozenset(words_of("review oversight"))
_BODY_REACH = 3  # words from a committee to its word of oversight
_JOIN_REACH = 4  # words from the oversight to the service: "of the services of"
_ZH_OVERSEERS = ("审查委员会", "监督委员会", "监察委员会")
_ZH_REVIEWS = ("进行审查", "进行监督", "进行监察")
_ZH_CLAUSE_RE = re.compile("[，。；、：,.;:]")
_ZH_JOINS = frozenset("和与及")  # "… and the supervision committee": another body
_ZH_NAME_REACH = 12  # characters from a service's name to its committee


def match_service_overseen(text: _Text, entry: CompiledEntry, lo: int, hi: int, act: int) -> bool:
    """``service_overseen`` for a phrase's match: the match names the service ("intelligence ~
    services"), or a composed phrase ("for ~ the intelligence services") names it in the
    part that is not its act, at the match's end when the act comes first, at its start
    otherwise."""
    if service_overseen(text, lo, hi):
        return True
    if len(entry.indexed) < 2:
        return False
    return service_overseen(text, hi, hi) if act == lo else service_overseen(text, lo, lo)


def service_overseen(text: _Text, lo: int, hi: int) -> bool:
    """Whether the security service read from ``lo`` to ``hi`` is named as what a
    committee or a body oversees (the words just before it) or is followed by its review
    committee (just after it)."""
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
    return len(after) == 2 and after[0] in OVERSEER_AFTER and _body(after[1])


def _oversees(words: list[str], i: int) -> bool:
    """Whether the word at ``i`` is oversight by a committee or a body named just before
    it, and not oversight under which something stands ("bajo la supervisión de")."""
    if not words[i].startswith(OVERSIGHT_STARTS):
        return False
    if any(w in UNDER_WORDS for w in words[max(0, i - 2) : i]):
        return False
    return any(_body(w) for w in words[max(0, i - _BODY_REACH) : i])


def _body(word: str) -> bool:
    return word in BODY_WORDS or word.startswith(BODY_STARTS)


def _zh_overseen(raw: str, start: int, end: int) -> bool:
    """Chinese: the service's review committee just after its name ("情报机构常设审查委员会",
    nothing joined between: not "国家安全机关和监察委员会"), or a review of the service
    ("对情报部门进行审查")."""
    named = _ZH_CLAUSE_RE.split(raw[start : start + _ZH_NAME_REACH])[0]
    at = min((named.find(w) for w in _ZH_OVERSEERS if w in named), default=-1)
    if at > 0 and not _ZH_JOINS & set(named[:at]):
        return True
    after = _ZH_CLAUSE_RE.split(raw[end : end + 8])[0]
    before = _ZH_CLAUSE_RE.split(raw[max(0, start - 6) : start])[-1]
    return "对" in before and any(w in after[:6] for w in _ZH_REVIEWS)
