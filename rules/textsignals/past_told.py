"""What a museum, a memorial or an exhibition tells of a past regime.

What must always be true: in a text naming a place of memory (a museum, a memorial, an
exhibition), a match in a sentence that dates what it tells to the past ("how the secret
police surveilled and interrogated citizens in the 1970s", "surveillance files from the
1980s", "'Files of the Secret Police, 1961–1989'", "reports the old regime kept on
citizens", "dans les années 1970", "в 1970-х", "في السبعينيات", "70年代") or, beside the
place of memory itself, calls it former ("the museum in the former KGB headquarters",
"原克格勃总部旧址里的博物馆") reads no red flag. A sentence naming a protected group
("how the secret police tracked dissidents in the 1980s"), or saying what someone wants,
needs or will do ("the ministry wants to intercept calls as in the 1980s"), is read as ever;
so is every sentence of a text that names no place of memory.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .announced_recording import plain
from .benign_scope import protected_target_parts
from .handing import memo, sentences_of
from .lexicon import CompiledLexicon
from .matching import part_spans

if TYPE_CHECKING:
    from .reader import _Text

# Places of memory: beginnings of the sentence's words (lower case, no accents), or parts
# of its Arabic and Chinese words, written as ``plain`` writes them. Not "memoria" (also a
# server's memory).
MEMORY_STARTS = tuple(
    "museum musee museo museu музе memorial memoriel мемориал "
    "exhibit exposition exposicion exposicao экспозиц выставк".split()
)
MEMORY_WORDS = frozenset({"expo"})  # not a beginning: "export"
MEMORY_PARTS = ("متحف", "تذكار", "للذكري", "معرض", "博物馆", "纪念馆", "纪念基金", "展览", "常设展")
# A sentence dated to a past regime: a decade, a span of its years, the old regime. A year
# alone is no date of the past ("since 1999", "model 1995").
PAST_RE = re.compile(
    r"(?:\bthe |')(?:19)?[5-9]0s\b|\b(?:annees|anos|decada de) (?:19)?[5-9]0\b"
    r"|\b19[4-9]\d ?[-\u2013\u2014] ?19[5-9]\d\b"
    r"|\b(?:old|former) regime|ancien regime|antiguo regimen|antigo regime"
    r"|(?:старый|прежний|бывший) режим|[5-9]0-х"
    r"|الخمسينيات|الستينيات|السبعينيات|الثمانينيات|النظام السابق"
    r"|[5-9]0年代|旧政权|前政权"
)
# "Former", said of a security service's building that is now the place of memory.
FORMER_RE = re.compile(r"\bformer\b|\bancien|\bantigu|\bantig[ao]\b|бывш|السابق|旧址")
BUILDING_RE = re.compile(
    r"headquarter|\bsiege\b|\bsede\b|штаб|\bздани|مقر|总部|旧址"
    r"|\bprison|\bprision|\bprisao|тюрьм|سجن|监狱"
)
# Now, not then: what someone wants, needs or will do, an act done "as in the 1980s", the
# act done to all or every one.
NOW_RE = re.compile(
    r"\b(?:want|wants|need|needs|will|shall|must|require|requires|request|requests|plan|plans)\b"
    r"|\b(?:like|as) (?:in|during|then|the old|it was)|\b\w+-style\b|\bscenario\b"
    r"|\b(?:veu[tx]|veulent|souhait|besoin|doit|doivent|demande|comme\b)"
    r"|\b(?:quier[eo]|quieren|necesit|debe|solicit|pide|como en|igual que)"
    r"|\b(?:quer|querem|precis|deve|pede|como nos|como no)"
    r"|хоч|нужн|долж|треб|прос[ия]т|планир|\bкак в\b|как при"
    r"|يريد|تريد|نريد|بحاجة|يجب|يطلب|تطلب|كما في|كما كان|مثل"
    r"|要|需要|希望|必须|请求|计划|像|一样|如同"
    r"|\b(?:all|every|tous|toutes|todos|todas|все|всех)\b|كل|所有|全部"
    r"|real.time|temps reel|tiempo real|tempo real|реальном времени|الوقت الحقيقي|实时"
)


def told_of_the_past(
    text: _Text, lexicon: CompiledLexicon, category: str, lo: int, hi: int
) -> bool:
    """Whether the match from ``lo`` to ``hi`` is in a sentence that names a place of memory
    and tells of a past regime (``PAST_RE``; a security service's former building,
    ``FORMER_RE``)."""
    if not memory_text(text):
        return False
    toks = text.toks
    sentence = toks[lo][3]
    first = next(i for i in range(lo, -1, -1) if i == 0 or toks[i - 1][3] != sentence)
    # The place of memory in the sentence, or in a label heading it ("Museum exhibit: …").
    words = list(sentences_of(text).get(sentence, []))
    if first and text.raw[: toks[first][1]].rstrip().endswith((":", "\uff1a")):
        words += sentences_of(text).get(sentence - 1, [])
    said = "".join(words)
    if not (
        any(w.startswith(MEMORY_STARTS) or w in MEMORY_WORDS for w in words)
        or any(p in said for p in MEMORY_PARTS)
    ):
        return False
    last = next(i for i in range(hi, len(toks)) if i + 1 == len(toks) or toks[i + 1][3] != sentence)
    # To the sentence's end, numbers included ("… in the 1970s."), not into the next one.
    end = toks[last + 1][1] if last + 1 < len(toks) else len(text.raw)
    own = plain(text.raw[toks[first][1] : end])
    own = own[: max(own.rfind("."), own.rfind("。"), own.rfind("!"), 0) or len(own)]
    dated = PAST_RE.search(own) or (
        category in ("security_services", "detention")
        and FORMER_RE.search(own)
        and BUILDING_RE.search(own)
    )
    if not dated or NOW_RE.search(own):
        return False
    return not any(
        toks[p_lo][3] == sentence
        for part in protected_target_parts(lexicon)
        for p_lo, _p_hi in part_spans(text, part)
    )


def memory_text(text: _Text) -> bool:
    """Whether the text names a place of memory anywhere (once a text): most texts do not,
    and their sentences are not looked at."""
    found = memo(text)
    if "memory" not in found:
        said = plain(text.raw)
        found["memory"] = any(p in said for p in MEMORY_STARTS + MEMORY_PARTS + ("expo",))
    return found["memory"]
