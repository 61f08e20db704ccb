"""Whom what is kept is handed on to, and whose it is: the checks that stop ordinary wording
(call records kept for billing, a DDoS watch, calls in a queue) clearing a text that hands
what it keeps to a state body, or says what is kept of a protected group.

What must always be true: a handing-on act ("pass them to", "make them available to",
"ويرسلها إلى", "отдавать в", "remettre à", "提供给"), in any form and either voice, in a
sentence that names a state body, a security service, an armed group or a party (the
police, "the Guard Corps", "the authorities", "the ruling party") bounds nothing ordinary;
one whose recipient is a customer, the next agent or no one ("transfer to the next agent",
"invoices sent", "wire transfer", "تسليم المعدات") is the ordinary deal it says.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .languages import bare_word, normalise_token

if TYPE_CHECKING:
    from .reader import _Text


def _words(words: str) -> tuple[str, ...]:
    """Word beginnings or parts written as read (accents, hamza, ta marbuta) normalised as
    a text's words are."""
    return tuple(bare_word(normalise_token(w)) for w in words.split())


# Handing on, or receiving, what is kept, in any form: word beginnings (Latin, Cyrillic),
# whole words where a beginning would be another word ("hand" is in "handle", "pass" in
# "password"), parts of the word in Arabic (prefixed conjunctions, attached pronouns:
# "ويرسلها") and Chinese.
HANDING_WORDS = frozenset(
    _words(
        "share shared shares sharing hand hands handed handing send sends sent sending give "
        "gives gave given giving pass passes passed passing route routes routed routing feed "
        "feeds fed go goes went get gets got read reads copy copies copied "
        "available accessible grant grants granted push pushed leak leaked report reports "
        "reported relay relayed export exported exports sync synced stream streams streamed "
        "streaming mirror mirrors mirrored query queries queried view views viewed see sees "
        "donner donne donnent lit lisent pasar pasa pasan pasó pase pasarlos pasarlas "
        "pasalas pasalos passar passa passam passou passe recu reçus"
    )
)
HANDING_STARTS = _words(
    "forward transfer disclos provid supply suppli deliver upload submit transmit furnish "
    "releas receiv obtain access consult expos "
    "partag transmet transmis transmettr envoi envoy communiqu remet remis remettr fourni "
    "livr disposi confi adress recoi recev acced "
    "compart entreg envia envie enviá remit transfier suministr proporcion facilit dispon "
    "reenvi recib acces "
    "compartilh partilh repass encaminh fornec disponibiliz receb acess "
    "передав передач переда отправ пересыл предостав отдава отдать отдаю отдае отдал отдад "
    "направ сообща сообщи выда выгруж достав сдава сдать слива получа получи доступ чита копи"
)
HANDING_PARTS = (
    _words(
        "يرسل ترسل نرسل أرسل إرسال يسلم تسلم نسلم سلمها سلمه سلمهم تسليم شارك مشاركة يزود تزود "
        "نزود تزويد تحويل يحول نحول يقدم نقدم تقديم إتاح يتيح تتيح إحال يحيل تحيل تمرير يمرر "
        "تمرر يعطي تعطي إعطاء يمنح ينقل تنقل يتلقى تتلقى يستلم تستلم استلام يطلع تطلع اطلاع "
        "الوصول إبلاغ يبلغ"
    )
    + ("共享", "提交", "发送", "移交", "交给", "交由", "转发", "报送", "提供", "推送", "传给")
    + (
        "传送",
        "上报",
        "转交",
        "送交",
        "分享",
        "开放给",
        "接收",
        "调取",
        "查阅",
        "获取",
        "送往",
        "送至",
        "同步",
        "抄送",
        "给",
    )
)

# State bodies, security services, armed groups, parties: word beginnings compared without
# accents (Arabic and Chinese: parts of the word, for prefixed "لل", "وال"). Words also
# ordinary elsewhere are left out ("policy", Russian "режим" (mode), "партия" (batch),
# Arabic "النظام" (system), "الداخلية" (internal), French "corps" (body), Spanish "junta"
# (a board), "de guardia" (on call)).
STATE_STARTS = _words(
    "police policia policial policier polizei gendarm carabinier militia milice milici "
    "guard guardia army armee ejercito exercito military militaire militar soldier "
    "soldat soldad ministr ministe ministé minist interior mvd fsb kgb stasi mukhabarat "
    "irgc basij sepah prosecut procureur fiscalia procurador regime regimen government "
    "gouvernement gobierno governo governor gouverneur gobernador governador authorities "
    "autorites autoridades prefect prefet prefeit intelligence renseignement inteligen "
    "полиц милиц гвард росгвард арми военн министер министр мвд фсб кгб спецслужб разведк "
    "прокур власт правительств губернат силовик правоохранит ополчен партийн партком"
)
STATE_PARTS = (
    _words(
        "شرطة مخابرات استخبارات حرس جيش عسكر ميليشي مليشي وزارة وزير سلطات حكومة حزب أمن نيابة "
        "مباحث"
    )
    + ("公安", "警察", "警方", "国安", "安全部门", "安全机关", "情报", "军方", "部队", "军队")
    + (
        "民兵",
        "政府",
        "当局",
        "党委",
        "执政党",
        "政权",
        "内政部",
        "检察",
        "有关部门",
        "国家安全",
        "武警",
        "卫队",
        "安全局",
        "国保",
    )
)
# Several words naming one ("security service", "forces de l'ordre", "служба безопасности",
# "armed group"): beginnings of consecutive words.
STATE_PHRASES = tuple(
    _words(p)
    for p in (
        "security servic",
        "security forc",
        "security agenc",
        "security apparat",
        "security organ",
        "state security",
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
        "servicio segur",
        "fuerza segur",
        "fuerza orden",
        "grupo armad",
        "servico segur",
        "forca segur",
        "forca ordem",
        "служб безопасн",
        "орган безопасн",
        "силов структур",
        "вооруж групп",
        "вооруж формир",
        "правящ парти",
    )
)
# Words left out when reading several words as one name ("forces de l'ordre").
ARTICLES = frozenset(_words("the of de des du d l la le les del da do das dos"))
# Arabic parts after the prefixes a word may carry ("للشرطة", "والمخابرات", "بالأمن"): not
# inside another word ("الثامن", eighth, holds "امن").
_ARABIC_STATE_RE = re.compile(
    "^[وفبلك]?(?:ال|لل)?(?:"
    + "|".join(p for p in STATE_PARTS if "\u0600" <= p[:1] <= "\u06ff")
    + ")"
)
# A party that is no state's: "third party", "the parties to this contract".
PARTY_WORDS = frozenset(_words("party parti partido"))
NO_STATE_PARTY_BEFORE = frozenset(
    _words(
        "third other any both either contracting each relying interested responsible "
        "tiers tierce autre tercero tercera otra terceiro terceira outra"
    )
)
# Whom a handing-on act may be to when a pronoun stands for it ("hand them over to them"):
# the state body is then named elsewhere in the text.
TO_WORDS = frozenset(_words("to with à au aux avec a al con para ao aos com к إلى لدى"))
PRONOUNS = frozenset(_words("them him her eux lui leur ellos ellas eles elas им ним ней ему"))
ZH_PRONOUNS = ("他们", "对方", "其")
ARABIC_PRONOUNS = frozenset(_words("لهم إليهم اليهم لهن"))


def hands_on_to_state(text: _Text) -> bool:
    """Whether a sentence hands on or lets read what is kept (``HANDING_WORDS``) and names
    a state body (``STATE_STARTS``): before or after the act, the act in either voice
    ("will be made available to the Interior Ministry", "the Guard Corps receives a copy",
    "ويسلمها إلى المخابرات", "отдавать в Росгвардию"), or hands it on to a pronoun standing
    for a state body the text names elsewhere ("… hand them over to them")."""
    toks = text.toks
    sentences: dict[int, list[str]] = {}
    for t in toks:
        sentences.setdefault(t[3], []).append(bare_word(t[0]))
    state = {n for n, words in sentences.items() if _names_state(words)}
    for n, words in sentences.items():
        handing = [i for i, w in enumerate(words) if _hands_on(w)]
        if not handing:
            if _zh(words) and any(h in "".join(words) for h in HANDING_PARTS):
                handing = [0]
            else:
                continue
        if n in state:
            return True
        if state and any(_to_pronoun(words, i) for i in handing):
            return True
    return False


def _zh(words: list[str]) -> bool:
    return any("\u3400" <= w[:1] <= "\u9fff" for w in words)


def _hands_on(word: str) -> bool:
    return (
        word in HANDING_WORDS
        or word.startswith(HANDING_STARTS)
        or ("\u0600" <= word[:1] <= "\u06ff" and any(h in word for h in HANDING_PARTS))
    )


def _names_state(words: list[str]) -> bool:
    if _zh(words) and any(p in "".join(words) for p in STATE_PARTS):
        return True
    for i, word in enumerate(words):
        if word.startswith("guardia") and i and words[i - 1] == "de":
            continue  # "el técnico de guardia": on call
        if word.startswith(STATE_STARTS) or _ARABIC_STATE_RE.match(word):
            return True
        if word in PARTY_WORDS and (i == 0 or words[i - 1] not in NO_STATE_PARTY_BEFORE):
            return True
    content = [w for w in words if w not in ARTICLES]
    return any(
        all(w.startswith(p) for w, p in zip(content[i:], phrase, strict=False))
        and len(content) - i >= len(phrase)
        for i in range(len(content))
        for phrase in STATE_PHRASES
    )


def _to_pronoun(words: list[str], i: int) -> bool:
    """Whether the few words after a handing-on act give it to a pronoun ("to them")."""
    after = words[i + 1 : i + 6]
    if _zh(words):
        return any(p in "".join(words[i:]) for p in ZH_PRONOUNS)
    if any(w in ARABIC_PRONOUNS for w in after):
        return True
    return any(w in TO_WORDS and nxt in PRONOUNS for w, nxt in zip(after, after[1:], strict=False))


# A protected group named in another sentence than the match is whose the kept things are
# when its sentence names them or an act on them ("Opposition activists' traffic is stored
# separately", "numbers of protest organisers are highlighted"); one that only gets a
# discount ("Journalists get 20% off the plan") is a customer. Word beginnings compared
# without accents (Arabic and Chinese: parts of the word).
KEPT_STARTS = _words(
    "call communic messag traffic connect record number data metadat log sms email "
    "conversation location phone line contact flag highlight marked stor review watch monitor "
    "track list separat intercept "
    "appel communicat trafic connexion enregistr numero donnee ligne telephon localis "
    "signal marqu surveill stock separ conserv "
    "llamad comunicac mensaj trafico conexion registr dato conversac linea ubicac señal "
    "vigil almacen grab chamad trafego conex registo dado conversa linha localiz sinaliz "
    "armazen grav "
    "звонк вызов переговор сообщени трафик соединени подключени запис номер данн телефон "
    "местоположен переписк помеча отмеча выделя хран отслежив отдельн прослуш"
)
KEPT_PARTS = _words(
    "مكالم اتصال رسائل حركة سجل أرقام رقم بيانات هاتف هواتف موقع تمييز تخزين مراقب"
) + (
    "通话",
    "电话",
    "短信",
    "通信",
    "流量",
    "记录",
    "号码",
    "数据",
    "连接",
    "位置",
    "话单",
    "标记",
    "存储",
    "单独",
    "监控",
)


def groups_kept(
    text: _Text, span: tuple[int, int], protected: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The protected groups near a match (``protected``) whose communications or records
    the text keeps: in the match's sentence, or in a sentence naming calls, traffic,
    records, numbers or an act on them (``KEPT_STARTS``)."""
    toks = text.toks
    sentence = toks[span[0]][3]
    kept: list[tuple[int, int]] = []
    for lo, hi in protected:
        n = toks[lo][3]
        words = [bare_word(t[0]) for t in toks if t[3] == n]
        said = "".join(words) if _zh(words) else " ".join(words)
        if (
            n == sentence
            or any(w.startswith(KEPT_STARTS) for w in words)
            or any(p in said for p in KEPT_PARTS)
        ):
            kept.append((lo, hi))
    return kept
