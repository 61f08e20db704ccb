"""A learned cue's quote, read after the phrases and held to the reader's checks.

A cue never replaces or cancels a phrase's quote; where a phrase already quoted its category
at an overlapping place the cue is not quoted again, and the phrase's place is returned so
its record can list the cue among its others (``rules.textsignals.reader``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .benign_scope import bears_on, protected_target_parts
from .denied_hand_over import records_denied_on
from .described import described
from .detention_sites import DETENTION, SITE, site_around
from .fitting import Near as _Near
from .learned_cues import CompiledCues, read_cues
from .lexicon import CompiledLexicon
from .matching import BENIGN_AROUND, part_spans
from .negation import disclaimed
from .overseen_service import service_overseen
from .own_object import act_in_own_object
from .switched_off import switched_off

if TYPE_CHECKING:
    from .reader import Read
    from .reader import _Text as Text

# What a learned cue's quote records in place of phrases (a phrase key is hexadecimal).
LEARNED_CUE = "learned-cue"
# Which of the reader's checks apply to a learned cue's quote (measured on the tuning half
# by cross-validation: benchmarks/eval_text_learned.py --checks).
CUE_CHECKS = frozenset({"disclaimer", "described", "own object", "benign context", "negation"})


# A shadowed cue's quote, were the quotes standing in for it dropped: (language, quote), None
# when the reader's checks cancel it, ``UNKNOWN`` when a place of detention would hide it.
UNKNOWN = "?"
Shadowed = tuple[int, str, frozenset[int], "tuple[str, str] | str | None"]


def cue_reads(
    text: Text,
    lexicon: CompiledLexicon,
    cues: CompiledCues,
    language: str,
    quoted: dict[str, list[tuple[int, int]]],
) -> tuple[list[tuple[int, str, Read]], set[tuple[str, int]], list[Shadowed]]:
    """(first token, category, read) of each learned cue the phrases did not already quote
    at an overlapping place (the reader's disclaimer and benign-context checks apply to its
    quoted words as to a phrase's); the places (category, first token) of the phrases'
    quotes that stood in for a cue not denied; and, for each cue that overlapping quotes of
    its category stood in for, (first token, category, their first tokens, what it would
    quote without them) (``cues_behind``)."""
    out, shadowing, shadowed = [], set(), []
    for category, lang, (_cat, _score, lo, hi, quote, denied) in read_cues(text, language, cues):
        if denied and "negation" in CUE_CHECKS:
            continue  # "we will not block opposition sites": the act is denied
        over = frozenset(a for a, b in quoted.get(category, ()) if a <= hi and lo <= b)
        if over:
            shadowing.update((category, a) for a in over)
            if category == DETENTION and site_around(quoted, lo, hi) is not None:
                uncovered: tuple[str, str] | str | None = UNKNOWN
            elif CUE_CHECKS and cue_cancelled(text, lexicon, (lo, hi), lang, category):
                uncovered = None
            else:
                uncovered = (lang, quote)
            shadowed.append((lo, category, over, uncovered))
            continue  # the lexicon quoted this category here: one quote is enough
        if category == DETENTION and (site := site_around(quoted, lo, hi)) is not None:
            shadowing.add((SITE, site))  # removing the place's phrases uncovers the cue
            continue  # the words name a place of detention, as a phrase's would
        if CUE_CHECKS and cue_cancelled(text, lexicon, (lo, hi), lang, category):
            continue
        out.append((lo, category, (category, lang, quote, (LEARNED_CUE,), ())))
    return out, shadowing, shadowed


def cue_cancelled(
    text: Text, lexicon: CompiledLexicon, span: tuple[int, int], language: str, category: str
) -> bool:
    """Whether the reader's checks cancel a cue's quote as they would a phrase's: the words
    after it disclaim it, it ends in a "how" clause research describes, or benign context
    bears on it (either cue word inside context naming its own object, such as "network
    monitoring"; or context naming what the act is done to)."""
    lo, hi = span
    checks = CUE_CHECKS
    if (
        ("disclaimer" in checks and disclaimed(text, hi))
        or ("described" in checks and described(text, lo, hi, lo))
        or (category == "interception" and records_denied_on(text, lo, hi))  # as a phrase's
        or switched_off(text, hi, category)
        # a cue's words may be before the service's name or on its last word
        or (
            category == "security_services"
            and (service_overseen(text, lo, hi) or service_overseen(text, hi, hi))
        )
    ):
        return True
    benign = text.benign_spans(lexicon) if lexicon.benign else ()
    if not benign or not checks & {"own object", "benign context"}:
        return False
    protected = [s for part in protected_target_parts(lexicon) for s in part_spans(text, part)]
    around = _Near(benign).near(span, BENIGN_AROUND)
    near_protected = _Near(protected).near(span, BENIGN_AROUND)
    if "own object" in checks and any(
        act_in_own_object(text, around, span, act, near_protected) for act in (lo, hi)
    ):
        return True
    return "benign context" in checks and bears_on(
        text, around, span, language, near_protected, category
    )
