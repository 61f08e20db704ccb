"""Which words of a sentence name a state body, a security service, an armed group or a
party as whom what is kept may go to, and which only share their words.

What must always be true: a state body is named by a listed name ("the police", "the
Guard Corps", "ФСБ"), by a head and what it is for ("the Department of Homeland Security",
"the Presidential Administration", "the Cyber Command", "the security committee", "the
Revolutionary Court"), by investigators, or by "the state" as the one something goes to
("hand them to the state", "передавать их государству"); an ordinary recipient sharing
their words is none: "an army of support agents", "the calling party", "parents and
guardians", "the government customer", "the governor's consumer office".
"""

from __future__ import annotations

import re

from .languages import bare_word, normalise_token


def words_of(words: str) -> tuple[str, ...]:
    """Word beginnings or parts written as read (accents, hamza, ta marbuta) normalised as
    a text's words are."""
    return tuple(bare_word(normalise_token(w)) for w in words.split())


# State bodies, security services, armed groups, parties: word beginnings compared without
# accents (Arabic and Chinese: parts of the word, for prefixed "لل", "وال"). Words also
# ordinary elsewhere are left out ("policy", Russian "режим" (mode), "партия" (batch),
# Arabic "النظام" (system), "الداخلية" (internal), French "corps" (body), Spanish "junta"
# (a board), "de guardia" (on call)); "guard" is a whole word (not "guardian", Spanish and
# Portuguese "guardar" (to keep)).
STATE_STARTS = words_of(
    "police policia policial policier polizei gendarm carabinier militia milice milici "
    "army armee ejercito exercito military militaire militar soldier "
    "soldat soldad ministr ministe ministé minist interior mvd fsb kgb stasi mukhabarat "
    "irgc basij sepah prosecut procureur fiscalia procurador regime regimen government "
    "gouvernement gobierno governo governor gouverneur gobernador governador authorities "
    "autorites autoridades prefect prefet prefeit intelligence renseignement inteligen "
    "directorat enqueteur "
    "полиц милиц гвард росгвард арми военн министер министр мвд фсб кгб спецслужб разведк "
    "прокур власт правительств губернат силовик правоохранит ополчен партийн партком ксир "
    "следовател следствен киберкомандован кремл роскомнадзор коменд roskomnadzor commandant"
)
# Whole words: "guard" (not "guardian"), and the short names of security and intelligence
# services the lexicon has no entry for, and the seats of power ("the FBI", "the Kremlin",
# "the Presidency"). Short forms also ordinary elsewhere are left out ("MSS", maximum segment
# size; "CNI", critical national infrastructure; "cabinet", a firm in French), and "NSA" and
# "Cía" are not read where they are a 5G mode or a company ("the 5G NSA core", "Pérez y
# Cía").
STATE_WORDS = frozenset(
    words_of(
        "guard guards guardsman guardsmen guardia guardias fbi nsa dhs cia gchq mi5 mi6 "
        "shabak kremlin presidency presidence presidencia"
    )
)
NOT_THE_SERVICE_NEAR = frozenset(
    words_of("5g 4g sa nr lte ran core mode option network architecture deployment y e")
)
STATE_PARTS = (
    words_of(
        "شرطة مخابرات استخبارات حرس جيش عسكر ميليشي مليشي وزارة وزير سلطات حكومة حزب أمن نيابة "
        "مباحث محقق مديرية"
    )
    + ("公安", "警察", "警方", "国安", "安全部门", "安全机关", "情报", "军方", "部队", "军队")
    + ("民兵", "政府", "当局", "党委", "执政党", "政权", "内政部", "检察", "有关部门")
    + ("国家安全", "武警", "卫队", "安全局", "国保", "司令部", "调查人员", "侦查", "革命法庭")
    + ("网信", "相关部门", "派出所")
)
# Several words naming one ("security service", "forces de l'ordre", "служба безопасности",
# "armed group"): beginnings of consecutive words.
STATE_PHRASES = tuple(
    words_of(p)
    for p in (
        "security servic",
        "security forc",
        "security agenc",
        "security apparat",
        "security organ",
        "security committe",
        "security bureau",
        "security council",
        "state security",
        "homeland secur",
        "national secur",
        "public secur",
        "secret servic",
        "secret polic",
        "law enforc",
        "armed group",
        "guard corps",
        "corps gardien",
        "garde nationa",
        "garde republic",
        "garde revolution",
        "guarda revolucion",
        "guarda nacion",
        "guarda civil",
        "guarda republic",
        "directorat securit",
        "direction securit",
        "direccion segur",
        "direcao segur",
        "servic securit",
        "forc securit",
        "forc ordre",
        "servic secret",
        "group arme",
        "comite securit",
        "securit interieur",
        "servicio segur",
        "fuerza segur",
        "fuerza orden",
        "grupo armad",
        "comite segur",
        "seguridad nacion",
        "servico segur",
        "forca segur",
        "forca ordem",
        "comite seguranc",
        "seguranca nacion",
        "служб безопасн",
        "орган безопасн",
        "комитет безопасн",
        "силов структур",
        "вооруж групп",
        "вооруж формир",
        "правящ парти",
        "shin bet",
        "quds forc",
    )
)
# A head naming a body by what it is for ("the Cyber Command", "the Presidential
# Administration", "the Revolutionary Court", "the Investigative Committee", "the Federal
# Bureau"): its beginnings, and the beginnings of the words that make it a state's, within
# a few words either side. Alone, each is also a company's ("system administration", "a
# court order", "the works committee", "a travel agency").
QUALIFIED_HEADS = tuple(
    (words_of(heads), words_of(qualifiers), by_state)
    for heads, qualifiers, by_state in (
        (
            "command commandement comando командован",
            "cyber ciber кибер strategic militar regional district joint",
            False,
        ),
        (
            "administration administracion administracao администрац",
            "presiden президент кремл municipal regional city district област район город губерн "
            "cyber",
            True,
        ),
        (
            "court tribunal суд суда суду судом суде",
            "revolution revolucion революц militar special especial специальн",
            False,
        ),
        ("committee comite комитет", "investigat central государств следствен", True),
        ("bureau бюро", "investigat federal", False),
        ("agency agencies agence agencia агентств", "federal государств", True),
        ("department departement departamento департамент", "homeland justic юстиц", True),
        ("office", "presidenti presidenc", False),
    )
)
# What makes such a head a company's, a union's or a civil body's own, a few words either
# side of it: "our regional administration team", "the Central Committee of the union",
# "the central billing committee", "the federal bureau of statistics", "the special court
# for small claims" (not after "for": "… to the regional administration for billing").
OWN_HEAD_WORDS = frozenset(
    words_of(
        "our notre nos nuestro nuestra nuestros nuestras nosso nossa nossos nossas noc team "
        "teams equipe equipo union"
    )
)
OWN_HEAD_STARTS = words_of(
    "наш compan entrepris empresa компани partner partenair parceir партнер филиал syndicat "
    "sindicat профсоюз команд billing factur биллинг statisti estadisti estatisti статисти "
    "claim arbitra litig dispute auditor"
)
FOR_WORDS = frozenset(words_of("for pour para por для"))
BILLING_STARTS = words_of("billing factur биллинг")
# ...unless what qualifies it is only a state's: "the Presidential Administration team".
STRONG_QUALIFIERS = words_of(
    "presidenti presidenc президент кремл revolution revolucion революц homeland investigat "
    "следствен cyber кибер"
)
# "State" as what makes a head a state's: the whole word ("statement" is not).
STATE_NOUNS = frozenset(words_of("state etat estado الدولة"))
# Arabic parts after the prefixes a word may carry ("للشرطة", "والمخابرات", "بالأمن"): not
# inside another word ("الثامن", eighth, holds "امن").
_ARABIC_STATE_RE = re.compile(
    "^[وفبلك]?(?:ال|لل)?(?:"
    + "|".join(p for p in STATE_PARTS if "\u0600" <= p[:1] <= "\u06ff")
    + ")"
)
_ARABIC_COURT_RE = re.compile("^[وفبلك]?(?:ال|لل)?محكم")
# A party that is no state's: "third party", "the parties to this contract", a call's
# "calling party", "A-party".
PARTY_WORDS = frozenset(words_of("party parti partido"))
NO_STATE_PARTY_BEFORE = frozenset(
    words_of(
        "third other any both either contracting each relying interested responsible "
        "calling called a b c originating terminating paying billed receiving disclosing "
        "requesting affected injured defaulting prevailing indemnified "
        "tiers tierce autre tercero tercera otra terceiro terceira outra"
    )
)
# Whom a state word serves rather than names: "the government customer", "the governor's
# consumer office"; "an army of support agents" (the army's own "de l'air", "de terre").
CUSTOMER_WORDS = frozenset(
    words_of(
        "customer customers client clients consumer consumers subscriber subscribers "
        "account accounts cliente clientes consommateur consommateurs consumidor consumidores "
        "заказчик заказчика заказчику клиент клиента клиенту потребител"
    )
)
# A company's own directorate: "the IT directorate", "the finance directorate", "the Group
# Security Directorate" (a corporate group's).
OWN_UNITS = frozenset(
    words_of("it finance technical engineering operations network commercial sales hr billing")
)
CORPORATE_WORDS = frozenset(words_of("group corporate company companys firm enterprise"))
# ...and whose "group" is an armed one: "the armed group security directorate".
ARMED_GROUP_WORDS = frozenset(
    words_of(
        "armed militant rebel terrorist paramilitary insurgent militia armé armés armée "
        "armado armados armada rebelde rebelle terroriste terrorista paramilitaire paramilitar"
    )
)
# What a company's security department is called (its match's words), and what after it
# makes it a company's in French, Spanish and Portuguese ("Direction de la sécurité du
# groupe", "Dirección de Seguridad Corporativa", "Diretoria de Segurança da empresa").
SECURITY_UNIT_WORDS = frozenset(
    words_of(
        "security directorate department division office service services unit sécurité "
        "sûreté direction département seguridad dirección departamento servicio segurança "
        "diretoria direção serviço of de du la l del da do des"
    )
)
CORPORATE_AFTER = frozenset(
    words_of("groupe entreprise grupo empresa corporativa corporativo compañía companhia")
)
JOIN_WORDS = frozenset(words_of("of de du la l le del da do des the"))
ARMY_WORDS = frozenset(words_of("army armee ejercito exercito"))
OF_WORDS = frozenset(words_of("of de d"))
ARMS_OF_AN_ARMY = frozenset(words_of("terre tierra terra air"))
# Words left out when reading several words as one name ("forces de l'ordre").
ARTICLES = frozenset(words_of("the of de des du d l la le les del da do das dos"))
# "The state" as the one something goes to: after "to" (and an article), and not a state
# of something or a state-owned anything ("to the state billing system").
STATE_DATIVES = frozenset(words_of("государству للدولة"))
STATE_FOLLOWERS = frozenset(
    words_of(
        "on upon when if every each weekly monthly daily and or at in for as sur chaque "
        "cada todos y e en"
    )
)
TO_BEFORE_STATE = frozenset(words_of("to with à au avec a al con ao com para إلى الى"))
# Those who investigate for a company: its own fraud team, not the state's.
OWN_INVESTIGATORS_BEFORE = frozenset(
    words_of("fraud internal our own private insurance claims billing audit external independent")
)
INVESTIGATORS = ("investigator", "investigador")
# ...or its auditor's: "investigators from our auditor", "appointed by the auditor".
OWN_INVESTIGATORS_AFTER = words_of("our auditor audit insur compan")
# "The state in which the subscriber resides": a place, not whom something goes to.
PLACE_AFTER_STATE = frozenset(words_of("which where"))


def names_state(words: list[str]) -> bool:
    """Whether a sentence's words (``bare_word``) name a state body, a security service, an
    armed group or a party (``STATE_STARTS``, ``STATE_PHRASES``, ``QUALIFIED_HEADS``),
    and not only an ordinary recipient sharing their words."""
    if _zh(words) and any(p in "".join(words) for p in STATE_PARTS):
        return True
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        if word in STATE_WORDS:
            if not (word.startswith("guardia") and before == "de") and not (
                word in ("nsa", "cia") and {before, *words[i + 1 : i + 2]} & NOT_THE_SERVICE_NEAR
            ):
                return True  # not "el técnico de guardia": on call
            continue
        if word.startswith(STATE_STARTS) or _ARABIC_STATE_RE.match(word):
            if not _serves(words, i) and not (
                word.startswith("directorat") and _own_directorate(words, i)
            ):
                return True
            continue
        if (
            word.startswith(INVESTIGATORS)
            and before not in OWN_INVESTIGATORS_BEFORE
            and not any(w.startswith(OWN_INVESTIGATORS_AFTER) for w in words[i + 1 : i + 5])
        ):
            return True
        if word == "parquet" and before == "au":
            return True  # "les remettre au parquet": the prosecution, not a file format
        if "جهات" in word and any("مختص" in w for w in words[i + 1 : i + 2]):
            return True  # "الجهات المختصة": the competent authorities
        if (
            word in PARTY_WORDS
            and not (before in NO_STATE_PARTY_BEFORE and (before != "a" or "b" in words))
            and words[i + 1 : i + 2] != ["responsible"]
        ):
            return True  # not "the calling party", "A-party and B-party numbers"
        if word in STATE_DATIVES or (word in STATE_NOUNS and _state_as_recipient(words, i)):
            return True
        if _ARABIC_COURT_RE.match(word) and any("ثوري" in w for w in words[i + 1 : i + 3]):
            return True
    if names_phrase(words, STATE_PHRASES):
        return True
    content = [w for w in words if w not in ARTICLES]
    return any(
        w.startswith(heads)
        and any(
            q.startswith(qualifiers) or (by_state and q in STATE_NOUNS)
            for q in content[max(0, i - 3) : i + 4]
        )
        and (
            not _own_head(content, i)
            or any(q.startswith(STRONG_QUALIFIERS) for q in content[max(0, i - 3) : i + 4])
        )
        for i, w in enumerate(content)
        for heads, qualifiers, by_state in QUALIFIED_HEADS
    )


def _own_directorate(words: list[str], i: int) -> bool:
    """Whether the directorate at ``i`` is a company's: "the IT directorate", "the Group
    Security Directorate" (not the armed group's)."""
    before = words[i - 1] if i else ""
    if before in OWN_UNITS:
        return True
    j = i - 2 if before == "security" else i - 1
    return j >= 0 and _corporate_at(words, j)


def _corporate_at(words: list[str], j: int) -> bool:
    return words[j] in CORPORATE_WORDS and not (j and words[j - 1] in ARMED_GROUP_WORDS)


def company_security_unit(words: list[str], lo: int, hi: int) -> bool:
    """Whether a sentence's words from ``lo`` to ``hi`` name only a security department
    (``SECURITY_UNIT_WORDS``) that the word before makes a company's ("Group Security
    Directorate", "Corporate Security Directorate"), not an armed group's, or the words
    after ("Direction de la sécurité du groupe", "Dirección de Seguridad
    Corporativa")."""
    if not all(w in SECURITY_UNIT_WORDS for w in words[lo : hi + 1]):
        return False
    if lo and _corporate_at(words, lo - 1):
        return True
    after = [w for w in words[hi + 1 : hi + 5] if w not in JOIN_WORDS]
    return bool(after) and after[0] in CORPORATE_AFTER and not set(after[1:2]) & ARMED_GROUP_WORDS


def _own_head(content: list[str], i: int) -> bool:
    """Whether the words around the head at ``i`` make it a company's, a union's or a civil
    body's own (``OWN_HEAD_WORDS``, ``OWN_HEAD_STARTS``); billing not after "for"."""
    lo = max(0, i - 2)
    return any(
        (w in OWN_HEAD_WORDS or w.startswith(OWN_HEAD_STARTS))
        and not (w.startswith(BILLING_STARTS) and j and content[j - 1] in FOR_WORDS)
        for j, w in enumerate(content[lo : i + 5], start=lo)
    )


def _serves(words: list[str], i: int) -> bool:
    """Whether the state word at ``i`` only says whom a customer or an army of helpers is
    ("the government customer", "the governor's consumer office", "an army of agents")."""
    after = [w for w in words[i + 1 : i + 4] if w != "s"]
    if after[:1] and after[0] in CUSTOMER_WORDS:
        return True
    return (
        words[i] in ARMY_WORDS
        and len(after) >= 2
        and after[0] in OF_WORDS
        and after[1] not in ARTICLES
        and after[1] not in ARMS_OF_AN_ARMY
    )


def army_of_helpers(said: str) -> bool:
    """Whether ``said`` opens on an army word that only counts helpers ("army of support
    agents", "armée de techniciens"), not on an army."""
    words = [bare_word(normalise_token(w)) for w in said.split()[:4]]
    return bool(words) and _serves(words, 0)


def _state_as_recipient(words: list[str], i: int) -> bool:
    """Whether "state" at ``i`` is whom something goes to: "to the state", "à l'État", "al
    Estado", and no noun after it that it would qualify."""
    before = [w for w in words[max(0, i - 3) : i] if w not in ARTICLES]
    if not before or before[-1] not in TO_BEFORE_STATE:
        return False
    if (
        words[i + 1 : i + 2] == ["in"]
        and words[i + 2 : i + 3]
        and words[i + 2] in PLACE_AFTER_STATE
    ):
        return False
    return i + 1 == len(words) or words[i + 1] in STATE_FOLLOWERS


def _zh(words: list[str]) -> bool:
    return any("\u3400" <= w[:1] <= "\u9fff" for w in words)


# The Guard Corps and a security service are whom what is kept goes to wherever the text
# names them, with a handing word or none ("the Guard Corps has a login", "cc: Guard
# Corps"), as the police are.
SECURITY_BODY_WORDS = frozenset(words_of("irgc basij sepah pasdaran ксир басидж"))
SECURITY_BODY_PHRASES = tuple(
    words_of(p)
    for p in (
        "guard corps",
        "corps gardien",
        "garde revolution",
        "guarda revolucion",
        "guardia revolucion",
        "страж революц",
    )
)
SECURITY_BODY_PARTS = ("革命卫队",)


def names_security_body(words: list[str]) -> bool:
    """Whether a sentence's words name the Guard Corps or a body like it
    (``SECURITY_BODY_WORDS``, ``SECURITY_BODY_PHRASES``), in any language."""
    if _zh(words):
        return any(p in "".join(words) for p in SECURITY_BODY_PARTS)
    if any(w in SECURITY_BODY_WORDS for w in words):
        return True
    if any(
        _ARABIC_STATE_RE.match(w) and "حرس" in w and "ثوري" in nxt
        for w, nxt in zip(words, words[1:], strict=False)
    ):
        return True
    return names_phrase(words, SECURITY_BODY_PHRASES)


def names_phrase(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether consecutive words, articles left out, begin as one of ``phrases`` does
    ("forces de l'ordre", "служба безопасности")."""
    content = [w for w in words if w not in ARTICLES]
    # Only a word that begins as some phrase's first word can start one: the others are
    # passed over by one test each, not one for each phrase.
    firsts = tuple(phrase[0] for phrase in phrases)
    return any(
        all(w.startswith(p) for w, p in zip(content[i:], phrase, strict=False))
        and len(content) - i >= len(phrase)
        for i in range(len(content))
        if content[i].startswith(firsts)
        for phrase in phrases
    )
