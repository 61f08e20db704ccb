"""The kinds of benign entries the reader treats apart (``benign_scope.bears_on``), by
the beginning of their source: oversight, measures, things other than a protected group,
calls a contact centre holds, a company's own mail, billing, a thing held."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .languages import bare_word
from .lexicon import LexiconEntry
from .safeguards import CONJUNCTIONS

if TYPE_CHECKING:
    from .reader import _Text

# Benign entries of a kind the reader treats apart, by the beginning of their source:
# an overseer ("audited by the data-protection authority") bears on the act across the
# clauses after it; a machine's state measured ("using uptime checks") says what the act
# is done to (servers, not people) when the act's object stands before the means word.
# Animals, vehicles, lost devices, a site's visitors, patients in care, a service's price,
# faults on a line and emergency calls are something other than a protected group: said
# beside a match naming one ("locate protesters' phones, with the families' consent",
# "block the opposition websites in case of faults", "track the protesters' phones for the
# emergency services") they change nothing of whom the act is done to; beside a service or
# a region cut off, only inside the match ("cut the internet cost", not "cut the internet
# in the province … in case of faults").
# Words that read as an act together with what it is done to, when that is no person: a
# trade ("investigative journalists", "调查记者") or a machine ("network monitoring",
# "مراقبة الشبكة"). They cancel only a match whose act is one of their words and which ends
# inside them: the people named stand in them, or before them as the buyer ("the mosque
# buys Wi-Fi with network monitoring"); never an act beside them ("track investigative
# journalists") nor people after them ("monitor the network of mosques").
# A group's own affairs (its members' dues, the accreditation of the press at a press
# conference): a purpose naming one is done for the group ("工会会员名单用于从工资中扣除
# 会费"), not a pretext for an act on it.
ROUND_17_OTHER = ("suspicious transfers", "who is where")
KIND_SOURCES = {
    # A union's dues and payroll bound acts on its own members only (``union_own``).
    "Benign context (anchors): trade-union membership": "union's own",
    "Benign context (anchors): press accreditation": "group's own",
    "Benign context (names)": "own object",
    # A thing whose name holds a word the lexicon reads ("cámara frigorífica": a cold room,
    # not a camera) cancels only a match that ends on that word (``benign_scope.bears_on``).
    "Benign context (things)": "thing named",
    # An idiom holding a word the lexicon reads as an act ("sans arrêt": nonstop, "خارج
    # الموقع": off-site, "удалённая площадка": a remote site) cancels a match that ends or
    # starts on it, whatever group the match names: the word is no act there.
    "Benign context (idioms)": "idiom",
    # A channel a system sends its own messages by ("alertes SMS", "SMS reminders") cancels a
    # match ending on its word as a thing named does, unless the match's act is written
    # right before it ("intercept the SMS alerts"): then the channel is what it is done to.
    "Benign context (channels)": "channel",
    "Benign context (objects)": "own object",
    "Benign context (oversight)": "oversight",
    "Benign context (measures)": "measure",
    **dict.fromkeys(
        (
            "Benign context (kinds): animals",
            "Benign context (kinds): public transport",
            "Benign context (kinds): lost or stolen devices",
            "Benign context (kinds): web analytics",
            "Benign context (kinds): care of residents",
            "Benign context (kinds): the price of a service",
            "Benign context (kinds): faults located",
            "Benign context: emergency calls",
            # a bank's suspicious transfers, an evacuation roll call: never of protesters
            *(f"Benign context (round 17 wording): {w}" for w in ROUND_17_OTHER),
        ),
        "other",
    ),
    # A union's agreement to a safety system bounds acts on other workers only
    # (``benign_scope.bears_on``): not on union members, strikers or any protected group.
    "Benign context (round 17 wording): something agreed with the workers' union": "agreed",
    # Calls a contact centre holds or queues bound only the interception of calls, in a text
    # naming no police or security service: people sorted by the language they speak are
    # profiled whichever queue their calls go to.
    "Benign context: calls a contact centre": "calls",
    # Where the act is done (the office network, staff laptops), not whom to
    # (``benign_scope.bears_on``): "track the protesters' phones on the office network" is
    # still done to protesters; "block social media on the office network" is the employer's.
    "Benign context: an employer's acceptable-use web filter": "workplace",
    "Benign context beside the families: an employer's or a school's own computers": "workplace",
    # A company's data loss prevention bounds only the interception of its own mail.
    "Benign context: a company's data loss prevention": "own mail",
    # Billing bounds the keeping of call records only (``act_scope.billed_records``); a
    # thing held only the act it is the object of (``own_object.act_on_thing_held``).
    "Benign context (kinds): call records billed": "billing",
    "Benign context (kinds): a thing held": "thing held",
    # A bank's or a broker's compliance recording is of its traders' calls, never of
    # journalists' or activists' ("record the journalists' calls as a compliance
    # requirement"); otherwise plain benign context, bounded by whom it goes to.
    "Benign context (anchors): a bank's compliance recording": "compliance",
    "Benign context (round 17 wording): a broker's trading desk": "compliance",
    # An NGO, a parish or a union wanting something for its own people, bounded by whom
    # it goes to (``benign_scope.bears_on``): not a worshippers' list shared with the police.
    "Benign context (kinds): an NGO, a parish or a union that wants something": "own people",
}


def span_kind(entry: LexiconEntry) -> str | None:
    """The kind of a benign entry ("oversight", "measure"; ``KIND_SOURCES``), or None."""
    for start, kind in KIND_SOURCES.items():
        if entry.source.startswith(start):
            return kind
    return None


# Benign context that tells what a security service named beside it is there for, as the
# subject of a film, an exhibition or an archive (a museum of the former secret police), an
# interior ministry's fire and rescue service, a financial intelligence unit's suspicious
# transactions, devices protected against spies. Any other benign context beside a named
# service says what is bought or how it is delivered, not who buys it: "the cargo goes to
# the Mukhabarat's headquarters", "an exploit lab (vulnerabilities) for the State Security
# Committee" (``benign_scope.bears_on``). Inside the match it still gives the words another
# meaning ("threat intelligence", "the stadium's security service").
SERVICE_TOLD_SOURCES = (
    "Benign context (anchors): songs, films, exhibitions and archives about",
    "Benign context (round 41 wording): a museum's permanent or temporary exhibition",
    "Benign context (round 16 wording): a fire, rescue or civil-protection",
    "Benign context (round 17 wording): suspicious transfers",
    "Benign context (kinds): minority shareholders, anti-money-laundering",
    "Benign context (widened): devices of journalists or staff protected",
)


def tells_service(entry: LexiconEntry) -> bool:
    """Whether a benign entry may cancel a security service named beside it
    (``SERVICE_TOLD_SOURCES``)."""
    return entry.source.startswith(SERVICE_TOLD_SOURCES)


# A channel named ("alertes SMS", "SMS-оповещения") whose first word stands this close after
# the match's first word is the object of its act, not a channel beside it.
CHANNEL_OBJECT_REACH = 2


def thing_bears(
    kind: str, span: tuple[int, int], lo: int, hi: int, targets: list[tuple[int, int]]
) -> bool:
    """Whether a thing or a channel named at ``lo``–``hi`` cancels a match over ``span``: the
    match ends on it ("cámara frigorífica"), its group inside it too ("chemins critiques"),
    not "solo donde viven kurdos: cámara frigorífica"; and a channel is not what the act
    is done to ("intercepter les alertes SMS du syndicat"). A thing also cancels a match
    that starts inside it ("Ministry of Transport and Communications (…): four fixed
    monitoring stations": the ministry's name, not communications monitored). An idiom
    cancels a match that ends or starts in it ("militants … sans arrêt")."""
    if kind == "idiom":
        return lo <= span[1] <= hi or lo <= span[0] <= hi
    inside = all(lo <= t[0] and t[1] <= hi for t in targets)
    ends_on = span[0] <= lo <= span[1] <= hi and inside
    if ends_on and (kind != "channel" or lo - span[0] > CHANNEL_OBJECT_REACH):
        return True
    return kind == "thing named" and lo <= span[0] <= hi < span[1] and inside


# A list's separators: a comma (Latin, Arabic, Chinese), the Chinese enumeration comma. An
# item is listed beside the group when the group follows its last separator within a few
# words, none of them opening a purpose, a relative clause or a new verb ("block phishing and
# malware, so the journalists …", "спам, который заваливал ящик активистов", "attacks, DDoS
# and phishing aimed at the activists' websites", "…, and leave the protesters' videos").
_LIST_BREAK_RE = re.compile("[,\u060c\uff0c\u3001]")
_ZH_AND = frozenset("和及与")
LISTED_REACH = 8
NOT_A_LIST_WORDS = frozenset(
    (
        "so that which who whose to for against leave keep let but while "
        "afin pour qui dont contre mais tandis para que cual quien contra pero mientras "
        "qual quem mas enquanto чтобы против но пока حتى لكي كي الذي التي الذين ضد لكن بينما"
    ).split()
)
NOT_A_LIST_STARTS = tuple(
    "aimed targeting visant laiss dirigid dejar deixar котор направлен оставить оставля "
    "تستهدف يستهدف".split()
)
ZH_NOT_A_LIST = ("让", "以便", "使", "针对", "但", "保留", "不要")


def names_something_else(
    text: _Text,
    span: tuple[int, int],
    lo: int,
    hi: int,
    targets: list[tuple[int, int]],
    item: bool = True,
) -> bool:
    """Whether benign context at ``lo``–``hi`` names something other than the protected
    groups (``targets``) a match over ``span`` acts on: it stands before the match, or
    reaches only its first word ("bot protection to block opposition sites" reads "bot …
    block"), or it is an item listed before the group inside the match ("block phishing,
    spam and the opposition's bulk SMS": the act is done to each item of its list), when it
    may be an ``item`` (a warrant is a bound: "calls … under a court order, journalists
    excluded")."""
    if hi < span[0] or (
        lo < span[0]
        and hi == span[0]
        and not any(lo <= t_hi and t_lo <= hi for t_lo, t_hi in targets)
    ):
        return True
    first = min(t[0] for t in targets)
    if not item or not span[0] < lo <= hi < first:
        return False
    toks, raw = text.toks, text.raw
    last = None  # the token after the last separator between the item and the group
    for k in range(hi + 1, first + 1):
        word = toks[k][0]
        if _LIST_BREAK_RE.search(raw, toks[k - 1][2], toks[k][1]):
            last = k
        if bare_word(word) in CONJUNCTIONS or word in _ZH_AND:
            last = k + 1
    if last is None or first - last > LISTED_REACH:
        return False
    between = toks[last:first]
    if any("\u3400" <= t[0][:1] <= "\u9fff" for t in between):
        return not any(z in "".join(t[0] for t in between) for z in ZH_NOT_A_LIST)
    words = [bare_word(t[0]) for t in between]
    return not any(w in NOT_A_LIST_WORDS or w.startswith(NOT_A_LIST_STARTS) for w in words)
