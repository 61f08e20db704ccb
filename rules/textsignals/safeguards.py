"""A safeguard named as bypassed or skipped ("bypass the judge's approval", "contourner le
juge", "绕过法官") is absent: such benign context bounds nothing (split from negation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .entry_roles import WARRANT_MADE_OPTIONAL
from .languages import bare_word
from .negation import (
    _INNER_BREAK_RE,
    _NEGATION_BREAK_RE,
    NEGATION_WINDOW,
    ZH_NEGATION_CHARS,
    Tok,
    _clause_start,
)

if TYPE_CHECKING:
    from .reader import _Text


# A safeguard named as bypassed or skipped is absent, as one named after "without" is:
# "bypass the judge's approval", "contourner le juge", "绕过法官" is interception with no
# judicial oversight, not benign context. Beginnings of words, compared without accents.
SKIPPING_STARTS = tuple(
    "bypass skip skipp circumvent sidestep "
    "contourn outrepass court-circuit "
    "elud contorn pular pulando "
    "обход обойд обойт минуя игнорир "
    "تجاوز بتجاوز متجاوز الالتفاف بالالتفاف".split()
)
# Words that skip a safeguard only when it is their object, a few words on in their clause
# ("ignoring the court order", "evitando al juez", "se salta la orden"): elsewhere they
# say something else ("para evitar abusos, …", "en Salta", "omitted fields").
WEAK_SKIPPING_STARTS = ("ignor", "evit", "omit", "saltar", "saltand")
WEAK_SKIPPING_AFTER_PRONOUN = frozenset("salta saltan salte salten salto".split())
_PRONOUNS_BEFORE = frozenset("se me te nos le les".split())
WEAK_SKIPPING_REACH = 4
ZH_SKIPPINGS = ("绕过", "绕开", "跳过", "避开", "规避", "无须", "不需要", "不经")


def safeguard_skipped(text: _Text, first: int, window: int = NEGATION_WINDOW) -> bool:
    """Whether a word naming a safeguard bypassed or skipped ("bypass", "skip", "contourner",
    "в обход", "绕过") stands within ``window`` words before token ``first``, in its
    sentence and not before a colon."""
    toks, raw = text.toks, text.raw
    sentence = toks[first][3]
    if len(toks[first][0]) == 1 and "\u3400" <= toks[first][0] <= "\u9fff":
        before = "".join(t[0] for t in toks[_clause_start(text, first, ZH_NEGATION_CHARS) : first])
        return any(w in before for w in ZH_SKIPPINGS)
    for j in range(first - 1, max(-1, first - 1 - window), -1):
        if toks[j][3] != sentence or _NEGATION_BREAK_RE.search(raw, toks[j][2], toks[j + 1][1]):
            break
        word = bare_word(toks[j][0])
        if word.startswith(SKIPPING_STARTS) or word.startswith(OPTIONAL_BEFORE_STARTS):
            return True
        if (
            first - j <= WEAK_SKIPPING_REACH
            and _weak_skipping(toks, j, word)
            and not _INNER_BREAK_RE.search(raw, toks[j][2], toks[first][1])
        ):
            return True
    return False


def _weak_skipping(toks: list[Tok], j: int, word: str) -> bool:
    if word.startswith(WEAK_SKIPPING_STARTS):
        return True
    return word in WEAK_SKIPPING_AFTER_PRONOUN and j > 0 and toks[j - 1][0] in _PRONOUNS_BEFORE


# A safeguard said after it to be dispensed with is absent too: "customer notice not
# needed", "el aviso al cliente no hace falta", "l'information client n'est pas nécessaire",
# "уведомление клиента не требуется", "无需告知客户" reads as before it. Normalised words,
# accents dropped; up to two words between ("is", "n'est", "é").
DISPENSED_AFTER = tuple(
    tuple(words.split())
    for words in (
        "not needed|not required|not necessary|unnecessary|waived|dispensed with|no need|"
        "no hace falta|no es necesario|no es necesaria|no se necesita|no se requiere|"
        "innecesario|innecesaria|no requerido|no requerida|"
        "pas necessaire|pas besoin|pas requis|pas requise|inutile|superflu|"
        "nao e necessario|nao e necessaria|desnecessario|desnecessaria|dispensado|dispensada|"
        "не нужно|не нужен|не нужна|не требуется|не обязательно|не обязателен|не нужны|"
        "غير مطلوب|غير ضروري|غير لازم|لا حاجة|لا داعي"
    ).split("|")
)
_DISPENSED_GAP = 2
# Kinds of benign context that name a thing, not a safeguard: a trade or a machine ("调查记者
# 不需要额外培训": the journalists need no training), a thing named, animals or lost devices.
NO_SAFEGUARD = frozenset({"own object", "thing named", "idiom", "other"})
_DISPENSED_BY_SIZE = tuple(
    (n, frozenset(w for w in DISPENSED_AFTER if len(w) == n))
    for n in sorted({len(w) for w in DISPENSED_AFTER})
)
ZH_DISPENSED = ("不需要", "不必", "无需", "无须", "不用", "免了", "省了")


# A safeguard made optional is dispensed with too, said in its clause after it ("the
# warrant-reference field on the LI provisioning screen made optional", "la référence du
# mandat … devienne facultatif", "جعل حقل … الأمر القضائي اختيارياً"), or, in Russian,
# before it ("сделать необязательным поле с реквизитами судебной санкции"): "optional"
# after a word making it so, not an option beside the warrant ("warrant management with
# optional dual approval", "orden judicial y el módulo de informes es opcional").
OPTIONAL_STARTS = ("optional", "facultati", "optionnel", "opcional", "opcionai")
OPTIONAL_MAKERS = frozenset(
    "made make be become becomes set left rendu rendue rendre devienne deviennent soit "
    "sea sean ser vuelva hacer quede fique fiquem seja sejam torne tornar ficar".split()
)
AR_OPTIONAL = ("اختياريا",)  # the predicate of "make" or "become", not an adjective
OPTIONAL_BEFORE_STARTS = ("необязательн", "опциональн")
_OPTIONAL_REACH = 12
CONJUNCTIONS = frozenset("and or but et ou mais y o pero e mas و او أو и или а но".split())
ZH_OPTIONAL = tuple(
    "改为选填 改成选填 改为可选 改成可选 设为可选 设为选填 变成可选 变为可选 改为非必填".split()
)


def safeguard_dispensed(text: _Text, last: int) -> bool:
    """Whether the words right after token ``last`` (the end of a safeguard named) say it is
    not needed, or its clause says it is made optional."""
    toks, raw = text.toks, text.raw
    sentence = toks[last][3]
    after: list[str] = []
    for t in toks[last + 1 : last + 2 + _OPTIONAL_REACH]:
        if t[3] != sentence or _INNER_BREAK_RE.search(raw, toks[last][2], t[1]):
            break
        after.append(bare_word(t[0]))
    if len(toks[last][0]) == 1 and "\u3400" <= toks[last][0] <= "\u9fff":
        return "".join(after[:4]).startswith(ZH_DISPENSED) or any(
            w in "".join(after[: _OPTIONAL_REACH * 2]) for w in ZH_OPTIONAL
        )
    for n, word in enumerate(after[:_OPTIONAL_REACH]):
        if word in CONJUNCTIONS:
            break
        if word in AR_OPTIONAL or (
            word.startswith(OPTIONAL_STARTS) and n and after[n - 1] in OPTIONAL_MAKERS
        ):
            return True
    after = after[: 2 + _DISPENSED_GAP + 3]
    # Each length's phrases looked up as a set at each gap, rather than compared one by one.
    return any(
        tuple(after[gap : gap + size]) in phrases
        for gap in range(_DISPENSED_GAP + 1)
        for size, phrases in _DISPENSED_BY_SIZE
    )


# The entries reading a warrant made optional (their role) read nothing where the match
# says a warrant is required: the option is then another thing's ("mandat judiciaire
# obligatoire pour chaque écoute avec l'export PDF rendu facultatif", "须有授权令并把报表导出
# 功能设为可选"). Beginnings of words, accents dropped.
REQUIRED_STARTS = tuple(
    (
        "required requires require mandatory obligatoire obligatori obrigatori exige exigid "
        "requerid يتطلب تتطلب يشترط تشترط الزامي الزاميا обязательн требует требуется"
    ).split()
)
ZH_REQUIRED = ("须有", "必须", "需要有", "必需", "必填")
ZH_OPTIONAL_FORMS = ("非必填", "不再必填", "不必填")


def warrant_still_required(text: _Text, role: str, lo: int, hi: int) -> bool:
    """Whether a match of an entry reading a warrant made optional (``role``) says a
    warrant is required in its own words."""
    if role != WARRANT_MADE_OPTIONAL:
        return False
    words = text.raw[text.toks[lo][1] : text.toks[hi][2]]
    for optional in ZH_OPTIONAL_FORMS:  # "改为非必填" makes optional: no "必填" left in it
        words = words.replace(optional, "")
    if any(z in words for z in ZH_REQUIRED):
        return True
    return any(bare_word(t[0]).startswith(REQUIRED_STARTS) for t in text.toks[lo : hi + 1])
