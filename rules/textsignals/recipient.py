"""Whom what is kept is handed on to: the checks that stop ordinary wording (call records
kept for billing, a DDoS watch, calls in a queue, recording for compliance) clearing a text
that hands what it keeps to a state body, or to no one it names. Which words name a state
body is ``state_bodies``; whose what is kept is, ``kept_groups``.

What must always be true: a handing-on act ("pass them to", "make them available to",
"ويرسلها إلى", "отдавать в", "remettre à", "提供给"), in any form and either voice, in a
sentence that names a state body, a security service, an armed group or a party (the
police, "the Guard Corps", "the authorities", "the ruling party", "the Presidential
Administration") bounds nothing ordinary, nor does one whose recipient is a pronoun or no
one while another sentence names the body ("… hand them over. The recipient is …"); a
text naming the Guard Corps or a security service the lexicon reads bounds nothing
ordinary, with a handing word or none. Records kept for billing or traffic watched for
attacks and handed on to no one named ("… and share them", "… and make them available on
request", "copies go out every night") bound nothing either; one
whose recipient is a customer or the next agent, or a handing on of something else
("transfer to the next agent", "invoices sent", "wire transfer", "تسليم المعدات"), is the
ordinary deal it says. Handed to a state body in the sentence that says what it is kept
for, or the next one about it, it is kept for that body, whatever the sentence says it is
kept for ("Call records are kept for billing and shared with the police", "For
compliance, record all calls and share them with the police", "… They are also shared
with the police"). A hand-over the text denies hands nothing on ("never shared with the
police", "ne jamais les transmettre à la police", "никогда не передавать их в полицию");
a negation of "only" or of another verb denies none ("not only for billing but also
shared with the police"). A recipient named only by a bare head ("hand them to the Bureau",
"Recipient: the Agency", "Получатель — Бюро") is no one named: it may be a state's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .denial_lifted import denied_outright
from .denied_hand_over import company_unit, denied_hand_over, zh_negated, zh_recipient_before
from .handing import HANDING_PARTS, HANDING_WORDS, memo
from .handing import act_denied as _negated
from .handing import hands_on as _hands_on
from .handing import sentences_of as _sentences
from .handing import zh as _zh
from .languages import bare_word
from .matching import entry_spans
from .negation import NEGATIONS, negated_at
from .state_bodies import names_security_body, names_state
from .state_bodies import words_of as _words

if TYPE_CHECKING:
    from .reader import _Text


# Whom a handing-on act may be to when a pronoun stands for it ("hand them over to them"):
# the state body is then named elsewhere in the text.
TO_WORDS = frozenset(_words("to with à au aux avec a al con para ao aos com к إلى لدى"))
PRONOUNS = frozenset(_words("them him her eux lui leur ellos ellas eles elas им ним ней ему"))
ZH_PRONOUNS = ("他们", "对方", "其")
ARABIC_PRONOUNS = frozenset(_words("لهم إليهم اليهم لهن"))


def hands_on_to_state(text: _Text) -> bool:
    """Whether a sentence hands on or lets read what is kept (``HANDING_WORDS``) and names
    a state body (``names_state``, or a security service the lexicon reads there): before
    or after the act, the act in either voice ("will be made available to the Interior
    Ministry", "the Guard Corps receives a copy", "ويسلمها إلى المخابرات", "отдавать в
    Росгвардию"); or hands it on to a pronoun, or to no one, and the state body is named in
    another sentence ("… hand them over to them", "… hand them over. The recipient is
    …"); or the text names the Guard Corps or a security service, with a handing word or
    none ("the Guard Corps has a login", "cc: Guard Corps")."""
    found = memo(text)  # once a text: a court order's every match asks it
    if "hands_on_to_state" not in found:
        found["hands_on_to_state"] = _hands_on_to_state(text)
    return found["hands_on_to_state"]


def _hands_on_to_state(text: _Text) -> bool:
    sentences = _sentences(text)
    services = _services_read(text)
    if services or any(
        names_security_body(words) and not _disclaims(words) for words in sentences.values()
    ):
        return True
    state = {
        n for n, words in sentences.items() if names_state(words) and not denied_hand_over(words)
    }
    state |= _numbered_units(text)
    for n, words in sentences.items():
        handing = [i for i, w in enumerate(words) if _hands_on(w) and not denied_outright(words, i)]
        if not handing:
            if _zh(words) and any(h in "".join(words) for h in HANDING_PARTS):
                handing = [0]
            else:
                continue
        if n in state:
            return True
        if state and any(_to_pronoun(words, i) or _to_no_one(words, i) for i in handing):
            return True
    return False


# Pronouns opening a sentence about what the one before keeps ("They are also shared with
# the police").
SUBJECT_PRONOUNS = frozenset(
    _words("they these those it ils elles ceux ellos ellas estos estas eles elas estes они их")
)
ZH_RECEIVING = ("接收", "调取", "查阅", "获取")
ZH_SUBJECTS = ("它们", "这些", "其", "上述")
# ...or naming it again in the sentences after ("The police receive them weekly", "A copy
# goes to the police", "这些记录也提供给公安").
KEPT_AGAIN = frozenset(_words("them it these those их его ее её los las os as eux les"))
KEPT_AGAIN_STARTS = _words("record enregistr registr запис")
# Copies said of nothing else ("A copy goes to the police", not "Invoice copies are sent").
COPIES = frozenset(_words("copy copies copie copies copia copias cópia cópias копия копии"))
COPIES_OPENERS = frozenset(_words("a an the and une un la les una uma as os"))
OF_AFTER_COPIES = frozenset(_words("of de des du del da do das dos"))
ZH_KEPT_AGAIN = ("记录", "话单", "副本", "它们", "这些")
SENTENCES_AFTER = 2  # how many sentences after a match may still speak of what it keeps


def kept_for_the_state(text: _Text, span: tuple[int, int]) -> bool:
    """Whether the sentence of a match, or one of the next two when it speaks of what the
    match keeps (a pronoun, copies, the records), hands it on to a state body
    (``hands_to_state``): "Call records are kept for billing and shared with the police",
    "… for compliance and share them with the police", "… kept for billing. They are also
    shared with the police", "… The police receive them weekly"."""
    sentences = _sentences(text)
    first, last = text.toks[span[0]][3], text.toks[span[1]][3]
    said = list(range(first, last + 1))
    said += [
        n
        for n in range(last + 1, last + 1 + SENTENCES_AFTER)
        if _speaks_of_kept(sentences.get(n, []))
    ]
    found = memo(text).setdefault("hands to state", {})
    for n in said:
        if n not in found:
            found[n] = hands_to_state(sentences.get(n, []))
    return any(found[n] for n in said)


def _speaks_of_kept(words: list[str]) -> bool:
    if _zh(words):
        return any(k in "".join(words) for k in ZH_KEPT_AGAIN)
    return bool(words) and (
        words[0] in SUBJECT_PRONOUNS
        or any(w in KEPT_AGAIN or w.startswith(KEPT_AGAIN_STARTS) for w in words)
        or any(
            w in COPIES
            and (j == 0 or words[j - 1] in COPIES_OPENERS)
            and not (words[j + 1 : j + 2] and words[j + 1] in OF_AFTER_COPIES)
            for j, w in enumerate(words)
        )
    )


def hands_to_state(words: list[str]) -> bool:
    """Whether a sentence's words hand what is kept on to a state body they name: after a
    giving act not denied ("shared with the police", "made available to the Interior
    Ministry"), before a receiving one ("the police receive a copy"), or either side of a
    passive one ("the police are provided with copies")."""
    if _zh(words):
        said = "".join(words)
        return any(
            names_state(list(said[:at] if h in ZH_RECEIVING else said[at + len(h) :]))
            or (h not in ZH_RECEIVING and zh_recipient_before(said, at) is not None)
            for h in HANDING_PARTS
            for at in [said.find(h)]
            if at >= 0 and not zh_negated(said, at)
        )
    for i, w in enumerate(words):
        turned_over = w.startswith("turn") and words[i + 1 : i + 2] == ["over"]
        if not (_hands_on(w) or turned_over) or denied_outright(words, i):
            continue  # not "never shared with the police, only with the Interior Ministry"
        if i and words[i - 1] in PASSIVE_BE and w not in AVAILABLE:
            recipient = words  # "the police are provided with copies", "… are sent to …"
        elif w.startswith(NOT_GIVING) and w not in AVAILABLE:
            recipient = words[:i]
        else:
            recipient = words[i + 1 :]
        if names_state(recipient) or names_security_body(recipient):
            return True
    return False


PASSIVE_BE = frozenset(_words("are is was were be been being get gets got"))


# A service whose name is a number, which the words of a text leave out ("Unit 8200").
NUMBERED_UNITS_RE = re.compile(r"(?<!\w)unit\s*8200(?!\d)|8200\s*部队")


def _numbered_units(text: _Text) -> set[int]:
    """The sentences naming a service whose name is a number (``NUMBERED_UNITS_RE``)."""
    starts = [m.start() for m in NUMBERED_UNITS_RE.finditer(text.raw.lower())]
    return {t[3] for at in starts for t in text.toks if t[1] <= at < t[2] or t[1] == at}


def hands_on_to_no_one(text: _Text, span: tuple[int, int]) -> bool:
    """Whether the sentence of a match hands what it keeps on ("share them", "les
    partager", "compartirlos", "передавать их", "ومشاركتها") to no one it names: no
    ordinary recipient then bounds it ("Keep call records for billing and share them")."""
    sentences = _sentences(text)
    n = text.toks[span[0]][3]
    words = sentences.get(n, [])
    copies_out = any(
        _hands_on(w) and _copies_before(other, i) and _to_no_one(other, i)
        for m, other in sentences.items()
        if m > n
        for i, w in enumerate(other)
    )
    return (
        copies_out or any(_hands_on(w) and _to_no_one(words, i) for i, w in enumerate(words))
    ) and not _labels_ordinary_recipient(sentences)


# A recipient named under a label of its own ("Recipient: our billing partner").
RECIPIENT_LABELS = frozenset(
    _words(
        "recipient recipients destinataire destinataires destinatario destinatarios "
        "destinatário destinatários получатель получатели المستلم"
    )
)


# A head alone names no one a text shows to be ordinary: "Recipient: the Bureau" may be a
# state's as well as a company's ("the credit bureau" is named by what it does).
BARE_HEADS = frozenset(
    _words(
        "bureau bureaus agency agence agencia agência service services servicio serviço "
        "directorate direction dirección direção diretoria committee comité comitê office "
        "oficina escritório department département departamento authority autorité "
        "autoridad autoridade unit unité unidad unidade administration administración "
        "administração command бюро агентство служба управление директорат комитет отдел "
        "департамент ведомство орган администрация المكتب الوكالة الجهاز المديرية اللجنة "
        "الإدارة الهيئة الدائرة"
    )
)
LABEL_ARTICLES = frozenset(_words("the le la l el o a les los las os as"))


def _labels_ordinary_recipient(sentences: dict[int, list[str]]) -> bool:
    """Whether a sentence labels a recipient ("Recipient: our billing partner", the name
    on its own line after the label) that names no state body, and more than a bare head
    (``BARE_HEADS``)."""
    order = sorted(sentences)
    for k, n in enumerate(order):
        words = sentences[n]
        if not words or words[0] not in RECIPIENT_LABELS:
            continue
        named = words[1:] or (sentences[order[k + 1]] if k + 1 < len(order) else [])
        if all(w in LABEL_ARTICLES or w in BARE_HEADS for w in named):
            continue
        if not names_state(named) and not names_security_body(named):
            return True
    return False


# A sanctions or ownership statement names a state body only to deny it anything: "the
# customer is not owned or controlled by the IRGC", "sanctions screening".
# A negation alone does not ("the Guard Corps does not need a warrant").
SANCTION_STARTS = _words("sanction санкц sancion sancao ofac embargo")
OWNERSHIP_STARTS = _words(
    "owned owner control affiliat belong detenu control propiedad propriedad принадлеж контрол"
)


def _disclaims(words: list[str]) -> bool:
    return (
        any(w.startswith(SANCTION_STARTS) for w in words)
        or (
            any(w in NEGATIONS for w in words)
            and any(w.startswith(OWNERSHIP_STARTS) for w in words)
        )
        or denied_hand_over(words)
    )


# What makes a security service's name a company's own unit: "the internal security team".
OWN_TEAM_WORDS = frozenset(_words("team teams staff desk équipe equipo equipe отдел команда"))


def _services_read(text: _Text) -> bool:
    """Whether a security service phrase of the lexicon reads in the text ("the GRU", "the
    National Security Bureau", "la DGSI"), not negated: of the entries the text was worth
    trying (worked out by the reader before any match is bounded), and not a company's own
    team or department of that name ("the internal security team", "the Group Security
    Directorate")."""
    tried = text._candidates
    if tried is None:
        return False
    toks = text.toks
    return any(
        text.reads_in(entry, span)
        and not negated_at(text, entry, span[0])
        and not company_unit(text, span[0], span[1])
        and not (
            span[1] + 1 < len(toks)
            and toks[span[1] + 1][3] == toks[span[1]][3]
            and bare_word(toks[span[1] + 1][0]) in OWN_TEAM_WORDS
        )
        for entry in tried[0]
        if entry.entry.category == "security_services"
        for span in entry_spans(text, entry)
    )


def _to_pronoun(words: list[str], i: int) -> bool:
    """Whether the few words after a handing-on act give it to a pronoun ("to them")."""
    after = words[i + 1 : i + 6]
    if _zh(words):
        return any(p in "".join(words[i:]) for p in ZH_PRONOUNS)
    if any(w in ARABIC_PRONOUNS for w in after):
        return True
    return any(w in TO_WORDS and nxt in PRONOUNS for w, nxt in zip(after, after[1:], strict=False))


# Handing on that gives (not receiving, reading or reporting), with what is kept as its
# object: a pronoun after it ("share them", "передавать их", "entregá-los"), before it
# ("les partager", "las transfiere"), or written into it ("compartirlos", "ومشاركتها").
NOT_GIVING = _words(
    "receiv obtain access consult get got read see view quer report recoi recev acced recib "
    "acces receb acess получа получи доступ чита"
)
NOT_GIVING_PARTS = _words("يتلقى تتلقى يستلم تستلم استلام يطلع تطلع اطلاع الوصول")
OBJECT_AFTER = frozenset(_words("them it these those их его ее её los las os as"))
OBJECT_BEFORE = frozenset(_words("les los las"))
VERB_ENDINGS = ("er", "re", "ir", "e", "a", "an", "en")
CLITICS = ("rlos", "rlas", "rlo", "rla")
ARABIC_OBJECTS = ("ها", "هم")
# Whom it may go to, written after the act: "to", "with" (Russian and Arabic: any word).
RECIPIENT_MARKERS = TO_WORDS | frozenset(_words("for pour avec con com"))


# Handing on with no object pronoun after the act, and no one it goes to: "make them
# available on request", "give access to them", "copies go out every night", "and share."
AVAILABLE = frozenset(_words("available accessible"))
ON_REQUEST = (["on", "request"], ["upon", "request"], ["on", "demand"])
GIVE_ACCESS = frozenset(_words("give grant provide"))
COPY_WORDS = frozenset(_words("copies copy exports extracts dumps"))
AND_WORDS = frozenset(_words("and et y e"))
COPY_OPENERS = AND_WORDS | frozenset(_words("the their les los las os as"))
BE_WORDS = frozenset(_words("are is get"))


def _copies_before(words: list[str], i: int) -> bool:
    """Whether copies, said of nothing else, are what the act at ``i`` hands on ("copies go
    out every night", "the copies are sent"), not "invoice copies are sent"."""
    j = i - 2 if i >= 2 and words[i - 1] in BE_WORDS else i - 1
    return j >= 0 and words[j] in COPY_WORDS and (j == 0 or words[j - 1] in COPY_OPENERS)


def _given_without_recipient(words: list[str], i: int) -> bool:
    word, before, rest = words[i], words[i - 1] if i else "", words[i + 1 :]
    if word in AVAILABLE and before in OBJECT_AFTER:
        return not rest or rest[:2] in ON_REQUEST
    if word in GIVE_ACCESS and rest[:1] == ["access"]:
        rest = rest[1:]
        if rest[:1] and rest[0] in TO_WORDS and rest[1:2] and rest[1] in OBJECT_AFTER:
            return not any(w in RECIPIENT_MARKERS for w in rest[2:])
        return False
    if _copies_before(words, i):
        return not any(w in RECIPIENT_MARKERS for w in rest)
    return not rest and before in AND_WORDS and word in HANDING_WORDS


def _to_no_one(words: list[str], i: int) -> bool:
    """Whether the handing-on act at ``i`` gives what is kept (a pronoun for it) and names
    no one it goes to in the rest of its sentence."""
    word = words[i]
    if word.startswith(NOT_GIVING) or any(p in word for p in NOT_GIVING_PARTS):
        return False
    if _negated(words, i):
        return False  # "and never share them", "et ne pas les partager"
    rest = words[i + 1 :]
    if "\u0600" <= word[:1] <= "\u06ff":
        return word.endswith(ARABIC_OBJECTS) and not rest
    if _given_without_recipient(words, i):
        return True
    if rest[:1] and rest[0] in OBJECT_AFTER:
        rest = rest[1:]
    elif not (
        word.endswith(CLITICS)
        or (i and words[i - 1] in OBJECT_BEFORE and word.endswith(VERB_ENDINGS))
    ):
        return False
    if _bare_head(rest):
        return True  # "hand them to the Bureau", "передавать их в Бюро": no one named
    if "\u0400" <= word[:1] <= "\u04ff":
        return not rest
    return not any(w in RECIPIENT_MARKERS for w in rest)


HEAD_OPENERS = RECIPIENT_MARKERS | LABEL_ARTICLES | frozenset(_words("в во"))


def _bare_head(rest: list[str]) -> bool:
    """Whether the words after an act name only a bare head ("to the Bureau", "au Bureau")."""
    named = [w for w in rest if w not in HEAD_OPENERS]
    return bool(named) and len(named) < len(rest) and all(w in BARE_HEADS for w in named)
