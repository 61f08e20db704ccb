"""How far a negation reaches through the words joining clauses and acts (``negation``'s).

A negation denies every act of a chain joined by "or" ("we do not store or sell or track
…", "لا نخزن أو نبيع أو نتتبع …"): each "or" carries its reach on. It does not reach into a
clause that has its own subject or finite verb after "and" or a comma ("Nothing is stored
and we track the protesters", "No se guarda nada y rastreamos a los manifestantes", "Rien
n'est conservé et nous suivons les manifestants"), nor past "but" ("we do not store data
but track the protesters"): such a clause affirms.
"""

from __future__ import annotations

import re

from .languages import bare_word, normalise_token

Tok = tuple[str, int, int, int]  # word, start, end, sentence (``negation.Tok``)

# Words joining the acts of a list ("do not track, monitor or intercept …").
LIST_WORDS = frozenset("or and nor ou et ni o y e или и ни либо او أو 或 和 及".split())
ALTERNATIVE_WORDS = frozenset("or nor ou ni o или ни либо او أو 或".split())
# "And" and "or" words (no negation: "ni", "nor"): after one, a subject opens a clause of
# its own ("and we track …", "or we track …").
JOINING_WORDS = frozenset("and et y e и و or ou o или либо او أو".split())
# Words of contrast: what follows one is affirmed whatever was denied before it. The
# Portuguese "mas" only before a subject or a finite verb: bare, it is also "más" (more).
CONTRAST_WORDS = frozenset(
    bare_word(w)
    for w in "but however whereas mais cependant pourtant pero sino porém contudo "
    "todavia но однако зато а لكن ولكن بل".split()
)
# Adverbs of sequence that may stand between "and" and the clause it opens ("and then we
# track …", "y luego rastreamos …", "puis nous suivons …").
SEQUENCE_WORDS = frozenset(
    bare_word(w)
    for w in "then also later afterwards puis ensuite aussi luego después también entonces "
    "depois também então потом затем также тоже".split()
)
# An article after "and", then a finite auxiliary a few words on: a clause with its own
# subject ("y los manifestantes son rastreados", "et les manifestants sont suivis").
ARTICLES = frozenset("the les le la los las el os as".split())
FINITE_AUXILIARIES = frozenset(
    bare_word(w)
    for w in "is are was were sont est était étaient seront son es está están fue fueron "
    "serán são está estão foi foram serão".split()
)
SUBJECT_REACH = 3  # words from the article to the auxiliary
# Subjects opening a clause of their own after "and" or a comma ("and we track …", "et
# nous suivons …", "y se rastrea …", "и мы отслеживаем …", "ونحن نتتبع …"); the French
# "on" only after "et" (in English it is a preposition).
SUBJECTS = frozenset(
    bare_word(w)
    for w in "we they i he she you nous ils elles il elle je vous "
    "nosotros nosotras ellos ellas él ella yo se usted ustedes "
    "nós eles elas ele ela eu "
    "мы они он она я вы".split()
)
# An English subject pronoun after a verb opens a clause of its own, which a negation
# before that verb does not reach ("Nobody will know we track …"). Not after an auxiliary
# (the inverted subject of the negation's own verb: "No longer do we track …"), a verb
# that takes it as its object ("will not help you track", "does not let them"), the end
# of a fronted denial ("Under no circumstances we track", "No way we would", "Never we"),
# "nor" or "that" ("It is not possible that we track …"). "You" is an object as often.
CLAUSE_SUBJECTS = frozenset("we they i he she".split())
NO_CLAUSE_BEFORE = frozenset(
    "do does did will would shall should can could may might must have has had is are was "
    "were am not never no nor neither that way point circumstances circumstance case event "
    "time help helps helped allow allows allowed let lets enable enables permit permits "
    "make makes made".split()
)
AR_AND_SUBJECTS = frozenset("ونحن وهم وهو وهي".split())
# A finite verb of the first person plural straight after "and" ("y rastreamos", "e
# rastreamos", "et suivons", "и отслеживаем"): its subject is in its ending. Infinitives
# ("no vamos a guardar y rastrear", "не будем хранить и отслеживать") stay denied.
FINITE_AND_WORDS = frozenset("et y e и".split())  # not "and": "and communications …"
_FIRST_PLURAL_RE = re.compile("(?:[aei]mos|ons|[еиё]м)$")
MIN_FINITE = 5  # letters: "ramos", "nous" and shorter words are no sure verbs
# Arabic: "and" written onto a verb of the first person or the third ("ونتتبع", "ويتتبع",
# "وسنتتبع"); "وتتبع" is also the noun (tracking), listed with a denied one.
_AR_AND_VERB = ("ون", "وي", "وسن", "وسي")
_COMMA_RE = re.compile("[,;\u3001\uff0c\u060c]")
# A negation of knowing or noticing hides what the clause after it says is done ("Personne
# ne saura que nous suivons …", "Nadie sabrá que rastreamos …", "لن يعرف أحد أننا نتتبع
# …"); it does not deny it. Verbs of willing or accepting are not here: "Nous n'accepterons
# jamais que nous surveillions …" denies. Nor "compte"/"cuenta" ("se rendre compte que",
# "darse cuenta de que"): "ninguna cuenta que rastree …" (no account that tracks) denies. Words between the verb and "that": "de" ("se
# enterará de que"), the subject after an Arabic verb ("لن يعرف أحد أننا").
KNOWING = frozenset(
    bare_word(normalise_token(w))
    for w in "know knows knew notice notices noticed realise realises realize realizes "
    "suspect suspects learn learns "
    "saura sauront saurait sauraient sait savent savoir savait remarquera remarqueront "
    "remarquer apprendra apprendront decouvrira decouvriront doutera douteront verra "
    "verront "
    "sabra sabran sabe saben saber sabia notara notaran notar enterara enteraran enterarse "
    "descubrira descubriran sospechara sospecharan "
    "sabera saberao sabem perceber percebera perceberao percebe notarao descobrira "
    "descobrirao descobrir desconfiara desconfiarao desconfiar sabendo "
    "يعرف يعلم يلاحظ يكتشف يدرك يشك سيعرف سيعلم سيلاحظ سيكتشف يعرفون يعلمون يلاحظون "
    "يكتشفون يعرفوا يعلموا يلاحظوا يكتشفوا يدري ينتبه تعرف تعلم تلاحظ تكتشف".split()
)
THAT_WORDS = frozenset(
    normalise_token(w) for w in "that que qu أن أننا أنهم أنه أنها بأن بأننا بأنهم".split()
)
_KNOWING_BACK = 2  # words from the verb of knowing to "that"


def between_acts(toks: list[Tok], j: int) -> bool:
    """Whether the "or" at ``j`` stands between two words that are not joining words
    themselves ("store or sell"), not in a run of them padding a negation's reach."""
    return all(
        0 <= k < len(toks) and bare_word(toks[k][0]) not in LIST_WORDS for k in (j - 1, j + 1)
    )


def carries_reach(toks: list[Tok], j: int) -> bool:
    """Whether the word at ``j`` is an "or" of a chain of acts, each of which the negation
    before the chain denies: its reach is counted again from there."""
    return bare_word(toks[j][0]) in ALTERNATIVE_WORDS and between_acts(toks, j)


def ends_reach(toks: list[Tok], raw: str, j: int, first: int) -> bool:
    """Whether a negation before the word at ``j`` cannot reach a match starting at
    ``first`` (``j`` < ``first``): the word is one of contrast, or it is "and" (or a comma
    ends its clause) and the words after it open a clause of their own, with a subject
    ("and we track", "y se rastrea") or, straight after "and", the match's own finite
    verb ("y rastreamos", "et suivons")."""
    word = bare_word(toks[j][0])
    if word in CONTRAST_WORDS or word in AR_AND_SUBJECTS:
        return True  # "… ولكن نتتبع", "… ونحن نتتبع": "and" written onto the subject
    if word in CLAUSE_SUBJECTS and j and bare_word(toks[j - 1][0]) not in NO_CLAUSE_BEFORE:
        return True  # "Nobody will know we track …": the negation is the knowing's
    if toks[j][0] in THAT_WORDS and any(
        bare_word(toks[k][0]) in KNOWING for k in range(max(0, j - _KNOWING_BACK), j)
    ):
        return True  # "Personne ne saura que nous suivons …": the knowing is denied
    k = j + 1
    if k < first and bare_word(toks[k][0]) in SEQUENCE_WORDS:
        k += 1  # "and then we track …"
    after = bare_word(toks[k][0])
    subject = (
        after in SUBJECTS
        or (word == "et" and after == "on")
        or _noun_subject(toks, k)
        or (word in BARE_SUBJECT_AND_WORDS and _bare_noun_subject(toks, k, first))
    )
    finite = k == first and len(after) >= MIN_FINITE and bool(_FIRST_PLURAL_RE.search(after))
    if toks[j][0].casefold() == "mas":
        return subject or finite  # "mas rastreamos …"; not "más" (more) written bare
    joined = word in JOINING_WORDS or bool(_COMMA_RE.search(raw, toks[j][2], toks[j + 1][1]))
    return (joined and subject) or (word in FINITE_AND_WORDS and finite)


def _noun_subject(toks: list[Tok], k: int) -> bool:
    """Whether an article at ``k`` opens the subject of a finite auxiliary a few words on
    in its sentence ("the protesters are tracked", "los manifestantes son rastreados")."""
    if bare_word(toks[k][0]) not in ARTICLES:
        return False
    return any(
        bare_word(t[0]) in FINITE_AUXILIARIES
        for t in toks[k + 2 : k + 2 + SUBJECT_REACH]
        if t[3] == toks[k][3]
    )


# A noun (an article before it or none) straight before the match's finite verb after
# "and": "No logs and police track protesters", "Sin registros y policía rastrea a …",
# "… и полиция отслеживает …". Not "or": "No licence or permit track …" joins nouns.
BARE_SUBJECT_AND_WORDS = frozenset("and et y e и".split())
# Words that are no subject between "and" and an act: negations, prepositions, adverbs
# ("and never track", "and only track", "and to track", "y sin rastrear").
NOT_SUBJECTS = frozenset(
    bare_word(w)
    for w in "no not never nor only just even ever still to for of with by without "
    "ne pas jamais sans pour de à ni seulement "
    "sin para por de a ni nunca solo sólo "
    "sem para por de a nem nunca só "
    "не ни без для по только никогда".split()
)
# What a verb that is not finite ends with: "tracking", "rastrear", "suivre", "отслеживать".
_NOT_FINITE_RE = re.compile("(?:ing|[aei]r|re|ть|ти|чь)$")


def _bare_noun_subject(toks: list[Tok], k: int, first: int) -> bool:
    """Whether the one word (or an article and a word) from ``k`` to the match at
    ``first`` is a noun subject of the match's first word, a finite verb ("and police
    track …", "y la policía rastrea …")."""
    words = [bare_word(t[0]) for t in toks[k:first]]
    if words[:1] and words[0] in ARTICLES:
        words = words[1:]
    verb = toks[first][0].casefold()
    return (
        len(words) == 1
        and words[0].isalpha()
        and words[0] not in NOT_SUBJECTS
        and words[0] not in LIST_WORDS
        and not _NOT_FINITE_RE.search(verb)
    )


def opens_with_and(toks: list[Tok], first: int) -> bool:
    """Whether the match at ``first`` starts on an Arabic verb with "and" written onto it
    ("لا نخزن شيئا ونتتبع المتظاهرين"): a clause of its own."""
    word = toks[first][0]
    return len(word) >= MIN_FINITE and word.startswith(_AR_AND_VERB)


# A comma, or a dash between spaces, ends the clause a negation before it denies: "Do not
# store the data - track …" as "Do not store the data, track …".
CLAUSE_END_RE = re.compile("[,;\u3001\uff0c\u060c\u2012-\u2015\u2212]|\\s-\\s|--")
SUBJECT_WORDS = 3  # words of a subject between a comma and the act: "la policía", "警方"


def subject_opening(toks: list[Tok], raw: str, first: int, negations: frozenset[str]) -> int:
    """The first word after a comma when only a subject stands between it and the act at
    ``first`` ("No logs, the police track …", "Sin registros, la policía rastrea …"): a
    denial before the comma reaches that clause no more than one opening on the act itself.
    Else ``first``."""
    for c in range(first, max(0, first - SUBJECT_WORDS) - 1, -1):
        if c == 0 or toks[c - 1][3] != toks[first][3] or bare_word(toks[c - 1][0]) in negations:
            return first
        if CLAUSE_END_RE.search(raw, toks[c - 1][2], toks[c][1]):
            return c
    return first
