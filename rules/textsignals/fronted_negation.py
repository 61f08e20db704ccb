"""A negation fronted at the head of its sentence ("Never, under any circumstances, will we
track protesters", "Under no circumstances will the system identify protesters", "En ningún
caso el sistema de la empresa rastreará a los manifestantes").

What must always be true: such a fronted phrase denies the act of its sentence however far
it stands from it, as long as the sentence goes on straight to the act. In English the
denial is written with the auxiliary before its subject ("will we", "will the system"), and
only words of an auxiliary chain may stand between the subject and the act ("be used to");
without that inversion ("In any case we will track", "Under these circumstances we will
track") or with a comparison ("Never has it been easier to track protesters") the act is
read. A contrast or a second clause ("…, but we will track") ends the denial.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .clause_reach import CONTRAST_WORDS
from .languages import bare_word

if TYPE_CHECKING:
    from .reader import _Text

# The fronted phrases (words compared without accents), at the head of a sentence.
OPENERS = tuple(
    tuple(p.split())
    for p in (
        "never",
        "not ever",
        "not once",
        "nowhere",
        "at no time",
        "at no point",
        "under no circumstances",
        "under no circumstance",
        "not under any circumstances",
        "in no case",
        "in no event",
        "in no way",
        "on no account",
        "by no means",
        "jamais",
        "en aucun cas",
        "a aucun moment",
        "sous aucun pretexte",
        "en aucune circonstance",
        "en aucune facon",
        "nunca",
        "jamas",
        "en ningun caso",
        "en ningun momento",
        "bajo ningun concepto",
        "bajo ninguna circunstancia",
        "de ninguna manera",
        "de ningun modo",
        "em nenhum caso",
        "em nenhum momento",
        "em hipotese alguma",
        "em hipotese nenhuma",
        "em nenhuma circunstancia",
        "sob nenhuma circunstancia",
        "de modo algum",
        "de forma alguma",
        "de maneira alguma",
    )
)
# The openers by their first word, in OPENERS' order: most sentences open with none of them.
_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(o for o in OPENERS if o[0] == first) for first in {o[0] for o in OPENERS}
}
_ENGLISH_OPENING = frozenset("never not nowhere at under in on by".split())
# The auxiliary a fronted English negation puts before its subject.
INVERTED_AUXILIARIES = frozenset(
    "will would shall should can could may might must do does did is are was were".split()
)
SUBJECT_PRONOUNS = frozenset("we they it i you he she anyone anybody".split())
SUBJECT_DETERMINERS = frozenset("the our this these those its their any a an".split())
SUBJECT_WORDS = 4  # words of a subject after its determiner: "the platform's operators"
# Words of an auxiliary chain between the subject and the act ("be used to", "ever").
CHAIN_WORDS = frozenset(
    "be ever again used to allowed permitted able knowingly help directly indirectly "
    "actively".split()
)
CHAIN_REACH = 4
# Words between the fronted phrase and the act in French, Spanish and Portuguese: a subject
# and the verb's auxiliaries ("el sistema de la empresa", "o sistema vai").
ROMANCE_REACH = 6
# A comparison says how easy the act is, it does not deny it ("Nunca fue tan fácil").
COMPARISONS = frozenset(
    "easier easy simpler faster so such more "
    "facile plus si aussi "
    "facil sencillo tan mas "
    "simples tao".split()
)
# Words of consequence open the clause the act is in ("Nunca se sabe quién protesta por eso
# rastreamos …"): the fronted phrase stays in the clause before.
CONSEQUENCES = frozenset(
    "so therefore thus hence donc alors eso pues entonces isso entao logo".split()
)
# Verbs that undo or put off an act, denied they affirm it ("will we fail to", "refuse
# to", "stop", "lose track of", "don't forget to", "can't wait to", "never delete
# journalists' call records"); French "perdre" in
# whole words, as its beginning starts Spanish "perdemos tiempo" (to waste time) too.
UNDOING_STARTS = tuple(
    "fail refus stop ceas neglect hesitat avoid omit lose losing lost forget forgot wait "
    "delay delet eras destroy purg "
    "cess arret manqu omett oubli attend supprim effac detrui "
    "dejar dejare dejaria parar cesar rehus negar omitir pierd olvid esper borr destru "
    "deix recus esquec apag "
    "забы забу удал уничтож".split()
)
UNDOING_WORDS = frozenset(
    "perd perds perdre perdu perdus perdue perdues perdent perdons perdez perdra perdront "
    "perdrons perdrait perdraient".split()
)


def undoes(word: str) -> bool:
    """Whether a word (``bare_word``) is a verb that undoes an act (``UNDOING_STARTS``)."""
    return word.startswith(UNDOING_STARTS) or word in UNDOING_WORDS


# Words after the act that limit a fronted denial to one way of it, so the act is still
# done ("… will we track protesters less than daily", "… until phase 2"); an
# alternative before one makes it every way ("with or without").
LIMITS = frozenset(
    "unless except until less fewer sauf moins salvo excepto menos hasta exceto ate".split()
)
# "Without" limits the denial only to a paid option of the product ("without a paid
# add-on", "sin la licencia premium"): without consent, an exception, notice, a court order
# or telling someone the denial is whole ("Never will we track protesters without their
# consent").
WITHOUT = frozenset("without sans sin sem".split())
PAID_OPTIONS = frozenset(
    "paid add addon premium licence license module subscription upgrade "
    "payant payante abonnement licencia modulo pago suscripcion actualizacion complemento "
    "licenca assinatura atualizacao".split()
)
PAID_REACH = 4  # words after "without" a paid option is looked for in: "sin el módulo de pago"
_ALTERNATIVES = frozenset("or nor ou ni o".split())
LIMIT_REACH = 8  # words after the act a limit is looked for in
# Words of ease: a fronted negation before one says how easy the act is ("Nunca fue tan
# fácil rastrear …"), it denies nothing.
EASE = frozenset("easier easy simpler faster cheaper facile simple facil sencillo simples".split())
INTERJECTION_WORDS = 4  # ", under any circumstances,"
# Words from the head of the sentence to the act: the phrase, an interjection, the words
# between (an auxiliary, a subject and a chain, or ``ROMANCE_REACH``).
FRONTED_REACH = 4 + INTERJECTION_WORDS + 1 + SUBJECT_WORDS + 1 + CHAIN_REACH
# Words that make a comma-enclosed interjection part of the denial (", under any
# circumstances,", ", bajo ninguna circunstancia,"); others open a clause of their own
# ("Nunca compartido, localizar …").
INTERJECTION_MARKS = frozenset(
    "any ever whatsoever no aucun aucune aucuns jamais quelque ningun ninguna nunca jamas "
    "alguna nenhum nenhuma algum alguma".split()
)
# "And", "or" between the fronted phrase and the act: another clause (not the Spanish
# "o", which is also the Portuguese article).
_JOINS = frozenset("and et y e or ou".split())
_COMMA_RE = re.compile("[,\u2013\u2014]")
_BREAK_RE = re.compile("[;:()]")
_CLAUSE_RE = re.compile("[,;:()\u2013\u2014]")


def fronted_negation(text: _Text, first: int) -> bool:
    """Whether the sentence of token ``first`` opens with a fronted negation that denies the
    act starting there."""
    toks = text.toks
    sentence = toks[first][3]
    start = first
    while start > 0 and toks[start - 1][3] == sentence:
        if first - start >= FRONTED_REACH:
            return False  # the act stands too far into its sentence for a fronted phrase
        start -= 1
    if start == first or bare_word(toks[start][0]) not in _BY_FIRST:
        return False  # the sentence opens with no fronted phrase's first word
    words = [bare_word(t[0]) for t in toks[start:first]]
    opener = next((o for o in _BY_FIRST[words[0]] if tuple(words[: len(o)]) == o), None)
    if opener is None:
        return False
    k = _past_interjection(text, start + len(opener), first)
    between = toks[k:first]
    if any(
        _BREAK_RE.search(text.raw, t[2], toks[i + 1][1]) for i, t in enumerate(toks[k:first], k)
    ):
        return False
    rest = [bare_word(t[0]) for t in between]
    if any(undoes(w) for w in rest):
        return False  # "At no time will the system fail to identify …": it does
    if any(
        w in CONTRAST_WORDS or w in _JOINS or w in COMPARISONS or w in CONSEQUENCES for w in rest
    ):
        return False
    if any(_COMMA_RE.search(text.raw, toks[i - 1][2], toks[i][1]) for i in range(k + 1, first + 1)):
        return False
    if _limited(text, first):
        return False  # "… will we track protesters without a paid add-on": it does
    if opener[0] in _ENGLISH_OPENING:
        return _inverted(text, k, first, rest)
    return len(rest) <= ROMANCE_REACH


def _opening(text: _Text, first: int) -> tuple[int, tuple[str, ...]] | None:
    """Where the sentence of token ``first`` starts and the fronted phrase it opens with, if
    the act stands near enough to it."""
    toks = text.toks
    start = first
    while start > 0 and toks[start - 1][3] == toks[first][3]:
        if first - start >= FRONTED_REACH:
            return None
        start -= 1
    words = tuple(bare_word(t[0]) for t in toks[start:first])
    opener = next((o for o in OPENERS if words[: len(o)] == o), None)
    return None if opener is None else (start, opener)


def fronted_lifted(text: _Text, j: int, first: int) -> bool:
    """Whether token ``j`` is in the fronted phrase of its sentence and the phrase denies
    nothing of the act at ``first``: a limit after the act (``LIMITS``) or a word of ease
    before it ("Never will we track protesters without a paid add-on", "Nunca fue tan
    fácil rastrear …")."""
    found = _opening(text, first)
    if found is None or not found[0] <= j < found[0] + len(found[1]):
        return False
    start, opener = found
    rest = (bare_word(t[0]) for t in text.toks[start + len(opener) : first])
    return any(w in EASE for w in rest) or _limited(text, first)


def _limited(text: _Text, first: int) -> bool:
    """Whether a limit (``LIMITS``, or "without" a paid option) follows the act at ``first``
    in its clause, with no alternative before it."""
    toks, raw = text.toks, text.raw
    for k in range(first + 1, min(len(toks), first + 1 + LIMIT_REACH)):
        if toks[k][3] != toks[first][3] or _CLAUSE_RE.search(raw, toks[k - 1][2], toks[k][1]):
            return False
        word = bare_word(toks[k][0])
        if word in _ALTERNATIVES or word in CONTRAST_WORDS:
            return False
        if word in LIMITS:
            return True
        if word in WITHOUT:
            return _paid_option(text, k)
    return False


def _paid_option(text: _Text, k: int) -> bool:
    """Whether a paid option of the product (``PAID_OPTIONS``) follows "without" at ``k`` in
    its clause."""
    toks, raw = text.toks, text.raw
    for i in range(k + 1, min(len(toks), k + 1 + PAID_REACH)):
        if toks[i][3] != toks[k][3] or _CLAUSE_RE.search(raw, toks[i - 1][2], toks[i][1]):
            return False
        if bare_word(toks[i][0]) in PAID_OPTIONS:
            return True
    return False


def _past_interjection(text: _Text, k: int, first: int) -> int:
    """The token after a comma-enclosed interjection right after the fronted phrase
    ("Never, under any circumstances, will …"), or ``k`` if there is none."""
    toks, raw = text.toks, text.raw
    if k >= first or not _COMMA_RE.search(raw, toks[k - 1][2], toks[k][1]):
        return k
    for end in range(k, min(first, k + INTERJECTION_WORDS)):
        if _COMMA_RE.search(raw, toks[end][2], toks[end + 1][1]):
            marked = any(bare_word(t[0]) in INTERJECTION_MARKS for t in toks[k : end + 1])
            return end + 1 if marked else k
    return k


def _inverted(text: _Text, k: int, first: int, rest: list[str]) -> bool:
    """Whether the words from ``k`` to the act read an auxiliary, its subject and an
    auxiliary chain: "will we", "will the system be used to"."""
    if len(rest) < 2 or rest[0] not in INVERTED_AUXILIARIES:
        return False
    toks = text.toks
    subject = rest[1:]
    if subject[0] in SUBJECT_PRONOUNS:
        size = 1
    elif subject[0] in SUBJECT_DETERMINERS:
        size = 1 + next(
            (i for i, w in enumerate(subject[1 : SUBJECT_WORDS + 2]) if w in CHAIN_WORDS),
            min(len(subject) - 1, SUBJECT_WORDS),
        )
    elif toks[k + 1][0][:1].isupper():  # a name: "Never will Acme track …"
        size = 1
        while size < len(subject) and toks[k + 1 + size][0][:1].isupper():
            size += 1
    else:
        return False
    chain = subject[size:]
    if len(chain) <= CHAIN_REACH and all(w in CHAIN_WORDS for w in chain):
        return True
    return _on_denied_object(chain)


# Words of the denied act's object before a match read on it: "Never will we intercept
# journalists' calls without a warrant" denies "calls without a warrant" too. A purpose or
# a clause after the verb is something else the sentence does ("Never will we need
# warrants to track protesters": it tracks them).
OBJECT_WORDS = 2
OBJECT_BREAKS = frozenset("for that which who whom whose where when because if".split())


def _on_denied_object(chain: list[str]) -> bool:
    """Whether ``chain`` (the words after the subject) is an auxiliary chain, a verb and at
    most ``OBJECT_WORDS`` words of its object: the match stands on what the verb denies."""
    verb = next((i for i, w in enumerate(chain) if w not in CHAIN_WORDS), None)
    if verb is None:
        return False  # a chain of auxiliaries too long to stand for one
    obj = chain[verb + 1 :]
    return (
        not undoes(chain[verb])
        and verb <= CHAIN_REACH
        and len(obj) <= OBJECT_WORDS
        and not any(w in CHAIN_WORDS or w in OBJECT_BREAKS for w in obj)
    )
