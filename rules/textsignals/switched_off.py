"""An act the text says is switched off.

What must always be true: a recording or a tracking written as switched off just after
its words ("call recording OFF by default", "la grabación de llamadas queda desactivada",
"l'enregistrement des appels désactivé", "запись звонков отключена", "通话录音默认关闭")
is a setting of the product, not an act done, and reads nothing. Only interception and
tracking are switched off so: a service "switched off" is the act of a shutdown itself.
A negation before the word of switching off ("is not disabled"), a word other than an
auxiliary between, an "off" that does not end its clause ("off the books", "off for now",
"off-hours"), a switching off undone or bounded later in its sentence ("OFF by default
and turned ON by the police", "désactivé par défaut, activable par la police",
"desactivado solo durante la auditoría", "… after migration to the new LI platform", "…
仅在检查期间") and a question ("Tracking of opposition leaders switched off?") leave the
act read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .languages import bare_word, normalise
from .state_bodies import words_of

if TYPE_CHECKING:
    from .reader import _Text

SWITCHED_OFF_CATEGORIES = frozenset({"interception", "tracking"})


def _words(text: str) -> frozenset[str]:
    return frozenset(words_of(text))


# Words saying an act is switched off, accents dropped.
OFF_WORDS = _words(
    "off disabled deactivated "
    "desactive desactivee desactives desactivees "
    "desactivado desactivada desactivados desactivadas deshabilitado deshabilitada "
    "apagado apagada apagados apagadas "
    "desativado desativada desativados desativadas desabilitado desabilitada "
    "desligado desligada desligados desligadas "
    "отключен отключена отключено отключены выключен выключена выключено выключены "
    "معطل معطلة معطلا متوقف متوقفة موقوف موقوفة"
)
# Words that may stand between the act and its switching off: a copula, "by default",
# "switched", "always", "kept".
BETWEEN = _words(
    "is are be stays stay remains remain kept set left always will must should switched "
    "turned by default "
    "est sont reste restent sera seront toujours par defaut "
    "esta estan queda quedan estara permanece permanecen siempre por defecto "
    "fica ficam ficara permanece permanecem sempre padrao "
    "по умолчанию всегда будет будут остается остаются "
    "تكون يكون تبقى يبقى ستكون سيكون دائما افتراضيا بشكل افتراضي"
)
# Words that may follow the switching off in its clause: "by default".
DEFAULT_WORDS = _words(
    "by default par defaut por defecto padrao по умолчанию افتراضيا بشكل افتراضي"
)
# Words opening a clause after it ("… off by default and data hosted in the EU").
CONJUNCTIONS = _words("and et y e и а و")
# The beginnings of words that switch the act back on or bound its switching off in time,
# anywhere later in the sentence: then the act is still done. Short ones are whole words;
# Arabic ones are looked for inside a word (a conjunction or a pronoun is written onto it).
UNDONE_STARTS = tuple(
    "enabl activat reactivat re-enabl only until during while except unless temporar after "
    "activ reactiv allum rallum seulement uniquement jusqu pendant sauf lorsque quand apres "
    "encend solo solamente hasta durante mientras excepto salvo cuando despues "
    "ativ reativ apenas enquanto exceto depois "
    "включ актив только пока кроме когда временно время после потом".split()
)
UNDONE_WORDS = frozenset(
    [*"on when so ate liga ligam ligado ligada".split(), normalise("بعد"), normalise("ثم")]
)
AR_UNDONE = tuple(
    normalise(w) for w in "فعل تشغيل يشغل فقط حتى خلال أثناء عدا باستثناء عندما مؤقت".split()
)
_CLAUSE_BREAK_RE = re.compile("[,;(\u3001\uff0c\u060c]")  # "track protesters, disabled or not"
_QUESTION_RE = re.compile("[?\uff1f\u061f]")
BETWEEN_REACH = 3  # words between the act's last word and the word of switching off
# Chinese: what may stand before 关闭 ("默认关闭", "一律关闭", "全部关闭"), and what undoes it.
ZH_OFF = ("关闭", "关掉", "禁用", "停用")
ZH_BEFORE = ("默认", "一律", "全部", "均", "都", "已", "是", "")
ZH_UNDONE = (
    *("开启", "打开", "启用", "恢复", "开通", "仅", "只在", "直到", "期间", "暂时", "除"),
    *("之后", "以后", "然后", "但"),
)


def switched_off(text: _Text, hi: int, category: str) -> bool:
    """Whether the words just after a match ending at ``hi`` say its act is switched off."""
    if category not in SWITCHED_OFF_CATEGORIES:
        return False
    toks = text.toks
    sentence = _sentence(text, hi)
    end = sentence.end
    if sentence.last_question >= toks[hi][2]:
        return False  # "Tracking of opposition leaders switched off? No - …"
    if len(toks[hi][0]) == 1 and "\u3400" <= toks[hi][0] <= "\u9fff":
        after = ""  # the words after the match, joined, as far as a switching off may reach
        for t in toks[hi + 1 : min(end, hi + _ZH_REACH) + 1]:
            after += t[0]
        switched = any(after.startswith(b + o) for b in ZH_BEFORE for o in ZH_OFF)
        return switched and not sentence.zh_undone_from(hi + 1)
    for j in range(hi + 1, min(end + 1, hi + 2 + BETWEEN_REACH)):
        if _CLAUSE_BREAK_RE.search(text.raw, toks[j - 1][2], toks[j][1]):
            return False
        word = bare_word(toks[j][0])
        if word in OFF_WORDS:
            if word == "off" and not _ends_its_clause(text, j, end):
                return False  # "off the books", "off for now", "off-hours"
            return sentence.undone_last() <= j  # nothing later undoes it
        if word not in BETWEEN:
            return False
    return False


# The most characters a Chinese switching off may start with ("默认" + "关闭").
_ZH_REACH = max(map(len, ZH_BEFORE)) + max(map(len, ZH_OFF))


class _Sentence:
    """What ``switched_off`` asks of a match's sentence, worked out once a sentence (a text
    of one long sentence holds many matches): its first and last word, where its last
    question mark is, and, when asked, the last word undoing a switching off and the last
    place of each Chinese word undoing one."""

    __slots__ = ("text", "start", "end", "last_question", "zh_offsets", "_undone", "_zh_undone")

    def __init__(self, text: _Text, start: int, end: int) -> None:
        toks = text.toks
        self.text, self.start, self.end = text, start, end
        found = [
            m.start() for m in _QUESTION_RE.finditer(text.raw, toks[start][1], toks[end][2] + 2)
        ]
        self.last_question = found[-1] if found else -1
        # where each word of the sentence starts in its words joined (as Chinese is read)
        self.zh_offsets: list[int] = []
        self._undone: int | None = None
        self._zh_undone: list[int] | None = None

    def undone_last(self) -> int:
        """The last word of the sentence that switches the act back on or bounds its
        switching off in time ("… and turned ON by the police"); -1: none."""
        if self._undone is None:
            self._undone = -1
            for k in range(self.end, self.start - 1, -1):
                if _undoes(bare_word(self.text.toks[k][0])):
                    self._undone = k
                    break
        return self._undone

    def zh_undone_from(self, i: int) -> bool:
        """Whether a Chinese word undoing a switching off starts at word ``i`` or after it,
        in the sentence's words joined (as Chinese is read: "…默认关闭，仅在检查期间开启")."""
        if self._zh_undone is None:
            joined, offsets = "", []
            for t in self.text.toks[self.start : self.end + 1]:
                offsets.append(len(joined))
                joined += t[0]
            offsets.append(len(joined))
            self.zh_offsets = offsets
            # the last place of each: one starts at i or after exactly when its last does
            self._zh_undone = [at for u in ZH_UNDONE if (at := joined.rfind(u)) >= 0]
        start = self.zh_offsets[i - self.start]
        return any(at >= start for at in self._zh_undone)


def _sentence(text: _Text, i: int) -> _Sentence:
    """The sentence of word ``i`` (its words found once a text)."""
    n = text.toks[i][3]
    found = text.switches.get(n)
    if found is None:
        toks = text.toks
        start = end = i
        while start > 0 and toks[start - 1][3] == n:
            start -= 1
        while end + 1 < len(toks) and toks[end + 1][3] == n:
            end += 1
        found = text.switches[n] = _Sentence(text, start, end)
    return found


def _undoes(word: str) -> bool:
    """Whether a word switches the act back on or bounds its switching off in time."""
    if word in UNDONE_WORDS or word.startswith(UNDONE_STARTS):
        return True
    return "\u0600" <= word[:1] <= "\u06ff" and any(u in word for u in AR_UNDONE)


def _ends_its_clause(text: _Text, j: int, end: int) -> bool:
    """Whether the "off" at ``j`` (and "by default") ends its clause: the sentence ends, a
    comma follows or a conjunction opens the next ("OFF by default and data hosted …")."""
    toks = text.toks
    k = j + 1
    while k <= end and bare_word(toks[k][0]) in DEFAULT_WORDS:
        k += 1
    return (
        k > end
        or bool(_CLAUSE_BREAK_RE.search(text.raw, toks[k - 1][2], toks[k][1]))
        or bare_word(toks[k][0]) in CONJUNCTIONS
    )
