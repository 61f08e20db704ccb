"""Acts a court order or a retention period does not narrow: the communications of a whole
city or country, everyone near a protest, what is handed on to a security body, and
everyone's traffic kept for years.

What must always be true: a court order bounds an act on the few people it names for a
while. It does not bound an act whose object is everyone in a place ("intercept all mobile
calls in the city of Kharkiv", "all calls in Iran", "the communications of the whole city",
"All mobile calls … will be intercepted under a court order", the quantifier before the act
as after it), an act on a protected group the match itself reads ("list all subscribers
whose phones were near the square during the rally"), nor an act whose product the text
hands on to a state or security body (``recipient.hands_on_to_state``: "…; the recordings go
to the KGB's 5th directorate"). A law or a period of retention does not bound everyone's
communications kept beyond about three months ("we keep all subscribers' traffic for two
years under the retention law").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .act_scope import (
    ALL_REACH,
    ALL_WORDS,
    BULK_OBJECT_REACH,
    CLAUSE_BREAK_RE,
    EVERY_PARTS,
    EVERY_STARTS,
    EVERYONE_PARTS,
    EVERYONE_STARTS,
    EVERYTHING_PARTS,
    EVERYTHING_STARTS,
    OFFICE_WORDS,
    PLACE_PARTS,
    PLACE_STARTS,
    SUSPECT_PARTS,
    SUSPECT_STARTS,
    ZH_EVERY,
    ZH_EVERYTHING,
    bulk,
    names_state_body_in,
)
from .attack_watch import KEEP_PARTS, KEEP_STARTS
from .languages import bare_word
from .recipient import hands_on_to_state
from .short_words import FUNCTION_WORDS
from .state_bodies import names_security_body

if TYPE_CHECKING:
    from .reader import _Text

# The categories whose matches name the people an act must never be turned on: a court
# order does not bound them (``benign_scope.PROTECTED_CATEGORIES``).
PROTECTED_CATEGORIES = frozenset({"targets_dissent", "profiling"})
# Acts whose product may be handed on: recordings, records, locations.
HANDED_CATEGORIES = frozenset({"interception", "tracking"})

# A whole town or city: "the city of Kharkiv", "la ville", "la ciudad", "a cidade",
# "город", "المدينة", "العاصمة". Word beginnings compared without accents (Arabic: parts).
CITY_STARTS = tuple(
    "city cities town towns capital metropol municipal "
    "ville villes capitale agglomeration commune "
    "ciudad ciudades municipio urbe cidade cidades "
    "город города городе городу столиц мегапол".split()
)
CITY_PARTS = ("مدين", "عاصم")
# ...or a region, the national territory or the country, far after the quantifier ("toutes
# les communications sur l'ensemble du territoire national").
# Phones and messages in every language, besides what a network carries
# (``act_scope.EVERYTHING_STARTS``): "tous les téléphones à Minsk", "все СМС", "جميع الهواتف".
DEVICES = tuple("telephon telefon телефон смс mobil device appareil dispositiv устройств".split())
AR_DEVICES = ("هاتف", "هواتف", "جوال")
ZH_DEVICES = ("手机", "设备", "号码")
# The people living in a place: "all residents of Kharkiv", "tous les habitants".
RESIDENT_STARTS = tuple("resident inhabitant habitant residente morador жител".split())
WHOLE_STARTS = CITY_STARTS + PLACE_STARTS + tuple("country nationwide pays pais стран".split())
WHOLE_PARTS = CITY_PARTS + PLACE_PARTS + ("البلاد",)
ZH_PLACES = (
    "境内",
    "全境",
    "各地",
    "全市",
    "全城",
    "城市",
    "首都",
    "全省",
    "全国",
    "市内",
    "市所有",
    "市的所有",
    "市全部",
)
# Everyone, as one word or two: "the calls of everyone in Kharkiv", "tout le monde",
# "todo el mundo", "todo mundo", "الجميع", "所有人".
EVERYONE_WORDS = frozenset("everyone everybody monde mundo الجميع".split())
ZH_EVERYONE = ("所有人", "每个人", "全体人员", "全体居民")
# Words putting what comes next in a place: "in Kharkiv", "across Iran", "en Irán", "в
# Иране". A name written with a capital after one is a place, unless it names a language,
# a month or a day ("all calls in English").
IN_PLACE_WORDS = frozenset(
    "in across throughout within inside dans en a au aux sur partout por em no na nos nas "
    "pelo pela в во по на".split()
)
# ...or where they come from, a place named by one word ("every call placed from Mariupol";
# two names are a person's: "from Ivan Petrov").
FROM_WORDS = frozenset("from depuis desde из".split())
# A place the seller's own office is in: "all calls to our helpdesk in Kyiv".
OWN_WORDS = frozenset(
    "our notre nos nuestro nuestra nuestros nuestras nosso nossa nossos nossas наш нашего нашей наших".split()
)
NOT_PLACES = frozenset(
    "english french spanish portuguese russian arabic chinese german italian turkish "
    "persian farsi ukrainian hindi urdu mandarin cantonese anglais francais espagnol "
    "portugais russe arabe chinois allemand ingles frances espanol portugues ruso arabe "
    "chino aleman russo chines alemao january february march april may june july august "
    "september october november december monday tuesday wednesday thursday friday "
    "saturday sunday janvier fevrier mars avril mai juin juillet aout septembre octobre "
    "novembre decembre enero febrero marzo abril mayo junio julio agosto septiembre "
    "octubre noviembre diciembre".split()
)
# Naming whom the act is done to keeps it targeted: "all calls of the named suspect in
# Kharkiv", "the target person", "указанного лица".
NAMED_STARTS = SUSPECT_STARTS + tuple(
    "named nomme designe nombrad designad nomead indicad указанн названн фигурант".split()
)
ZH_NAMED = ("指定", "涉案")
QUANTIFIER_BEFORE = 6  # words before a match a quantifier of its object may stand
KEPT_REACH = 3  # words before a match a keeping act of it may stand ("Nous conservons tout …")


def _quantifier(word: str) -> bool:
    return (
        word in ALL_WORDS
        or word.startswith(EVERY_STARTS)
        or word in EVERY_PARTS
        or any(word.startswith(p) or word[1:].startswith(p) for p in EVERY_PARTS[1:])
    )


def _clause_start(text: _Text, i: int, most: int) -> int:
    """The first of the ``most`` words before ``i`` in its clause."""
    toks, raw = text.toks, text.raw
    first = i
    while (
        first > max(0, i - most)
        and toks[first - 1][3] == toks[i][3]
        and not CLAUSE_BREAK_RE.search(raw, toks[first - 1][2], toks[first][1])
    ):
        first -= 1
    return first


def _clause_end(text: _Text, i: int, most: int) -> int:
    """The last of the ``most`` words after ``i`` in its clause, a clause that describes
    its object running on ("все СМС, отправленные в Минске", "all calls, which …")."""
    toks, raw = text.toks, text.raw
    end = i
    while (
        end + 1 < len(toks)
        and end < i + most
        and toks[end + 1][3] == toks[end][3]
        and (
            not CLAUSE_BREAK_RE.search(raw, toks[end][2], toks[end + 1][1])
            or _describes(bare_word(toks[end + 1][0]))
        )
    ):
        end += 1
    return end


# Words opening a clause that describes what comes before it: relative pronouns and, in
# Russian, participles ("отправленные", "звонившие", "находящиеся").
RELATIVE_WORDS = frozenset("which that who whose where qui que dont ou cuyo cuya cujo cuja".split())
PARTICIPLE_ENDINGS = tuple("нные нных нным вшие вших щие щих торые торых".split())


def _describes(word: str) -> bool:
    return word in RELATIVE_WORDS or (
        "\u0400" <= word[:1] <= "\u04ff" and word.endswith(PARTICIPLE_ENDINGS)
    )


def reaches_everyone(text: _Text, span: tuple[int, int]) -> bool:
    """Whether a match is done to everyone (``act_scope.bulk``), its quantifier standing
    before it in its clause as well ("All mobile calls … will be intercepted"), or to
    everyone in a whole place (``_whole_place``)."""
    if bulk(text, span):
        return True
    first = _clause_start(text, span[0], QUANTIFIER_BEFORE)
    words = [bare_word(t[0]) for t in text.toks[first : span[0]]]
    quantified = [first + k for k, w in enumerate(words) if _quantifier(w)]
    if quantified and bulk(text, (quantified[0], span[1])):
        return True
    return _whole_place(text, span, first)


def _whole_place(text: _Text, span: tuple[int, int], first: int) -> bool:
    """Whether the clause of a match, from ``first`` on, quantifies communications, the
    people a network serves or everyone over a whole place: a city ("all mobile calls in
    the city of Kharkiv", "the whole city"), a place named with a capital after a word
    putting things in it ("every phone in Kharkiv", "all calls in Iran", "все звонки в
    Иране"), or in Chinese a city, a province or the country ("哈尔科夫市所有通话")."""
    toks = text.toks
    end = _clause_end(text, span[1], BULK_OBJECT_REACH)
    words = [bare_word(t[0]) for t in toks[first : end + 1]]
    if words and "\u3400" <= words[0][:1] <= "\u9fff":
        chars = "".join(words)
        if any(p in chars for p in SUSPECT_PARTS + ZH_NAMED):
            return False
        return any(w in chars for w in ZH_EVERYONE) or (
            any(w in chars for w in ZH_EVERY)
            and any(w in chars for w in ZH_EVERYTHING + ZH_DEVICES)
            and any(p in chars for p in ZH_PLACES)
        )
    quantified = False
    for i, word in enumerate(words):
        if word.startswith(NAMED_STARTS) or any(p in word for p in SUSPECT_PARTS):
            return False  # "all calls of the named suspect in Kharkiv": whom the order names
        content = [k for k in range(i + 1, len(words)) if words[k] not in FUNCTION_WORDS]
        content = content[:ALL_REACH]
        if word in EVERYONE_WORDS or (
            _quantifier(word)
            and any(
                words[k].startswith(EVERYTHING_STARTS + CITY_STARTS + RESIDENT_STARTS + DEVICES)
                or any(p in words[k] for p in EVERYTHING_PARTS + CITY_PARTS + AR_DEVICES)
                for k in content
            )
        ):
            quantified = True
            if any(words[k].startswith(RESIDENT_STARTS) for k in content):
                return True  # "the calls of all residents of Kharkiv": everyone in it
            if content and _names_place(text, first + content[0], first + content[0] + 1):
                return True  # "all Kharkiv calls"
        if not quantified:
            continue
        if (word.startswith(WHOLE_STARTS) or any(p in word for p in WHOLE_PARTS)) and not (
            i + 1 < len(words) and words[i + 1] in OFFICE_WORDS
        ):
            return True  # "… in the city of Kharkiv", "the whole city", "في مدينة"
        if word in OFFICE_WORDS or word in OWN_WORDS or _of_one_owner(words, i):
            # "all calls to our helpdesk in Kyiv": the deal's own; "all calls of the company
            # director in Lviv": one person's, the place being where the person is
            quantified = False
        elif word in IN_PLACE_WORDS and _names_place(text, first + i + 1, first + len(words)):
            return True
        elif (
            word in FROM_WORDS
            and _names_place(text, first + i + 1, first + len(words))
            and not _names_place(text, first + i + 2, first + i + 3)
        ):
            return True  # "every call placed from Mariupol", not "from Ivan Petrov"
    return False


# Words naming whose communications are meant: "all calls of …", "tous les appels de …".
OWNER_WORDS = frozenset("of de du des del do da dos das".split())


def _of_one_owner(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` names an owner of what was quantified who is not everyone: "of
    the company director", "of Mr Ivanov", "of the phone number …"; not "of all residents",
    "of the whole city", "of everyone", "of subscribers"."""
    if words[i] not in OWNER_WORDS:
        return False
    owner = next((w for w in words[i + 1 :] if w not in FUNCTION_WORDS), "")
    return bool(owner) and not (
        _quantifier(owner)
        or owner in EVERYONE_WORDS
        or owner.startswith(EVERYONE_STARTS + RESIDENT_STARTS + WHOLE_STARTS)
        or any(p in owner for p in EVERYONE_PARTS + WHOLE_PARTS)
    )


def _names_place(text: _Text, i: int, end: int) -> bool:
    """Whether the word at ``i`` (past an article) is a name written with a capital that
    names no language, month or day, nor an acronym ("in Iran", "в Иране", not "in
    English", "in the CRM")."""
    toks, raw = text.toks, text.raw
    while i < end and bare_word(toks[i][0]) in FUNCTION_WORDS:
        i += 1
    if i >= end:
        return False
    written = raw[toks[i][1] : toks[i][2]]
    return (
        written[:1].isupper() and not written.isupper() and bare_word(toks[i][0]) not in NOT_PLACES
    )


def court_order_bounds_nothing(
    text: _Text, span: tuple[int, int], category: str, targets: list[tuple[int, int]]
) -> bool:
    """Whether a court order, however judicial, leaves a match standing: the match reads an
    act on a protected group (``PROTECTED_CATEGORIES``) none of whose words is a group the
    lexicon names (``targets``: those are weighed where the group may be spared, "salvo las
    de periodistas"; a rally is not), is done to everyone (``reaches_everyone``), or its
    product is handed on to a state or security body (``recipient.hands_on_to_state``)."""
    return (
        (category in PROTECTED_CATEGORIES and not targets)
        or reaches_everyone(text, span)
        or (category in HANDED_CATEGORIES and hands_on_to_state(text) and _names_no_police(text))
    )


# A body other than the police that what is intercepted may be handed on to: an
# intelligence or security service, a secret police, a ministry, an armed force
# (``act_scope.names_state_body``, ``state_bodies.names_security_body``) or a security
# service the lexicon reads ("the KGB", "la DGSI"). The police receiving the calls of the
# suspect a judge named is what lawful interception is for.
SECRET_POLICE = (
    "secret police",
    "police secrète",
    "policía secreta",
    "polícia secreta",
    "тайная полиция",
    "тайной полиции",
    "политическ",
    "الشرطة السرية",
    "秘密警察",
    "政治警察",
)
# Security services named by their initials or name, in words of their own: "the KGB",
# "la DGSI", "ФСБ", "the Mukhabarat", "国安".
_SERVICE_NAMES_RE = re.compile(
    r"(?<!\w)(?:kgb|кгб|fsb|фсб|gru|гру|svr|свр|dgsi|dgse|sbu|сбу|mukhabarat|stasi|"
    r"savak|sebin|dgcim|vaja|isi)(?!\w)|inteligência|مخابرات|استخبارات|国安|国家安全"
)
_POLICE_RE = re.compile(
    r"(?<!\w)(?:police|policia|policía|polícia|policier|policial|полиц\w*|милиц\w*)(?!\w)"
    r"|الشرطة|شرطة|公安|警察|警方"
)


def _names_no_police(text: _Text) -> bool:
    """Whether the text names a body other than the police that a hand-over may go to:
    a security service the lexicon reads, the Guard Corps, a secret police, or a state body
    still named once the police are left out."""
    said = text.raw.lower()
    if any(p in said for p in SECRET_POLICE) or _SERVICE_NAMES_RE.search(said):
        return True
    if any(names_security_body(words) for words in _sentence_words(text)):
        return True
    left = _POLICE_RE.sub(" ", said)
    return names_state_body_in(left)


def _sentence_words(text: _Text) -> list[list[str]]:
    sentences: dict[int, list[str]] = {}
    for t in text.toks:
        sentences.setdefault(t[3], []).append(bare_word(t[0]))
    return list(sentences.values())


def everyone_kept_long(text: _Text, span: tuple[int, int]) -> bool:
    """Whether a match done to everyone (``reaches_everyone``) keeps it, the keeping word in
    the match or just before it, for longer than about three months
    (``kept_for_years``: "we keep all subscribers' traffic for two years")."""
    toks = text.toks
    first = _clause_start(text, span[0], KEPT_REACH)
    kept = [
        k
        for k in range(first, span[1] + 1)
        if bare_word(toks[k][0]).startswith(KEEP_STARTS)
        or any(p in bare_word(toks[k][0]) for p in KEEP_PARTS)
    ]
    if not kept or not reaches_everyone(text, span):
        return False
    return kept_for_years(text.raw[toks[kept[0]][2] :])


# Keeping for years or for good: "for two years", "pendant deux ans", "два года", "три
# года", "لمدة عامين", "两年", "indefinitely", "бессрочно", "永久". Word beginnings compared
# without accents (Arabic, Chinese: parts of the word).
YEAR_STARTS = tuple(
    "indefinit forever permanent indefiniment perpetu бессрочн навсегда постоянн".split()
)
YEAR_WORDS = frozenset("year years an ans annee annees ano anos год года годы годам лет".split())
YEAR_PARTS = ("عام", "سنه", "سنوات", "سنتين", "دائم", "年", "永久", "无限期")
# ...or months past three: "for 24 months", "18 mois", "24 месяца", "24个月".
MONTHS_RE = re.compile(r"(\d+)\s*(?:months?|mois|meses|месяц\w*|أشهر|شهرا|شهر|个月)")
YEARS_REACH = 8  # words after the keeping word its duration may stand in


def kept_for_years(raw: str) -> bool:
    """Whether ``raw`` (what follows a keeping word) gives, before its sentence ends and
    within ``YEARS_REACH`` words, a keeping of a year or more or for good."""
    said = _SENTENCE_END_RE.split(raw.lower(), maxsplit=1)[0]
    if any(p in said for p in YEAR_PARTS if "\u3400" <= p[:1] <= "\u9fff"):
        return True
    months = MONTHS_RE.search(said)
    if months and int(months.group(1)) > 3:
        return True
    words = [bare_word(w) for w in _WORD_RE.findall(said)[:YEARS_REACH]]
    return any(
        w.startswith(YEAR_STARTS) or w in YEAR_WORDS or any(p in w for p in YEAR_PARTS)
        for w in words
    )


_SENTENCE_END_RE = re.compile("[.!?;\n\u3002\uff01\uff1f\uff1b]")
_WORD_RE = re.compile(r"\w+")


# The public, not a company's staff: a tool of the company's own (its data loss prevention)
# turned on subscribers, citizens, students, voters, users or the population is no longer
# the company's own
# ("The DLP intercepts the emails of the population"). Word beginnings without accents;
# Arabic and Chinese: parts of words.
PUBLIC_STARTS = tuple(
    "subscrib citizen populat resident inhabitant student voter user abonn citoyen habitant "
    "etudiant electeur utilisateur abonad ciudadan poblacion estudiant elector usuari "
    "assinant cidada populac morador eleitor usuario абонент граждан населен жител студент "
    "избират пользовател".split()
)
PUBLIC_PARTS = (
    "مشترك",
    "مواطن",
    "سكان",
    "طلاب",
    "ناخب",
    "مستخدم",
    "公民",
    "居民",
    "民众",
    "群众",
    "用户",
    "学生",
    "选民",
)


def names_the_public(text: _Text, span: tuple[int, int]) -> bool:
    """Whether the sentence of a match names subscribers, citizens or the population."""
    sentence = text.toks[span[0]][3]
    words = [bare_word(t[0]) for t in text.toks if t[3] == sentence]
    said = "".join(words)
    return any(w.startswith(PUBLIC_STARTS) for w in words) or any(p in said for p in PUBLIC_PARTS)
