"""Whom an act is done to, and who answers for it: the checks that keep benign context from
cancelling a red flag it does not bound.

What must always be true: the interception of everyone's communications ("mass
interception", "all subscribers' calls", "every call on the network") and an act on people
held are red flags whoever is named, so consent claimed for others, an overseer put in
charge ("audited by the data-protection authority") or a warrant issued by no judge ("under
a warrant signed by the minister") cancels nothing of them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .denied_hand_over import said_not_denied
from .handing import memo
from .languages import bare_word
from .recipient import hands_on_to_no_one, hands_on_to_state
from .short_words import FUNCTION_WORDS
from .state_bodies import army_of_helpers

if TYPE_CHECKING:
    from .reader import _Text

# Benign context cancels a match it is inside of, or this many words from (Chinese: twice
# as many characters): what the act is done to and where, not the rest of the sentence.
BENIGN_REACH = 4
# Punctuation ending a clause: benign context after the act in the same clause qualifies it
# ("provide call records to the police only under a court order").
CLAUSE_BREAK_RE = re.compile("[,;:()\u3001\uff0c\u060c\u2013\u2014]")

# Consent claimed by the seller for third parties ("with the families' consent", "avec le
# consentement des familles", "с согласия родственников", "经家属同意") says nothing a
# reviewer can check: it bounds an act on callers, visitors or residents in care, not one
# on a protected group or on people held. Parts of the words of a benign span.
CONSENT_PARTS = ("consent", "согласи", "موافق", "同意")
# People held: an act on them with anyone's consent is still an act on people held. Word
# beginnings compared without accents (Arabic and Chinese: parts of the word).
HELD_STARTS = tuple(
    "detainee inmate prisoner internee detenu prisonnier incarcere detenid preso recluso "
    "prisioner encarcelad detid prisioneir encarcerad apenad "
    "задержанн заключенн арестованн осужденн узник арестант "
    "custody custodia стражеи".split()
)
HELD_PARTS = ("معتقل", "محتجز", "سجين", "سجناء", "المساجين", "موقوف") + (
    "被拘",
    "被羁押",
    "被关押",
    "在押",
    "囚犯",
    "犯人",
    "服刑",
    "被监管",
    "羁押",
)
# Arabic "in custody": "الحجز" alone is also a booking.
HELD_PHRASES = ("في الحجز",)


# Bulk interception is the interception red flag whoever is named: the communications of
# everyone ("mass interception", "all subscribers' calls", "всех абонентов", "全量") are
# read as an act on a protected group, so an overseer that is no judge ("audited by the
# data-protection authority") or benign words before it cancel nothing. Word beginnings
# compared without accents (Arabic and Chinese: parts of the word).
BULK_STARTS = tuple(
    "mass bulk blanket wholesale indiscriminate dragnet massive massif generalise "
    "indifferencie masiv generaliz indiscriminad "
    "массов тотальн сплошн поголовн".split()
)
BULK_PARTS = (
    "جماعي",
    "بالجمله",
    "大规模",
    "批量",
    "全量",
    "全民",
    "所有用户",
    "全部用户",
    "全体用户",
    "全国",
    "全省",
)
# "all" (or "every", "whole") a few words before the people a network serves.
ALL_WORDS = frozenset(
    "all every entire whole tous toutes toute tout ensemble todos todas toda todo "
    "все всех всего весь вся جميع كل كافه".split()
)
# ...or before the country itself: "all calls in the country", "de todo el país".
EVERYONE_STARTS = tuple(
    "subscrib citizen population abonne citoyen abonad suscriptor ciudadan poblacion "
    "assinant cidada populacao абонент граждан населени "
    "country nationwide pays pais стран".split()
)
EVERYONE_PARTS = ("مشترك", "مواطن", "سكان", "البلاد")
# ...or a region, a province, the nation or the whole network: "all calls in the region",
# "all domestic calls", "de l'ensemble du territoire national", "في المحافظة", "全省".
PLACE_STARTS = tuple(
    "region province nation nacion domestic territ network reseau provincia red rede regiao "
    "регион област территор сет".split()
)
PLACE_PARTS = ("محافظ", "اقليم", "منطق")
# A place naming an office, not everyone in it: "the country office's helpdesk queue".
OFFICE_WORDS = frozenset(
    "office offices team teams branch branches bureau desk helpdesk manager managers "
    "headquarters hq subsidiary agence succursale oficina oficinas sucursal filial "
    "escritorio офис филиал".split()
)
ALL_REACH = 3  # words from "all" to the people, articles and prepositions not counted
# An act of interception whose object, up to the end of its clause, is quantified by
# "all", "every", "cada", "chaque", "каждый", "كل", "所有" over communications or the
# people and places a network serves ("intercept every call on the network", "todas las
# llamadas de los abonados", "截获全部通话") is bulk however the words are ordered.
# Recording ("record all customer calls") is no interception act: contact centres do it.
INTERCEPT_STARTS = tuple("intercep wiretap перехват прослуш".split())
INTERCEPT_PARTS = ("اعتراض", "تنصت", "截获", "拦截", "截取", "监听", "窃听")
EVERY_STARTS = tuple(
    "all every each entire whole everyone everybody tous toutes tout toute chaque l'ensemble "
    "ensemble todos todas todo toda cada все всех всего весь вся каждыи каждого каждое "
    "каждую".split()
)
EVERY_PARTS = ("كل", "جميع", "كافه")
ZH_EVERY = ("所有", "全部", "全量", "一切", "全体", "每一", "每个", "每通", "每条")
EVERYTHING_STARTS = tuple(
    "call communic messag traffic sms email subscrib user customer resident citizen "
    "network country nation population phone "
    "appel communicat messag trafic abonne utilisateur client habitant citoyen reseau pays "
    "llamad comunicac mensaj trafico abonad suscriptor usuari client resident ciudadan red "
    "pais chamad comunicac mensag trafego assinant usuari client morador cidada rede "
    "звонк вызов переговор сообщени коммуникац трафик абонент пользовател клиент жител "
    "граждан сет стран".split()
)
EVERYTHING_PARTS = ("مكالم", "اتصال", "رسائل", "حركه", "مشترك", "مستخدم", "عملاء", "سكان", "شبكه")
ZH_EVERYTHING = ("通话", "电话", "短信", "通信", "流量", "用户", "客户", "居民", "网络", "全国")
# Naming whom the interception is for keeps it targeted ("all calls of one named suspect").
SUSPECT_STARTS = tuple("suspect suspeit sospechos подозрева".split())
SUSPECT_PARTS = ("مشتبه", "嫌疑")
BULK_OBJECT_REACH = 10  # words after a match its object may still run to


# A warrant, a judge or an authorisation counts as judicial only if no one else issues it:
# "a warrant issued by the interior minister", "sur mandat du ministre", "по ордеру
# министра", "a judge of the security council", "judicial oversight by the military
# prosecutor" name an executive, military or police issuer. Lowercased parts of words.
WARRANT_PARTS = (
    "warrant court judge judic justic justiç order authori autori ordonnanc mandat juge orden juez ordem "
    "mandado mandamient juiz "
    "ордер суд санкц решени постановлен أمر قضائ محكم قاض 法院 法官 命令 授权 批准 司法"
).split()
ISSUER_PARTS = (
    "minist|prosecut|procureur|fiscalia|fiscalía|procurador|promotor|прокур|министр|military|"
    "militaire|militar|военн|police|policia|policía|polícia|policier|policial|полиц|"
    "intelligence|renseignement|inteligen|разведк|спецслужб|"
    "security council|conseil de sécurité|consejo de seguridad|conselho de segurança|"
    "совет безопасности|وزير|وزار|نيابه|النيابة|عسكري|شرطة|الشرطة|مخابرات|استخبارات|مجلس الأمن|"
    "部长|检察|公安|警察|军|情报|安全委员会"
).split("|")
# Parts compared at the start of a word: "minist" is not in "administrative".
_ISSUER_RE = re.compile(
    "|".join(
        re.escape(p) if "\u0600" <= p[:1] <= "\u9fff" else rf"(?<!\w){re.escape(p)}"
        for p in ISSUER_PARTS
    )
)
# Armed and security forces named as whom an order comes from or what is kept goes to:
# "the Guard Corps", "la Garde nationale", "el Ejército", "a milícia", "Росгвардия",
# "الحرس الثوري", "武警". Word beginnings (Arabic and Chinese: parts of the word).
FORCE_PARTS = (
    "guard corps|national guard|revolutionary guard|republican guard|garde nationale|"
    "garde républicaine|gardiens de la révolution|guardia nacional|guardia civil|"
    "guardia republicana|guardia revolucionaria|guarda nacional|guarda republicana|"
    "guarda revolucionária|basij|army|armée|ejército|ejercito|exército|exercito|militia|"
    "milice|milicia|milícia|армия|армии|армией|гвардия|гвардии|росгвард|حرس|الجيش|ميليشي|"
    "武警|卫队|部队|军队"
).split("|")
# Who else may sign an order that is no judge's: a governor, a party, a government.
# A commander, a prefect, the presidential administration or a revolutionary court too.
STATE_ISSUER_PARTS = (
    "gouverneur|gobernador|governador|губернатор|محافظ|省长|市长|党委|执政党|政府|"
    "commander|commandant|comandante|командующ|комендант|قائد|司令|préfet|prefect|"
    "presidential administration|administration présidentielle|administración presidencial|"
    "administração presidencial|администрация президента|администрации президента|"
    "revolutionary court|tribunal révolutionnaire|tribunal revolucionario|"
    "tribunal revolucionário|революционн|الثوري|革命|"
    "советом безопасности|совета безопасности"
).split("|")
# "the governor", not "the Governorate Court" (a court of a province); "by the Interior".
_STATE_ISSUER_WORDS = (
    r"(?<!\w)governor(?!ate)|(?<!\w)(?:by|par|por|pelo|pela) (?:the |l'|l’|le |el |o |a )?"
    r"(?:interior|intérieur)(?!\w)"
)


def _start_of_word_re(parts: list[str] | tuple[str, ...], whole: str = "") -> re.Pattern:
    """Parts compared at the start of a word (Arabic and Chinese: anywhere), and the
    ``whole`` words given as a pattern."""
    found = [
        re.escape(p) if "\u0600" <= p[:1] <= "\u9fff" else rf"(?<!\w){re.escape(p)}" for p in parts
    ]
    return re.compile("|".join(found + ([whole] if whole else [])))


_FORCE_RE = _start_of_word_re(FORCE_PARTS)
# A party as a word of its own ("the ruling party", "le parti", "حزب"), not "third party".
_STATE_ISSUER_RE = _start_of_word_re(
    FORCE_PARTS + STATE_ISSUER_PARTS,
    r"(?<!third )(?<!tierce )(?<!\w)(?:party|parti|partido|партия|партии|حزب|الحزب)(?!\w)|"
    + _STATE_ISSUER_WORDS,
)
# ...unless it only asked for the warrant: "a court order requested by the police".
REQUEST_PARTS = (
    "request demand obtain sought appli solicit запрос ходатайств طلب 申请 请求 "
    # ...or carries it out: "a court order executed by the police", "served by the police".
    "execut serv carried exécut ejecut execut cumpli исполн نفذ 执行"
).split()
ISSUER_REACH = 8  # words after the warrant that may still name its issuer
# Words naming who issued an order, after the comma before them: "по решению суда,
# подписанному губернатором", "con orden judicial, firmada por el gobernador".
ISSUING_STARTS = tuple(
    "issued signed granted подписан выдан издан утвержд firmad emitid otorgad dictad "
    "sign emis delivr assinad concedid".split()
)
ZH_ISSUING = ("签发", "颁发", "签署", "下达", "发出")


# Words putting an overseer in charge: "audited by", "contrôlée par", "под контролем".
OVERSEEN_BY = frozenset(
    "by under par sous por bajo pela pelo sob под قبل تحت لرقابه لاشراف باشراف".split()
)
ZH_OVERSEEN_BY = ("由", "经", "受")
OVERSEEN_REACH = 3  # words from the word putting it in charge to the overseer


def overseen(text: _Text, lo: int) -> bool:
    """Whether the overseer named at ``lo`` is put in charge by a word just before it
    ("audited by", "sous le contrôle de", "под контролем", "由…审计")."""
    toks = text.toks
    if "\u3400" <= toks[lo][0][:1] <= "\u9fff":
        before = "".join(t[0] for t in toks[max(0, lo - 2 * OVERSEEN_REACH) : lo])
        return any(w in before for w in ZH_OVERSEEN_BY)
    for j in range(lo - 1, max(-1, lo - 1 - OVERSEEN_REACH), -1):
        if toks[j][3] != toks[lo][3]:
            return False
        if bare_word(toks[j][0]) in OVERSEEN_BY:
            return True
    return False


def claims_consent(text: _Text, lo: int, hi: int) -> bool:
    """Whether benign context from ``lo`` to ``hi`` claims someone's consent."""
    words = text.raw[text.toks[lo][1] : text.toks[hi][2]].lower()
    return any(c in words for c in CONSENT_PARTS)


def on_people_held(text: _Text, span: tuple[int, int], category: str) -> bool:
    """Whether a match is an act of detention, or names people held ("detainees",
    "заключённых", "被拘留者") in its words or the few after them ("تتبع تحركات
    المعتقلين": the movements the match read are the detainees')."""
    if category == "detention":
        return True
    toks = text.toks
    end = object_end(text, span)
    for t in toks[span[0] : end + 1]:
        word = bare_word(t[0])
        if word.startswith(HELD_STARTS) or any(h in word for h in HELD_PARTS):
            return True
    if "\u3400" <= toks[span[0]][0][:1] <= "\u9fff":
        chars = "".join(t[0] for t in toks[span[0] : end + 1])
        return any(h in chars for h in HELD_PARTS)
    words = text.raw[toks[span[0]][1] : toks[end][2]]
    return any(h in words for h in HELD_PHRASES)


def object_end(text: _Text, span: tuple[int, int]) -> int:
    """The last of the few words after a match, in its sentence, that may still name what
    the act is done to ("the movements of detainees", "calls of all subscribers")."""
    toks = text.toks
    end = span[1]
    while end + 1 < len(toks) and end < span[1] + BENIGN_REACH and toks[end + 1][3] == toks[end][3]:
        end += 1
    return end


def bulk(text: _Text, span: tuple[int, int]) -> bool:
    """Whether a match, or the few words after it, says the act is done to everyone's
    communications: "mass", "bulk", "en masse", "массовый", "大规模", or "all" before the
    people a network serves ("all subscriber calls", "de tous les abonnés")."""
    toks = text.toks
    words = [bare_word(t[0]) for t in toks[span[0] : object_end(text, span) + 1]]
    if every_intercepted(text, span):
        return True
    if "\u3400" <= words[0][:1] <= "\u9fff":
        return any(b in "".join(words) for b in BULK_PARTS)
    for i, word in enumerate(words):
        if word.startswith(BULK_STARTS) or any(b in word for b in BULK_PARTS):
            return True
        if word in ALL_WORDS or word.startswith(("وجميع", "لجميع", "بجميع")):
            # Articles and prepositions do not count: "toutes les communications des
            # abonnés", "todas las llamadas de los abonados".
            content = [k for k in range(i + 1, len(words)) if words[k] not in FUNCTION_WORDS]
            for k in content[:ALL_REACH]:
                after = words[k]
                if (
                    after.startswith(EVERYONE_STARTS + PLACE_STARTS)
                    or any(e in after for e in EVERYONE_PARTS + PLACE_PARTS)
                ) and not _names_office(words[k + 1 : k + 2]):
                    return True
    return False


def _names_office(following: list[str]) -> bool:
    """Whether the word after a place names an office of it ("the country office's
    helpdesk queue"), not everyone in it."""
    return bool(following and following[0] in OFFICE_WORDS)


def every_intercepted(text: _Text, span: tuple[int, int]) -> bool:
    """Whether a match is an act of interception whose object, to the end of its clause,
    is all of something a network carries or serves: "all"/"every"/"cada"/"كل"/"所有"
    before communications, the people a network serves, the network or the country."""
    toks, raw = text.toks, text.raw
    end = span[1]
    while (
        end + 1 < len(toks)
        and end < span[1] + BULK_OBJECT_REACH
        and toks[end + 1][3] == toks[end][3]
        and not CLAUSE_BREAK_RE.search(raw, toks[end][2], toks[end + 1][1])
    ):
        end += 1
    words = [bare_word(t[0]) for t in toks[span[0] : end + 1]]
    if "\u3400" <= words[0][:1] <= "\u9fff":
        chars = "".join(words)
        every = [chars.find(w) for w in ZH_EVERY if w in chars]
        return (
            any(a in chars for a in INTERCEPT_PARTS)
            and bool(every)
            and any(w in chars[min(every) :] for w in ZH_EVERYTHING)
            and not any(s in chars for s in SUSPECT_PARTS)
        )
    if not any(
        w.startswith(INTERCEPT_STARTS) or any(a in w for a in INTERCEPT_PARTS) for w in words
    ):
        return False
    if any(w.startswith(SUSPECT_STARTS) or any(s in w for s in SUSPECT_PARTS) for w in words):
        return False
    for i, word in enumerate(words):
        if (
            word.startswith(EVERY_STARTS)
            or word in EVERY_PARTS
            or any(word.startswith(p) or word[1:].startswith(p) for p in EVERY_PARTS[1:])
        ):
            rest = words[i:]
            if any(
                w.startswith(EVERYTHING_STARTS) or any(e in w for e in EVERYTHING_PARTS)
                for w in rest
            ):
                return True
    return False


def warrant(text: _Text, lo: int, hi: int) -> bool:
    """Whether benign context from ``lo`` to ``hi`` is a warrant, a judge or an
    authorisation (its own words)."""
    toks = text.toks
    own = text.raw[toks[lo][1] : toks[hi][2]].lower()
    return any(w in own for w in WARRANT_PARTS)


def issued_by_no_judge(text: _Text, lo: int, hi: int) -> bool:
    """Whether benign context from ``lo`` to ``hi`` is a warrant, judge or authorisation
    whose own words, or the few after it in its clause, name a minister, a prosecutor, a
    security council, the military, the police, an intelligence or a security service, an
    armed force, a governor, a government or a party as its issuer."""
    toks, raw = text.toks, text.raw
    if not warrant(text, lo, hi):
        return False
    zh = "\u3400" <= toks[lo][0][:1] <= "\u9fff"
    reach = ISSUER_REACH * 2 if zh else ISSUER_REACH
    end = hi
    while (
        end + 1 < len(toks)
        and end < hi + reach
        and toks[end + 1][3] == toks[end][3]
        and (
            not CLAUSE_BREAK_RE.search(raw, toks[end][2], toks[end + 1][1])
            or bare_word(toks[end + 1][0]).startswith(ISSUING_STARTS)  # "…, signed by"
        )
    ):
        end += 1
    if zh:  # an issuer named before the order, as issuing it: "武警签发的法院命令"
        first = lo
        while (
            first > max(0, lo - reach)
            and toks[first - 1][3] == toks[lo][3]
            and not CLAUSE_BREAK_RE.search(raw, toks[first - 1][2], toks[first][1])
        ):
            first -= 1
        if any(w in raw[toks[first][1] : toks[lo][1]] for w in ZH_ISSUING):
            lo = first
    words = raw[toks[lo][1] : toks[end][2]].lower()
    found = [
        m.start()
        for m in (_ISSUER_RE.search(words), _STATE_ISSUER_RE.search(words))
        if m is not None
    ] + [words.find(p) for p in RECIPIENT_PARTS if p in words]
    if not found:
        return False
    return not any(r in words[: min(found)] for r in REQUEST_PARTS)


# Records a network writes of each call to bill it ("call detail records", "CDR", "relevés
# d'appels", "записи о вызовах", "سجلات المكالمات", "话单"): billing context bears on their
# keeping, not on calls, messages or locations themselves. Word beginnings compared without
# accents (Arabic and Chinese: parts of the word).
RECORD_STARTS = tuple(
    "cdr records detail enregistrements releves fadette journaux registros registos detalhad "
    "записи записей детализац".split()
)
RECORD_PARTS = ("سجلات", "记录", "详单", "话单")
# A state body named in the text may be whom the records go to ("… for billing and hand
# them to the police"): billing context then bounds nothing. Lowercased parts of words, with
# the issuers a warrant may not have (``ISSUER_PARTS``).
RECIPIENT_PARTS = (
    "security service",
    "service de sécurité",
    "services de sécurité",
    "servicio de seguridad",
    "servicios de seguridad",
    "serviço de segurança",
    "serviços de segurança",
    "служб безопасности",
    "фсб",
    "الأمن",
    "安全部门",
    "国安",
)


def billed_records(text: _Text, span: tuple[int, int], lo: int, hi: int) -> bool:
    """Whether a match names call records (``RECORD_STARTS``), or holds the billing context
    from ``lo`` to ``hi`` in its own words ("call quality monitoring"), and the text
    names no state body they may go to (``names_recipient``) nor hands them on to no one it
    names (``hands_on_to_no_one``): what billing can bound."""
    toks = text.toks
    words = [bare_word(t[0]) for t in toks[span[0] : span[1] + 1]]
    chars = "".join(words)
    if not (
        (span[0] <= lo and hi <= span[1])
        or any(w.startswith(RECORD_STARTS) for w in words)
        or any(p in chars for p in RECORD_PARTS)
    ):
        return False
    return not names_recipient(text) and not hands_on_to_no_one(text, span)


def names_recipient(text: _Text) -> bool:
    """Whether a text names a state body anywhere (``names_state_body``: a later sentence may
    say who reads what is kept, "Keep call records for billing; the police can read them"), or
    hands what it keeps on to another state body, an armed group or a party
    (``hands_on_to_state``); handing on to a customer or the next agent is the deal's own."""
    return names_state_body(text) or hands_on_to_state(text)  # not "never shared with …"


def names_state_body(text: _Text, start: int = 0) -> bool:
    """Whether a text names the police, a ministry, the military, an intelligence or a
    security service or an armed force (``FORCE_PARTS``) from character ``start`` on
    (``names_recipient`` without the words of handing on)."""
    found = memo(text)  # once a text: each match of a long text asks from its own place
    if "last_state_body" not in found:
        found["last_state_body"] = _last_state_body(said_not_denied(text))
    if (last := found["last_state_body"]) is None:  # lowercasing moved offsets ("İ")
        return names_state_body_in(said_not_denied(text)[start:].lower())
    return last >= start


def _last_state_body(said: str) -> int | None:
    """Where the last state body ``said`` names begins (-1: none; None: offsets moved)."""
    if len(lowered := said.lower()) != len(said):
        return None
    last = max((lowered.rfind(p) for p in RECIPIENT_PARTS), default=-1)
    for pattern in (_ISSUER_RE, _FORCE_RE):
        at = 0
        while m := pattern.search(lowered, at):
            if pattern is _ISSUER_RE or not army_of_helpers(lowered[m.start() :]):
                last = max(last, m.start())
            at = m.start() + 1
    return last


def names_state_body_in(said: str) -> bool:
    """Whether lowercased words ``said`` name a state body (``names_state_body``)."""
    return bool(_ISSUER_RE.search(said) or _names_force(said)) or any(
        p in said for p in RECIPIENT_PARTS
    )


def _names_force(said: str) -> bool:
    """Whether ``said`` names an armed or security force (``FORCE_PARTS``), not an army of
    helpers ("an army of support agents")."""
    return any(not army_of_helpers(said[m.start() :]) for m in _FORCE_RE.finditer(said))
