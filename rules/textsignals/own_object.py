"""Benign context naming an act with its own object: a trade ("investigative journalists")
or a machine ("network monitoring") whose first word reads as an act.

What must always be true: such context cancels only the act read inside it, for the
people who are the trade's or for a building that buys the machine (a mosque, a school);
people of a protected group named before it ("journalists get network monitoring"),
between its words or after it are what the act is done to.
"""

from __future__ import annotations

import re
from itertools import islice, takewhile
from typing import TYPE_CHECKING

from .act_scope import HELD_STARTS, object_end
from .benign_scope import COORDINATIONS, on_protected_group
from .languages import bare_word, script_of

if TYPE_CHECKING:
    from .reader import _Text

# Buildings that buy a network with its own monitoring: a customer, not people watched.
# Word beginnings compared without accents (Arabic and Chinese: parts of the word).
BUYER_STARTS = tuple(
    "mosque church temple synagog school hotel hospital "
    "mosquee eglise synagogue ecole lycee "
    "mezquit iglesia templo sinagog escuela colegio hospital "
    "mesquit igreja escola "
    "мечет церк храм синагог школ гостиниц отел больниц".split()
)
BUYER_PARTS = ("مسجد", "مساجد", "كنيس", "معبد", "مدرس", "فندق", "مستشفى") + (
    "寺",
    "庙",
    "教堂",
    "学校",
    "酒店",
    "宾馆",
    "医院",
)


def act_in_own_object(
    text: _Text,
    benign: list[tuple[int, int]],
    span: tuple[int, int],
    act: int,
    protected: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> bool:
    """Whether the act a match read (at ``act``) is a word of benign context naming the
    act with its own object ("investigative" in "investigative journalists", "monitoring"
    in "network monitoring"): a trade or a machine, not something done to the people the
    match names. The match ends where that context ends (the people are the trade's) or
    starts before it (the customer: "the mosque buys Wi-Fi with network monitoring"); a
    person written between its words ("count the worshippers' connected devices") or after
    them ("monitor the network of mosques") is what the act is done to. People of a
    protected group named in the match before it are what the act is done to, whatever
    the words say they get ("journalists get network monitoring", "记者的流量监控"); only a
    building that buys (``BUYER_STARTS``: a mosque, a church, a school) is a customer."""
    kinds = text.kinds
    start, end = span
    return any(
        lo <= act <= hi
        and (end in (hi, counted) or (start < lo and end <= hi))
        and kinds.get((lo, hi)) == "own object"
        and all(
            lo <= p_lo and p_hi <= counted
            for p_lo, p_hi in on_protected_group(text, span, protected)
            if not _names_buyer(text, p_lo, p_hi)
        )
        for lo, hi in benign
        for counted in (_counted_after(text, lo, hi),)
    )


_COUNT_REACH = 3  # words that count a trade's people: "(12 periodistas)", ", unos 40 periodistas"
_ZH_COUNT_REACH = 6  # characters of a Chinese count: "大约40名记者"
_ZH_HEAD_REACH = 2  # characters naming the trade's outlet between it and its count: "媒体"
_COUNT_END_RE = re.compile(r"[,;:.!?()\[\]，。；：！？（）、]")


def _counted_after(text: _Text, lo: int, hi: int) -> int:
    """The last word of a short count of the trade's own people right after the words from
    ``lo`` to ``hi``, in brackets ("periodismo de investigación (12 periodistas)") or, for
    the press counting its journalists, after a comma ("periodismo de investigación, unos 40
    periodistas", "调查报道媒体，大约40名记者"), or ``hi``. A count has a number and a few
    words: the people it counts are the trade's, not what an act is done to. After a comma
    anyone else counted ("network monitoring, 200 activists", "investigative reporting, 40
    activists") is what the act is done to."""
    toks, raw = text.toks, text.raw
    at = hi
    if "\u3400" <= toks[hi][0][:1] <= "\u9fff":
        # The outlet the trade names in Chinese ("调查报道媒体") stands before its count.
        while (
            at + 1 < len(toks)
            and at - hi < _ZH_HEAD_REACH
            and toks[at + 1][1] == toks[at][2]
            and toks[at + 1][3] == toks[hi][3]
        ):
            at += 1
    opened = raw[toks[at][2] :].lstrip()
    if opened.startswith("("):
        inside = opened[1 : opened.find(")")] if ")" in opened else ""
        words = inside.split()
        if not words or len(words) > _COUNT_REACH or not words[0].isdigit():
            return hi
        close = raw.find(")", toks[at][2])
    elif opened[:1] in (",", "，"):
        start = raw.index(opened[0], toks[at][2]) + 1
        found = _COUNT_END_RE.search(raw, start)
        close = found.start() if found else len(raw)
        count = raw[start:close]
        zh = "\u3400" <= count.strip()[:1] <= "\u9fff"
        after = islice(toks, at + 1, None)
        words = [t for t in takewhile(lambda t: t[2] <= close, after) if t[1] >= start]
        reach = _ZH_COUNT_REACH if zh else _COUNT_REACH
        if not any(ch.isdigit() for ch in count) or not words or len(words) > reach:
            return hi
        if not _press(toks[lo : at + 1], PRESS_STARTS) or not _press(words, JOURNALIST_STARTS):
            return hi
    else:
        return hi
    last = at
    while last + 1 < len(toks) and toks[last + 1][2] <= close:
        last += 1
    return last


# The press and its journalists (word beginnings without accents; Arabic and Chinese: parts).
JOURNALIST_STARTS = tuple(
    "journalist reporter periodist jornalist journaliste журналист репортер صحفي صحافي مراسل 记者".split()
)
PRESS_STARTS = (
    *JOURNALIST_STARTS,
    *"journalism periodismo jornalismo журналистик صحاف 报道 新闻".split(),
)


def _press(toks: list, starts: tuple[str, ...]) -> bool:
    """Whether the words name the press or journalists: a word beginning with one of
    ``starts``, or holding one in Arabic or Chinese (written onto other letters)."""
    words = [bare_word(t[0]) for t in toks]
    joined = "".join(words)
    return any(w.startswith(starts) for w in words) or any(
        part in joined for part in starts if script_of(part) in ("arabic", "han")
    )


def _names_buyer(text: _Text, lo: int, hi: int) -> bool:
    """Whether the words from ``lo`` to ``hi`` name a building that buys (a mosque, a
    temple, a church, a school, a hotel), not people."""
    words = [bare_word(t[0]) for t in text.toks[lo : hi + 1]]
    if "\u3400" <= words[0][:1] <= "\u9fff":
        return any(b in "".join(words) for b in BUYER_PARTS)
    return any(w.startswith(BUYER_STARTS) or any(b in w for b in BUYER_PARTS) for w in words)


# Words that may stand between "détenir"/"deter" and the thing it holds ("détient une
# licence", "detém os direitos", "détient 30 % des parts": numbers are no words).
DETERMINERS = frozenset(
    "un une des les le la l d de du ses sa son leur leurs nos notre ce cette ces plusieurs "
    "um uma uns umas o a os as do da dos das seu sua seus suas nossa nosso este esta".split()
)
HELD_REACH = 3  # words from the act to the thing it holds
# People said to be arrested or jailed beside the thing held (with ``HELD_STARTS``).
ARRESTED_STARTS = tuple("arrete emprisonn arrest presa".split())


def act_on_thing_held(
    text: _Text, benign: list[tuple[int, int]], span: tuple[int, int], act: int, category: str
) -> bool:
    """Whether a detention act is followed, past a determiner or two, by a thing held (a
    licence, rights, shares: French "détenir", Portuguese "deter" also mean to own): "détient
    une licence pour les journalistes" holds the licence, and the people named after it are
    whom it is for, unless the sentence holds them too (``_held_too``). An adverb or
    anything else before the thing ("détient arbitrairement des journalistes") leaves the
    act on them."""
    if category != "detention":
        return False
    kinds, toks = text.kinds, text.toks
    after = [bare_word(t[0]) for t in toks[span[0] : object_end(text, span) + 1]]
    if any(w.startswith(HELD_STARTS + ARRESTED_STARTS) for w in after):
        return False  # "détient les droits des journalistes arrêtés": they are held too
    for lo, _hi in benign:
        if kinds.get((lo, _hi)) != "thing held" or not act < lo <= act + HELD_REACH:
            continue
        if lo > span[1] + 1 or toks[lo][3] != toks[act][3]:
            continue
        between = [bare_word(t[0]) for t in toks[act + 1 : lo]]
        if all(w in DETERMINERS for w in between) and not _held_too(text, _hi, span[1]):
            return True  # not "détient des licences et des journalistes": both held
    return False


# After the thing held, in its sentence: a second object ("et des journalistes", "ainsi que
# les militants eux-mêmes", "e depois os jornalistas", "en plus des journalistes", "junto com
# os próprios jornalistas") or a place people are held in ("qu'elle garde en cellule", "au
# commissariat") says the people are held too. People the thing is for ("une licence pour
# les journalistes ainsi que pour les photographes") or whose it is ("as quotas dos
# jornalistas e dos fotógrafos") may be listed on.
ALSO_PARTS = (
    "ainsi que",
    "bem como",
    "assim como",
    "de même que",
    "tout comme",
    "en plus d",
    "outre",
    "junto com",
    "além d",
    "juntamente com",
    "as well as",
    "along with",
    "together with",
)
ALSO_WORDS = frozenset("puis ensuite depois seguida entao aussi tambem".split())
HELD_PLACE_STARTS = tuple(
    "cellul prison prisao carcer cadeia cachot custod detenc commissariat delegac comisari "
    "gendarmerie caserne cuartel quartel".split()
)
HELD_PLACE_PARTS = ("au poste", "garde à vue", "garde a vue")
FOR_WORDS = frozenset("pour para aux au for".split())
# The people themselves ("les militants eux-mêmes", "os próprios jornalistas").
THEMSELVES_PARTS = ("eux-mêmes", "elles-mêmes", "eux mêmes", "themselves")
THEMSELVES_WORDS = frozenset("proprios proprias propios propias".split())
# Whose a thing is, listed on with the same word ("des … et des …", "dos … e dos …").
OWNER_WORDS = frozenset("de des du d do da dos das of".split())


def _held_too(text: _Text, thing_end: int, match_end: int) -> bool:
    toks = text.toks
    sentence = toks[thing_end][3]
    inside = toks[thing_end + 1 : match_end + 1]
    rest = list(takewhile(lambda t: t[3] == sentence, toks[thing_end + 1 :]))
    if not rest:
        return False
    words = [bare_word(t[0]) for t in rest]
    said = text.raw[rest[0][1] : rest[-1][2]].lower()
    listed_on = rest if not any(bare_word(t[0]) in FOR_WORDS for t in inside) else inside
    owner = words[0] if words[0] in OWNER_WORDS else None
    return (
        any(t[0] in COORDINATIONS and not _lists_owner(t, owner, listed_on) for t in listed_on)
        or any(w in ALSO_WORDS or w.startswith(HELD_PLACE_STARTS) for w in words)
        or any(p in said for p in HELD_PLACE_PARTS + THEMSELVES_PARTS)
        or any(w in THEMSELVES_WORDS for w in words)
        or any(_also(said, p) for p in ALSO_PARTS)
    )


def _lists_owner(coordination: tuple, owner: str | None, listed_on: list) -> bool:
    """Whether a coordination after "the shares of the journalists" lists another owner
    with the same word ("… e dos fotógrafos"), not a second thing held."""
    at = listed_on.index(coordination)
    following = listed_on[at + 1 : at + 2]
    return owner is not None and bool(following) and bare_word(following[0][0]) == owner


def _also(said: str, part: str) -> bool:
    """Whether ``part`` ("ainsi que") adds a second object, not whom the thing is for
    ("ainsi que pour les photographes")."""
    for found in re.finditer(rf"(?<!\w){re.escape(part)}", said):
        following = said[found.end() :].split()
        if not following or bare_word(following[0].strip("'’")) not in FOR_WORDS | {"aos"}:
            return True
    return False
