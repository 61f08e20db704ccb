"""Negation: whether a phrase read in a text is denied by the words before it ("we will
not track…", "sin tener que pasar por un juez"), or reads a negated state itself ("ne
soient pas accessibles"). Split from the reader, which asks `negated` and `negated_at`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .clause_reach import CLAUSE_END_RE as _CLAUSE_END_RE
from .clause_reach import (
    LIST_WORDS,
    carries_reach,
    ends_reach,
    opens_with_and,
    subject_opening,
)
from .denial_lifted import spared
from .denial_words import ZH_NEGATIONS, may_deny, negation_before, zh_fronted_object
from .fronted_negation import fronted_negation
from .idioms import excepted, negates_nothing, negation_idiom, zh_not_negating_dropped
from .languages import bare_word, normalise, phrase_stems
from .negation_words import AUXILIARIES, NEGATIONS, RU_NO_ANY, ZH_HARMS, harm_word

if TYPE_CHECKING:
    from .lexicon import CompiledEntry
    from .reader import _Text

Tok = tuple[str, int, int, int]

NEGATION_WINDOW = 4
# A safeguard (benign context: "judge", "court order") is negated from further away: "sin
# tener que pasar por un juez", "without having to go through a judge".
BENIGN_NEGATION_WINDOW = 6
ZH_NEGATION_CHARS = 4

# Chinese characters that start a negation: a phrase starting with one reads a negated state.
ZH_NEGATION_STARTS = frozenset("不没无未别勿禁")
_OWN_NEGATIONS: dict[str, frozenset[str]] = {}


def own_negations(entry: CompiledEntry) -> frozenset[str]:
    """The keys of the negation words an entry's alternatives start with ("not accessible",
    "pas accessibles", "无法访问"): such a phrase reads a negated state itself."""
    found = _OWN_NEGATIONS.get(entry.key)
    if found is None:
        language = entry.entry.language
        keys: set[str] = set()
        for raw in entry.entry.phrase.replace("~", "|").split("|"):
            words = normalise(raw).split()
            if not words:
                continue
            if language == "zh":
                if words[0][0] in ZH_NEGATION_STARTS:
                    keys.add(f"zh:{words[0][0]}")
            elif bare_word(words[0]) in NEGATIONS:
                keys.update(f"{language}:{s}" for s in phrase_stems(words[0], language))
        found = _OWN_NEGATIONS[entry.key] = frozenset(keys)
    return found


def negated_at(text: _Text, entry: CompiledEntry, first: int, last: int = -1) -> bool:
    """Whether a match of ``entry`` starting at ``first`` (and ending at ``last``) is
    negated. A match starting on a negation word is a negated state when the phrase wrote
    that negation ("ne soient pas accessibles": its "ne" is the phrase's own), and is
    negated when it only read the word as another ("not" read as the French "noter"). A
    denial the match itself makes an exception to ("We don't track anyone but protesters",
    "Nous ne suivons que les manifestants") affirms the act for those it names."""
    word = text.toks[first][0]
    if bare_word(word) in NEGATIONS or word in ZH_NEGATION_STARTS:
        return own_negations(entry).isdisjoint(text.keys[first])
    return negated(text, first) and not excepted(text, first, last)


# A negation between the words a match read first and its first part written after them
# ("политический контент не ограничивается", "political content is not blocked",
# "内容不受任何限制") denies the act: at most this many words before it (Chinese: twice as
# many characters), inside the match.
INNER_NEGATION_WINDOW = 2


def negated_inside(text: _Text, lo: int, act: int) -> bool:
    """Whether the first part of a match (a family's act), written after the other words
    it read (``lo`` < ``act``), is negated by the words just before it inside the match. A
    first part that starts on a negation word is a negated state the phrase wrote itself
    ("ne soient pas accessibles"), not negated. The negation must bear on the act word
    itself: adjacent to it, or with only an auxiliary between ("are not blocked", "não
    serão bloqueados", "不受任何限制"); one on the verb of a condition or a relative clause
    before it ("journalists who do not cooperate tracked", "记者不服从就跟踪") describes the
    target and leaves the act read."""
    if act <= lo:
        return False
    toks = text.toks
    word = toks[act][0]
    if bare_word(word) in NEGATIONS or word in ZH_NEGATION_STARTS:
        return False
    if len(word) == 1 and "\u3400" <= word <= "\u9fff":
        start = max(lo, act - 2 * INNER_NEGATION_WINDOW)
        before = zh_not_negating_dropped("".join(t[0] for t in toks[start:act]))
        ends = [
            at + len(n)
            for n in ZH_NEGATIONS
            for at in range(len(before))
            if before.startswith(n, at)
        ]
        if bool(ends) and all(c in ZH_AUXILIARY_CHARS for c in before[max(ends) :]):
            return True
        return _zh_no_any(text, lo, act)
    for j in range(act - 1, max(lo, act - INNER_NEGATION_WINDOW) - 1, -1):
        if _INNER_BREAK_RE.search(text.raw, toks[j][2], toks[j + 1][1]):
            return False  # "сайты, которые не зарегистрированы, заблокировать"
        word = bare_word(toks[j][0])
        if (
            word in NEGATIONS
            and word not in WITHOUT
            and not negation_idiom(toks, j)
            and not negates_nothing(text, j)
        ):
            return True
        if word not in AUXILIARIES:
            return False  # "who do not cooperate tracked": the negation is the condition's
    return False


# "任何" (any) just before the act, with a negation before it in its clause, denies the act
# whatever verb stands between: "不设计任何限制" (designed with no restriction at all).
ZH_ANY = "任何"
ZH_ANY_REACH = 8  # characters before "任何" the negation is looked for in


def _zh_no_any(text: _Text, lo: int, act: int) -> bool:
    toks, raw = text.toks, text.raw
    if act - lo < 2 or toks[act - 2][0] + toks[act - 1][0] != ZH_ANY:
        return False
    before = ""
    for k in range(act - 3, max(lo, act - 3 - ZH_ANY_REACH) - 1, -1):
        if _INNER_BREAK_RE.search(raw, toks[k][2], toks[k + 1][1]):
            break
        before = toks[k][0] + before
    before = zh_not_negating_dropped(before)
    return any(n in before for n in ZH_NEGATIONS)


# Chinese characters between a negation and the act it denies: auxiliaries, the passive,
# "any" ("不会被封锁", "不受任何限制", "不予以拦截").
ZH_AUXILIARY_CHARS = frozenset("会得能可将要应该被受任何予以加进行再准许")


# "Without" before an act written after its target says how the act is done, not that it
# is not: "o X e o Instagram a 10% da velocidade, sem bloqueio total" (throttled instead).
WITHOUT = frozenset(bare_word(w) for w in "without sans sin sem без بدون دون".split())
_INNER_BREAK_RE = re.compile("[,;:()\u3001\uff0c\u060c\u2013\u2014]")


# A negation just after a match, followed by a word of intent, plan or scope,
# disclaims it: "track protesters — not intended", "le suivi des manifestants n'est pas
# prévu", "跟踪抗议者不在范围内". A negation followed by anything else names something
# else: "…, not for marketing", "…, no warrant needed", "… who are not registered".
DISCLAIMER_REACH = 3  # words from the end of the match to the negation
DISCLAIMED_WITHIN = 3  # words from the negation to the word of intent or scope
DISCLAIMING_STARTS = tuple(
    # stems, compared without accents (Arabic: the normalised word), read with an ending
    # of at most ``DISCLAIMING_ENDING`` letters ("prevu", "prevues"; not "questionnaire").
    # Words of permission are left out: after a target they describe it ("concentraciones
    # no autorizadas", "gatherings not allowed"), the very people a red flag is about.
    "intend intent plan scope purpose foresee envisag meant "
    "prevu destin envisag objet vise inclu perimetre question "
    "previst destinad contempl objetivo alcance incluid proposito "
    "finalidad escopo "
    "предусмотр предназнач планир входит рассматрива "
    "مخطط مقصود الغرض ضمن نطاق".split()
)
DISCLAIMING_ENDING = 4
DISCLAIMING_ENDING_CYRILLIC = 6  # "предусмотрена", "рассматривается"
# Short words that begin others ("part" and "partir", "fin" and "final"): whole words only.
DISCLAIMING_WORDS = frozenset("part goal aim fin цель цели целью".split())
ZH_DISCLAIMERS = ("打算", "计划", "在范围", "属于", "目的", "考虑", "包括", "设计")
# Words opening a purpose after a word of intent ("not intended to …", "pas destiné à …",
# "не предназначено для …"): the negation bears on that purpose, not on the act.
PURPOSE_OPENERS = frozenset("to a à de d pour para для чтобы на".split())
_RU_INFINITIVE_RE = re.compile("(ть|ться|ти|чь)$")


def _good_intent(text: _Text, j: int, k: int) -> bool:
    """Whether the negation at ``j`` and the word of intent at ``k`` after a match state
    good intent rather than a non-use: a word of harm between them or in the few words
    after ("no harm intended", "not meant to hurt anyone"), or a purpose opening straight
    after the word of intent ("not intended to …", "pas destiné à …"), unless that purpose
    is a scope again ("not intended to be part of the scope")."""
    toks, raw = text.toks, text.raw
    sentence = toks[k][3]
    end = k
    while (
        end + 1 < len(toks)
        and end + 1 <= k + DISCLAIMED_WITHIN + 1
        and toks[end + 1][3] == sentence
        and not _CLAUSE_COMMA_RE.search(raw, toks[end][2], toks[end + 1][1])
    ):
        end += 1
    words = [bare_word(t[0]) for t in toks[j + 1 : end + 1]]
    if any(harm_word(w) for w in words):
        return True
    if end == k:
        return False
    following = words[k - j :]
    opens = following[0] in PURPOSE_OPENERS or bool(_RU_INFINITIVE_RE.search(following[0]))
    return opens and not any(_disclaiming(w) for w in following[1:])


# Words opening a relative clause: a negation after one describes the target ("protesters
# who are not part of any party"), it does not disclaim the act.
RELATIVES = frozenset(
    "who whom whose which that qui que dont lequel laquelle lesquels quien quienes cuyo "
    "cuya cuyos cuyas quem cujo cuja cujos cujas который которая которое которые которых "
    "которым которыми которого которой кто الذي التي الذين اللواتي اللاتي".split()
)
# Long (attributive) endings of a Russian participle or adjective: "протестующих не
# предусмотренных списком" describes the people; the short form predicates ("слежка не
# предусмотрена").
_RU_LONG_ENDING_RE = re.compile(
    "(ый|ий|ой|ая|яя|ое|ее|ые|ие|ых|их|ого|его|ому|ему|ым|им|ыми|ими|ую|юю)$"
)
_COMMENT_RE = re.compile(r"[()\u2013\u2014]|\s-\s")


def _disclaiming(word: str) -> bool:
    if word in DISCLAIMING_WORDS:
        return True
    most = DISCLAIMING_ENDING_CYRILLIC if "\u0400" <= word[:1] <= "\u04ff" else DISCLAIMING_ENDING
    return any(word.startswith(s) and len(word) - len(s) <= most for s in DISCLAIMING_STARTS)


def disclaimed(text: _Text, hi: int) -> bool:
    """Whether the words just after a match ending at ``hi`` disclaim it: a negation within
    ``DISCLAIMER_REACH`` words (a dash, a copula or an auxiliary between), then a word of
    intent, plan or scope. A comma, a relative or a new clause before the negation ("…,
    not for marketing", "… who are not part of any party") makes it name something else;
    so do "without" and "with no", which say how the act is done ("track protesters
    without purpose limitation"), "not only … but", and a negated participle written
    straight after the match that agrees with its target ("periodistas no previstos en la
    acreditación")."""
    toks, raw = text.toks, text.raw
    sentence = toks[hi][3]
    if len(toks[hi][0]) == 1 and "\u3400" <= toks[hi][0] <= "\u9fff":
        after = ""
        for k in range(hi + 1, min(len(toks), hi + 9)):
            if toks[k][3] != sentence or _CLAUSE_COMMA_RE.search(raw, toks[k - 1][2], toks[k][1]):
                break  # "跟踪抗议者，不包括警察": another clause
            after += toks[k][0]
        after = zh_not_negating_dropped(after)
        for n in ZH_NEGATIONS:
            at = after.find(n)
            if 0 <= at <= 2:
                rest = after[at + len(n) : at + len(n) + 4]
                if any(h in after[at:] for h in ZH_HARMS):
                    return False  # "——不打算伤害他们": good intent, the act stays read
                return any(rest.startswith(d) or d in rest[:3] for d in ZH_DISCLAIMERS)
        return False
    for j in range(hi + 1, min(len(toks), hi + 1 + DISCLAIMER_REACH)):
        if toks[j][3] != sentence or _CLAUSE_COMMA_RE.search(raw, toks[j - 1][2], toks[j][1]):
            return False
        word = bare_word(toks[j][0])
        if word in RELATIVES or word in WITHOUT:
            return False
        if word in NEGATIONS and not negation_idiom(toks, j):
            if word == "no" and bare_word(toks[j - 1][0]) in ("with", "avec", "con", "com"):
                return False  # "with no scope restrictions": how the act is done
            for k in range(j + 1, min(len(toks), j + 1 + DISCLAIMED_WITHIN)):
                if toks[k][3] != sentence:
                    break
                after = bare_word(toks[k][0])
                if _disclaiming(after):
                    return not _attributive(text, hi, j, k) and not _good_intent(text, j, k)
            return False
    return False


def _attributive(text: _Text, hi: int, j: int, k: int) -> bool:
    """Whether the negation at ``j`` and the word of intent at ``k`` describe the match's
    target rather than disclaim it: a Russian long-form participle ("не предусмотренных"),
    or one written straight after the match and straight after the negation, with no dash
    or parenthesis before it and more words after it in its clause ("periodistas no
    previstos en la acreditación"). "— not intended" and one ending its clause ("Tracking
    protesters not intended.") state a non-use: they disclaim."""
    word = text.toks[k][0]
    if "\u0400" <= word[:1] <= "\u04ff":
        return bool(_RU_LONG_ENDING_RE.search(word))
    if "\u0600" <= word[:1] <= "\u06ff":
        return False
    toks, raw = text.toks, text.raw
    ends_clause = k + 1 >= len(toks) or toks[k + 1][3] != toks[k][3]
    if not ends_clause:
        ends_clause = bool(_CLAUSE_COMMA_RE.search(raw, toks[k][2], toks[k + 1][1]))
    return (
        j == hi + 1
        and k == j + 1
        and not ends_clause  # "Tracking protesters not intended.": a stated non-use
        and not _COMMENT_RE.search(raw, toks[hi][2], toks[j][1])
    )


# A comma or semicolon after a match opens another clause (a contrast: "…, not for
# marketing"); a dash or a parenthesis opens a comment on it ("— not intended").
_CLAUSE_COMMA_RE = re.compile("[,;\u3001\uff0c\u060c]")


# A colon inside a sentence (one that does not end it: ``languages.LABEL_WORDS``) still
# closes the clause a negation denies: "the licence is not needed: intercept journalists'
# calls" negates the licence, not the interception.
_NEGATION_BREAK_RE = re.compile("[:\uff1a]")


def context_negated(text: _Text, lo: int, language: str) -> bool:
    """Whether benign context starting at token ``lo`` is negated. Before Portuguese context
    "no" is "em o" (on the, in the: "no portal"), not a negation; what stands before it may
    be one."""
    toks = text.toks
    if language == "pt" and lo and toks[lo - 1][0] == "no" and toks[lo - 1][3] == toks[lo][3]:
        return lo > 1 and negated(text, lo - 1, BENIGN_NEGATION_WINDOW)
    return negated(text, lo, BENIGN_NEGATION_WINDOW)


def negated(text: _Text, first: int, window: int = NEGATION_WINDOW) -> bool:
    """Whether a negation word stands within ``window`` words before token ``first``, in
    its sentence and not before a colon (Chinese: among the characters just before it)."""
    toks, raw = text.toks, text.raw
    sentence = toks[first][3]
    if first and toks[first - 1][3] == sentence and bare_word(toks[first - 1][0]) in RU_NO_ANY:
        return True  # "Никакого отслеживания …"
    if not may_deny(text):
        return False  # no word of the text can deny anything (worked out once a text)
    if fronted_negation(text, first):
        return True  # "Never, under any circumstances, will we track …"
    if not negation_before(text, first) and not (
        len(toks[first][0]) == 1 and "\u3400" <= toks[first][0] <= "\u9fff"
    ):
        return False  # no negation word before it in its sentence, nor a Chinese act
    opening = subject_opening(toks, raw, first, NEGATIONS)  # "Sin registros, la policía …"
    if _new_clause_before(text, opening) or opens_with_and(toks, first):
        return False  # "Do not store the data, track the phones of protesters"
    j, counted = first - 1, 0
    chain = [first]  # where each act of a chain joined by "or" starts (Chinese)
    purpose = bare_word(toks[first][0]) in CHAIN_PURPOSE_WORDS  # "… para entregar": no act of it
    past_comma = False  # a comma (or the like) stands between this word and the match
    while j >= 0 and counted < window:
        between = (toks[j][2], toks[j + 1][1])
        if toks[j][3] != sentence or _NEGATION_BREAK_RE.search(raw, *between):
            break
        if ends_reach(toks, raw, j, first):
            break  # "Nothing is stored and we track …", "… but track …" (``clause_reach``)
        past_comma = past_comma or bool(_INNER_BREAK_RE.search(raw, *between))
        word = bare_word(toks[j][0])
        if (
            word in NEGATIONS
            and not (past_comma and word in WITHOUT)  # "sem ícone, manda o GPS": no icon
            and not negation_idiom(toks, j)
            and not negates_nothing(text, j)
            and not _bears_on_harm(text, j, first)
            and not spared(text, j, first)
        ):
            return True  # not one bearing on harm ("No harm intended, locate …") or lifted
        # Each "or" of a denied chain of acts carries the negation's reach on: "we do not
        # store or sell or track the location of …", "لا نخزن أو نبيع أو نتتبع …".
        listed = _ZH_LIST_RE.fullmatch(raw, toks[j][2], toks[j + 1][1])
        carries = carries_reach(toks, j)
        if (carries or listed) and counted <= CHAIN_ACT and not purpose:
            chain.append(j + 1 if listed else j)  # "不会存储、出售或跟踪"
            counted = 0
        elif not carries:
            counted += 1
            purpose = purpose or word in CHAIN_PURPOSE_WORDS
        j -= 1
    if len(toks[first][0]) == 1 and "\u3400" <= toks[first][0] <= "\u9fff":
        for at in chain:
            before = _zh_before(text, at)  # once an act, not once for each negation
            if any(
                n in before and not any(h in before[before.find(n) :] for h in ZH_HARMS)
                for n in ZH_NEGATIONS
            ):
                return True
    return False


_ZH_LIST_RE = re.compile("\u3001")  # the Chinese enumeration comma
# An act of a chain is a word or two ("sell it", "track the …"); longer, or with a purpose
# between ("para entregar …"), and the "or" joins things, not acts: "No licence or permit
# needed to track …", "licença ou certificado para entregar …" (it does not count).
CHAIN_ACT = 2
CHAIN_PURPOSE_WORDS = frozenset("to for pour para por для чтобы".split())


def _new_clause_before(text: _Text, first: int) -> bool:
    """Whether a match starting at ``first`` opens a clause after a comma or a dash whose
    own clause before it already has a negation and a word after it ("Do not store the
    data, track …", "Never shared, locate …", "Do not store the data - track …"), or is a
    negation alone, an answer ("No, track …", "Нет, отслеживать …", "不，跟踪…"): the
    negation denied that clause's verb, or nothing, not this act. A list after a negated
    act ("we will not track protesters, journalists or students") is read as one match
    from its act, so it stays denied."""
    toks, raw = text.toks, text.raw
    if (
        first == 0
        or toks[first - 1][3] != toks[first][3]
        or not _CLAUSE_END_RE.search(raw, toks[first - 1][2], toks[first][1])
    ):
        return False
    k = first - 1
    while k >= 0 and toks[k][3] == toks[first][3]:
        opens_clause = (
            k == 0
            or toks[k - 1][3] != toks[k][3]
            or bool(_CLAUSE_END_RE.search(raw, toks[k - 1][2], toks[k][1]))
        )
        word = bare_word(toks[k][0])
        if word in NEGATIONS or (word in ZH_NEGATION_STARTS and opens_clause):
            alone = k == first - 1 and opens_clause
            return (k < first - 1 or alone) and not _listed_act(text, first)
        if opens_clause:
            return False
        k -= 1
    return False


def _listed_act(text: _Text, first: int) -> bool:
    """Whether the act at ``first`` is one of a list of acts the negation before the comma
    denies together ("we do not track, monitor or intercept …", "does not store, profile,
    or monitor …"): another comma or a joining word follows it straight away."""
    toks, raw = text.toks, text.raw
    nxt = first + 1
    if nxt >= len(toks) or toks[nxt][3] != toks[first][3]:
        return False
    return bare_word(toks[nxt][0]) in LIST_WORDS or bool(
        _CLAUSE_COMMA_RE.search(raw, toks[first][2], toks[nxt][1])
    )


def _bears_on_harm(text: _Text, j: int, first: int) -> bool:
    """Whether the negation at ``j``, before a match starting at ``first``, bears on a word
    of harm (between it and the match, or just before it: "daño a nadie") rather than on
    the act."""
    toks = text.toks
    lo = max(0, j - 2)
    return any(
        k != j and toks[k][3] == toks[j][3] and harm_word(bare_word(toks[k][0]))
        for k in range(lo, first)
    )


# "Any kind of" between a negation and the act it denies widens the window by its own
# characters: "不做任何形式的位置追踪" (no location tracking of any kind).
ZH_ANY_KIND = ("任何形式的", "任何类型的", "任何种类的", "任何方式的", "任何形式", ZH_ANY)


def _zh_before(text: _Text, first: int) -> str:
    """The characters just before ``first`` (``ZH_NEGATION_CHARS``, in its clause, and any
    ``ZH_ANY_KIND`` or negated fronted object before it) that may negate it. One more is read
    first, so an A-not-A question the window cuts ("是|不是可以") is still a question."""
    most = ZH_NEGATION_CHARS + max(_zh_any_kind(text, first), zh_fronted_object(text, first))
    start = _clause_start(text, first, most)
    wider = _clause_start(text, first, most + 1)
    chars = "".join(t[0] for t in text.toks[wider:first])
    kept = zh_not_negating_dropped(chars)
    if wider < start and kept[:1] == chars[:1]:
        kept = kept[1:]  # the character before the window, read only for its question
    return kept


# Verbs that carry a negation on to "any kind of" ("不做任何形式的", "没有进行任何"); after
# another verb the negation is that verb's ("不会漏掉任何追踪目标": misses none).
ZH_LIGHT_VERBS = "做进行作搞开展实施提供存在有设对"


def _zh_any_kind(text: _Text, first: int) -> int:
    """How many characters of "any kind of" stand right before ``first``, in its clause,
    after a negation and at most a light verb: 0 when there are none."""
    longest = len(ZH_ANY_KIND[0])
    chars = "".join(t[0] for t in text.toks[_clause_start(text, first, longest) : first])
    kind = next((k for k in ZH_ANY_KIND if chars.endswith(k)), "")
    if not kind:
        return 0
    start = _clause_start(text, first, len(kind) + ZH_NEGATION_CHARS)
    before = "".join(t[0] for t in text.toks[start:first])[: -len(kind)]
    before = before.rstrip(ZH_LIGHT_VERBS + "".join(ZH_AUXILIARY_CHARS))
    return len(kind) if any(before.endswith(n) for n in ZH_NEGATIONS) else 0


def _clause_start(text: _Text, first: int, most: int) -> int:
    """The earliest of the ``most`` tokens before ``first`` in its sentence and clause
    (none past a colon)."""
    toks, raw = text.toks, text.raw
    j = first
    while j > max(0, first - most) and toks[j - 1][3] == toks[first][3]:
        if _NEGATION_BREAK_RE.search(raw, toks[j - 1][2], toks[j][1]):
            break
        j -= 1
    return j
