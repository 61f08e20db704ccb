"""Where benign context bears on a red flag read by the reader.

What must always be true: benign context ("malware", "a court warrant", "the warehouse")
cancels a match only when it names what the act is done to or how it is bounded: inside
the match ("block malware sites"), within ``BENIGN_REACH`` words of it, after it in its
own clause ("… only under a court order"), or in an earlier clause that frames the
sentence ("With a warrant signed by a judge for each number, …"). Listed beside the
target ("block opposition sites and malware") or naming something else further off in
the sentence ("the goods go to the Mukhabarat's headquarters"), it cancels nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .act_scope import (
    BENIGN_REACH,
    billed_records,
    bulk,
    claims_consent,
    issued_by_no_judge,
    names_recipient,
    names_state_body,
    on_people_held,
    overseen,
    warrant,
)
from .act_scope import CLAUSE_BREAK_RE as _CLAUSE_BREAK_RE
from .attack_watch import watched_for_attacks
from .benign_kinds import names_something_else, thing_bears
from .bound_reach import bound_after, group_acted_on_after, group_acted_on_before
from .cover_story import cover_story
from .entry_roles import COMPOSED
from .kept_groups import groups_kept
from .languages import bare_word
from .lexicon import WINDOW, CompiledLexicon, IndexedPart, LexiconEntry
from .mass_scope import court_order_bounds_nothing, everyone_kept_long, names_the_public
from .plain_services import goods_beside_service
from .recipient import kept_for_the_state
from .records_heading import heading_of_next
from .union_own import acts_on_union_roles, handed_on_after, on_others_than_members
from .workplace import owns_workplace

if TYPE_CHECKING:
    from .reader import _Text

# The categories whose families of targets name the people and groups an act must never
# be turned on (journalists, protesters, the opposition, a minority…).
PROTECTED_CATEGORIES = ("targets_dissent", "profiling")
BOUNDS = ("oversight", "measure")  # kinds of benign context that bound an act
_PLAN_KEY = "protected_targets"
# Benign kinds naming a group's own affairs (``benign_kinds``): a purpose naming one is done
# for the group, not a pretext for an act on it.
OWN_KINDS = ("group's own", "union's own")

# A colon inside a sentence introduces what follows it ("For the malware protection project
# of the ministry: block opposition news sites"): benign context before it is a heading,
# not what the act after it is done to.
_COLON_RE = re.compile("[:\uff1a]")
# Words opening a clause that frames a sentence (a condition, a purpose, a basis): benign
# context there bears on the act the sentence goes on to name.
FRAMING_WORDS = frozenset(
    "with under as to for per following according once "
    "avec sous comme pour selon conformement afin apres "
    "con bajo como para segun conforme tras "
    "com sob como para segundo conforme apos "
    "с по для согласно при после "
    "بموجب وفقا وفق طبقا مع حسب بناء لحمايه لمكافحه "
    "根据 为了 按照 依据 依照 经过".split()
)
# Words joining items of a list: benign context joined to a target by one is another
# item, not what the act is done to.
COORDINATIONS = frozenset("and or et ou y o e и или و او 和 及 或 与 以及".split())
# Words naming the means of an act ("block opposition sites with bot protection rules"):
# benign context they open after a match naming a protected group is how the act is done,
# not what it is done to. Bounds ("under a court order", "only after a judge signs") are
# not among them.
MEANS_WORDS = frozenset(
    "with using via through avec via grace moyen utilisant con mediante usando via "
    "com usando atraves via с через помощью используя عبر باستخدام بواسطه 通过 利用 使用 借助".split()
)
MEANS_REACH = 3  # words between the match and the benign context the means word is among
# A purpose written after an act on a protected group ("track the phones of protesters for
# malware detection", "… in order to prevent fraud", "…, afin de prévenir la fraude") is the
# seller's pretext: it says why, not whom the act is done to. One word of each way a
# language opens a purpose ("in order to", "so as to" by "to"; "afin de", "a fin de", "a
# fim de" by "afin", "fin", "fim"; "с целью", "в целях" by their noun; Arabic "بهدف", "من
# أجل", and the verbal nouns a purpose opens on: "لمنع", "لكشف"), compared without accents.
# A search is a purpose too ("en busca de malware", "em busca de", "à la recherche de", "на
# предмет", "на наличие", "بحثا عن", "查找恶意软件"): said of a protected group's devices it is
# the same pretext, in any wording of the search ("in search of", "looking for", "buscando",
# "procurando", "cherchant", "в поисках").
PURPOSE_WORDS = frozenset(
    "for to so aim aimed search searching looking hunting "
    "pour afin recherche cherchant recherchant "
    "para fin objeto objetivo proposito fim intuito busca buscando procurando procura "
    "для ради чтобы целью целях предмет наличие поисках поиска поиске "
    "لاغراض لغرض لاجل اجل بهدف بغرض لكي لمنع لمكافحه لكشف لاكتشاف لحمايه لضمان بحثا".split()
)
ZH_PURPOSES = ("用于", "为了", "以便", "旨在", "以防", "目的", "查找", "查杀")
# "以" opens a purpose ("以检测欺诈") except inside the words it begins or ends ("可以",
# "所以", "以及", "以上", "以后"…).
ZH_PURPOSE_RE = re.compile("(?<![可所予加难足得])以(?![及上下后前外内来往])")
PURPOSE_REACH = 5  # "para la detección de malware": the purpose's own article and noun
# Categories whose acts cut a service or a region off (censorship: blocking sites, cutting
# the internet): something other than people cancels them only inside the match.
SHUTDOWN_CATEGORIES = frozenset({"censorship"})


def benign_keys(lexicon: CompiledLexicon) -> frozenset[str]:
    """Every key a benign entry reads (worked out once a lexicon)."""
    found = lexicon.plan.get("benign_keys")
    if found is None:
        keys: set[str] = set()
        for e in lexicon.benign:
            for part in e.indexed:
                keys |= part.keys
                for checked in part.checked_by_key.values():
                    for _alt, needs in checked:
                        keys |= needs
                for _alt, needs in part.checked_scanned:
                    keys |= needs
        found = lexicon.plan["benign_keys"] = frozenset(keys)
    return found


def is_family_phrase(entry: LexiconEntry) -> bool:
    """Whether an entry is the phrase families compose (its role, never an admin's phrase's)."""
    return entry.role == COMPOSED


def protected_target_parts(lexicon: CompiledLexicon) -> tuple[IndexedPart, ...]:
    """Each targets-dissent family phrase's targets: where a text names a protected group."""
    found = lexicon.plan.get(_PLAN_KEY)
    if found is None:
        found = lexicon.plan[_PLAN_KEY] = tuple(
            e.indexed[1 - e.act_part]  # its targets, wherever compiling put its acts
            for e in lexicon.signals
            if e.entry.category in PROTECTED_CATEGORIES
            and is_family_phrase(e.entry)
            and len(e.indexed) == 2
        )
    return found


def on_protected_group(
    text: _Text, span: tuple[int, int], protected: list[tuple[int, int]], category: str = ""
) -> list[tuple[int, int]]:
    """Where a match names a protected group in its own words (``protected``: "block
    opposition sites", "track the phones of protesters"), or the whole span when it
    intercepts everyone's communications ("mass interception of all subscriber calls"):
    the one decision of "an act on a protected group" that benign context, a disclaimer,
    consent or an audit cannot cancel. Empty when the match names none."""
    targets = [(lo, hi) for lo, hi in protected if span[0] <= lo and hi <= span[1]]
    if not targets and category == "interception" and bulk(text, span):
        targets = [span]
    return targets


def bears_on(
    text: _Text,
    benign: list[tuple[int, int]],
    span: tuple[int, int],
    language: str,
    protected: list[tuple[int, int]] = (),  # type: ignore[assignment]
    category: str = "",
) -> bool:
    """Whether benign context names what the act of a match is done to or how it is
    bounded: inside the match ("block malware sites"), within ``BENIGN_REACH`` words of it
    ("detect intruders in the warehouse"), after it in its own clause or in a clause
    framing the sentence (``_qualifies``), and not merely listed beside its target ("block
    opposition sites and malware"). Words further off in the sentence describe something
    else ("the goods go to the Mukhabarat's headquarters"): the tuning half showed such
    words hiding dangerous texts. A match whose own words name a protected group
    (``protected``: "block opposition sites", "track the phones of protesters") has its
    object in it: benign context before it names something else (bot protection listed
    before it, the officers' devices a purpose clause protects) and cancels nothing."""
    toks = text.toks
    targets = on_protected_group(text, span, protected, category)
    everyone = targets == [span] and category == "interception"  # bulk (``act_scope.bulk``)
    shutdown = category in SHUTDOWN_CATEGORIES
    sentence = toks[span[0]][3]
    reach = BENIGN_REACH * 2 if language == "zh" else BENIGN_REACH
    for lo, hi in benign:
        if (
            category in ("interception", "tracking")  # Arabic traffic: "حركة المرور"
            and hi < span[0]
            and watched_for_attacks(text, span, lo, hi, protected)
        ):
            return True  # "DDoS protection: monitor all subscriber traffic": its heading
        if toks[lo][3] != sentence and not (
            text.kinds.get((lo, hi)) == "billing" and heading_of_next(text, span, lo)
        ):
            continue  # another sentence, unless the records head the one it is in
        if max(hi, span[1]) - min(lo, span[0]) > WINDOW * 2:
            continue
        if category == "security_services" and goods_beside_service(text, span, lo, hi):
            continue  # "the cargo goes to the Mukhabarat's headquarters": not who buys it
        # A bound (a warrant, an overseer) is never a list's item; asked of a group's match.
        bound = targets and (warrant(text, lo, hi) or text.kinds.get((lo, hi)) in BOUNDS)
        if targets and names_something_else(text, span, lo, hi, targets, not bound):
            # Before a match naming a protected group, reaching only its first word, or
            # listed beside the group in it (``benign_kinds``): something else. After it, it
            # may still say what the list or the act is for ("журналистов, аккредитованных на
            # пресс-конференцию"), as for any match.
            continue
        if issued_by_no_judge(text, lo, hi):
            continue  # "under a warrant issued by the interior minister": no court
        if warrant(text, lo, hi) and group_acted_on_after(text, max(hi, span[1]), protected):
            continue  # "… under a court order, and flag opposition activists": not its act
        if warrant(text, lo, hi) and (
            everyone
            or group_acted_on_before(text, targets, lo)
            or court_order_bounds_nothing(text, span, category, targets)
        ):
            # A warrant for everyone's calls ("all subscribers' calls under a court order",
            # "all calls in the city of Kharkiv") is no targeted oversight; one to intercept
            # or track journalists or protest organisers, or whose recordings go to a
            # security body, is still the act on them, for a reviewer to weigh where courts
            # answer to the state.
            continue
        if category == "interception" and everyone_kept_long(text, span):
            continue  # "we keep all subscribers' traffic for two years under the retention law"
        if claims_consent(text, lo, hi) and (targets or on_people_held(text, span, category)):
            # "detain protesters with the consent of the detainees' families", "track the
            # movements of detainees with their consent": still the act on them.
            continue
        if category == "security_services" and lo < span[0] <= hi == span[1] - 1:
            # "مجمّع مديرية أمن الدولة": State Security, not the venue's "مدير الأمن"
            if toks[span[1]][0] == "الدوله":
                continue
        kind = text.kinds.get((lo, hi))
        if kind in ("thing named", "channel", "idiom"):
            if thing_bears(kind, span, lo, hi, targets):
                return True
            continue
        if kind in ("calls", "own mail"):
            if (
                category != "interception"
                or names_recipient(text)
                or groups_kept(text, span, protected)
                or (kind == "own mail" and names_the_public(text, span))
            ):
                # "record all calls in the queue for the police", a protected group named
                # near it ("… Calls from opposition members are sent on"), or the public's
                # mail ("the DLP intercepts the subscribers' emails"): not the company's own
                continue
            kind = "other"
        if kind in OWN_KINDS and (
            category in ("tracking", "interception")
            or (category in ("targets_dissent", "profiling") and names_recipient(text))
        ):
            # A union's dues or a press accreditation account for listing the group's own
            # people, not for tracking their phones or recording their calls, nor for a list
            # sent to the police ("the union members' list is sent to the police for payroll").
            continue
        if kind == "compliance":
            if any(t != span for t in targets):
                continue  # the traders' calls, not the journalists' a match names
            kind = None
        if kind == "own people":
            if names_recipient(text):
                continue  # "A mosque wants a database of its worshippers and shares it with
                # the police": no longer for its own people
            kind = None
        acted_on = targets  # the groups the match names, less any the context names itself
        if kind == "agreed":
            # "Strikers' phones are tracked, as agreed with the union": the union's consent
            # is not its members' (ILO Convention 87), nor the state's to what it is handed.
            # The union the agreement names is not a group acted on: with no other, and
            # nothing handed to the state, the agreement is benign context like any other.
            others = [g for g in groups_kept(text, span, protected) if not lo <= g[0] <= hi]
            dissent_apart = category == "targets_dissent" and (hi < span[0] or lo > span[1])
            if (
                dissent_apart
                or others
                or _for_the_state(text, span, lo, hi, category)
                or acts_on_union_roles(text, span, lo, hi)  # "… organisers' phones are tracked"
                or (category in ("interception", "tracking") and handed_on_after(text, span))
            ):
                continue
            kind, acted_on = None, [g for g in targets if not lo <= g[0] <= hi]
        if kind in (None, "workplace") and _for_the_state(text, span, lo, hi, category):
            # Records a state body is named after ("retain all call records for malware
            # analysis and hand them to the police"), or handed to one in their sentence
            # ("call records are kept for billing and shared with the police", "for
            # compliance, record all calls and share them with the police", "… traffic for
            # DDoS attacks and share it with the police"): the malware or the compliance is
            # no longer what they are kept for. Named before, the body is
            # the buyer guarding its own network; a warrant the police asked for is still a
            # judge's.
            continue
        if cover_story(text, lo, hi, bool(acted_on)):
            continue  # "… and tell users it is a maintenance window": what it is called
        if kind == "union's own" and on_others_than_members(text, span, acted_on):
            continue  # "identify the protesters from the payroll records": not its members
        if kind in ("own object", "thing held"):
            continue  # only the act read inside it, or holding it, is cancelled (own_object)
        if kind == "billing" and (
            category != "interception"
            or acted_on
            or not billed_records(text, span, lo, hi)
            # "записи звонков журналистов", "…; activists' numbers are flagged"
            or groups_kept(text, span, protected)
        ):
            # A call's record is billed; a location, a person watched, everyone's records
            # or records handed to the police are not ("track every user for billing").
            continue
        if kind == "other" and shutdown and (hi < span[0] or lo > span[1]):
            # A service or a region cut off: only a thing the match itself names makes it
            # something else ("cut the internet cost"), not one beside it ("cut the
            # internet in the province … in case of faults").
            continue
        if kind == "other" and not acted_on and _names_people_after(text, span, protected):
            continue  # "intervenir las llamadas de soporte de los periodistas": theirs
        if kind == "workplace" and any(
            t != span and not owns_workplace(text, t, lo, hi) for t in acted_on
        ):
            # A group the act is done to, not everyone's calls on the company's own network
            # ("record all calls on the company network for quality review") nor the group
            # whose workplace it is ("the NGO's office network", "NGO staff laptops").
            continue
        if kind in ("oversight", "other") and acted_on:
            # An overseer bounds an act, and something other than a person names something
            # else; neither changes whom the act is done to: "block opposition websites,
            # audited by the regulator" still blocks the opposition.
            continue
        if kind == "oversight" and lo > span[1] and overseen(text, lo):
            return True  # "call records kept 12 months, audited by the data-protection authority"
        # A machine's state measured is what the act is done to when the act's object
        # stands between the match and the means word ("monitor the opposition party's
        # servers using uptime checks"); straight after the match it is still the means.
        measured = kind == "measure" and _object_before_means(text, span[1], lo, protected)
        if kind == "measure" and hi < span[0]:
            continue  # before the act it is how the act is done: "using uptime checks, intercept …"
        if kind == "measure" and acted_on and not measured:
            # Said of people the match names, a machine's state is only a pretext ("monitor
            # protesters' phones for uptime", "… opposition activists' devices using uptime
            # checks"): it says nothing of what the act is done to.
            continue
        if everyone and watched_for_attacks(text, span, lo, hi, groups_kept(text, span, protected)):
            return True  # "monitor all subscriber traffic for DDoS attacks": the network's own
        if (
            acted_on
            and lo > span[1]
            and not measured
            and (
                _opened_by_means(text, span[1], lo)
                or (kind not in OWN_KINDS and _opened_by_purpose(text, span[1], lo))
            )
        ):
            continue  # "block opposition sites with bot protection rules": the means
        if (
            hi < span[0]
            and _COLON_RE.search(text.raw, toks[hi][2], toks[span[0]][1])
            and not warrant(text, lo, hi)
        ):
            # A heading before a colon: the act after it is what it introduces. A court
            # order there ("Litigation hold under a court order: retain …") still bounds it.
            continue
        if max(0, lo - span[1] - 1, span[0] - hi - 1) > reach and not (
            _qualifies(text, span, lo, hi)
        ):
            continue  # further off, neither qualifying the act's clause nor framing it
        if (
            lo > span[1]
            and lo - span[1] <= (reach + 1 if acted_on else 3)
            and toks[span[1] + 1][0] in COORDINATIONS
        ):
            continue  # "… opposition sites and malware", "… phones and the delivery vans"
        if span[0] <= lo and hi < span[1] and _listed_beside_other(toks, benign, hi, span[1]):
            # "block malware and opposition sites", "block malware and phishing and
            # opposition websites": listed beside the target. A list of benign items only
            # ("bloqueio de bots e WAF para o site de notícias") is what the act is done to;
            # the target after it is whom the act serves.
            continue
        return True
    return False


def _for_the_state(text: _Text, span: tuple[int, int], lo: int, hi: int, category: str) -> bool:
    """Whether what the match keeps goes to a state body: one named after the benign
    context, or handed to one in the match's sentence, with no warrant."""
    if warrant(text, lo, hi):
        return False
    if category == "interception" and lo > span[1] and names_state_body(text, text.toks[hi][2]):
        return True
    return category in ("interception", "tracking") and kept_for_the_state(text, span)


def _listed_beside_other(toks: list, benign: list[tuple[int, int]], hi: int, end: int) -> bool:
    """Whether benign context ending at ``hi`` starts a list (joined by "and", "or", "y",
    "и", "和"…) one of whose items, inside the match ending at ``end``, is not benign."""
    ends = {b_lo: b_hi for b_lo, b_hi in benign}
    while hi < end and toks[hi + 1][0] in COORDINATIONS:
        following = ends.get(hi + 2)
        if following is None:
            return True
        hi = following
    return False


def _opened_by_means(
    text: _Text, end: int, lo: int, opening: frozenset = MEANS_WORDS, most: int = MEANS_REACH
) -> bool:
    """Whether a means word ("with", "using", "через", "通过") stands among the few words
    between the end of a match and benign context after it, in the same clause."""
    toks = text.toks
    if lo - end - 1 > most or _CLAUSE_BREAK_RE.search(text.raw, toks[end][2], toks[lo][1]):
        return False
    between = toks[end + 1 : lo]
    if between and "\u3400" <= between[0][0][:1] <= "\u9fff":
        joined = "".join(t[0] for t in between)
        return any(w in joined for w in opening if "\u3400" <= w[:1] <= "\u9fff")
    return any(bare_word(t[0]) in opening for t in between)


def _opened_by_purpose(text: _Text, end: int, lo: int) -> bool:
    """Whether benign context after a match ending at ``end`` stands in a purpose opened
    after it: a purpose word anywhere between them, the benign context a few words on in
    the purpose's own clause ("… protesters in order to prevent fraud", "…, afin de
    prévenir la fraude", "…手机以检测欺诈")."""
    toks, raw = text.toks, text.raw
    if "\u3400" <= toks[lo][0][:1] <= "\u9fff":
        joined = "".join(t[0] for t in toks[end + 1 : lo])
        found = [joined.find(w) + len(w) for w in ZH_PURPOSES if w in joined]
        found += [m.end() for m in ZH_PURPOSE_RE.finditer(joined)]
        return any(
            len(joined) - at <= 2 * PURPOSE_REACH
            and not _CLAUSE_BREAK_RE.search(raw, toks[end + at][2], toks[lo][1])
            for at in found
        )
    return any(
        lo - i - 1 <= PURPOSE_REACH
        and bare_word(toks[i][0]) in PURPOSE_WORDS
        and not _CLAUSE_BREAK_RE.search(raw, toks[i][2], toks[lo][1])
        for i in range(end + 1, lo)
    )


def _object_before_means(text: _Text, end: int, lo: int, protected: list[tuple[int, int]]) -> bool:
    """Whether an object stands between a match ending at ``end`` and the means word
    opening the benign context at ``lo``, naming no protected group ("the opposition
    party's servers using uptime checks"; not "… activists' devices using uptime checks")."""
    toks = text.toks
    if lo <= end + 1 or bare_word(toks[end + 1][0]) in MEANS_WORDS:
        return False  # straight after the match: still the means
    if any(end < p_lo and p_hi < lo for p_lo, p_hi in protected):
        return False
    if _CLAUSE_BREAK_RE.search(text.raw, toks[end][2], toks[lo][1]):
        return False
    return _opened_by_means(text, max(end + 1, lo - 1 - MEANS_REACH), lo)


def _qualifies(text: _Text, span: tuple[int, int], lo: int, hi: int) -> bool:
    """Whether benign context out of reach of a match still bears on it: after the act in
    its own clause ("… only under a court order"), or in an earlier clause of the sentence
    that frames it, one opening on a word such as "with", "under", "to", "avec", "para"
    ("With a warrant signed by a judge for each number, the operator will intercept …").
    Elsewhere in the sentence it names something else ("the goods go to the Mukhabarat's
    headquarters")."""
    toks, raw = text.toks, text.raw
    if lo > span[1]:
        if not _CLAUSE_BREAK_RE.search(raw, toks[span[1]][2], toks[lo][1]):
            return True
        # Not when the text names the police or hands the calls on: whose the order is.
        return (
            warrant(text, lo, hi) and bound_after(text, span[1], lo) and not names_recipient(text)
        )
    if not _CLAUSE_BREAK_RE.search(raw, toks[hi][2], toks[span[0]][1]):
        return False  # in the act's own clause, far before it: not its frame
    first = lo
    while (
        first > 0
        and toks[first - 1][3] == toks[lo][3]
        and not _CLAUSE_BREAK_RE.search(raw, toks[first - 1][2], toks[first][1])
    ):
        first -= 1
    opening = bare_word(toks[first][0])
    if "\u3400" <= opening[:1] <= "\u9fff":
        opening = "".join(t[0] for t in toks[first : first + 2])
    return opening in FRAMING_WORDS


def _names_people_after(
    text: _Text, span: tuple[int, int], protected: list[tuple[int, int]]
) -> bool:
    """Whether the few words after a match name a protected group: whose the thing the
    match ends on is ("the support calls of journalists", "las llamadas de soporte de los
    periodistas": the thing's own words come first, so twice ``BENIGN_REACH``)."""
    toks = text.toks
    end = span[1]
    while (
        end + 1 < len(toks)
        and end < span[1] + 2 * BENIGN_REACH
        and toks[end + 1][3] == toks[end][3]
    ):
        end += 1
    return any(span[1] < lo and hi <= end for lo, hi in protected)
