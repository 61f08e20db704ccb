"""The words of handing on what is kept, and of denying it: what ``recipient`` and
``denied_hand_over`` look for in a sentence's words.

What must always be true: a handing act is read in any form of its word ("share",
"partagés", "compartirlos", "передаются", "ويرسلها", "提供给"); it is denied only by a
negation just before it, with nothing but auxiliaries, object pronouns or the reflexive
between ("never share them", "are not being shared", "ne jamais les transmettre", "nunca
se comparten", "لا تتم مشاركة"), or by "pas" after it ("ne les transmet pas"); "not only"
and a negation of another verb before it deny nothing.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .languages import bare_word
from .negation_words import AUXILIARIES, NEGATIONS
from .state_bodies import words_of as _words

if TYPE_CHECKING:
    from .reader import _Text


# Handing on, or receiving, what is kept, in any form: word beginnings (Latin, Cyrillic),
# whole words where a beginning would be another word ("hand" is in "handle", "pass" in
# "password"), parts of the word in Arabic (prefixed conjunctions, attached pronouns:
# "ويرسلها") and Chinese.
HANDING_WORDS = frozenset(
    _words(
        "share shared shares sharing hand hands handed handing send sends sent sending give "
        "gives gave given giving pass passes passed passing route routes routed routing feed "
        "feeds fed go goes went get gets got read reads copy copies copied "
        "available accessible grant grants granted push pushed leak leaked report reports "
        "reported relay relayed export exported exports sync synced stream streams streamed "
        "streaming mirror mirrors mirrored query queries queried view views viewed see sees "
        "cc bcc donner donne donnent lit lisent pasar pasa pasan pasó pase pasarlos pasarlas "
        "pasalas pasalos passar passa passam passou passe recu reçus"
    )
)
HANDING_STARTS = _words(
    "forward transfer disclos provid supply suppli deliver upload submit transmit furnish "
    "releas receiv obtain access consult expos "
    "partag transmet transmis transmettr envoi envoy communiqu remet remis remettr fourni "
    "livr disposi confi adress recoi recev acced "
    "compart entreg envia envie enviá remit transfier suministr proporcion facilit dispon "
    "reenvi recib acces "
    "compartilh partilh repass encaminh fornec disponibiliz receb acess "
    "передав передач переда отправ пересыл предостав отдава отдать отдаю отдае отдал отдад "
    "направ сообща сообщи выда выгруж достав сдава сдать слива получа получи доступ чита копи"
)
HANDING_PARTS = (
    _words(
        "يرسل ترسل نرسل أرسل إرسال يسلم تسلم نسلم سلمها سلمه سلمهم تسليم شارك مشاركة يزود تزود "
        "نزود تزويد تحويل يحول نحول يقدم نقدم تقديم إتاح يتيح تتيح إحال يحيل تحيل تمرير يمرر "
        "تمرر يعطي تعطي إعطاء يمنح ينقل تنقل يتلقى تتلقى يستلم تستلم استلام يطلع تطلع اطلاع "
        "الوصول إبلاغ يبلغ"
    )
    + ("共享", "提交", "发送", "移交", "交给", "交由", "转发", "报送", "提供", "推送", "传给")
    + (
        "传送",
        "上报",
        "转交",
        "送交",
        "分享",
        "开放给",
        "接收",
        "调取",
        "查阅",
        "获取",
        "送往",
        "送至",
        "同步",
        "抄送",
        "给",
    )
)


def zh(words: list[str]) -> bool:
    return any("\u3400" <= w[:1] <= "\u9fff" for w in words)


def hands_on(word: str) -> bool:
    return (
        word in HANDING_WORDS
        or word.startswith(HANDING_STARTS)
        or ("\u0600" <= word[:1] <= "\u06ff" and any(h in word for h in HANDING_PARTS))
    )


# What may stand between a negation and the handing act it denies: auxiliaries, object
# pronouns, the reflexive ("never share them", "are not being shared", "ne jamais les
# transmettre", "nunca se comparten", "لا تتم مشاركة"); "pas" or "jamais" after it ("ne les
# transmet pas"). A negation of "only" denies nothing ("not only for billing but also
# shared"), nor one of another verb before it ("records that are not disputed are sent").
BETWEEN_DENIAL = AUXILIARIES | frozenset(
    _words("do does did be been made ever se les los las lo la os as them it их تتم يتم")
)
NEGATIONS_AFTER = frozenset(_words("pas jamais"))
ONLY_WORDS = frozenset(
    _words(
        "only merely just seulement uniquement solo solamente unicamente apenas so somente "
        "только лишь فقط"
    )
)


def act_denied(words: list[str], i: int) -> bool:
    """Whether a negation just before the act at ``i`` (``BETWEEN_DENIAL``), or "pas" just
    after it, denies it ("and never shared with the state")."""
    if words[i + 1 : i + 2] and words[i + 1] in NEGATIONS_AFTER:
        return True
    for j in range(i - 1, max(-1, i - 4), -1):
        word = _without_arabic_and(words[j])
        if word in NEGATIONS:
            return not (words[j + 1 : j + 2] and words[j + 1] in ONLY_WORDS)
        if word not in BETWEEN_DENIAL:
            return False
    return False


def _without_arabic_and(word: str) -> str:
    """An Arabic word without the "and" it may carry ("وعدم", "ولا")."""
    if len(word) > 2 and word[0] in "وف" and "\u0600" <= word[1:2] <= "\u06ff":
        return word[1:]
    return word


_LOCAL = threading.local()


def memo(text: _Text) -> dict:
    """What the hand-over checks worked out for the text being read (once a text, so the
    work per match does not grow with the text)."""
    if getattr(_LOCAL, "text", None) is not text:
        _LOCAL.text, _LOCAL.found = text, {}
    return _LOCAL.found


def sentences_of(text: _Text) -> dict[int, list[str]]:
    """Each sentence's words (``bare_word``), by its number."""
    found = memo(text)
    if "sentences" not in found:
        sentences: dict[int, list[str]] = {}
        for t in text.toks:
            sentences.setdefault(t[3], []).append(bare_word(t[0]))
        found["sentences"] = sentences
    return found["sentences"]


def sentence_at(text: _Text, lo: int) -> tuple[int, list[str]]:
    """Where the sentence of token ``lo`` starts, and its words."""
    found = memo(text)
    if "starts" not in found:
        starts: dict[int, int] = {}
        for i, t in enumerate(text.toks):
            starts.setdefault(t[3], i)
        found["starts"] = starts
    n = text.toks[lo][3]
    return found["starts"][n], sentences_of(text)[n]
