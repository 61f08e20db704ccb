"""Noticing someone probing the reading of deals' text across their deals.

Partner users and reps read the words of theirs that raised a red flag (quoted back, so a
hold is explained in words they understand). Someone could register a deal, read the
quote, then register another deal (or change another of theirs) with the description
reworded until nothing is read, and that one is cleared. The same deal rewritten is
`text_rewritten`'s; this watch is for the words moved to another deal.

When a registration or change by a partner user or rep reads no red flag in a deal that
has text, and within TEXT_PROBING_WINDOW_HOURS another deal of theirs (the deals they own,
as `probing_check` counts them) was screened with red flags read in a text near this
one's, compliance staff are told in their inbox (and by email), naming the deals and what
was read in the flagged one, once per window per person. The report is an audit event of
its own (`text.probing_reported`, object: the user) and shows on the cleared deal's
compliance pages. The person is not told and the deal is neither held nor re-tiered:
telling or holding it would say the rewording was noticed (and what passes); compliance
decide.

Near: the texts compared are the title, the use description and the answers to
information requests (not the end customer's or products' names, which a person's
unrelated deals for one customer share). Each is taken as its set of content words as read
(`word_set`: disguises undone, normalised), without the short words every text uses and
the words of the deal form ("customer", "end user"). The words read in the flagged deal
(its quotes) are left out of both sides: they are what a prober rewrites, so a rewording
is judged by what it kept. Near is a Jaccard similarity of the two sets of at least 0.6,
sharing at least three words. With the title "Campus network refresh" on every deal, and
the flagged description "The customer wants to locate the phones of protesters near the
square" (read: "locate the phones of protesters"; kept: campus, network, refresh, wants,
near, square), the cleared description scores:

- "The customer wants to find the handsets of people near the square": 6 shared of 9
  words, 0.67, reported;
- the flagged sentence with "with a court warrant" added (if that reads nothing): 6 of 8,
  0.75, reported;
- "... find the handsets of people at the square": 5 of 9, 0.56, not reported (a short
  sentence reworded nearly whole is where the watch gives way);
- "Office switching": 3 of 7, 0.43, not reported (only the title is shared);
- "Switches for the warehouse" under another title: nothing shared, not reported.

A long description reworded in one phrase stays well above: "Deployment of switches in
the city's control room. <the flagged sentence> Delivery in May, with training for the
operators." with "find the handsets of people" for the quote scores 0.84, 16 words
shared; a deal of the same rep written from the same boilerplate ("Deployment of switches
in the company's head office. Delivery in May, with training for the administrators.")
scores 0.5 and is not reported, which is why the threshold is 0.6 and not 0.5. Two short
texts sharing one or two words do not reach three. It may report wrongly a deal whose
flagged description was quoted whole, leaving only its title to compare; a report costs a
reviewer a look, and nothing is held.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import timedelta
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from rules.models import Screening
from rules.presentation import sees_everything
from rules.textsignals import CATEGORIES, CATEGORY_FIELDS
from rules.textsignals.cue_words import FORM_WORDS
from rules.textsignals.languages import normalise_token, word_set
from rules.textsignals.short_words import FUNCTION_WORDS

from .probing import OWN_TRIGGERS, actor_lock, report_once_per_window, reported_who

ACTION = "text.probing_reported"
# The texts a person words themselves and may reword (snapshot fields).
COMPARED_FIELDS = ("title", "use_description", "text.answers")
NEAR = 0.6  # Jaccard similarity from which two texts are near (see the docstring)
MIN_SHARED = 3  # content words two near texts share at least
# The person's flagged screenings compared, newest first: a bound on the query and the
# work on the hot path; a prober's latest flagged deals are the ones they reword.
MAX_FLAGGED = 20


@lru_cache(maxsize=1)
def _not_content() -> frozenset[str]:
    """Words that say nothing of what a deal is for: short words and the deal form's."""
    form = {normalise_token(w) for words in FORM_WORDS.values() for w in words.split()}
    return frozenset(FUNCTION_WORDS | form)


def content_words(texts: Iterable[str]) -> set[str]:
    """The content words of ``texts`` as read (see the docstring)."""
    words: set[str] = set()
    for text in texts:
        words |= word_set(text)
    return words - _not_content()


def compared_texts(snapshot: Mapping[str, Any]) -> list[str]:
    """The texts of a snapshot that are compared (a field may hold several: answers)."""
    out = []
    for field in COMPARED_FIELDS:
        value = snapshot.get(field)
        for item in value if isinstance(value, list | tuple) else (value,):
            if isinstance(item, str) and item.strip():
                out.append(item)
    return out


def quotes_read(snapshot: Mapping[str, Any]) -> dict[str, list[str]]:
    """Each red flag read in a snapshot's text: its category and the quote lines."""
    return {
        c: list(snapshot.get(CATEGORY_FIELDS[c]) or ())
        for c in snapshot.get("text.signals") or ()
        if c in CATEGORY_FIELDS
    }


def _quoted_words(quotes: Mapping[str, list[str]]) -> list[str]:
    """The words quoted: the text between the curly quotes of each quote line
    ('Use description (English): “locate the phones of protesters”')."""
    return [
        line[line.index("“") + 1 : line.rindex("”")]
        for lines in quotes.values()
        for line in lines
        if "“" in line and "”" in line
    ]


def similarity(flagged: set[str], cleared: set[str], read: set[str]) -> tuple[float, int]:
    """Jaccard similarity of two texts' content words, the words read left out of both,
    and how many words they share."""
    a, b = flagged - read, cleared - read
    shared = len(a & b)
    union = len(a | b)
    return (shared / union if union else 0.0), shared


def text_probing_check(
    *, actor, screening: Screening, previous: Screening | None = None
) -> AuditEvent | None:
    """Report `actor` to compliance when this screening, of a deal they registered or
    changed, read no red flag in a text near one of another deal of theirs that did within
    the window. Runs in the screening's transaction, after `probing_check`.

    Cost: nothing for compliance staff, re-screens the person did not cause, a deal
    flagged or with no text; otherwise one query (the person's flagged screenings in the
    window, newest first, at most MAX_FLAGGED), and more only when one is near.

    `previous`: the deal's screening before, if any. A change that leaves the compared
    texts as they were costs nothing: only words written now can be a rewording of words
    read before (the deal's own earlier registration or text change was compared then).
    """
    if previous is not None and all(
        (previous.snapshot or {}).get(f) == (screening.snapshot or {}).get(f)
        for f in COMPARED_FIELDS
    ):
        return None
    return text_probing_check_many(actor=actor, screenings=[screening])


def text_probing_check_many(*, actor, screenings: list[Screening]) -> AuditEvent | None:
    """`text_probing_check` of screenings stored together (a batch), in their order, as
    if each deal were registered after the one before: a cleared deal is compared with the
    deals flagged before the batch and those flagged before it in the batch. One query for
    the whole batch (a batch's statements do not grow with its deals), and one report at
    most (once per window)."""
    if actor is None or sees_everything(actor):
        return None
    own = [s for s in screenings if s.trigger in OWN_TRIGGERS]
    cleared = {  # by place in the batch: the words of each cleared deal with text
        i: words
        for i, s in enumerate(own)
        if not (s.snapshot or {}).get("text.signals")
        and len(words := content_words(compared_texts(s.snapshot or {}))) >= MIN_SHARED
    }
    if not cleared:
        return None  # every deal flagged, or no text: nothing to compare, no query
    since = timezone.now() - timedelta(hours=settings.TEXT_PROBING_WINDOW_HOURS)
    before = [
        _Flagged(deal_id, reference, snapshot or {})
        for deal_id, reference, snapshot in Screening.objects.filter(
            text_flagged=True,
            created_at__gte=since,
            opportunity__owner=actor,
            trigger__in=OWN_TRIGGERS,
        )
        # The batch's own deals are compared in memory, each only with those before it.
        .exclude(opportunity_id__in=[s.opportunity_id for s in screenings])
        .order_by("-id")
        .values_list("opportunity_id", "opportunity__reference", "snapshot")[:MAX_FLAGGED]
    ]
    in_batch: list[_Flagged] = []  # flagged in the batch so far, newest first
    for i, screening in enumerate(own):
        if i not in cleared:
            if screening.text_flagged:
                flagged = _Flagged(
                    screening.opportunity_id, screening.opportunity.reference, screening.snapshot
                )
                in_batch.insert(0, flagged)
            continue
        candidates = (in_batch + before)[:MAX_FLAGGED]
        near = _near(cleared[i], candidates, screening.opportunity_id)
        if near:
            return _report(actor, screening, near, since)
    return None


class _Flagged:
    """A flagged screening compared: its deal, and the deal's words and what was read."""

    def __init__(self, deal_id: int, reference: str, snapshot: Mapping[str, Any]) -> None:
        self.deal_id, self.reference = deal_id, reference
        self.quotes = quotes_read(snapshot)
        self.read = content_words(_quoted_words(self.quotes))
        self.words = content_words(compared_texts(snapshot))


def _near(cleared: set[str], candidates: list[_Flagged], deal_id: int) -> dict[int, dict]:
    """The flagged deals near a cleared deal's words (deal id -> what was read), newest
    first; the same deal rewritten is `text_rewritten`'s."""
    near: dict[int, dict[str, Any]] = {}
    for f in candidates:
        if f.deal_id in near or f.deal_id == deal_id:
            continue
        score, shared = similarity(f.words, cleared, f.read)
        if score >= NEAR and shared >= MIN_SHARED:
            near[f.deal_id] = {
                "reference": f.reference,
                "similarity": round(score, 2),
                "read": f.quotes,
            }
    return near


def _report(actor, screening: Screening, near: dict[int, dict], since) -> AuditEvent | None:
    actor_lock(actor)
    reference = screening.opportunity.reference
    flagged = [n["reference"] for n in near.values()]
    return report_once_per_window(
        actor=actor,
        action=ACTION,
        since=since,
        opportunity_id=screening.opportunity_id,
        changes={
            "window_hours": settings.TEXT_PROBING_WINDOW_HOURS,
            "deal_id": screening.opportunity_id,
            "deal": reference,
            "flagged_ids": list(near),
            "flagged": flagged,
            "similarity": {n["reference"]: n["similarity"] for n in near.values()},
            "read": {n["reference"]: n["read"] for n in near.values()},
        },
        comment=(
            f"{reference} read no red flag in a text near that of {', '.join(flagged)}, "
            f"flagged within {settings.TEXT_PROBING_WINDOW_HOURS} h"
        ),
    )


def _read_lines(changes: Mapping[str, Any]) -> list[str]:
    """What was read in each flagged deal, one line a deal: its red flags and quotes."""
    return [
        f"{ref}: "
        + "; ".join(
            f"{CATEGORIES.get(c, c)} ({', '.join(quotes)})" if quotes else CATEGORIES.get(c, c)
            for c, quotes in read.items()
        )
        for ref, read in (changes.get("read") or {}).items()
    ]


def text_probing_messages(event: AuditEvent, staff: list) -> list[tuple[list, str, str, str]]:
    """The inbox message for compliance staff about one report (see notifications)."""
    ch = event.changes
    body = (
        f"{reported_who(ch)} registered or changed {ch['deal']}, in which no red flag was "
        f"read, with text near that of their {', '.join(ch['flagged'])}, flagged within "
        f"{ch['window_hours']} hours for what was read: {' | '.join(_read_lines(ch))}. "
        f"Nothing about this was shown to them and {ch['deal']} was not held. Check whether "
        "someone is rewording a description until nothing is read."
    )
    url = reverse("opportunity-detail", args=[ch["deal_id"]])
    title = f"Possible probing of the red-flag reading by {ch['user']}"
    return [(staff, title, body, url)]


def text_probing_for(user, opportunity) -> list[dict[str, Any]]:
    """For compliance staff, each report naming this deal as the one cleared, oldest
    first: when, whom, the flagged deals near it and what was read in them."""
    if opportunity is None or not sees_everything(user):
        return []
    events = AuditEvent.objects.filter(opportunity_id=opportunity.pk, action=ACTION).order_by("id")
    return [
        {
            "when": e.created_at,
            "who": reported_who(e.changes),
            "flagged": [
                {
                    "reference": ref,
                    "id": deal_id,
                    "read": [
                        (CATEGORIES.get(c, c), quotes)
                        for c, quotes in (e.changes.get("read") or {}).get(ref, {}).items()
                    ],
                }
                for deal_id, ref in zip(
                    e.changes.get("flagged_ids", []), e.changes.get("flagged", []), strict=False
                )
            ],
        }
        for e in events
    ]
