"""Everyone's traffic watched for attacks on the network: the one bulk watch an operator
keeps for itself, and what turns it into something else.

What must always be true: a heading ("DDoS protection: …") or a purpose ("… for DDoS
attacks") clears only the watch itself: everyone's traffic looked at, in any of the seven
languages alike. Keeping it beyond the watch ("… and keep it for five years"), naming the
people behind it ("… and identify the users behind it") or a state body it goes to or is
kept for ("… for the Guard Corps", "the Guard Corps reviews it daily") is not the watch.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .act_scope import (
    CLAUSE_BREAK_RE,
    EVERY_PARTS,
    EVERY_STARTS,
    EVERYONE_PARTS,
    EVERYONE_STARTS,
    ZH_EVERY,
    names_recipient,
)
from .languages import bare_word
from .negation import NEGATIONS
from .recipient import hands_on_to_no_one

if TYPE_CHECKING:
    from .reader import _Text


# Everyone's traffic watched for attacks on the network (DDoS, botnets) is how an operator
# keeps its network up: it looks at volumes and flows, not at what anyone says. Only a match
# whose every word is a watching act, "all", the people a network serves or their traffic
# ("monitor all subscriber traffic") is bounded so: recording or copying it, or naming calls
# or messages, is still bulk interception. Word beginnings compared without accents (Arabic:
# parts of the word, whatever its clitics; Chinese: the characters, ``ZH_WATCH_WORDS``).
WATCH_STARTS = tuple(
    "monitor inspect analy watch surveil supervis vigil observ "
    "мониторинг монитор отслежив анализ наблюд проверя".split()
)
TRAFFIC_STARTS = tuple("traffic trafic trafego трафик".split())
FILLERS = frozenset(
    "the of s is are be being will de des du la le les l el lo del los las do da dos das o a "
    "os as est sont es son e sao".split()
)
AR_WATCH_PARTS = ("مراقب", "رصد", "تحليل", "فحص")
# Arabic traffic is "حركة المرور" (the movement of passage): "المرور" is the traffic word,
# "حركة" alone a movement.
AR_TRAFFIC_PARTS = ("المرور", "مرور")
AR_TRAFFIC_WORDS = frozenset(("حركه",))
ZH_WATCH_WORDS = {
    "watch": ("监控", "监测", "监视", "分析", "检测"),
    "traffic": ("流量",),
    "every": ZH_EVERY,
    "other": ("用户", "订户", "客户", "的", "对"),
}
ATTACK_PARTS = (
    "ddos",
    "dos attack",
    "denial of service",
    "denial-of-service",
    "botnet",
    "déni de service",
    "denegación de servicio",
    "negação de serviço",
    "ддос",
    "отказ в обслуживании",
    "ботнет",
)


HEADING_WORDS = 3  # words of a heading before its colon: "DDoS protection:", "Anti-DDoS:"
_COLON_RE = re.compile("[:\uff1a]")


def _attack_heading(text: _Text, span: tuple[int, int], lo: int, hi: int) -> bool:
    """Whether benign context from ``lo`` to ``hi`` is a short heading ending in a colon
    just before the match ("DDoS protection: monitor all subscriber traffic", "DDoS防护：
    监控…"): what the act after it is for."""
    toks, raw = text.toks, text.raw
    if hi >= span[0]:
        return False
    opening = next(
        (
            k
            for k in range(hi + 1, span[0] + 1)
            if _COLON_RE.search(raw, toks[k - 1][2], toks[k][1])
        ),
        None,
    )  # the first word after the heading's colon
    if opening is None:
        return False
    first = lo
    while first > 0 and toks[first - 1][3] == toks[lo][3]:
        first -= 1
    zh = "\u3400" <= toks[span[0]][0][:1] <= "\u9fff"
    most = HEADING_WORDS * 2 if zh else HEADING_WORDS
    return opening - first <= most and span[0] - opening <= (4 if zh else 2)  # "… : we monitor"


def _watch_kinds(words: list[str]) -> set[str] | None:
    """What the words of a match are (watch, traffic, every, other), or None when one of
    them is none of these: "monitor all subscriber traffic" is a watch; "record all …" or
    "… all calls" is not."""
    if words and "\u3400" <= words[0][:1] <= "\u9fff":
        chars, kinds = "".join(words), set()
        for kind, parts in ZH_WATCH_WORDS.items():
            for part in sorted(parts, key=len, reverse=True):
                if part in chars:
                    kinds.add(kind)
                    chars = chars.replace(part, "")
        return kinds if not chars else None
    kinds = set()
    for w in words:
        if w in FILLERS:
            continue
        if w.startswith(WATCH_STARTS) or any(p in w for p in AR_WATCH_PARTS):
            kinds.add("watch")
        elif w.startswith(TRAFFIC_STARTS) or any(p in w for p in AR_TRAFFIC_PARTS):
            kinds.add("traffic")
        elif w in AR_TRAFFIC_WORDS:
            continue
        elif w.startswith(EVERY_STARTS) or w in EVERY_PARTS:
            kinds.add("every")
        elif w.startswith(EVERYONE_STARTS) or any(p in w for p in EVERYONE_PARTS):
            kinds.add("other")
        else:
            return None
    return kinds


def watched_for_attacks(
    text: _Text, span: tuple[int, int], lo: int, hi: int, protected: list[tuple[int, int]]
) -> bool:
    """Whether a match on everyone's traffic is only watching it (``WATCH_STARTS``) and the
    benign context from ``lo`` to ``hi``, after it in its clause or a heading before it,
    names an attack on the network (``ATTACK_PARTS``), with no state body or handing on in
    the text (``names_recipient``, ``hands_on_to_no_one``), no protected group near the
    match (``protected``, in any sentence: "… Opposition activists' traffic is stored
    separately") and nothing done with it beyond the watch (``beyond_the_watch``)."""
    toks, raw = text.toks, text.raw
    if not _attack_heading(text, span, lo, hi) and (
        lo <= span[1] or CLAUSE_BREAK_RE.search(raw, toks[span[1]][2], toks[lo][1])
    ):
        return False
    if protected:
        return False  # a protected group named near it, in any sentence: whose traffic
    if not any(a in raw[toks[lo][1] : toks[hi][2]].lower() for a in ATTACK_PARTS):
        return False
    kinds = _watch_kinds([bare_word(t[0]) for t in toks[span[0] : span[1] + 1]])
    if kinds is None or not {"watch", "traffic"} <= kinds:
        return False
    return (
        not names_recipient(text)
        and not hands_on_to_no_one(text, span)
        and not beyond_the_watch(text, span[1])
    )


# Keeping what is watched ("… and keep it for five years", "y guardarlo", "并保存五年") is
# more than the watch, unless only for hours, days or weeks ("keep the logs for seven
# days"). Word beginnings compared without accents (Arabic, Chinese: parts of the word).
KEEP_STARTS = tuple(
    "keep kept store stori retain retent archiv "
    "conserv stock garder gard archiv "
    "guard almacen archiv "
    "armazen arquiv "
    "хран сохран архив".split()
)
KEEP_PARTS = (
    "تخزين",
    "حفظ",
    "احتفاظ",
    "يحتفظ",
    "نحتفظ",
    "أرشف",
    "保存",
    "存储",
    "保留",
    "留存",
    "存档",
)
SHORT_STARTS = tuple("hour day week heure jour semaine hora dia semana час дн сут недел".split())
SHORT_PARTS = ("ساع", "يوم", "ايام", "أيام", "اسبوع", "أسبوع", "小时", "天", "日", "周", "星期")
# Naming the people behind the traffic ("identify the users behind it", "identificar a los
# usuarios") is more than the watch; the attacking addresses are its own.
IDENTIFY_STARTS = tuple(
    "identif unmask deanonym attribut desenmascar desmascar демаскир идентифи".split()
)
IDENTIFY_PARTS = ("هوي", "识别", "查明", "身份")
PEOPLE_STARTS = tuple(
    "user usager utilisateur usuari utilizador subscrib abonne abonad assinant person "
    "people gens gente pessoa behind derriere detras tras atras пользовател абонент лиц "
    "человек люд".split()
)
PEOPLE_PARTS = ("مستخدم", "مشترك", "أشخاص", "اشخاص", "用户", "身份", "人")
BEYOND_REACH = 6  # words after a keeping or identifying word its duration or people stand in


def beyond_the_watch(text: _Text, end: int) -> bool:
    """Whether the words after a watch ending at ``end``, in its sentence or the one a
    semicolon joins, keep what it watched beyond a few days or name the people behind it, undenied."""
    toks = text.toks
    if end + 1 >= len(toks):
        return False
    sentences = {toks[end][3]}
    following = next((k for k in range(end + 1, len(toks)) if toks[k][3] != toks[end][3]), None)
    if following is not None and ";" in text.raw[toks[following - 1][2] : toks[following][1]]:
        sentences.add(toks[following][3])  # "…; keep the results for a year": one sentence
    after = [t for t in toks[end + 1 :] if t[3] in sentences]
    words = [bare_word(t[0]) for t in after]
    if words and "\u3400" <= words[0][:1] <= "\u9fff":
        chars = "".join(words)
        kept = any(k in chars for k in KEEP_PARTS) and not any(s in chars for s in SHORT_PARTS)
        named = any(i in chars for i in IDENTIFY_PARTS[1:3]) and "用户" in chars
        return (kept or named) and not any(n in chars for n in ("不", "无", "没有"))
    for i, w in enumerate(words):
        if any(n in NEGATIONS for n in words[max(0, i - 3) : i]):
            continue
        following = words[i + 1 : i + 1 + BEYOND_REACH]
        if w.startswith(KEEP_STARTS) or any(k in w for k in KEEP_PARTS):
            if not any(
                f.startswith(SHORT_STARTS) or any(s in f for s in SHORT_PARTS) for f in following
            ):
                return True
        if w.startswith(IDENTIFY_STARTS) or any(p in w for p in IDENTIFY_PARTS):
            if any(
                f.startswith(PEOPLE_STARTS) or any(p in f for p in PEOPLE_PARTS) for f in following
            ):
                return True
    return False
