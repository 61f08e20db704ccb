"""Reads what the rep wrote: human-rights red flags in a deal's free text.

Plain Python (no Django), used by the rules engine. A *lexicon* (admin-owned, part of a
criteria version) lists phrases per language and category; ``compile_lexicon`` checks
and compiles it, ``read_text`` finds the signals in a snapshot's text fields and quotes
each phrase with its field, and ``detect_language`` names the language of one field.

- ``CATEGORIES``: the red-flag categories a phrase can raise (and ``benign``, phrases
  that cancel a signal near them, such as "malware" next to "block ... sites"); ``FACTS``:
  what a phrase may read about the end user (a prison named), quoted but never a red flag.
- ``LANGUAGES``: the languages the reader stems and matches.
- ``LexiconEntry``, ``validate_entry``, ``compile_lexicon``, ``CompiledLexicon``
- ``read_text(snapshot, lexicon) -> dict`` of the ``text.*`` fields.
- Learned cues (``learned_cues``: checked, compiled and read without numpy;
  ``cue_fitting`` fits them) are carried by a ``CompiledLexicon`` and read with it.
"""

from __future__ import annotations

from .languages import LANGUAGE_NAMES, LANGUAGES, detect_language
from .lexicon import (
    BENIGN,
    CATEGORIES,
    CATEGORY_FIELDS,
    FACTS,
    CompiledLexicon,
    LexiconEntry,
    LexiconError,
    compile_lexicon,
    validate_entry,
)
from .lexicon_pack import lexicon_from_pack, lexicon_to_pack
from .shown_languages import detected_languages
from .snapshot_reading import TEXT_FIELD_LABELS, TEXT_SOURCE_FIELDS, empty_text_fields, read_text

__all__ = [
    "BENIGN",
    "CATEGORIES",
    "CATEGORY_FIELDS",
    "FACTS",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "TEXT_FIELD_LABELS",
    "TEXT_SOURCE_FIELDS",
    "CompiledLexicon",
    "LexiconEntry",
    "LexiconError",
    "compile_lexicon",
    "detect_language",
    "detected_languages",
    "empty_text_fields",
    "lexicon_from_pack",
    "lexicon_to_pack",
    "read_text",
    "validate_entry",
]
