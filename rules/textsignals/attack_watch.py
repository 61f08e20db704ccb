"""Everyone's traffic watched for attacks on the network: the one bulk watch an operator
keeps for itself, and what turns it into something else.

What must always be true: a heading ("DDoS protection: …") or a purpose ("… for DDoS
attacks") clears only the watch itself: everyone's traffic looked at, in any of the seven
languages alike, and so does keeping it up to about three months, its figure read with its
unit ("… et le conserver 30 jours", "保存30天"; not "for 1000 days"). Keeping it longer
("… and keep it for five years", "Retention: 10 years" on a line of its own), naming the
people behind it ("… and identify the users behind it") or a state body it goes to or is kept for
("… for the Guard Corps", "the Guard Corps reviews it daily") is not the watch.
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
    "keep": ("保存", "存储", "保留", "留存", "存档", "并"),
}
JOINING_WORDS = frozenset("and et y e и".split())
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


HEADING_WORDS = 4  # words of a heading before its colon: "DDoS protection:", "Защита от DDoS-атак:"
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
        elif w.startswith(KEEP_STARTS) or any(k in w for k in KEEP_PARTS):
            kinds.add("keep")  # "tout le trafic … et le conserver": bounded by its duration
        elif w in JOINING_WORDS:
            continue
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
    if kinds is None or "traffic" not in kinds or not kinds & {"watch", "keep"}:
        return False
    if "keep" in kinds and not _kept_briefly(text, span):
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
# Short keeping is up to about three months (92 days), whatever the unit and language: "for
# 30 days", "pendant un mois", "30 дней", "保存30天", "لمدة 30 يوما"; "1000 days", "520 weeks",
# "10 years" are not. A unit with no figure ("for a few days") is short.
SHORT_DAYS = 92
UNIT_DAYS = (
    (tuple("hour heure hora час".split()), ("ساع", "小时"), 1 / 24),
    (tuple("day jour dia дн сут".split()), ("يوم", "ايام", "أيام", "天", "日"), 1),
    (tuple("week semaine semana недел".split()), ("اسبوع", "أسبوع", "周", "星期"), 7),
    (tuple("month mois mes месяц".split()), ("شهر", "اشهر", "أشهر", "月"), 31),
)
SHORT_STARTS = tuple(s for starts, _parts, _days in UNIT_DAYS for s in starts)
SHORT_PARTS = tuple(p for _starts, parts, _days in UNIT_DAYS for p in parts)
NUMBER_WORDS = {
    **dict.fromkeys("a an one un une uno una um uma один одну".split(), 1),
    **dict.fromkeys("two deux dos dois duas два две".split(), 2),
    **dict.fromkeys("three trois tres três три".split(), 3),
    **dict.fromkeys("seven sept siete sete семь".split(), 7),
    **dict.fromkeys("ten dix diez dez десять".split(), 10),
    **dict.fromkeys("fourteen quatorze catorce quatorze четырнадцать".split(), 14),
    **dict.fromkeys("thirty trente treinta trinta тридцать".split(), 30),
    **dict.fromkeys("sixty soixante sesenta sessenta шестьдесят".split(), 60),
    **dict.fromkeys("ninety nonante noventa девяносто".split(), 90),
}
ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
ZH_SPAN_RE = re.compile(r"([0-9零一二三四五六七八九十两百千万]+)个?(小时|天|日|周|星期|月)")
# Naming the people behind the traffic ("identify the users behind it", "identificar a los
# usuarios") is more than the watch; the attacking addresses are its own.
IDENTIFY_STARTS = tuple(
    "identif unmask deanonym attribut desenmascar desmascar демаскир идентифи "
    "tie link resolv savoir установ".split()
)
# Naming infected subscribers to warn them ("identify the infected subscribers to notify
# them") is the watch's own care for them, not unmasking them.
WARNED_STARTS = tuple(
    "infect compromis notif warn alert avert prevenir aviser заражен уведом оповещ".split()
)
IDENTIFY_PARTS = ("هوي", "识别", "查明", "身份")
PEOPLE_STARTS = tuple(
    "user usager utilisateur usuari utilizador subscrib abonne abonad assinant person "
    "people gens gente pessoa behind derriere detras tras atras пользовател абонент лиц "
    "человек люд личност".split()
)
PEOPLE_PARTS = ("مستخدم", "مشترك", "أشخاص", "اشخاص", "用户", "身份", "人")
ZH_PEOPLE = ("用户", "人员", "幕后", "个人", "订户", "身份")
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
    elif following is not None and bare_word(toks[following][0]).startswith(KEEP_STARTS):
        sentences.add(toks[following][3])  # "….\nKeep it indefinitely.", "Retention: 10 years"
    after = [t for t in toks[end + 1 :] if t[3] in sentences]
    words = [bare_word(t[0]) for t in after]
    if words and "\u3400" <= words[0][:1] <= "\u9fff":
        chars = "".join(words)
        kept = any(k in chars for k in KEEP_PARTS) and not short_duration(text.raw[toks[end][2] :])
        named = any(i in chars for i in IDENTIFY_PARTS[1:]) and any(p in chars for p in ZH_PEOPLE)
        return (kept or named) and not any(n in chars for n in ("不", "无", "没有"))
    for i, w in enumerate(words):
        if any(n in NEGATIONS for n in words[max(0, i - 3) : i]):
            continue
        following = words[i + 1 : i + 1 + BEYOND_REACH]
        if w.startswith(KEEP_STARTS) or any(k in w for k in KEEP_PARTS):
            if not short_duration(text.raw[after[i][2] :]):
                return True
        if w.startswith(IDENTIFY_STARTS) or any(p in w for p in IDENTIFY_PARTS):
            if any(
                f.startswith(PEOPLE_STARTS) or any(p in f for p in PEOPLE_PARTS) for f in following
            ) and not any(f.startswith(WARNED_STARTS) for f in words[i + 1 :]):
                return True
    return False


def _unit_days(word: str) -> float | None:
    for starts, parts, days in UNIT_DAYS:
        if word.startswith(starts) or any(p in word for p in parts):
            return days
    return None


def _zh_number(figure: str) -> int:
    if figure.isdigit():
        return int(figure)
    if any(c in figure for c in "百千万"):
        return 10**6
    if "十" in figure:
        tens, _ten, units = figure.partition("十")
        return ZH_DIGITS.get(tens, 1) * 10 + ZH_DIGITS.get(units, 0)
    return ZH_DIGITS.get(figure, 10**6)


_SENTENCE_END_RE = re.compile("[.!?;\n\u3002\uff01\uff1f\uff1b]")
_FIGURE_WORD_RE = re.compile(r"\w+")


def short_duration(raw: str) -> bool:
    """Whether the text ``raw`` (what follows a keeping word) gives, before its sentence
    ends, a duration of at most about three months (``SHORT_DAYS``): the figure is read
    with its unit ("1000 days" is not short), a unit with no figure is one of it."""
    raw = _SENTENCE_END_RE.split(raw.lower(), maxsplit=1)[0]
    found = ZH_SPAN_RE.search(raw)
    if found:
        unit = {"小时": 1 / 24, "天": 1, "日": 1, "周": 7, "星期": 7, "月": 31}[found.group(2)]
        return _zh_number(found.group(1)) * unit <= SHORT_DAYS
    words = [bare_word(w) for w in _FIGURE_WORD_RE.findall(raw)[: BEYOND_REACH + 1]]
    for i, w in enumerate(words):
        days = _unit_days(w)
        if days is None or "\u3400" <= w[:1] <= "\u9fff":
            continue
        before = words[i - 1] if i else ""
        figure = int(before) if before.isdigit() else NUMBER_WORDS.get(before, 1)
        return figure * days <= SHORT_DAYS
    return False


def _kept_briefly(text: _Text, span: tuple[int, int]) -> bool:
    """Whether a match that keeps everyone's traffic ("tout le trafic des abonnés et le
    conserver") goes on to keep it only briefly ("… 30 jours")."""
    return short_duration(text.raw[text.toks[span[1]][2] :])
