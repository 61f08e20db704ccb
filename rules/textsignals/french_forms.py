"""The keys a word gets as a French present form ("bloquons" read as "bloquer",
``morphology.french_present_forms``) only where a text may be French: any Latin word ending
in "-ent" or "-ons" is given one ("present", "persons"), and a French phrase reads only a
sentence that may be French (``reader._Text.reads_in``)."""

from __future__ import annotations

from functools import lru_cache

from .languages import (
    detect_language,
    plausible_languages,
    script_of,
    stem,
    strip_accents,
)
from .morphology import french_present_forms, irregular_dictionary_forms


@lru_cache(maxsize=65536)
def french_form_keys(word: str) -> frozenset[str]:
    """The keys of a normalised word that only its reading as a French present form gives."""
    if script_of(word) != "latin":
        return frozenset()
    forms = french_present_forms(strip_accents(word))
    if not forms:
        return frozenset()
    bare = strip_accents(word)
    # The French keys the word has without them: its stems, and an irregular verb's.
    own = {f"fr:{stem(word, 'fr')}", f"fr:{stem(bare, 'fr')}"}
    own |= {f"fr:{stem(form, 'fr')}" for form in irregular_dictionary_forms(bare, "fr")}
    return frozenset(f"fr:{stem(form, 'fr')}" for form in forms) - own


def may_be_french(raw: str) -> bool:
    """Whether a text may be French: detected as French, among its plausible languages, or
    too short (or of another script) to tell."""
    if detect_language(raw) == "fr":
        return True
    plausible = plausible_languages(raw)
    return not plausible or "fr" in plausible


def keys_where_read(raw: str, keys_of: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each word's keys (``keys_of``), without those only a French present form gives when
    the text cannot be French ("present", "persons" in English are no French verbs)."""
    dropped = {w: french_form_keys(w) for w in keys_of}
    if not any(dropped.values()) or may_be_french(raw):
        return keys_of
    return {
        w: tuple(k for k in keys if k not in dropped[w]) if dropped[w] else keys
        for w, keys in keys_of.items()
    }
