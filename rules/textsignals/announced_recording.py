"""Calls recorded with the callers told: a contact centre's or a helpdesk's own recording.

What must always be true: a match that reads the recording of calls ("call recording",
"enregistrement des appels", "grabación de llamadas", "запись звонков", "تسجيل المكالمات",
"通话录音") reads no interception in a text that says the callers are told as the call
begins ("this call may be recorded for quality and training", "all parties are told at the
start and may refuse", "cet appel peut être enregistré", "всех участников предупреждают",
"本次通话可能会被录音"), when it names the company's own use (a contact centre, a helpdesk,
seats, a licence). A text naming a protected group ("record the calls of the journalists;
callers hear a message"), the public's calls ("every subscriber's calls"), suspects,
anything covert, calls in bulk or a state body anywhere ("… for the ministry") is read as
ever: the notice says the callers know, not whose calls may be recorded.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .act_scope import bulk, names_state_body
from .benign_scope import protected_target_parts
from .handing import memo
from .languages import bare_word, normalise, strip_accents
from .lexicon import CompiledLexicon
from .listed_devices import COVERT_STARTS
from .mass_scope import PUBLIC_PARTS, PUBLIC_STARTS
from .matching import part_spans

if TYPE_CHECKING:
    from .reader import _Text

# Acts that record (beginnings, accents dropped), and the calls recorded.
RECORDING_STARTS = tuple("record enregistr grab grav запис".split())
CALL_STARTS = tuple("call appel llamad chamad ligac звонк разговор".split())
AR_RECORDING, AR_CALLS = "تسجيل", "مكالم"  # inside a word: "والتسجيل", "المكالمات"
ZH_RECORDING = ("录音", "录制")
ZH_CALLS = ("通话", "电话")
# The notice callers hear, read on the text in lower case without accents or marks.
NOTICE_RE = re.compile(
    r"\b(?:this )?calls? (?:may|might|can) be recorded"
    r"|\b(?:parties|callers|participants) (?:are|will be) (?:told|informed|notified) at the "
    r"(?:start|beginning|outset)"
    r"|\bappels? (?:peut|peuvent|pourra) etre enregistre"
    r"|\b(?:parties|appelants|participants) (?:sont|seront) (?:informe|prevenu|averti)\w* "
    r"(?:au debut|des le debut|en debut)"
    r"|\bllamadas? (?:puede|pueden|podra) ser grabada"
    r"|\b(?:partes|participantes) (?:son|seran|estan) (?:informad|avisad)\w* al (?:inicio|comienzo)"
    r"|\b(?:ligacao|ligacoes|chamadas?) (?:pode|podem|podera) ser gravada"
    r"|\b(?:partes|participantes) (?:sao|serao|estao) (?:informad|avisad)\w* no (?:inicio|comeco)"
    r"|звонок может быть записан|разговор может быть записан"
    r"|(?:участников|звонящих) предупреждают в начале"
    r"|قد يتم تسجيل هذه المكالمه|قد يتم تسجيل المكالمه|يبلغ جميع الاطراف في البدايه"
    r"|通话可能会?被录音|各方在开始时都会被告知"
)
# A notice denied before it ("No caller is warned that calls may be recorded").
NOTICE_DENIED_RE = re.compile(
    r"(?:\b(?:no|not|never|nobody|none|nothing|ne|pas|jamais|personne|ningun|nadie|nunca|nao|"
    r"nenhum|никого|никто|не|لا|لم|لن)\b|不|没有|从不)[^.!?;]{0,30}$"
)

# The company's own calls: a contact centre's, a helpdesk's, its agents' seats or licence.
OWN_USE_PARTS = (
    *("contact cent", "call cent", "helpdesk", "help desk", "service desk", "customer service"),
    *("hotline", "switchboard", "seat", "licen", "interpret", "claims"),
    *("centre de contact", "centre d'appels", "service client", "standard", "postes"),
    *("sinistres", "centro de contacto", "contact center", "centro de llamadas"),
    *("atencion al cliente", "puestos", "siniestros", "mesa de ayuda", "servicio tecnico"),
    *("central de atendimento", "posicoes", "ramais", "контакт-центр", "колл-центр"),
    *("лицензи", "перевод", "مركز الاتصال", "خدمه العملاء", "مقعد"),
    *(
        "ترخيص",
        "الترجمه",
        "联络中心",
        "呼叫中心",
        "客服",
        "坐席",
        "座席",
        "许可",
        "口译",
    ),
)
OWN_USE_RE = re.compile("|".join(r"(?<!\w)" + re.escape(p) for p in OWN_USE_PARTS))
# People whose calls are watched, not served: suspects.
PEOPLE_WATCHED = tuple(
    "suspect sospech suspeit подозрева target cibl objetiv alvo vigilad watched целев "
    "investigat enquet наблюд".split()
)
WATCHED_PARTS = ("مشتبه", "مستهدف", "هواتف", "嫌疑", "目标", "手机")
# Devices in the field, not the company's lines: "the calls of the phones near the square".
PHONES = frozenset("phones telephones mobiles cellphones telefonos telefones телефонов".split())
# A network's calls, not the company's own: an operator's, a mobile network's, its towers'.
NETWORK_PARTS = (
    *("mobile network", "operator", "exchange", "tower", "reseau mobile", "operateur"),
    *("red movil", "operador", "rede movel", "сотов", "оператор", "شبكه الهاتف", "المشغل"),
    *("移动网络", "运营商", "基站"),
)
# Acts that take calls whatever the notice says ("Intercept and record calls").
TAKING_STARTS = tuple(
    "intercept wiretap eavesdrop tap listen spy ecout espion escuch espi escut grampe "
    "перехват прослуш اعتراض تنصت".split()
)
EVERY_WORDS = frozenset("all every tous toutes chaque todos todas cada все всех каждый".split())


def plain(text: str) -> str:
    """``text`` as the reader's words are (``normalise``: Arabic marks dropped, alef, yeh
    and teh marbuta folded), without Latin accents: "é" is "e", "المكالمة" is "المكالمه"."""
    return strip_accents(normalise(text))


def recording_announced(text: _Text, lexicon: CompiledLexicon, lo: int, hi: int) -> bool:
    """Whether the match from ``lo`` to ``hi`` reads the recording of the company's own
    calls, neither taken nor everyone's, in a text that says the callers are told
    (``_callers_told``)."""
    toks = text.toks
    words = [t[0] for t in toks[lo : hi + 1]]
    if len(words[0]) == 1 and "\u3400" <= words[0] <= "\u9fff":
        span = text.raw[toks[lo][1] : toks[hi][2]]
        if not (any(r in span for r in ZH_RECORDING) and any(c in span for c in ZH_CALLS)):
            return False
    else:
        bare = [bare_word(w) for w in words]
        if not (
            any(w.startswith(RECORDING_STARTS) or AR_RECORDING in w for w in bare)
            and any(w.startswith(CALL_STARTS) or AR_CALLS in w for w in bare)
        ):
            return False
    if any(w.startswith(TAKING_STARTS) or w in EVERY_WORDS for w in map(bare_word, words)):
        return False
    return not bulk(text, (lo, hi)) and _callers_told(text, lexicon)


def _callers_told(text: _Text, lexicon: CompiledLexicon) -> bool:
    """Whether the text says the callers are told, names the company's own use, and names
    no protected group, public, suspects, covert work or state body (once a text)."""
    found = memo(text)
    if "callers_told" not in found:
        said_plain = plain(text.raw)
        every = [bare_word(t[0]) for t in text.toks]
        said = "".join(every)
        notices = list(NOTICE_RE.finditer(said_plain))
        found["callers_told"] = (
            any(not NOTICE_DENIED_RE.search(said_plain[: m.start()]) for m in notices)
            and OWN_USE_RE.search(said_plain) is not None
            and not any(p in said_plain for p in NETWORK_PARTS)
            # Whose calls: the public's, suspects', covert or for a state body are read.
            and not any(w.startswith(PUBLIC_STARTS + COVERT_STARTS + PEOPLE_WATCHED) for w in every)
            and not any(p in said for p in PUBLIC_PARTS + WATCHED_PARTS)
            and not any(w in PHONES for w in every)
            and not names_state_body(text)
            and not any(part_spans(text, part) for part in protected_target_parts(lexicon))
        )
    return found["callers_told"]
