"""The lexicon page's "Try a sentence" box: what a version reads in a sentence an admin or
reviewer types, which phrases read it, and what each match ruled out fell to (nothing
stored)."""

from __future__ import annotations

from django.utils.http import urlencode

from .models import CriteriaVersion
from .models import LexiconEntry as EntryRow
from .selectors import criteria_learned_cues, criteria_lexicon
from .textsignals import LANGUAGE_NAMES, detect_language
from .textsignals.candidates import compiled_lexicon
from .textsignals.entry_roles import COMPOSED
from .textsignals.lexicon import phrase_key
from .textsignals.reader import LEARNED_CUE, read_one_sourced, read_traced
from .textsignals.ruled_out import BENIGN, DENIED, OTHER_LANGUAGE, OWN_OBJECT, THING_HELD
from .textsignals.set_aside import set_aside
from .textsignals.whole_text import WHOLE_TEXT

MAX_TRY = 2000
SHOWN_PHRASE = 90  # a phrase of many alternatives is shown by its beginning

# What rules a match out, in words an admin can act on: each check ``ruled_out`` names.
WHY_NOT_READ = {
    DENIED: "a denial comes before it (“not”, “never”, “sin”, “не”, “不”…)",
    "negated_inside": "a denial inside it bears on the act (“are not blocked”)",
    "disclaimed": "the words after it disclaim it (“… is not our intent”)",
    "described": "it describes research, awareness or training about the act, not the act",
    "served": "the people it names are whom the product is for (“our CMS for journalists”)",
    "suffered": "it tells of an attack others made on the people it names",
    "switched_off": "the words after it say the act is switched off",
    "listed_device": "it reads a tracking device listed among things, with no person named",
    "aside": "what the text tells around it is no red flag (calls recorded with the callers "
    "told, records denied to the state, a past regime)",
    "warrant_required": "it says a warrant is still required",
    "company_unit": "it names a company's own security department, not a state body",
    "service_overseen": "the service it names is overseen (a court or a warrant named)",
    OWN_OBJECT: "the act is done to the customer's own things (benign context)",
    THING_HELD: "it reads as holding a thing (a licence, shares), not detaining anyone",
    BENIGN: "benign context bears on it",
    OTHER_LANGUAGE: "the phrase is in another language than this part of the text",
}


def _phrase(row: EntryRow | None, entry) -> dict:
    """A phrase as the box names it: its words (their beginning), language and category,
    and its row (for a link to edit it); a phrase composed of a category's families (every
    act ~ every target) by the list of their entries, not by its thousands of words."""
    words = entry.phrase
    composed = entry.role == COMPOSED
    return {
        "pk": row.pk if row else None,
        "phrase": "every act ~ every target of the families"
        if composed
        else words
        if len(words) <= SHOWN_PHRASE
        else words[:SHOWN_PHRASE] + "…",
        "language": LANGUAGE_NAMES.get(entry.language, entry.language),
        "category": EntryRow.Category(entry.category).label,
        "family_query": urlencode({"language": entry.language, "category": entry.category})
        if composed
        else "",
    }


def _read_by(winners: tuple[str, ...], phrases: dict[str, dict]) -> list[dict]:
    return [phrases[k] for k in winners if k in phrases]


def _ruled_out(text: str, lexicon, rows: dict[str, EntryRow], read: set) -> list[dict]:
    """The matches ruled out, one line per quote and reason (the phrases behind it listed),
    leaving out a category and quote another phrase read."""
    lines: dict[tuple, dict] = {}
    for entry, quote, why, around in read_traced(text, lexicon):
        if (entry.entry.category, quote) in read:
            continue
        line = lines.setdefault(
            (quote, why, around),
            {
                "quote": quote,
                "why": WHY_NOT_READ.get(why, why),
                "benign": list(around),
                "categories": [],
                "phrases": [],
            },
        )
        label = EntryRow.Category(entry.entry.category).label
        if label not in line["categories"]:
            line["categories"].append(label)
        line["phrases"].append(_phrase(rows.get(entry.key), entry.entry))
    return list(lines.values())


def sentence_tried(version: CriteriaVersion, text: str) -> dict | None:
    """What the version's lexicon and learned cues read in a sentence an admin typed, by
    which phrases, and which matches were ruled out and why (nothing stored)."""
    text = text[:MAX_TRY]
    if not text.strip():
        return None
    lexicon = compiled_lexicon(criteria_lexicon(version), criteria_learned_cues(version))
    rows = {phrase_key(r.language, r.phrase): r for r in version.lexicon.all()}
    phrases = {e.key: _phrase(rows.get(e.key), e.entry) for e in lexicon.signals}
    weight, reads = set_aside(text, lexicon)
    signals = read_one_sourced(text, lexicon)
    return {
        "text": text,
        "language": LANGUAGE_NAMES.get(detect_language(text), "too short to tell"),
        "signals": [
            {
                "category": EntryRow.Category(c).label,
                "language": LANGUAGE_NAMES[lang],
                "quote": q,
                "learned_cue": winners == (LEARNED_CUE,),
                "whole_text": winners == (WHOLE_TEXT,),
                "read_by": _read_by(winners, phrases),
            }
            for c, lang, q, winners, _others in signals
        ],
        "ruled_out": _ruled_out(text, lexicon, rows, {(c, q) for c, _l, q, *_ in signals}),
        "weight": weight,
        "bound": lexicon.cues.ordinary_below if lexicon.cues else None,
        "set_aside": [{"category": EntryRow.Category(c).label, "quote": q} for c, _l, q in reads],
    }
