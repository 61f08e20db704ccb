"""Negation words that negate nothing: the idioms they start ("не только", "not only",
"لا سيما"), Chinese words that begin with 不 and A-not-A questions, Portuguese "no" (in
the) and the "n't" of a question ("Can't the system …?") (``negation``'s)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .languages import APOSTROPHES, bare_word, detect_language

if TYPE_CHECKING:
    from .reader import _Text

Tok = tuple[str, int, int, int]  # word, start, end, sentence (``negation.Tok``)

# A negation word that negates nothing in these idioms: "не только" (not only), "не менее"
# (at least), "لا سيما" (especially), "لا يزال" (still), "غير قانوني" (illegal)...
_AR_NOT_NEGATING = frozenset("سيما سيّما يقتصر تقتصر يزال تزال زال نزال زلنا زالت بد".split())
NOT_NEGATING_NEXT = {
    "не": frozenset("только менее более раз позднее позже реже исключено".split()),
    "not": frozenset("only just merely simply".split()),
    "pas": frozenset("seulement uniquement".split()),
    "no": frozenset("solo sólo solamente únicamente unicamente".split()),
    "não": frozenset("só so apenas somente".split()),
    "nao": frozenset("só so apenas somente".split()),
    "ни": frozenset("один одного одной разу".split()),
    "لا": _AR_NOT_NEGATING,
    "ولا": _AR_NOT_NEGATING,  # "and" or "so" written onto it: "ولا بد", "فلا يزال"
    "فلا": _AR_NOT_NEGATING,
    "لم": frozenset("يقتصر تقتصر".split()),  # "not limited to"
    "ولم": frozenset("يقتصر تقتصر".split()),
    "غير": frozenset(
        "قانوني قانونيه قانونيا مشروع مشروعه مشروعا معلن معلنه رسمي رسميه مرخص مرخصه "
        "حكوميه الحكوميه الحكومية مصرح المصرح محدد محدده محدود محدوده".split()
    ),
}
# Chinese words that start with 不 without negating: 不断 (continually), 不同 (different),
# 不仅 (not only), 不少 (many), 不法 (unlawful), 不稳定 (unstable), 不满 (discontent),
# 不时 and 不定期 (from time to time), 不限 (not limited to, unlimited)...
# A question of the form A-not-A asks, it does not deny: 能不能 (can or cannot), 是不是,
# 可不可以, 要不要, 有没有; read as its A ("能不能标记人权律师的账号" asks to flag them).
# Two negations make a "must": 不得不, 不能不, 不可不 ("we have to monitor …").
ZH_NOT_NEGATING_RE = re.compile(
    "不[得能可]不|不定期|不定时|不[断同仅只少法良稳满久足停论管光但时限]|(.)[不没]\\1"
)


def zh_not_negating_dropped(chars: str) -> str:
    """``chars`` without the 不 that negate nothing: the words above, and the 不 of an
    A-not-A question (its A kept)."""
    return ZH_NOT_NEGATING_RE.sub(lambda m: m.group(1) or "", chars)


def negation_idiom(toks: list[Tok], j: int) -> bool:
    """Whether the negation word at j is part of an idiom that negates nothing."""
    following = NOT_NEGATING_NEXT.get(toks[j][0])
    return bool(following) and j + 1 < len(toks) and toks[j + 1][0] in following


def negates_nothing(text: _Text, j: int) -> bool:
    """Whether a negation word at token ``j`` negates nothing: Portuguese "no" ("em o": in
    the, on the: "No dia da eleição bloqueamos …") in a Portuguese text, or the "n't" of a
    question that opens on it ("Can't the system identify the protesters?")."""
    toks = text.toks
    word = toks[j][0]
    if word == "not":
        return _negative_question(text, j) or _in_company_name(text, j)
    if word != "no" or detect_language(text.raw) != "pt":
        return False
    # Before a verb it is Spanish "no" in a Portuguese text ("no rastreamos jornalistas")
    after = toks[j + 1][0] if j + 1 < len(toks) and toks[j + 1][3] == toks[j][3] else ""
    return not (after.endswith("mos") or after in _SPANISH_AFTER_NO)


# Words after a Spanish "no" (clitics, "is", "there is"), never after Portuguese "no" (in the).
_SPANISH_AFTER_NO = frozenset(
    "se lo la los las le les me te es está están hay ha han va van".split()
)


def _negative_question(text: _Text, j: int) -> bool:
    """Whether the "not" at ``j`` is a contraction on the auxiliary that opens a question,
    after nothing or a question word ("Why can't the customer track …?", "So can't …?")."""
    toks, raw = text.toks, text.raw
    sentence = toks[j][3]
    if j < 1 or toks[j - 1][3] != sentence:
        return False
    if toks[j][1] - toks[j - 1][2] != 1 or raw[toks[j][1] - 1] not in APOSTROPHES:
        return False  # "Can not …": no contraction
    k = j - 2
    while k >= 0 and toks[k][3] == sentence:
        if bare_word(toks[k][0]) not in _QUESTION_OPENERS:
            if not _after_how_come(toks, k):
                return False  # "We can't …?": a statement asked back, still a denial
            break
        k -= 1
    k = j
    while k + 1 < len(toks) and toks[k + 1][3] == sentence:
        k += 1
    return raw[toks[k][2] :].lstrip()[:1] == "?"


_QUESTION_OPENERS = frozenset("why how come so and then but what where when".split())
_HOW_COME_SUBJECT = 4  # words of a subject between "How come" and its "can't"


def _after_how_come(toks: list[Tok], k: int) -> bool:
    """Whether the word at ``k`` belongs to a subject a sentence's "How come" opens ("How
    come we can't identify …?" asks for it, as "Why can't we …?" does)."""
    sentence = toks[k][3]
    start = k
    while start > 0 and toks[start - 1][3] == sentence:
        start -= 1
    if k - start - 2 >= _HOW_COME_SUBJECT or k < start + 2:
        return False
    return [bare_word(t[0]) for t in toks[start : start + 2]] == ["how", "come"]


# The legal form that ends a company's name ("Don't Panic Ltd", "Won't Quit GmbH").
_COMPANY_FORM_RE = re.compile(
    r"(?:Ltd|Limited|Inc|Incorporated|LLC|LLP|PLC|plc|Corp|Corporation|Co|GmbH|AG|SA|SAS|"
    r"SARL|S[àa]rl|Ltda|S\.\s?A|S\.\s?L|SL|SRL|S\.r\.l|SpA|BV|NV|Pty|Oy|AB|LTD|INC)(?!\w)"
)
_OPENING_QUOTES = '"\u201c\u201e\u00ab'
_CLOSING_QUOTES = '"\u201d\u00bb'
_NAME_WORDS = 4  # capitalised words of a name after its contraction


def _in_company_name(text: _Text, j: int) -> bool:
    """Whether the "n't" at ``j`` is inside a capitalised name that a company's legal form
    ends ("Don't Panic Ltd will track …") or quotes enclose ("\"Don't Panic\" will …"): a
    name denies nothing ("We don't track …" still does)."""
    toks, raw = text.toks, text.raw
    if j < 1 or raw[toks[j][1] : toks[j][2]] not in ("t", "T"):
        return False  # not a contraction
    first = j - 1
    if not raw[toks[first][1]].isupper():
        return False
    while first > 0 and toks[first - 1][3] == toks[j][3] and raw[toks[first - 1][1]].isupper():
        if raw[toks[first - 1][2] : toks[first][1]].strip():
            break
        first -= 1
    quoted = raw[: toks[first][1]].rstrip()[-1:] in _OPENING_QUOTES
    for k in range(j + 1, min(len(toks), j + 1 + _NAME_WORDS)):
        gap = raw[toks[k - 1][2] : toks[k][1]]
        if quoted and any(q in gap for q in _CLOSING_QUOTES):
            return True
        if toks[k][3] != toks[j][3] or gap.strip(" ,"):
            return False
        if _COMPANY_FORM_RE.match(raw, toks[k][1]):
            return True
        if not raw[toks[k][1]].isupper() and not raw[toks[k][1]].isdigit():
            return False
    return False


# Words inside a denied match that make its target the exception ("We don't track anyone
# but protesters", "No rastreamos más que a los manifestantes", "Мы не отслеживаем никого,
# кроме протестующих", "لا نتتبع أحدا إلا المتظاهرين"), right after the act or after a word of
# anyone or nothing; French "que" right after the verb "ne" denies ("Nous ne suivons que les
# manifestants", not "… pas les téléphones que nous fournissons").
EXCEPTING = frozenset(
    "but except excepting besides sauf excepte hormis sino salvo excepto senao exceto "
    "кроме помимо إلا الا سوى باستثناء".split()
)
ANY_WORDS = frozenset(
    "anyone anybody anything one nobody nothing everyone everybody personne rien "
    "quiconque nadie nada nadie ninguem nenhum ninguno никого ничего никому احدا أحدا شيئا "
    "احد أحد".split()
)
_FRENCH_ONLY_REACH = 3  # words from "ne" to its verb: "ne suivons", "ne les suivons"


def excepted(text: _Text, first: int, last: int) -> bool:
    """Whether the match from ``first`` to ``last`` makes the denial before it an exception:
    an excepting word (``EXCEPTING``, "más que", "other than") inside it, straight after the
    act or a word of anyone (``ANY_WORDS``), in its sentence."""
    toks = text.toks
    if last <= first:
        return False
    sentence = toks[first][3]
    words = [bare_word(t[0]) for t in toks[first : last + 1] if t[3] == sentence]
    for k, w in enumerate(words[1:-1], 1):
        pair = (words[k - 1], w)
        at = k - 1 if pair in (("mas", "que"), ("other", "than")) else k
        if (w in EXCEPTING or at < k) and (at == 1 or words[at - 1] in ANY_WORDS):
            return True
    if words[1:2] == ["que"]:
        start = max(0, first - _FRENCH_ONLY_REACH)
        return any(t[0] == "ne" and t[3] == sentence for t in toks[start:first])
    return False
