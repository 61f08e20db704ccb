"""The HRDD rules engine: safe conditions, criteria, scoring. Plain Python, no Django.

Public API (everything a caller needs is importable from ``rules.engine``):

- ``compile_condition(text, schema=None) -> Condition`` (``.test(snapshot)``, ``.fields``)
- ``FIELDS``, ``example_snapshot(...)``, ``check_snapshot(snapshot)``
- ``CriterionSpec``, ``validate_criterion(spec)``, ``compile_criteria(specs, tiers)``
- ``screen(snapshot, compiled) -> ScreeningResult`` with ``Finding``s
- ``specs_from_pack(pack)``, ``pack_from_specs(specs, tiers, meta)``, ``read_pack``, ``load_pack``
- ``PARTNER_SAFE_FIELDS``, ``PARTNER_DIMENSIONS``, ``shown_to_partners``, ``assess_shown``:
  what partners and sales reps may see of a screening
- ``TIERS``, ``DEFAULT_TIERS``, ``tier_rank(tier)``, ``DIMENSIONS``, ``OUTCOMES``
- ``LexiconEntry``, ``lexicon_from_pack``, ``with_text``: the text signals
  (``rules.textsignals``) read from a deal's free text by a criteria version's lexicon
"""

from __future__ import annotations

from rules.textsignals import LexiconEntry, LexiconError, lexicon_from_pack

from .compiling import compile_criteria, validate_criterion
from .conditions import Condition, ConditionError, compile_condition
from .criteria import (
    DEFAULT_PACK_PATH,
    DEFAULT_TIERS,
    DIMENSIONS,
    OUTCOMES,
    PARTNER_DIMENSIONS,
    TIERS,
    CompiledCriteria,
    CompiledCriterion,
    CriteriaError,
    CriterionSpec,
    Finding,
    ScreeningResult,
    about_partners,
    shown_to_partners,
    tier_rank,
    validate_tiers,
)
from .explanations import format_value
from .fields import (
    FIELDS,
    PARTNER_SAFE_FIELDS,
    TEXT_DERIVED_FIELDS,
    TEXT_FACT_FIELDS,
    TEXT_READ_FIELDS,
    check_snapshot,
    example_snapshot,
)
from .packs import load_pack, pack_from_specs, read_pack, specs_from_pack
from .scoring import assess_shown, screen, screen_brief
from .text import text_read, with_text

__all__ = [
    "DEFAULT_PACK_PATH",
    "DEFAULT_TIERS",
    "DIMENSIONS",
    "FIELDS",
    "OUTCOMES",
    "PARTNER_DIMENSIONS",
    "PARTNER_SAFE_FIELDS",
    "TEXT_DERIVED_FIELDS",
    "TEXT_FACT_FIELDS",
    "TEXT_READ_FIELDS",
    "TIERS",
    "CompiledCriteria",
    "CompiledCriterion",
    "Condition",
    "ConditionError",
    "CriteriaError",
    "CriterionSpec",
    "Finding",
    "LexiconEntry",
    "LexiconError",
    "ScreeningResult",
    "assess_shown",
    "check_snapshot",
    "compile_condition",
    "compile_criteria",
    "example_snapshot",
    "format_value",
    "lexicon_from_pack",
    "load_pack",
    "pack_from_specs",
    "read_pack",
    "screen",
    "screen_brief",
    "shown_to_partners",
    "about_partners",
    "specs_from_pack",
    "text_read",
    "tier_rank",
    "validate_criterion",
    "validate_tiers",
    "with_text",
]
