"""Why a phrase's match reads no red flag: the checks the reader makes of each match it
found, in the reader's order, each by name, so that what rules a match out can be told (the
lexicon page's "Try a sentence" box) by the same code that rules it out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .denied_hand_over import company_unit
from .described import described
from .lexicon import CompiledEntry, CompiledLexicon
from .listed_devices import listed_device
from .match_aside import match_aside
from .negation import disclaimed, negated_inside
from .overseen_service import match_service_overseen
from .safeguards import warrant_still_required
from .served import served
from .suffered import suffered
from .switched_off import switched_off

if TYPE_CHECKING:
    from .reader import _Text

# Names of what rules a match out, besides ``ruled_out``'s: the reader's own steps.
DENIED = "denied"  # a negation before the match
OTHER_LANGUAGE = "other_language"  # the phrase's language is not the sentence's
OWN_OBJECT = "own_object"  # benign context: the act is done to the customer's own things
THING_HELD = "thing_held"  # "détenir une licence": holding a thing, not detaining anyone
BENIGN = "benign"  # benign context bearing on the match


def ruled_out(
    text: _Text, lexicon: CompiledLexicon, entry: CompiledEntry, lo: int, hi: int, act: int
) -> str:
    """The name of the first check that rules out the match of ``entry`` from ``lo`` to
    ``hi`` (its act at ``act``) whatever benign context the text holds, or ""."""
    category = entry.entry.category
    if negated_inside(text, lo, act):
        return "negated_inside"
    if disclaimed(text, hi):
        return "disclaimed"
    if described(text, lo, hi, act):
        return "described"
    if served(text, lo, hi, act):
        return "served"
    if suffered(text, lo, hi, act):
        return "suffered"
    if switched_off(text, hi, category):
        return "switched_off"
    if listed_device(text, lexicon, lo, hi, act):
        return "listed_device"
    if match_aside(text, lexicon, category, lo, hi, act):
        return "aside"
    if warrant_still_required(text, entry.entry.role, lo, hi):
        return "warrant_required"
    if category == "security_services":
        if company_unit(text, lo, hi):
            return "company_unit"
        if match_service_overseen(text, entry, lo, hi, act):
            return "service_overseen"
    return ""
