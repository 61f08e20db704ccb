"""Denials that do not deny: a hand-over denied, then the state body it goes to after all
("never shared with the police, only with the Interior Ministry", "ne sont transmis qu'à la
police", "no se comparten con nadie salvo con la policía", "ولا تتم مشاركتها إلا مع
الشرطة", "не передаются никому, кроме полиции"); one a qualifier limits ("never shared with
the police in bulk": single records are; "… unencrypted", "… until phase 2"); two
negations ("never not shared"); and a negation that bears on losing, stopping or failing
("Never will we stop tracking", "will never lose track of"), or a fronted one another
check lifts (``fronted_negation.fronted_lifted``).

What must always be true: a plain denial ("never shared with the police"), one of anyone,
the body included ("never shared with anyone, including the police"), one of every way
("in bulk or otherwise", "directly or indirectly") and an exception naming no state body
("…, only kept for billing") deny the hand-over.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .fronted_negation import EASE, fronted_lifted, undoes
from .handing import BETWEEN_DENIAL, act_denied, hands_on, sentence_at
from .languages import bare_word
from .negation_words import NEGATIONS
from .state_bodies import names_security_body, names_state
from .state_bodies import words_of as _words

if TYPE_CHECKING:
    from .reader import _Text

# Words after a denied hand-over that name whom it is done for after all: "only with",
# "except", "but", "other than", "apart from", "besides", "sauf", "à part", "salvo", "sino",
# "exceto", "кроме", "помимо", "только", "إلا", "سوى" ("ne … que" and "más que":
# ``lifted_to_state``).
EXCEPTIONS = frozenset(
    _words(
        "only except excepting excluding but than apart besides sauf excepte hormis seulement "
        "uniquement salvo excepto sino solo solamente unicamente exceto senao apenas somente "
        "кроме помимо только лишь исключением إلا الا سوى باستثناء فقط"
    )
)
# A qualifier after a denied hand-over that limits the denial to one way or time of it.
LIMITS = frozenset(
    _words(
        "bulk unencrypted until before directly wholesale masse bloc directement jusqu avant "
        "masivamente bloque directamente hasta antes massa bloco diretamente ate напрямую "
        "массово оптом"
    )
)
# An alternative beside the qualifier makes it every way: "in bulk or otherwise".
ALTERNATIVES = frozenset(_words("or nor ou ni или либо أو او"))
# Words before a qualifier that make it one of every way: "whether in bulk, singly, …".
EVERY_WAY = frozenset(_words("whether either neither even mesmo incluso meme даже"))
_ENGLISH_NEGATIONS = frozenset(("never", "not", "cannot"))
_AFTER_VERB = frozenset(("pas", "jamais", "plus"))  # French: "ne" verb "pas"
# How far after the act its recipient and an exception are looked for, and how far before
# it a second negation: the work a hand-over takes does not grow with its sentence.
REACH = 12
_BACK = 6
# How many words a qualifier may stand after the handing verb or the recipient to bear on
# the hand-over ("shared in bulk with", "with the police in bulk"), not on a later clause
# ("… and are deleted before the end of the month").
_NEXT_TO = 1
# How far after a qualifier a negation denies the limited form as well ("in bulk, and
# never one by one").
_DENIED_TOO = 4


def lifted_to_state(words: list[str], i: int) -> bool:
    """Whether the denied hand-over at ``i`` still hands on to a state body its sentence
    names after it: past an exception ("only with the Interior Ministry", "qu'à la
    police", "кроме полиции"), in spite of a qualifier that limits the denial ("in bulk",
    "until phase 2"), or past a second negation ("never not shared")."""
    back = min(i, _BACK)
    return _lifted(tuple(words[i - back : i + 1 + REACH]), back)


@lru_cache(maxsize=4096)
def _lifted(words: tuple[str, ...], i: int) -> bool:
    after = list(words[i + 1 :])
    if not (names_state(after) or names_security_body(after)):
        return False
    if after[:1] and (after[0] in ("qu", "que") and after[1:2] != ["ce"]):
        return True  # "ne sont transmis qu'à la police"
    if after[:2] == ["mas", "que"]:
        return True  # "no se comparten más que con la policía"
    for k, w in enumerate(after):
        if w in EXCEPTIONS or (w == "part" and after[k - 1 : k] == ["a"]):
            named = after[k + 1 :]
            if (names_state(named) or names_security_body(named)) and not any(
                n in NEGATIONS for n in named
            ):
                return True
            break  # "… in bulk, only one by one on request": the limit still holds
    if _limited(after):
        return True  # "never shared with the police in bulk"
    return _twice_negated(list(words), i)


def _recipient_end(after: list[str]) -> int:
    """Where the first state body named after the act ends (its last word's place + 1)."""
    for e in range(1, len(after) + 1):
        if names_state(after[:e]) or names_security_body(after[:e]):
            return e
    return len(after)


def _limited(after: list[str]) -> bool:
    """Whether a qualifier right after the handing verb or its recipient limits the denial
    ("shared in bulk with the police", "with the police until phase 2"), not denied as
    well ("not even in bulk", "in bulk, and never one by one") nor one of every way ("in
    bulk or otherwise", "whether in bulk, singly, …"); one limit or another still is one
    ("in bulk or unencrypted")."""
    end = _recipient_end(after)
    for p, w in enumerate(after):
        if w not in LIMITS:
            continue
        gap = after[end:p] if p >= end else after[:p]
        if len(gap) > _NEXT_TO or any(g in NEGATIONS or g in EVERY_WAY for g in gap):
            continue
        if any(n in NEGATIONS for n in after[p + 1 : p + 1 + _DENIED_TOO]):
            continue
        if after[p + 1 : p + 2] and after[p + 1] in ALTERNATIVES:
            other = [o for o in after[p + 2 : p + 4] if o not in ("in", "en")]
            if not other[:1] or other[0] not in LIMITS:
                continue
        return True
    return False


def _twice_negated(words: list[str], i: int) -> bool:
    """Whether "not" just before the act at ``i`` follows another negation: "never not
    shared" (English: elsewhere two negations may be one, "ne … jamais", "никому не")."""
    j = i - 1
    while j >= 0 and words[j] in BETWEEN_DENIAL:
        j -= 1
    if j < 1 or words[j] != "not":
        return False
    j -= 1
    while j >= 0 and words[j] in BETWEEN_DENIAL:
        j -= 1
    return j >= 0 and words[j] in _ENGLISH_NEGATIONS


def denied_outright(words: list[str], i: int) -> bool:
    """Whether the hand-over at ``i`` is denied (``act_denied``) and not lifted."""
    return act_denied(words, i) and not lifted_to_state(words, i)


# A condition after a denied act says when it is done after all: "unless the ministry
# asks", "until the ministry asks", "sauf si", "à moins que", "a menos que", "salvo que",
# "a não ser que", "salvo se", "если только", "إلا إذا", "ما لم". Words of the sentence
# after the act's first word, accents dropped.
CONDITIONS = frozenset(_words("unless until"))
CONDITION_PAIRS = frozenset(
    (bare_word(a), bare_word(b))
    for a, b in (
        ("sauf", "si"),
        ("moins", "que"),
        ("moins", "qu"),
        ("menos", "que"),
        ("salvo", "que"),
        ("salvo", "si"),
        ("ser", "que"),
        ("salvo", "se"),
        ("если", "только"),
        ("إلا", "إذا"),
        ("الا", "اذا"),
        ("ما", "لم"),
    )
)
_CONDITION_REACH = 8  # words after the act's first word: "track protesters unless"


# A judge's order or the law as the condition is the denial's own safeguard ("We will not
# intercept any calls unless a court orders it", "… unless authorised by the investigating
# magistrate", "… unless legally required"), and the person asking for it is theirs ("We do
# not locate activists unless they press the SOS button"): the denial stays.
JUDICIAL_STARTS = _words(
    "court judge judicial warrant tribunal magistrat magistrad legal lawful law juge "
    "judiciaire mandat loi juez jueza juzgado ley juiz juiza mandado lei суд судь судебн "
    "закон"
)
JUDICIAL_PARTS = ("محكم", "قاض", "قضائ", "قانون", "法院", "法官", "法律")
OWN_ASKING = frozenset(
    _words("they she he ils elles il elle ellos ellas ela ele eles elas они она он")
)
_CONDITION_NAMES = 6  # words after the condition that may name a judge


def _conditioned(after: list[str]) -> bool:
    """Whether a condition other than a judge's order, the law or the person's own asking
    follows the act (``CONDITIONS``) within ``_CONDITION_REACH`` words."""
    for k, w in enumerate(after[:_CONDITION_REACH]):
        pair = k + 1 < len(after) and (w, after[k + 1]) in CONDITION_PAIRS
        if w in CONDITIONS or pair:
            named = after[k + 1 + pair : k + 1 + pair + _CONDITION_NAMES]
            if named[:1] and named[0] in OWN_ASKING:
                return False
            return not any(
                n.startswith(JUDICIAL_STARTS) or any(p in n for p in JUDICIAL_PARTS) for n in named
            )
    return False


def spared(text: _Text, j: int, first: int) -> bool:
    """Whether the negation at token ``j`` bears on something else than the act at
    ``first``: a hand-over it denies that is lifted ("We do not hand call records to anyone
    except the police"), a verb of losing, stopping or failing between ("Never will we stop
    tracking", "will never lose track of"), or a fronted phrase another check lifts."""
    start, words = sentence_at(text, j)
    between = words[j - start + 1 : first - start]
    # "We never erase activists' location history because we never record it": a second
    # denial after the act says there is nothing to undo.
    again = any(w in NEGATIONS for w in words[first - start + 1 :])
    if not again and any(undoes(w) or w in EASE for w in between):
        return True  # "… will never stop tracking", "It couldn't be easier to track …"
    if not again and words[j - start] in _AFTER_VERB and j > start and undoes(words[j - start - 1]):
        return True  # "N'oubliez pas de suivre …": the French verb stands before "pas"
    if _conditioned(words[first - start + 1 :]):
        return True  # "We won't track protesters unless the ministry asks": then it does
    k = j - start + 1
    while k < len(words) and words[k] in BETWEEN_DENIAL:
        k += 1
    if k <= first - start and k < len(words) and hands_on(words[k]):
        return act_denied(words, k) and lifted_to_state(words, k)
    return bare_word(text.toks[j][0]) in NEGATIONS and fronted_lifted(text, j, first)
