"""Acts described, not asked for: research that studies how governments censor the
opposition, awareness training on how spyware is used to track journalists.

What must always be true: a match is described only when it ends inside a clause opened by
a word for "how" (how, comment, la façon dont, cómo, como, как, كيف, 如何), and a word for
research, study or awareness, or for training, stands before that word in the sentence,
and the clause has its own subject ("how governments censor", "how spyware is used to
track", "comment les logiciels servent à"): "research how to track protesters' phones",
"training on how to track journalists' phones", "comment suivre", "как отслеживать"
teach or ask for the act, and are read. In Arabic and Chinese, where the verb may come
first ("كيف تحجب الحكومات", "政府如何审查"), any such clause after research or awareness
describes; after training, only one whose act is not straight after "how" ("如何追踪").
A clause that says what someone will or can do, or names the customer or the seller ("how
our system identifies protesters"), plans the act; a study or course for police, soldiers,
spies or a ministry ("training for police officers on how officers track …") teaches it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .languages import bare_word

if TYPE_CHECKING:
    from .reader import _Text

# Words after which a "how" clause describes whatever its form (compared without accents;
# Arabic normalised, Russian by beginning).
RESEARCH_WORDS = frozenset(
    "research researchers researching study studies studying studied awareness academic "
    "recherche recherches chercheurs chercheuses etude etudes etudier etudie sensibilisation "
    "investigacion investigaciones investigadores estudio estudios estudiar estudia "
    "sensibilizacion concienciacion concientizacion "
    "pesquisa pesquisas pesquisadores estudo estudos estudar estuda conscientizacao "
    "sensibilizacao "
    "بحث بحثي بحثيه البحث البحثي البحثيه دراسه الدراسه يدرس تدرس توعيه التوعيه توعوي توعويه "
    "الوعي".split()
)
RESEARCH_STARTS = ("исследова", "изучени", "изучает", "изучают", "осведомленност", "просвещени")
# Words after which only a "how" clause with its own subject describes.
TRAINING_WORDS = frozenset(
    "training course courses workshop workshops lesson lessons seminar "
    "formation formations cours atelier ateliers "
    "capacitacion formacion curso cursos taller talleres "
    "treinamento treinamentos capacitacao formacao oficina oficinas "
    "تدريب التدريب تدريبيه دوره الدوره ورشه".split()
)
TRAINING_STARTS = ("обучени", "тренинг", "курс", "семинар")
HOW_WORDS = frozenset("how comment como как كيف كيفيه".split())
# "la façon dont", "la manière dont": "dont" after one of these opens the clause.
_HOW_BEFORE_DONT = frozenset("facon maniere".split())
ZH_RESEARCH = frozenset(("研究", "调研", "学术", "意识", "认知"))
ZH_TRAINING = frozenset(("培训", "课程", "讲座"))
ZH_HOW = frozenset(("如何", "怎样", "怎么"))
# A "how" clause that says what the customer will or can do plans the act, it does not
# describe it: "a feasibility study on how the customer will track the phones of
# protesters" is read. Modals of future, ability and obligation, the customer named, and
# the seller itself ("research on how our system identifies protesters").
PLAN_WORDS = frozenset(
    bare_word(w)
    for w in (
        "will shall can could would should must customer customers client clients buyer "
        "pourra pourront va vont devra devront peut peuvent acheteur "
        "podrá podrán puede pueden deberá deberán cliente clientes comprador "
        "poderá poderão vai vão pode podem deverá deverão "
        "будет будут сможет смогут может могут должен должны клиент клиента заказчик заказчика "
        "سوف يمكن يمكنه سيتمكن ستتمكن العميل الزبون "
        # We, us, our: the seller's own system doing the act is what the deal sells.
        "نحن نقوم"
    ).split()
)
# We, us, our: the seller's own system doing the act is what the deal sells, also when it
# is named as the doer just after the act ("… are tracked by our system").
FIRST_PERSON = frozenset(
    bare_word(w)
    for w in (
        "we us our ours nous notre nos nosotros nosotras nuestro nuestra nuestros nuestras "
        "nosso nossa nossos nossas мы нас наш наша наше наши нашей нашего нашим نحن"
    ).split()
)
FIRST_PERSON_AFTER = 3  # words after the match the seller may be named in
# Opening another clause after the match: "… track journalists, which we will publish".
_CLAUSE_BREAK_RE = re.compile("[,;:()\u3001\uff0c\u060c\u2013\u2014]")
_AGENTS = frozenset("by par por pelo pela".split())  # naming who does a passive act
_RELATIVES = frozenset(
    "which that who whom qui que quien cual cuyo который которые которую".split()
)
ZH_PLAN = ("将", "会", "能", "可以", "要", "客户", "我们", "我方", "本公司")
# Police, soldiers, spies or a ministry between the topic and the "how": "training for
# police officers on how officers track journalists' phones" teaches them the act, it does
# not describe it. Compared without accents (Russian by beginning).
STATE_AUDIENCE = frozenset(
    bare_word(w)
    for w in (
        "police policemen officers army military soldiers intelligence ministry interior "
        "policiers gendarmes gendarmerie armee militaires renseignement ministere "
        "policia policias agentes ejercito militares inteligencia ministerio "
        "policiais exercito inteligencia ministerio "
        "الشرطه الجيش المخابرات الاستخبارات الوزاره الداخليه"
    ).split()
)
STATE_AUDIENCE_STARTS = ("полици", "полицейск", "силовик", "спецслужб", "арми", "министерств")
_SECURITY_BODIES = frozenset("services forces agencies agency".split())
ZH_STATE_AUDIENCE = ("警察", "公安", "军队", "情报", "国安", "部委")
TOPIC_REACH = 10  # words from the topic to the "how" (Chinese: twice as many characters)
CLAUSE_REACH = 12  # words from the "how" to the end of the match


# "seguir", "suivre" also mean "continue" ("el proyecto sigue su curso", "la formación
# sigue con los periodistas", "seguimos trabajando con…", "le projet suit son cours"):
# the verb's forms (without accents; not "persigue", "seguimiento"), what follows it when
# it is intransitive, and the work a project or a training goes on with.
_CONTINUE_VERB_RE = re.compile(r"(?:sigu|sig[ao]|sigamos|segu(?!iment|r)|sui[tv])\w*")
_CONTINUE_NEXT = frozenset("con com avec para pour adelante normalmente igual".split())
_CONTINUE_COURSE = frozenset("curso cours rumbo".split())
_GERUND_ENDS = ("ando", "iendo", "endo", "indo")
_WORK_STARTS = tuple(
    "proyect projet formacion formation capacitacion treinament entrenamient curso cours "
    "trabajo travail trabalh taller atelier oficina obra".split()
)
# Words that open the person followed ("sigue a los periodistas", "segue os jornalistas").
_OBJECT_MARKERS = frozenset("a al os as les o".split())
_CONTINUE_REACH = 2  # words before or after the verb a project or a training is among


def continues(text: _Text, act: int) -> bool:
    """Whether the act read at ``act`` is Spanish, Portuguese or French "seguir",
    "suivre" meaning "continue", not "follow": followed by "con", "com", "avec", "para",
    a gerund or "su curso", or said of a project or a training ("siguió la formación con
    los periodistas"). "Sigue a los periodistas", "segue os jornalistas", "suit les
    journalistes" are still read."""
    toks = text.toks
    if not _CONTINUE_VERB_RE.fullmatch(bare_word(toks[act][0])):
        return False
    sentence = toks[act][3]
    near = [bare_word(t[0]) for t in toks[act + 1 : act + 1 + _CONTINUE_REACH] if t[3] == sentence]
    if near and (near[0] in _CONTINUE_NEXT or near[0].endswith(_GERUND_ENDS)):
        return True
    if len(near) > 1 and near[1] in _CONTINUE_COURSE:
        return True  # "sigue su curso", "suit son cours"
    before = [
        bare_word(t[0]) for t in toks[max(0, act - _CONTINUE_REACH) : act] if t[3] == sentence
    ]
    if near and near[0] in _OBJECT_MARKERS:
        return False
    return any(w.startswith(_WORK_STARTS) for w in before + near)


def described(text: _Text, lo: int, hi: int, act: int) -> bool:
    """Whether the match from ``lo`` to ``hi`` (its act at ``act``) ends in a "how"
    clause that research, awareness or training before it describes, or reads "continue"
    as "follow" (``continues``)."""
    toks = text.toks
    if continues(text, act):
        return True
    if not says_how(text):
        return False
    sentence = toks[hi][3]
    zh = "\u3400" <= toks[hi][0][:1] <= "\u9fff"
    scale = 2 if zh else 1
    first = max(0, hi - CLAUSE_REACH * scale)
    for h in range(hi - 1, first - 1, -1):
        if toks[h][3] != sentence:
            return False
        if not _how_at(toks, h, zh):
            continue
        found = _topic_before(toks, h, zh, scale)
        if found is None:
            continue
        topic, at = found
        if _plans(text, at, h, hi, zh) or _for_the_state(toks, at, h, zh):
            return False
        if act <= at:
            return True  # the act read is the research word itself ("pesquisa … sobre como")
        arabic = "\u0600" <= toks[h][0][:1] <= "\u06ff"
        if topic == "research" and (zh or arabic):
            return True  # "كيف تحجب الحكومات", "政府如何审查": the verb may come first
        # The clause has its own subject, not the act straight after "how" ("how to
        # track", "comment suivre", "cómo rastrear", "как отслеживать").
        start = h + 2 if zh else h + 1
        if act > start and (zh or toks[start][0] != "to"):
            return True
    return False


_HOW_OR_DONT = HOW_WORDS | {"dont"}
_ZH_HOW_FIRST = frozenset(w[0] for w in ZH_HOW)


def says_how(text: _Text) -> bool:
    """Whether any word of the text can be a "how" (``_how_at``): most texts have none,
    and each of their matches is then described by nothing (worked out once a text)."""
    found = text.says_how
    if found is None:
        words = text.words
        found = text.says_how = any(bare_word(w) in _HOW_OR_DONT for w in words) or any(
            c in words for c in _ZH_HOW_FIRST
        )
    return found


def _how_at(toks: list, h: int, zh: bool) -> bool:
    if zh:
        return h + 1 < len(toks) and toks[h][0] + toks[h + 1][0] in ZH_HOW
    word = bare_word(toks[h][0])
    if word == "dont":
        return h > 0 and bare_word(toks[h - 1][0]) in _HOW_BEFORE_DONT
    return word in HOW_WORDS


def _topic_before(toks: list, h: int, zh: bool, scale: int) -> tuple[str, int] | None:
    """The kind ("research" or "training") and place of the nearest topic word before the
    "how" at ``h`` (None when there is none)."""
    sentence = toks[h][3]
    for t in range(h - 1, max(-1, h - 1 - TOPIC_REACH * scale), -1):
        if toks[t][3] != sentence:
            return None
        if zh:
            pair = toks[t][0] + toks[t + 1][0]
            if pair in ZH_RESEARCH:
                return "research", t
            if pair in ZH_TRAINING:
                return "training", t
            continue
        word = bare_word(toks[t][0])
        if word in RESEARCH_WORDS or word.startswith(RESEARCH_STARTS):
            return "research", t
        if word in TRAINING_WORDS or word.startswith(TRAINING_STARTS):
            return "training", t
    return None


def _plans(text: _Text, at: int, h: int, hi: int, zh: bool) -> bool:
    """Whether the "how" clause from ``h`` to ``hi`` says what someone will or can do, or
    names the customer (``PLAN_WORDS``) or the seller (``FIRST_PERSON``, also as the doer
    just after the match in its clause; in Chinese, where the subject comes first, from the topic
    word at ``at``)."""
    toks = text.toks
    if zh:
        clause = "".join(t[0] for t in toks[at + 2 : hi + 1])
        return any(w in clause for w in ZH_PLAN)
    if any(bare_word(t[0]) in PLAN_WORDS | FIRST_PERSON for t in toks[h + 1 : hi + 1]):
        return True
    for k in range(hi + 1, min(len(toks), hi + 1 + FIRST_PERSON_AFTER)):
        word = bare_word(toks[k][0])
        if (
            toks[k][3] != toks[hi][3]
            or word in _RELATIVES
            or _CLAUSE_BREAK_RE.search(text.raw, toks[k - 1][2], toks[k][1])
        ):
            return False
        if word in FIRST_PERSON and bare_word(toks[k - 1][0]) in _AGENTS:
            return True  # "… are tracked by our system", not "… for our report"
    return False


def _for_the_state(toks: list, at: int, h: int, zh: bool) -> bool:
    """Whether the words from the topic at ``at`` to the "how" at ``h`` name police,
    soldiers, spies or a ministry (``STATE_AUDIENCE``): the study or course is theirs."""
    if zh:
        # The audience may come first: "为警察培训…如何…".
        first = at
        while first > 0 and at - first < TOPIC_REACH and toks[first - 1][3] == toks[at][3]:
            first -= 1
        between = "".join(t[0] for t in toks[first:h])
        return any(w in between for w in ZH_STATE_AUDIENCE)
    for k in range(at + 1, h):
        word = bare_word(toks[k][0])
        if word in STATE_AUDIENCE or word.startswith(STATE_AUDIENCE_STARTS):
            return True
        if word == "security" and bare_word(toks[k + 1][0]) in _SECURITY_BODIES:
            return True  # "the security services", "security forces"
    return False
