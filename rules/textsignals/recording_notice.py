"""Calls recorded where the text says callers are told so.

What must always be true: a match of interception whose act is recording ("call recording",
"grabación de llamadas", "запись звонков", "تسجيل المكالمات", "通话录音") reads nothing when
the text, in any of its sentences, says callers hear that the call is recorded (a recording
notice: benign entries of the kind "recording notice"), and the match names no protected
group near it and not everyone's calls ("all subscribers' calls"), is not followed by whose
calls they are ("calls of callers who speak Kurdish"), the text names no police,
ministry, security body or armed force and hands nothing on to one, and calls nothing
covert, hidden or secret nor says callers are kept unaware ("without the callers knowing",
"à leur insu", "без ведома"). An act other than recording ("intercept", "listen to", "tap"),
the calls of opposition leaders, a notice beside a ministry, or "covert recording" are read
as ever. In the match's own sentence a notice already bears as any benign context does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .act_scope import names_recipient
from .benign_scope import on_protected_group
from .kept_groups import groups_kept
from .languages import bare_word
from .listed_devices import COVERT_STARTS

if TYPE_CHECKING:
    from .reader import _Text

# The act word of a recording, by beginning (accents dropped): record, grabar, enregistrer,
# gravar, записывать, تسجيل (normalised), 录音 (Chinese, by its characters).
RECORDING_STARTS = ("record", "grab", "enregistr", "grav", "запис", "تسجيل", "وتسجيل")
ZH_RECORDING = "录"
ZH_COVERT = ("隐蔽", "秘密", "偷偷", "暗中", "隐藏", "秘密地")
# Callers kept unaware somewhere in the text: the notice is then for others, or a pretext.
UNAWARE = (
    "without the caller",
    "without their knowledge",
    "without knowing",
    "without telling",
    "unaware",
    "not told",
    "not informed",
    "sin que lo sepan",
    "sin que sepan",
    "sin su conocimiento",
    "sin avisar",
    "sin informar",
    "à leur insu",
    "a leur insu",
    "sans qu'ils le sachent",
    "sans les prévenir",
    "sans prévenir",
    "sans informer",
    "sem que saibam",
    "sem o conhecimento",
    "sem avisar",
    "sem informar",
    "без ведома",
    "без уведомления",
    "не уведомляя",
    "не сообщая",
    "دون علم",
    "بدون علم",
    "دون إبلاغ",
    "دون اخطار",
    "دون إخطار",
    "不告知",
    "不知情",
    "不通知",
    "不让",
)
NOTICE = "recording notice"
# Whose calls: a word after the match that names their owner ("calls of callers who speak
# Kurdish", "llamadas de los periodistas") makes them someone's, not the contact centre's.
OWNER_WORDS = frozenset("of de des du da do dos das del d من".split())


def noticed_recording(
    text: _Text,
    benign: list[tuple[int, int]],
    span: tuple[int, int],
    act: int,
    protected: list[tuple[int, int]],
) -> bool:
    """Whether an interception match from ``span``, its act at ``act``, records calls the
    text says callers are told about (``benign``: the text's benign spans, their kinds in
    ``text.kinds``), on no protected group, for no state body, nothing covert."""
    if not any(text.kinds.get(s) == NOTICE for s in benign):
        return False
    word = text.toks[act][0]
    if not (bare_word(word).startswith(RECORDING_STARTS) or ZH_RECORDING in word):
        return False
    toks = text.toks
    after = span[1] + 1
    return not (
        (after < len(toks) and toks[after][3] == toks[span[1]][3] and toks[after][0] in OWNER_WORDS)
        or on_protected_group(text, span, protected, "interception")
        or groups_kept(text, span, protected)
        or names_recipient(text)
        or any(bare_word(t[0]).startswith(COVERT_STARTS) for t in text.toks)
        or any(w in text.raw for w in ZH_COVERT)
        or any(w in text.raw.lower() for w in UNAWARE)
    )
