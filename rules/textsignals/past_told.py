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
from .handing import memo
from .lexicon import CompiledLexicon
from .matching import part_spans

if TYPE_CHECKING:
    from .reader import _Text

# Places of memory, read inside the words of the text (lower case, no accents or marks).
MEMORY_PARTS = (
    "museum musee museo museu музе memorial memoriel memoria мемориал "
    "exhibit exposition exposicion exposicao экспозиц выставк "
    "متحف تذكار للذكرى معرض 博物馆 纪念 展览 常设展"
).split()
# A sentence dated to the past: a year of the last century, a decade, a former regime.
PAST_RE = re.compile(
    r"\b19\d\d|(?:\bthe |')[5-9]0s\b|\b(?:annees|anos|decada de) (?:19)?[5-9]0\b"
    r"|\b(?:old|former) regime|ancien regime|antiguo regimen|antigo regime"
    r"|(?:старый|прежний|бывший) режим|[5-9]0-х"
    r"|الخمسينيات|الستينيات|السبعينيات|الثمانينيات|النظام السابق"
    r"|[5-9]0年代|旧政权|前政权"
)
# "Former", said of the place of memory's own building in its sentence.
FORMER_RE = re.compile(r"\bformer\b|\bancien|\bantigu|\bantig[ao]\b|бывш|السابق|原|旧址")
# A sentence saying what someone wants, needs or will do tells of now, not of the past.
WANTED_RE = re.compile(
    r"\b(?:want|wants|need|needs|will|shall|must|require|requires|request|requests|plan|plans)\b"
    r"|\b(?:veu[tx]|veulent|souhait|besoin|doit|doivent|demande)"
    r"|\b(?:quier[eo]|quieren|necesit|debe|solicit|pide)"
    r"|\b(?:quer|querem|precis|deve|pede)"
    r"|хоч|нужн|долж|треб|прос[ия]т|планир"
    r"|يريد|تريد|نريد|بحاجة|يجب|يطلب|تطلب"
    r"|要|需要|希望|必须|请求|计划"
)


def told_of_the_past(text: _Text, lexicon: CompiledLexicon, lo: int, hi: int) -> bool:
    """Whether the match from ``lo`` to ``hi`` is in a sentence a place of memory tells of a
    past regime (``PAST_RE``, or ``FORMER_RE`` beside the place itself)."""
    if not memory_text(text):
        return False
    toks = text.toks
    sentence = toks[lo][3]
    first = next(i for i in range(lo, -1, -1) if i == 0 or toks[i - 1][3] != sentence)
    last = next(i for i in range(hi, len(toks)) if i + 1 == len(toks) or toks[i + 1][3] != sentence)
    # Up to the next sentence's first word: numbers are no words ("… in the 1970s.").
    start = toks[first - 1][2] if first else 0
    end = toks[last + 1][1] if last + 1 < len(toks) else len(text.raw)
    own = plain(text.raw[start:end])
    dated = PAST_RE.search(own) or (FORMER_RE.search(own) and any(p in own for p in MEMORY_PARTS))
    if not dated or WANTED_RE.search(own):
        return False
    return not any(
        toks[p_lo][3] == sentence
        for part in protected_target_parts(lexicon)
        for p_lo, _p_hi in part_spans(text, part)
    )


def memory_text(text: _Text) -> bool:
    """Whether the text names a place of memory (once a text)."""
    found = memo(text)
    if "memory" not in found:
        said = plain(text.raw)
        found["memory"] = any(p in said for p in MEMORY_PARTS)
    return found["memory"]
