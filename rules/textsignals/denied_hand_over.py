"""Hand-overs a text denies: a sentence that hands what is kept on only in a denial names
no one it goes to, and records whose one act is such a denial are not what is kept.

What must always be true: "Call records are never shared with the police", "ne jamais les
transmettre à la police", "никогда не передавать их в полицию", "通话记录不会提供给公安"
hand nothing on, so the police they name are no recipient; a denial with an exception
("… except on request", "… without a warrant", "… but the Guard Corps …") denies no
hand-over, nor does one of records kept, stored or recorded before it ("… are stored and
never shared with the police"), nor of a protected group's records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .denial_lifted import denied_outright
from .handing import (
    BETWEEN_DENIAL,
    HANDING_PARTS,
    hands_on,
    memo,
    sentence_at,
    sentences_of,
    zh,
)
from .idioms import zh_not_negating_dropped
from .negation import NEGATIONS, ZH_NEGATIONS
from .state_bodies import company_security_unit, names_security_body, names_state
from .state_bodies import words_of as _words

if TYPE_CHECKING:
    from .reader import _Text


# A hand-over denied holds back from whom the text names: not "but", "except", "other
# than", "unless", "if" after the act ("never shared with anyone but the police", "не
# передавать их в полицию, если только она не попросит").
EXCEPT_WORDS = frozenset(
    _words(
        "but except excepting than however sauf excepte hormis mais pero sino salvo "
        "excepto menos mas exceto senao кроме но однако إلا الا لكن باستثناء unless without "
        "sans sin sem без if si если إذا اذا"
    )
)
ZH_EXCEPT = ("除", "但", "而是", "如果")


def denied_hand_over(words: list[str]) -> bool:
    """Whether a sentence's words hand what is kept on only in a denial and name the state
    body it is denied to after the act, and no other before it ("Call records are never
    shared with the police", "ne jamais les transmettre à la police", "никогда не
    передавать их в полицию", "从不提供给警方")."""
    if zh(words):
        said = "".join(words)
        at = _zh_acts(said)
        return bool(at) and all(zh_negated(said, a) for a in at) and _zh_denied_to(said, min(at))
    acts = [i for i, w in enumerate(words) if hands_on(w)]
    if not acts or not all(denied_outright(words, i) for i in acts):
        return False
    first = acts[0]
    before, after = words[:first], words[first + 1 :]
    return (
        (names_state(after) or names_security_body(after))
        and not names_state(before)
        and not names_security_body(before)
        and not any(w in EXCEPT_WORDS for w in after)
    )


def _zh_acts(said: str) -> list[int]:
    """Where handing acts start in Chinese, one where parts run on ("提供给": one act)."""
    found = sorted((at, at + len(h)) for h in HANDING_PARTS for at in _zh_finds(said, h))
    starts: list[int] = []
    end = -1
    for at, to in found:
        if at > end:
            starts.append(at)
        end = max(end, to)
    return starts


def _zh_finds(said: str, part: str) -> list[int]:
    """Every place ``part`` (not empty) starts in ``said``, overlapping ones too."""
    found = []
    at = said.find(part)
    while at >= 0:
        found.append(at)
        at = said.find(part, at + 1)
    return found


# Chinese names the recipient before the act too, after a preposition: "向公安机关提供"
# (to the police provide), "不向公安机关提供" (not to the police provide).
ZH_TO = "向给对跟与同"
ZH_RECIPIENT_REACH = 12  # characters between the preposition and the act


def zh_recipient_before(said: str, at: int) -> int | None:
    """Where a state body named before the act at ``at`` starts, its preposition included
    ("向公安机关提供"), or None."""
    for p in range(at - 1, max(-1, at - ZH_RECIPIENT_REACH), -1):
        if said[p] in ZH_TO and names_state(list(said[p + 1 : at])):
            return p
    return None


def zh_negated(said: str, at: int) -> bool:
    """Whether the Chinese act at ``at`` is denied: a negation just before it, or before
    the recipient named ahead of it ("不向公安机关提供")."""
    if any(n in zh_not_negating_dropped(said[max(0, at - 3) : at]) for n in ZH_NEGATIONS):
        return True
    p = zh_recipient_before(said, at)
    before = "" if p is None else zh_not_negating_dropped(said[max(0, p - 3) : p])
    return any(n in before for n in ZH_NEGATIONS)  # not "不定期向公安机关提供" (now and then)


def _zh_denied_to(said: str, at: int) -> bool:
    p = zh_recipient_before(said, at)
    start = at if p is None else p
    return (
        names_state(list(said[start:]))
        and not names_state(list(said[:start]))
        and not any(e in said[start:] for e in ZH_EXCEPT)
    )


def said_not_denied(text: _Text) -> str:
    """The text as written, each sentence that only denies a hand-over to a state body
    (``denied_hand_over``) blanked: what names whom the records may go to."""
    found = memo(text)
    if "said" in found:
        return found["said"]
    raw = text.raw
    for n, words in sentences_of(text).items():
        if denied_hand_over(words):
            toks = [t for t in text.toks if t[3] == n]
            lo, hi = toks[0][1], toks[-1][2]
            raw = raw[:lo] + " " * (hi - lo) + raw[hi:]
    found["said"] = raw
    return raw


# What records of calls are called, and the words that join them ("call detail records",
# "enregistrements des appels", "registros de llamadas", "registos de chamadas", "записи (о)
# звонках", "سجلات المكالمات"):
# word beginnings compared without accents (Chinese: parts of the word).
RECORD_NOUN_STARTS = _words(
    "call record detail cdr metadat log appel enregistr releve regist llamad chamad ligac "
    "dado datos donnee запис звонк вызов переговор детализац سجل مكالم اتصال"
)
RECORD_JOINS = frozenset(
    _words(
        "the all of de des du d l la le les los las os as del da do das dos o a todas todos tous "
        "о об все"
    )
)
ZH_RECORDS = ("通话记录", "话单", "详单", "通话详单", "通信记录", "通话数据")


def records_denied_on(text: _Text, lo: int, hi: int) -> bool:
    """Whether a match names only records of calls ("call records", "registros de
    llamadas") whose one act in their sentence is a hand-over it denies, straight after
    them ("Call records are never shared with the police", "Les enregistrements des appels
    ne sont jamais transmis à la police", "Los registros de llamadas nunca se comparten con
    la policía", "通话记录不会提供给公安"): the sentence says what is not done with them.
    Not records of a protected group ("Journalists' call records …"), nor records kept,
    stored or recorded before the denial ("… are stored and never shared"), nor when
    another sentence hands something to a state body ("…; the police have direct access")."""
    n = text.toks[lo][3]
    first, words = sentence_at(text, lo)
    if zh(words):
        if not _zh_records_denied(words, lo - first):
            return False
    else:
        found = memo(text)
        if ("records named", n) not in found:
            found["records named", n] = _records_named(words)
        named = found["records named", n]
        if named is None or not lo - first <= named <= hi - first:
            return False
    # "… never shared with the police; the police have direct access"
    found = memo(text)
    if "handed" not in found:
        found["handed"] = {m for m, w in sentences_of(text).items() if _hands_to_a_state_body(w)}
    return not (found["handed"] - {n})


def _zh_records_denied(words: list[str], lo: int) -> bool:
    said = "".join(words[lo:])
    at = _zh_acts(said)
    if not at or not all(zh_negated(said, a) for a in at):
        return False
    head = said[: min(at)]
    return any(
        head.startswith(r) and any(head[len(r) :].startswith(g) for g in ZH_NEGATIONS)
        for r in ZH_RECORDS
    ) and not any(e in said for e in ZH_EXCEPT)


def _records_named(words: list[str]) -> int | None:
    """Where the records a sentence names before its one denied hand-over end (the place
    of their last word), or None when it names nothing else before it, hands on outside
    a denial, or makes an exception: worked out once a sentence, not once a match."""
    if not any(w in NEGATIONS for w in words):
        return None
    acts = [i for i, w in enumerate(words) if hands_on(w)]
    if not acts or not all(denied_outright(words, i) for i in acts):
        return None
    j = acts[0] - 1
    while j >= 0 and (words[j] in BETWEEN_DENIAL or words[j] in NEGATIONS):
        j -= 1
    if j < 0 or not all(
        w in RECORD_JOINS or w.startswith(RECORD_NOUN_STARTS) for w in words[: j + 1]
    ):
        return None
    if any(w in EXCEPT_WORDS for w in words[acts[0] + 1 :]):
        return None
    return j


def company_unit(text: _Text, lo: int, hi: int) -> bool:
    """Whether a security service match from ``lo`` to ``hi`` names a company's own security
    department (``state_bodies.company_security_unit``): "Recipient: Group Security
    Directorate" hands nothing to a state body."""
    first, words = sentence_at(text, lo)
    return company_security_unit(words, lo - first, hi - first)


def _hands_to_a_state_body(words: list[str]) -> bool:
    """Whether a sentence hands something on, not in a denial, and names a state body."""
    if zh(words):
        said = "".join(words)
        acts = any(not zh_negated(said, at) for at in _zh_acts(said))
    else:
        acts = any(hands_on(w) and not denied_outright(words, i) for i, w in enumerate(words))
    return acts and (names_state(words) or names_security_body(words))
