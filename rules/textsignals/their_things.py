"""What of a protected group's an act bears on, when it is not the people themselves.

What must always be true: an act read on a protected group is cancelled only when every
thing of theirs it bears on is either their dealings with the seller, handled as
correspondence ("journalists' requests and story pitches", "les demandes des journalistes",
"las consultas de los periodistas", "student attendance", "记者的采访请求") or their
safety, and the act is one of handling (tracking, following up, logging, managing), or the
people who harmed them ("journalists' kidnappers", "los secuestradores de los periodistas",
"记者的绑架者"), whatever the act. A single thing of theirs outside those lists
("journalists' requests and their locations", "phones", "sources", "families") leaves the
act read, and so do people said to be watched right after ("…; complainants are then
followed by plain-clothes officers"). People named as those who write to the seller ("periodistas que nos escriben",
"journalists who contact us") are followed up as correspondents, not watched.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .act_scope import _last_state_body, names_state_body, names_state_body_in
from .denied_hand_over import said_not_denied
from .handing import memo
from .languages import bare_word

if TYPE_CHECKING:
    from .reader import _Text

# Acts of handling correspondence: word beginnings, compared without accents.
HANDLING_STARTS = tuple(
    "track follow monitor log manag handl triag sort answer respond process register "
    "organis organiz prioriti "
    "suit suiv suivi ger trait enregistr repertori repond "
    "segui sigue rastre gestion registr monitore monitoriz atend tramit contest "
    "acompanh rastrei gerenci geri monitora".split()
)
# Acts of following up correspondents ("sigue a los periodistas que nos escriben"): not
# tracing or identifying them.
FOLLOW_UP_STARTS = tuple(
    "follow log manag handl answer respond register "
    "suit suiv suivi ger enregistr repond "
    "segui sigue gestion registr atend respond contest "
    "acompanh gerenci geri registr atend respond".split()
)
# Their dealings with the seller and their safety (whole words, accents dropped).
WORK_WORDS = frozenset(
    # en
    "request requests enquiry enquiries inquiry inquiries query queries pitch pitches "
    "story stories ticket tickets deadline deadlines submission submissions application "
    "applications accreditation accreditations invoice invoices expense expenses booking "
    "bookings question questions complaint complaints feedback dues membership renewal "
    "renewals grievance grievances claim claims attendance grade grades enrolment "
    "enrollment assignment assignments manuscript manuscripts article articles media press "
    "follow ups "
    # fr
    "demande demandes requete requetes proposition propositions sujet sujets reclamation "
    "reclamations plainte plaintes candidature candidatures accreditation accreditations "
    "facture factures inscription inscriptions cotisation cotisations adhesion adhesions "
    "renouvellement renouvellements presence assiduite "
    # es
    "solicitud solicitudes consulta consultas pregunta preguntas propuesta propuestas "
    "reportaje reportajes peticion peticiones reclamacion reclamaciones queja quejas "
    "acreditacion acreditaciones factura facturas inscripcion inscripciones cuota cuotas "
    "afiliacion renovacion renovaciones articulo articulos asistencia "
    # pt
    "pedido pedidos solicitacao solicitacoes pergunta perguntas proposta propostas pauta "
    "pautas reclamacao reclamacoes queixa queixas credenciamento acreditacao fatura faturas "
    "inscricao inscricoes mensalidade mensalidades filiacao renovacao renovacoes "
    "artigo artigos presenca frequencia".split()
)
# Words naming which dealings, before them ("media enquiries", "story pitches").
_MODIFIERS = frozenset(
    "media press story interview membership pay expense accreditation school exam "
    "presse prensa imprensa".split()
)
# Means of watching a person: written after their dealings ("journalists' safety via their
# phones' location"), they leave the act read. Word beginnings, accents dropped.
_WATCHING_STARTS = tuple(
    "phone locat gps device whereabout movement telephon localis deplacement appareil "
    "telefon ubicac localiz movimient dispositiv celular localizac deslocamento".split()
)
# Their safety: followed for them, unless the group is a crowd (the safety of protesters is
# how crowds are watched) or the sentence names a means of watching (``WATCHING_MEANS``).
SAFETY_WORDS = frozenset("safety wellbeing welfare securite seguridad bienestar seguranca".split())
CROWD_STARTS = tuple("protest demonstr marcher manifest protestat".split())
# Means of watching people anywhere after the group in its sentence ("with facial
# recognition cameras", "mediante reconocimiento facial", "using drones").
WATCHING_MEANS = tuple(
    "camera cctv drone facial biometr recogn reconnaiss reconoc reconhec video surveil "
    "spyware camara intercept".split()
)
# The people who harmed them: acting on these protects the group.
PERPETRATOR_WORDS = frozenset(
    "kidnapper kidnappers abductor abductors captor captors attacker attackers assailant "
    "assailants killer killers murderer murderers harasser harassers stalker stalkers abuser "
    "abusers torturer torturers "
    "ravisseur ravisseurs agresseur agresseurs assassin assassins meurtrier meurtriers "
    "harceleur harceleurs tortionnaire tortionnaires "
    "secuestrador secuestradores agresor agresores asesino asesinos acosador acosadores "
    "torturador torturadores atacante atacantes "
    "sequestrador sequestradores agressor agressores assassino assassinos assediador "
    "assediadores".split()
)
# Words that may stand before a thing ("les demandes", "sus propuestas").
_DETERMINERS = frozenset(
    "the a an their its our "
    "le la les l un une leur leurs "
    "el los las una sus su "
    "o os as um uma seus suas".split()
)
# Words tying a thing to the group after it ("requests of", "demandes des", "pedidos dos").
_OF_WORDS = frozenset("of from by de des du d del do da dos das".split())
_JOINS = frozenset("and or et ou y o e".split())
_TO_WORDS = frozenset("a al ao aos to".split())
# Where the things of theirs listed after the group end: the clause.
_CLAUSE_END_RE = re.compile(r"[;:.!?()\u2013\u2014]")
_LIST_RE = re.compile(",")
LIST_REACH = 24  # words of a list of things read after the group
# Who writes to the seller: a relative word, "us", a word of writing or contacting.
_RELATIVES = frozenset("who that which qui que".split())
_US = frozenset("us nous nos".split())
_WRITING_STARTS = tuple(
    "writ wrote contact email mail call messag ask reach "
    "ecriv ecrit contact sollicit appel joign "
    "escrib escri contact llam consult pid pregunt "
    "escrev contat procur liga consult pede pergunt".split()
)


def on_their_things(text: _Text, lo: int, hi: int, act: int) -> bool:
    """Whether a match from ``lo`` to ``hi`` (its act at ``act``, first) bears on things of
    a protected group's that are no watching of them, or on their correspondents."""
    if _zh_perpetrator_at_end(text, hi):
        return True  # "记者的绑架者": the kidnappers of journalists, not their kidnapping
    if act != lo or hi <= lo:
        return False
    word = bare_word(text.toks[act][0])
    if word in PERPETRATOR_WORDS:  # "secuestradores de los periodistas": who harmed them
        after = bare_word(text.toks[act + 1][0])
        return after in _OF_WORDS and _listed_after_allowed(text, hi, handling=False)
    if word in ZH_HANDLING or word in ZH_OTHER_ACTS:
        if _zh_things_after(text, hi, handling=False):
            return True
        found = word in ZH_HANDLING and _zh_things_after(text, hi, handling=True)
    elif _things_inside(text, act, hi, False) or _things_after(text, act, hi, False):
        return True  # only those who harmed them
    else:
        found = word.startswith(HANDLING_STARTS) and (
            _things_inside(text, act, hi, True) or _things_after(text, act, hi, True)
        )
    return found and not _watched_or_handed_on(text, lo, hi)


def _watched_or_handed_on(text: _Text, lo: int, hi: int) -> bool:
    """Whether the sentence of a match on a group's dealings or safety names a means of
    watching them after it, a state body they go to, or makes their safety a crowd's."""
    toks = text.toks
    sentence = toks[hi][3]
    inside = [bare_word(t[0]) for t in toks[lo : hi + 1]]
    rest = [bare_word(t[0]) for t in toks[hi + 1 : hi + 1 + 2 * LIST_REACH] if t[3] == sentence]
    if any(w.startswith(WATCHING_MEANS) for w in rest):
        return True
    if any(w in SAFETY_WORDS for w in inside + rest) and any(
        w.startswith(CROWD_STARTS) for w in inside
    ):
        return True
    if _people_watched_next(text, hi):
        return True
    return names_state_body(text, toks[lo][1]) and _body_not_complained_of(text, toks[lo][1])


# People said to be watched in the words after a match on a group's dealings, to the end of
# the next clause ("…complaints against the police; complainants are then followed by
# plain-clothes officers"): the dealings lead to the people. Whole words, accents dropped.
WATCHED_PAST = frozenset(
    "followed tracked traced tailed identified photographed located surveilled watched "
    "suivis suivies files filees identifies identifiees photographies localises localisees "
    "seguidos seguidas rastreados rastreadas identificados identificadas fotografiados "
    "fotografiadas localizados localizadas vigilados vigiladas fotografados fotografadas "
    "vigiados vigiadas".split()
)
PASSIVE_AUXILIARIES = frozenset(
    "is are was were be been being get gets sont seront etaient ont son seran fueron estan "
    "sao serao foram estao".split()
)
AUXILIARY_REACH = 3  # words from the auxiliary to the watched word: "are then followed"


def _people_watched_next(text: _Text, hi: int) -> bool:
    """Whether a passive act of watching people ("are then followed", "sont suivis") stands
    after the match ending at ``hi``, in its sentence or the next, its subject no dealings
    ("complaints are tracked until closed" is handling)."""
    toks = text.toks
    last = toks[hi][3] + 1
    words = [bare_word(t[0]) for t in toks[hi + 1 : hi + 1 + 2 * LIST_REACH] if t[3] <= last]
    for i, w in enumerate(words):
        if w not in WATCHED_PAST or (i + 1 < len(words) and words[i + 1] == "up"):
            continue
        aux = next(
            (
                k
                for k in range(i - 1, max(-1, i - 1 - AUXILIARY_REACH), -1)
                if words[k] in PASSIVE_AUXILIARIES
            ),
            None,
        )
        if aux is not None and (aux == 0 or words[aux - 1] not in WORK_WORDS):
            return True
    return False


# A state body complained of is what the dealings are about, not where they go: "track
# protesters' complaints against the police for the ombudsman's office", "las quejas de los
# manifestantes contra la policía". Whole words, accents dropped.
COMPLAINT_WORDS = frozenset(
    "complaint complaints grievance grievances plainte plaintes reclamation reclamations "
    "queja quejas reclamacion reclamaciones denuncia denuncias queixa queixas reclamacao "
    "reclamacoes".split()
)
AGAINST_WORDS = frozenset("against about contre contra sobre".split())
COMPLAINED_OF_REACH = 3  # words after "against" (past its article) naming whom


def _body_not_complained_of(text: _Text, start: int) -> bool:
    """Whether the text names a state body from character ``start`` on once the bodies
    complained of ("complaints against the police") are left out (worked out once a text,
    as ``names_state_body``)."""
    found = memo(text)
    if "body not complained of" not in found:
        toks, said = text.toks, said_not_denied(text)
        for i, t in enumerate(toks[:-1]):
            if bare_word(t[0]) not in COMPLAINT_WORDS:
                continue
            # "complaints against the police", "quejas de los manifestantes contra la policía"
            against = next(
                (
                    k
                    for k in range(i + 1, min(len(toks), i + 6))
                    if bare_word(toks[k][0]) in AGAINST_WORDS
                ),
                None,
            )
            if against is None:
                continue
            k = against + 1
            while k < len(toks) and bare_word(toks[k][0]) in _DETERMINERS | _OF_WORDS:
                k += 1
            for j in range(k, min(len(toks), k + COMPLAINED_OF_REACH)):
                if toks[j][3] == t[3]:
                    lo, hi = toks[j][1], toks[j][2]
                    said = said[:lo] + " " * (hi - lo) + said[hi:]
        found["body not complained of"] = (said, _last_state_body(said))
    said, last = found["body not complained of"]
    if last is None:  # lowercasing moved offsets
        return names_state_body_in(said[start:].lower())
    return last >= start


def _allowed(word: str, handling: bool) -> bool:
    return word in PERPETRATOR_WORDS or (handling and (word in WORK_WORDS or word in SAFETY_WORDS))


def _things_inside(text: _Text, act: int, hi: int, handling: bool) -> bool:
    """ "suit les demandes des journalistes", "the kidnappers of journalists": the things
    written between the act and the group, tied to it by the first "of" after them; and
    whatever is listed after the group."""
    words = [bare_word(t[0]) for t in text.toks[act + 1 : hi + 1]]
    of_at = next(
        (
            i
            for i, w in enumerate(words)
            if w in _OF_WORDS and any(v not in _DETERMINERS for v in words[:i])
        ),
        -1,
    )
    if of_at <= 0 or not _things_allowed(words[:of_at], handling):
        return False
    return _listed_after_allowed(text, hi, handling)


def _things_allowed(words: list[str], handling: bool) -> bool:
    """Whether each thing of a list ("requests, tickets and story pitches") is an allowed
    thing, with only words naming which before it, and no means of watching written after
    it ("requests from their phones")."""
    parts: list[list[str]] = [[]]
    while words and (words[0] in _OF_WORDS or words[0] in _TO_WORDS):
        # "seguimiento de las consultas", "suivi de la sécurité", "seguimiento a las quejas"
        words = words[1:]
    for w in words:
        if w in _JOINS or w == ",":
            parts.append([])
        elif w not in _DETERMINERS:
            parts[-1].append(w)
    for part in parts:
        if not part:
            continue
        head = next((i for i, w in enumerate(part) if w not in _MODIFIERS), len(part))
        if head == len(part) or not _allowed(part[head], handling):
            return False
        if any(w.startswith(_WATCHING_STARTS) for w in part[head + 1 :]):
            return False
    return True


def _things_after(text: _Text, act: int, hi: int, handling: bool) -> bool:
    """ "tracks journalists' requests", "track student attendance", "sigue a los periodistas
    que nos escriben": what follows the group at the end of the match."""
    toks, raw = text.toks, text.raw
    nxt = hi + 1
    if nxt >= len(toks) or toks[nxt][3] != toks[hi][3]:
        return False
    between = raw[toks[hi][2] : toks[nxt][1]]
    if between.strip() in ("'", "\u2019") or (
        not between.strip() and bare_word(toks[nxt][0]) == "s" and raw[toks[hi][2]] in "'\u2019"
    ):
        start = nxt + 1 if bare_word(toks[nxt][0]) == "s" else nxt
        return start < len(toks) and _listed_allowed(text, start, handling)
    if between.strip():
        return False
    word = bare_word(toks[nxt][0])
    if word in _RELATIVES:
        return handling and _correspondents(text, act, nxt)
    return handling and word in WORK_WORDS and _listed_allowed(text, nxt, handling)


def _listed_allowed(text: _Text, start: int, handling: bool) -> bool:
    """Whether every thing listed from ``start`` to the end of its clause ("requests,
    tickets and story pitches") is an allowed thing (``_things_allowed``)."""
    toks, raw = text.toks, text.raw
    words: list[str] = []
    k = start
    while k < len(toks) and toks[k][3] == toks[start][3]:
        if k - start >= LIST_REACH:
            return False  # a list too long to read through: the act stays read
        if k > start:
            gap = raw[toks[k - 1][2] : toks[k][1]]
            if _CLAUSE_END_RE.search(gap):
                break
            if _LIST_RE.search(gap):
                words.append(",")
        words.append(bare_word(toks[k][0]))
        k += 1
    return _things_allowed(words, handling)


def _listed_after_allowed(text: _Text, hi: int, handling: bool) -> bool:
    """Whether what is listed after the group ending at ``hi`` ("… y sus propuestas", "…'
    phones") is allowed too: nothing listed, or allowed things."""
    toks, raw = text.toks, text.raw
    nxt = hi + 1
    if nxt >= len(toks) or toks[nxt][3] != toks[hi][3]:
        return True
    gap = raw[toks[hi][2] : toks[nxt][1]]
    if gap.strip() in ("'", "\u2019"):
        return _listed_allowed(text, nxt, handling)
    if _CLAUSE_END_RE.search(gap):
        return True
    if bare_word(toks[nxt][0]) in _JOINS or _LIST_RE.search(gap):
        return _listed_allowed(text, nxt, handling)
    return True


def _correspondents(text: _Text, act: int, rel: int) -> bool:
    """ "sigue a los periodistas que nos escriben", "suivons les journalistes qui nous
    écrivent", "follow up journalists who write to us": a relative word, then a word of
    writing or contacting with "us" beside it; the act is a follow-up."""
    if not bare_word(text.toks[act][0]).startswith(FOLLOW_UP_STARTS):
        return False
    words = [bare_word(t[0]) for t in text.toks[rel + 1 : rel + 4] if t[3] == text.toks[rel][3]]
    if len(words) < 2:
        return False
    if words[0] in _US:  # "qui nous écrivent", "que nos escriben"
        return words[1].startswith(_WRITING_STARTS)
    # "who write to us", "who contact us", "who reach out to us"
    return words[0].startswith(_WRITING_STARTS) and any(w in _US for w in words[1:])


# Chinese: the first character of an act of handling ("跟踪", "跟进", "处理", "记录", "管理"),
# of another act a group's attackers may be the object of ("定位", "查找", "识别"); the
# things of theirs after "的" ("记者的采访请求", "记者的绑架者"); means of watching them.
ZH_HANDLING = frozenset("跟处记管")
ZH_OTHER_ACTS = frozenset("定查识找追")
ZH_WORK = ("请求", "申请", "咨询", "提问", "投诉", "稿件", "选题", "安全", "报名", "会费")
ZH_PERPETRATORS = ("绑架者", "绑匪", "袭击者", "攻击者", "凶手", "骚扰者", "施暴者")
ZH_WATCHING = ("手机", "电话", "位置", "行踪", "设备", "家人", "来源", "定位", "通讯", "账号")
ZH_THINGS_REACH = 12  # characters after "的" read for the things of theirs
_ZH_CLAUSE_END = frozenset("，。；：、！？,;:")


def _zh_things_after(text: _Text, hi: int, handling: bool) -> bool:
    """ "跟踪记者的采访请求" (tracks journalists' interview requests), "查找记者的绑架者"
    (finds journalists' kidnappers): "的" after the group, then allowed things only."""
    toks, raw = text.toks, text.raw
    nxt = hi + 1
    if nxt >= len(toks) or toks[nxt][0] != "的" or raw[toks[hi][2] : toks[nxt][1]].strip():
        return False
    end = min(len(raw), toks[nxt][2] + ZH_THINGS_REACH)
    after = raw[toks[nxt][2] : end]
    cut = next((i for i, c in enumerate(after) if c in _ZH_CLAUSE_END), None)
    if cut is None and end < len(raw) and toks[-1][2] > end:
        return False  # the clause goes on past what is read: the act stays read
    after = after[:cut]
    if any(w in after for w in ZH_WATCHING):
        return False
    return any(p in after for p in ZH_PERPETRATORS) or (
        handling and any(w in after for w in ZH_WORK)
    )


def _zh_perpetrator_at_end(text: _Text, hi: int) -> bool:
    """Whether a Chinese match ends on an act that "者" after it makes the name of those
    who did it to the group ("绑架" in "记者的绑架者")."""
    toks = text.toks
    if hi < 1 or hi + 1 >= len(toks) or toks[hi + 1][0] != "者":
        return False
    said = text.raw[toks[hi - 1][1] : toks[hi + 1][2]]
    return said in ZH_PERPETRATORS
