"""Tracking devices listed among the goods of a deal.

What must always be true: a tracking device named as the last item of a list of goods
("60 satellite phones and GPS trackers", "teléfonos satelitales y localizadores GPS",
"телефонов и GPS-трекеров", "هاتفًا فضائيًا وجهاز تتبّع") is a product sold beside the
things before it, not an act on them: a match that reads the device as its act and the
goods or buyer before the list as its object reads nothing. The device put on someone or
something ("GPS trackers on the protesters' cars"), listed after a protected group's
things ("activists' phones and GPS trackers") or after other goods than phones ("the
suspects' cars and GPS trackers"), in a text that calls anything hidden or covert ("hidden
microphones and GPS trackers"), and every other act of the text are read as ever.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .benign_scope import protected_target_parts
from .languages import bare_word
from .lexicon import CompiledLexicon
from .matching import part_spans

if TYPE_CHECKING:
    from .reader import _Text

# Words of a tracking device (beginnings, accents dropped): "GPS trackers", "balises GPS".
DEVICE_STARTS = tuple(
    "gps tracker traceur balise localizador rastreador trekker трекер маячк маячок gps-трекер".split()
)
# Arabic "device" before "tracking" (تتبع) makes a device: "جهاز تتبّع", "أجهزة تتبع".
AR_DEVICE_WORDS = frozenset("جهاز جهازا اجهزه".split())  # as normalised
AR_TRACKING_WORDS = frozenset("تتبع تعقب".split())
COORDINATIONS = frozenset("and plus y e et и а также".split())
# The goods the device is listed after: phones ("satellite phones and GPS trackers").
PHONE_STARTS = tuple("phone telephon telefon téléphon телефон смартфон هاتف هواتف جوال".split())
PHONE_PARTS = ("电话", "手机")
# Words that make the goods covert tools ("hidden microphones and GPS trackers").
COVERT_STARTS = tuple(
    "covert hidden conceal secret undercover discreet disguis "
    "oculto oculta ocultos ocultas escondid secreto secreta encubiert discret "
    "cache cachee caches cachees dissimul clandestin "
    "скрыт негласн тайн замаскир مخفي مخفية سري سرية 隐蔽 秘密 偷偷 暗中 隐藏".split()
)


def listed_device(text: _Text, lexicon: CompiledLexicon, lo: int, hi: int, act: int) -> bool:
    """Whether the match from ``lo`` to ``hi`` reads as its act (at ``act``) a tracking
    device listed after the things it names ("phones and GPS trackers"), none of them a
    protected group ("activists' phones and GPS trackers" is read)."""
    toks = text.toks
    first = _device_start(text, act)
    if first is None or first <= lo:
        return False
    last = act
    while last + 1 < len(toks) and _is_device(text, last + 1):
        last += 1
    if hi > last:
        return False
    word = toks[first][0]
    if word.startswith("و") and word[1:] in AR_DEVICE_WORDS:
        item = first - 1  # "وجهاز": "and" written onto the device
    elif first - 1 > lo and bare_word(toks[first - 1][0]) in COORDINATIONS:
        item = first - 2
    else:
        return False
    return (
        _phones_listed(text, lo, item)
        and not _covert(text)
        and not any(
            lo <= p_lo < first
            for part in protected_target_parts(lexicon)
            for p_lo, _p_hi in part_spans(text, part)
        )
    )


def _phones_listed(text: _Text, lo: int, item: int) -> bool:
    """Whether the goods listed just before the device are phones (a word or two back:
    "satellite phones", "teléfonos satelitales", "هاتفًا فضائيًا")."""
    for i in range(item, max(lo, item - 2) - 1, -1):
        word = bare_word(text.toks[i][0])
        if word.startswith(PHONE_STARTS) or any(p in word for p in PHONE_PARTS):
            return True
    return False


def _covert(text: _Text) -> bool:
    """Whether any word of the text makes the goods covert tools."""
    return any(bare_word(t[0]).startswith(COVERT_STARTS) for t in text.toks)


def _device_start(text: _Text, act: int) -> int | None:
    """The first word of the device the act word belongs to, or None when it is no device."""
    if not _is_device(text, act):
        return None
    first = act
    toks = text.toks
    while first > 0 and toks[first - 1][3] == toks[first][3] and _is_device(text, first - 1):
        first -= 1
    return first


def _is_device(text: _Text, i: int) -> bool:
    word = text.toks[i][0]
    if bare_word(word).startswith(DEVICE_STARTS):
        return True
    if word in AR_DEVICE_WORDS or (word.startswith("و") and word[1:] in AR_DEVICE_WORDS):
        return i + 1 < len(text.toks) and text.toks[i + 1][0] in AR_TRACKING_WORDS
    if word in AR_TRACKING_WORDS and i > 0:
        before = text.toks[i - 1][0]
        return before in AR_DEVICE_WORDS or before[1:] in AR_DEVICE_WORDS
    return False
