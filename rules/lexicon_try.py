"""The lexicon page's "Try a sentence" box: what a version reads in a sentence an admin or
reviewer types, nothing stored."""

from __future__ import annotations

from .models import CriteriaVersion, LexiconEntry
from .selectors import criteria_learned_cues, criteria_lexicon
from .textsignals import LANGUAGE_NAMES, detect_language
from .textsignals.candidates import compiled_lexicon
from .textsignals.reader import LEARNED_CUE, read_one_sourced
from .textsignals.set_aside import set_aside
from .textsignals.whole_text import WHOLE_TEXT

MAX_TRY = 2000


def sentence_tried(version: CriteriaVersion, text: str) -> dict | None:
    """What the version's lexicon and learned cues read in a sentence an admin typed
    (nothing stored)."""
    text = text[:MAX_TRY]
    if not text.strip():
        return None
    lexicon = compiled_lexicon(criteria_lexicon(version), criteria_learned_cues(version))
    weight, reads = set_aside(text, lexicon)
    return {
        "text": text,
        "language": LANGUAGE_NAMES.get(detect_language(text), "too short to tell"),
        "signals": [
            {
                "category": LexiconEntry.Category(c).label,
                "language": LANGUAGE_NAMES[lang],
                "quote": q,
                "learned_cue": winners == (LEARNED_CUE,),
                "whole_text": winners == (WHOLE_TEXT,),
            }
            for c, lang, q, winners, _others in read_one_sourced(text, lexicon)
        ],
        "weight": weight,
        "bound": lexicon.cues.ordinary_below if lexicon.cues else None,
        "set_aside": [
            {"category": LexiconEntry.Category(c).label, "quote": q} for c, _l, q in reads
        ],
    }
