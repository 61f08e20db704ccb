"""What a criterion is, what screening returns, the tiers, and what partners may see of it. Plain Python: nothing here imports Django."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from rules.textsignals import (
    CompiledLexicon,
)

from .conditions import Condition
from .fields import FIELDS, PARTNER_SAFE_FIELDS

DIMENSIONS = (
    "product_capability",
    "end_user",
    "intended_use",
    "country_context",
    "channel_red_flag",
    "partner",
    "restricted_party",
    "combination",
)


# Dimensions whose findings partners and sales reps may see (an allow-list, as the fields):
# a finding is shown to them only when its dimension is here AND every field its condition
# or explanation reads is partner-safe, so hiding goes by data, not by dimension alone.
# Not "partner": a channel partner's due diligence (maturity, incidents, refusals) is what
# compliance knows of one organisation, and a deal is seen by the other organisations in
# its channel; a finding about it, or a tier it raised, would tell them.
PARTNER_DIMENSIONS = frozenset(
    {
        "product_capability",
        "end_user",
        "intended_use",
        "country_context",
        "channel_red_flag",
        "combination",
    }
)


OUTCOMES = ("score", "review", "heightened_due_diligence", "committee", "hard_stop")


TIERS = ("low", "medium", "high", "critical", "prohibited")


DEFAULT_TIERS: Mapping[str, int] = {"medium": 6, "high": 12, "critical": 20}


MAX_SEVERITY = 5


MAX_LIKELIHOOD = 5


PACK_FORMAT = "hrdd-criteria-pack"


PACK_VERSION = 1


DEFAULT_PACK_PATH = Path(__file__).resolve().parent.parent / "criteria_packs" / "default.json"


_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")


# Any {placeholder} that looks like a field path; validated against the schema.
_PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")


# Only known field names are substituted (longest first so prefixes do not win).
_KNOWN_FIELD_RE = re.compile(
    r"\{(" + "|".join(re.escape(k) for k in sorted(FIELDS, key=len, reverse=True)) + r")\}"
)


class CriteriaError(ValueError):
    """A criteria set or pack that cannot be used; ``errors`` lists every problem."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(self.errors) if self.errors else "invalid criteria")


@dataclass(frozen=True)
class CriterionSpec:
    """One admin-authored criterion, as stored in a pack or in the database.

    ``condition`` is written in the language of ``conditions.py``; ``explanation`` is a
    one-line text for a sales rep and may hold ``{field.path}`` placeholders.
    """

    code: str
    name: str
    dimension: str
    condition: str
    scale: int
    scope: int
    irremediability: int
    likelihood: int
    severity_uplift: int
    outcome: str
    explanation: str
    reasoning: str
    source: str
    ask: str = ""
    enabled: bool = True

    @property
    def severity(self) -> int:
        """max(scale, scope, irremediability): one characteristic suffices."""
        return max(self.scale, self.scope, self.irremediability)


SPEC_FIELDS = tuple(f.name for f in fields(CriterionSpec))


_REQUIRED_SPEC_FIELDS = tuple(n for n in SPEC_FIELDS if n not in ("ask", "enabled"))


_INT_FIELDS = {
    "scale": (0, 5),
    "scope": (0, 5),
    "irremediability": (0, 5),
    "likelihood": (0, 5),
    "severity_uplift": (0, 2),
}


_STR_FIELDS = (
    "code",
    "name",
    "dimension",
    "condition",
    "outcome",
    "explanation",
    "reasoning",
    "source",
    "ask",
)


@dataclass(frozen=True)
class Finding:
    """A fired criterion: what fired, why it matters, and the data that made it fire."""

    code: str
    name: str
    dimension: str
    severity: int
    likelihood: int
    severity_uplift: int
    outcome: str
    explanation: str
    evidence: dict[str, Any]
    reasoning: str
    source: str
    ask: str
    shown: bool = True  # partners and sales reps may see it (``shown_to_partners``)


@dataclass(frozen=True)
class ScreeningResult:
    """The engine's answer for one deal. ``score == severity * likelihood`` always."""

    severity: int
    likelihood: int
    score: int
    tier: str
    heightened_due_diligence: bool
    findings: tuple[Finding, ...]
    reasons: tuple[str, ...]
    # The same scoring over the shown findings only: what partners and reps are told.
    shown_tier: str = "low"
    shown_score: int = 1
    shown_severity: int = 1
    shown_likelihood: int = 1
    # The text.* fields read from the deal's text with the version's lexicon: stored with
    # the snapshot, so a screening shows the quotes it was judged on.
    text: Mapping[str, Any] = field(default_factory=dict)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (for storing with the deal)."""
        data = asdict(self)
        data["findings"] = [asdict(f) for f in self.findings]
        data["reasons"] = list(self.reasons)
        return data


@dataclass(frozen=True)
class CompiledCriterion:
    """A criterion ready for screening: the spec, its compiled condition and template."""

    spec: CriterionSpec
    condition: Condition
    severity: int
    evidence_fields: tuple[str, ...]
    template: tuple[tuple[bool, str], ...]  # (is_field, text or field path)
    render: Callable[[Mapping[str, Any]], str] = field(repr=False, compare=False, default=str)
    # The Finding fields that do not depend on the snapshot, built once.
    static: Mapping[str, Any] = field(repr=False, compare=False, default_factory=dict)
    # (code, severity, severity_uplift, likelihood, outcome): what scoring reads.
    facts: tuple = field(repr=False, compare=False, default=())


@dataclass(frozen=True)
class CompiledCriteria:
    """The enabled criteria of a set, compiled, with the tier thresholds."""

    criteria: tuple[CompiledCriterion, ...]
    tiers: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_TIERS))
    specs: tuple[CriterionSpec, ...] = ()
    lexicon: CompiledLexicon = field(default_factory=CompiledLexicon)
    _pairs: tuple[tuple[Callable[[Mapping[str, Any]], bool], CompiledCriterion], ...] = field(
        init=False, repr=False, compare=False, default=()
    )

    def __post_init__(self) -> None:
        # (test, criterion) pairs: the hot loop of ``screen`` avoids attribute look-ups.
        pairs = tuple((c.condition.test, c) for c in self.criteria)
        object.__setattr__(self, "_pairs", pairs)

    def __len__(self) -> int:
        return len(self.criteria)

    @property
    def fields(self) -> frozenset[str]:
        """Every snapshot field some enabled criterion reads."""
        out: set[str] = set()
        for c in self.criteria:
            out |= c.condition.fields
        return frozenset(out)


def tier_rank(tier: str) -> int:
    """Position of ``tier`` in TIERS (low = 0 ... prohibited = 4); ValueError if unknown."""
    try:
        return TIERS.index(tier)
    except ValueError:
        raise ValueError(f"unknown tier {tier!r}; tiers are {', '.join(TIERS)}") from None


def validate_tiers(tiers: Any) -> list[str]:
    """Problems with tier thresholds: medium < high < critical, whole numbers 1..25."""
    if not isinstance(tiers, Mapping):
        return ["tiers must be an object with medium, high and critical thresholds"]
    errors: list[str] = []
    keys = set(tiers)
    missing = [k for k in ("medium", "high", "critical") if k not in keys]
    extra = sorted(str(k) for k in keys - {"medium", "high", "critical"})
    if missing:
        errors.append(f"tiers: missing {', '.join(missing)}")
    if extra:
        errors.append(f"tiers: unknown {', '.join(extra)} (only medium, high, critical)")
    if missing:
        return errors
    values = []
    for k in ("medium", "high", "critical"):
        v = tiers[k]
        if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 25:
            errors.append(f"tiers: {k} must be a whole number from 1 to 25, got {v!r}")
        values.append(v)
    if not errors and not values[0] < values[1] < values[2]:
        errors.append(
            f"tiers: need medium < high < critical, got {values[0]}, {values[1]}, {values[2]}"
        )
    return errors


def about_partners(finding: Mapping[str, Any]) -> bool:
    """Is this stored finding about the channel partners' due diligence? (Findings stored
    while such findings were shown carry ``shown: True``; this overrides it.)"""
    return (
        finding.get("dimension") == "partner"
        or str(finding.get("code", "")).startswith("PTR")
        or any(str(k).startswith("partners.") for k in finding.get("evidence", {}) or {})
    )


def shown_to_partners(dimension: str, fields_read: Iterable[str]) -> bool:
    """May partners and sales reps see a finding of this dimension that read these fields?"""
    return dimension in PARTNER_DIMENSIONS and set(fields_read) <= PARTNER_SAFE_FIELDS
