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

from typing import TYPE_CHECKING

from .fronted_negation import UNDOING_STARTS, fronted_lifted
from .handing import BETWEEN_DENIAL, act_denied, hands_on, sentence_at
from .languages import bare_word
from .negation_words import NEGATIONS
from .state_bodies import names_security_body, names_state
from .state_bodies import words_of as _words

if TYPE_CHECKING:
    from .reader import _Text

# Words after a denied hand-over that name whom it is done for after all: "only with",
# "except", "but", "other than", "sauf", "salvo", "sino", "exceto", "кроме", "только",
# "إلا", "سوى" ("ne … que" and "más que": ``_RESTRICTED_BY_QUE``).
EXCEPTIONS = frozenset(
    _words(
        "only except excepting but than sauf excepte hormis seulement uniquement salvo "
        "excepto sino solo solamente unicamente exceto senao apenas somente кроме только "
        "лишь исключением إلا الا سوى باستثناء فقط"
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
_ENGLISH_NEGATIONS = frozenset(("never", "not", "cannot"))


def lifted_to_state(words: list[str], i: int) -> bool:
    """Whether the denied hand-over at ``i`` still hands on to a state body its sentence
    names after it: past an exception ("only with the Interior Ministry", "qu'à la
    police", "кроме полиции"), in spite of a qualifier that limits the denial ("in bulk",
    "until phase 2"), or past a second negation ("never not shared")."""
    after = words[i + 1 :]
    if not (names_state(after) or names_security_body(after)):
        return False
    if after[:1] and (after[0] in ("qu", "que") and after[1:2] != ["ce"]):
        return True  # "ne sont transmis qu'à la police"
    if after[:2] == ["mas", "que"]:
        return True  # "no se comparten más que con la policía"
    for k, w in enumerate(after):
        if w in EXCEPTIONS:
            named = after[k + 1 :]
            return (names_state(named) or names_security_body(named)) and not any(
                n in NEGATIONS for n in named
            )
    if any(w in LIMITS for w in after) and not any(w in ALTERNATIVES for w in after):
        return True  # "never shared with the police in bulk"
    return _twice_negated(words, i)


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


def spared(text: _Text, j: int, first: int) -> bool:
    """Whether the negation at token ``j`` bears on something else than the act at
    ``first``: a hand-over it denies that is lifted ("We do not hand call records to anyone
    except the police"), a verb of losing, stopping or failing between ("Never will we stop
    tracking", "will never lose track of"), or a fronted phrase another check lifts."""
    start, words = sentence_at(text, j)
    between = words[j - start + 1 : first - start]
    if any(w.startswith(UNDOING_STARTS) for w in between):
        return True
    k = j - start + 1
    while k < len(words) and words[k] in BETWEEN_DENIAL:
        k += 1
    if k <= first - start and k < len(words) and hands_on(words[k]):
        return act_denied(words, k) and lifted_to_state(words, k)
    return bare_word(text.toks[j][0]) in NEGATIONS and fronted_lifted(text, j, first)
