"""A channel the product's own notices go out by, not communications taken.

What must always be true: an interception match whose object is a channel of messages
(SMS, e-mail) the deal's own system sends notices by ("email alerts to IT", "SMS when your
number is called", "alertes par SMS", "verificación por SMS de un solo uso", "تنبيهات
بالإيميل", "СМС-уведомления", "短信通知") reads nothing when its act only watches, keeps or
records ("monitor server room temp … email alerts"). An act that takes the messages
("intercept the SMS verification codes", "перехват СМС-кодов", "拦截短信验证码"), everyone's
messages ("monitor all SMS when the election begins"), a sentence naming the public
("subscribers' SMS when they travel") or a protected group ("monitor the SMS alerts of the
activists") and a channel that is not a notice's ("monitor the SMS of the staff") are read
as ever.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .announced_recording import recording_announced
from .benign_scope import protected_target_parts
from .denied_hand_over import records_denied_on
from .handing import sentences_of
from .languages import bare_word
from .lexicon import CompiledLexicon
from .mass_scope import PUBLIC_PARTS, PUBLIC_STARTS
from .matching import part_spans

if TYPE_CHECKING:
    from .reader import _Text

# Channels of messages, as read (accents dropped; Arabic with "by" written onto it).
CHANNELS = frozenset(
    "sms mms email emails mail mails courriel courriels correo correos смс почте почта почты "
    "ايميل الايميل بالايميل البريد بالبريد".split()
)
# "Electronic" beside "mail": the channel is the word before or after it.
ELECTRONIC = frozenset("electronic электроннои электронная электронную الالكتروني".split())
# Beginnings of the notices a system sends: alerts, reminders, confirmations. Not "when"
# ("monitor SMS when the rally begins") nor codes ("SMS codes sent to the targets").
NOTICE_STARTS = tuple(
    "alert notif remind warning confirm alerte rappel alerta aviso recordatorio lembrete "
    "уведомл оповещ напомин тревог تنبيه اشعار تذكير".split()
)
# "by", "via": the notice before them is sent by the channel after ("alerts by SMS").
BY_WORDS = frozenset("by via per par por pelo pela atraves через по عبر".split())
_NOTICE_BEFORE_BY = 3  # "notificação em massa por SMS": the notice a few words before "by"
# Acts that take the messages whatever they carry ("intercept the SMS codes").
TAKING_STARTS = tuple(
    "intercept wiretap eavesdrop spy snoop decrypt read divert exfiltrat "
    "ecout espion dechiffr lire detourn escuch espi descifr leer desvi escut decifr ler "
    "перехват прослуш шпион расшифр чита اعتراض تنصت التنصت التجسس".split()
)
# Everyone's messages ("monitor all SMS when the election begins") are read as ever.
EVERY_WORDS = frozenset("all every tous toutes chaque todos todas cada все всех каждое كل".split())
ZH_EVERY = ("所有", "全部", "一切")
ALL_WORDS = frozenset("all tous toutes todos todas все всех".split())  # "every" may be a time
ZH_CHANNELS = ("短信", "邮件", "电邮")
ZH_NOTICES = ("通知", "提醒", "告警", "警报", "确认")
ZH_SENDING = ("通过", "发送", "发")
ZH_TAKING = ("拦截", "截获", "窃听", "监听", "窃取", "偷看", "读取")


def interception_aside(
    text: _Text, lexicon: CompiledLexicon, category: str, lo: int, hi: int, act: int
) -> bool:
    """Whether an interception match reads no red flag: its records denied to the state
    (``denied_hand_over``), its object the channel of the deal's own notices, or calls
    recorded with the callers told (``announced_recording``)."""
    return category == "interception" and (
        records_denied_on(text, lo, hi)
        or notice_channel(text, lexicon, lo, hi, act)
        or recording_announced(text, lexicon, lo, hi)
    )


def notice_channel(text: _Text, lexicon: CompiledLexicon, lo: int, hi: int, act: int) -> bool:
    """Whether the interception match from ``lo`` to ``hi`` (its act at ``act``) has as its
    object a channel the deal's own notices go by, its act only watching or keeping them."""
    if act not in (lo, hi) or lo == hi:
        return False
    toks = text.toks
    object_at = hi if act == lo else lo
    if _zh(toks[object_at][0]):
        notice = _zh_notice(text, lo, hi, act)
    else:
        if bare_word(toks[act][0]).startswith(TAKING_STARTS):
            return False
        notice = _notice(text, object_at)
    if not notice:
        return False
    # Everyone's messages in the match, the public, everyone or a protected group in its
    # sentence: read as ever (the notices go "to each participant": "a cada participante").
    if any(bare_word(t[0]) in EVERY_WORDS for t in toks[lo : hi + 1]):
        return False
    sentence = toks[lo][3]
    words = sentences_of(text).get(sentence, [])  # worked out once a text
    said = "".join(words)
    if any(w.startswith(PUBLIC_STARTS) or w in ALL_WORDS for w in words) or any(
        p in said for p in PUBLIC_PARTS + ZH_EVERY
    ):
        return False
    return not any(
        toks[p_lo][3] == sentence
        for part in protected_target_parts(lexicon)
        for p_lo, _p_hi in part_spans(text, part)
    )


def _notice(text: _Text, at: int) -> bool:
    toks = text.toks
    word = bare_word(toks[at][0])
    if word == "e" and at + 1 < len(toks) and toks[at + 1][0] == "mail":
        at, word = at + 1, "mail"  # "e-mail" is read as two words
    elif word in ELECTRONIC and at > 0:
        at, word = at - 1, bare_word(toks[at - 1][0])  # "بالبريد الإلكتروني": mail, electronic
    if word not in CHANNELS:
        return False
    sentence = toks[at][3]
    after = at + 1
    if after < len(toks) and toks[after][3] == sentence:
        if bare_word(toks[after][0]).startswith(NOTICE_STARTS):
            return True  # "email alerts", "SMS when …", "СМС-уведомления"
    before = at - 1
    if before > 0 and bare_word(toks[before][0]) in ELECTRONIC:
        before -= 1  # "по электронной почте": by electronic mail
    if word.startswith("بال"):
        before = at  # "بالإيميل": "by" written onto the channel
    elif before < 0 or bare_word(toks[before][0]) not in BY_WORDS:
        return False
    return any(
        toks[i][3] == sentence and bare_word(toks[i][0]).startswith(NOTICE_STARTS)
        for i in range(max(0, before - _NOTICE_BEFORE_BY), before)
    )


def _zh(word: str) -> bool:
    return len(word) == 1 and "\u3400" <= word <= "\u9fff"


def _zh_notice(text: _Text, lo: int, hi: int, act: int) -> bool:
    """Chinese, read on the characters: the notice sent by the channel ("通过短信通知",
    "发短信提醒"), nothing after it in its clause but whom it goes to."""
    raw, toks = text.raw, text.toks
    span = raw[toks[lo][1] : toks[hi][2]]
    if any(w in span for w in ZH_TAKING) or act != lo:
        return False
    end = toks[hi][2]
    start = end - 2
    if not span.endswith(ZH_CHANNELS) or raw[end : end + 2] not in ZH_NOTICES:
        return False
    return raw[max(0, start - 2) : start] in ZH_SENDING or raw[start - 1 : start] in ZH_SENDING
