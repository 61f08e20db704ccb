"""Criteria, their compilation and the screening of one deal snapshot.

What must always be true:

- A criterion fires when its condition is true on the snapshot; each fired criterion
  gives exactly one ``Finding`` naming its code and carrying evidence (the values of
  the fields its condition reads).
- A criterion's own severity is max(scale, scope, irremediability): one UNGP severity
  characteristic suffices for an impact to be severe (OHCHR interpretive guide).
- Severity S = max(1, highest fired severity) + fired severity uplifts, capped at 5.
  Likelihood L = 1 + fired likelihood points, capped at 5. Score = S x L.
- The tier comes from the score and the thresholds, then is raised, never lowered:
  a review outcome -> at least medium (a reviewer looks, nothing is blocked);
  S = 5 -> at least high; a heightened_due_diligence outcome -> at least high; a
  committee outcome -> at least critical; a hard stop -> prohibited whatever the score.
- ``heightened_due_diligence`` is True exactly when the tier is high or above.
- A broken criterion never reaches ``screen``: ``compile_criteria`` refuses the whole
  set and lists every broken criterion.

Plain Python: nothing here imports Django.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from rules.textsignals import (
    CompiledLexicon,
    LexiconEntry,
    LexiconError,
    compile_lexicon,
    lexicon_from_pack,
    lexicon_to_pack,
)
from taxonomy import CHANNEL_ROLES, END_USER_TYPES, INTENDED_USES, PRODUCT_CAPABILITIES, RED_FLAGS

from .conditions import Condition, ConditionError, compile_condition
from .fields import FIELDS, LIST_STR, PARTNER_SAFE_FIELDS, TEXT_READ_FIELDS, suggest_field
from .text import with_text

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


def _check_template(text: str, dimension: str = "") -> list[str]:
    errors = []
    for m in _PLACEHOLDER_RE.finditer(text):
        name = m.group(1)
        if name not in FIELDS:
            hint = suggest_field(name)
            errors.append(
                f'explanation: unknown placeholder "{{{name}}}"'
                + (f' (did you mean "{{{hint}}}"?)' if hint else "")
            )
        elif dimension in PARTNER_DIMENSIONS and name not in PARTNER_SAFE_FIELDS:
            errors.append(
                f'explanation: "{{{name}}}" is for compliance staff only, and criteria of the '
                f"{dimension} dimension are shown to partners and sales reps; quote it only in "
                "a restricted_party criterion"
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


def _validate(
    spec: Any, *, check_condition: bool, partner_safe: bool = True
) -> tuple[list[str], Condition | None]:
    errors: list[str] = []
    if not isinstance(spec, CriterionSpec):
        return [f"not a CriterionSpec: {type(spec).__name__}"], None
    for name in _STR_FIELDS:
        if not isinstance(getattr(spec, name), str):
            errors.append(f"{name} must be text")
    for name, (lo, hi) in _INT_FIELDS.items():
        v = getattr(spec, name)
        if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
            errors.append(f"{name} must be a whole number from {lo} to {hi}, got {v!r}")
    if not isinstance(spec.enabled, bool):
        errors.append("enabled must be true or false")
    if errors:
        return errors, None
    if not _CODE_RE.match(spec.code):
        errors.append(
            f'code "{spec.code}" must be upper-case letters, digits and dashes, like CAP-SPYWARE'
        )
    for name in ("name", "explanation", "condition"):
        if not getattr(spec, name).strip():
            errors.append(f"{name} must not be empty")
    if spec.dimension not in DIMENSIONS:
        errors.append(f'dimension "{spec.dimension}" is not one of {", ".join(DIMENSIONS)}')
    if spec.outcome not in OUTCOMES:
        errors.append(f'outcome "{spec.outcome}" is not one of {", ".join(OUTCOMES)}')
    errors.extend(_check_template(spec.explanation, spec.dimension if partner_safe else ""))
    condition = None
    if check_condition and spec.condition.strip():
        try:
            condition = compile_condition(spec.condition)
        except ConditionError as exc:
            where = f" (at character {exc.position + 1})" if exc.position is not None else ""
            errors.append(f"condition: {exc.message}{where}")
    return errors, condition


def validate_criterion(spec: CriterionSpec) -> list[str]:
    """Every problem with one criterion (for the admin editor); empty when it is valid."""
    return _validate(spec, check_condition=True)[0]


def _split_template(text: str) -> tuple[tuple[bool, str], ...]:
    parts: list[tuple[bool, str]] = []
    pos = 0
    for m in _KNOWN_FIELD_RE.finditer(text):
        if m.start() > pos:
            parts.append((False, text[pos : m.start()]))
        parts.append((True, m.group(1)))
        pos = m.end()
    if pos < len(text):
        parts.append((False, text[pos:]))
    return tuple(parts)


def _formatter(path: str) -> Callable[[Any], str]:
    """``format_value`` specialised for one field (vocabulary look-up bound once)."""
    terms = _CODE_NAMES.get(path)
    if terms is None:
        return format_value
    if FIELDS[path][0] == LIST_STR:

        def names(v: Any) -> str:
            if not isinstance(v, list | tuple):
                return format_value(v)
            return ", ".join([terms[x].name if x in terms else str(x) for x in v]) or "none"

        return names
    return lambda v: terms[v].name if isinstance(v, str) and v in terms else format_value(v)


def _renderer(template: tuple[tuple[bool, str], ...]) -> Callable[[Mapping[str, Any]], str]:
    """A function filling the template's placeholders from a snapshot (built once)."""
    if not any(is_field for is_field, _ in template):
        static = "".join(t for _, t in template)
        return lambda s: static
    parts = tuple((_formatter(t), t) if is_field else (None, t) for is_field, t in template)

    def render(s: Mapping[str, Any]) -> str:
        return "".join([t if fmt is None else fmt(s[t]) for fmt, t in parts])

    return render


# Fields holding vocabulary codes: explanations show the names a sales rep knows.
_CODE_NAMES = {
    "capabilities": PRODUCT_CAPABILITIES,
    "intended_use": INTENDED_USES,
    "red_flags": RED_FLAGS,
    "end_user.type": END_USER_TYPES,
    "channel.roles": CHANNEL_ROLES,
}


def format_value(value: Any, path: str | None = None) -> str:
    """How a snapshot value reads in an explanation (lists joined with ", ").

    Codes of the vocabulary (capabilities, intended uses, ...) read as their names.
    """
    terms = _CODE_NAMES.get(path) if path else None
    if terms is not None:
        if isinstance(value, str):
            return terms[value].name if value in terms else value
        if isinstance(value, list | tuple):
            names = [terms[v].name if v in terms else str(v) for v in value]
            return ", ".join(names) if names else "none"
    if value is None:
        return "no data"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(format_value(v) for v in value) if value else "none"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def compile_criteria(
    specs: Iterable[CriterionSpec],
    tiers: Mapping[str, int] | None = DEFAULT_TIERS,
    *,
    partner_safe: bool = True,
    lexicon: Iterable[LexiconEntry] = (),
) -> CompiledCriteria:
    """Validate every criterion and compile the enabled ones (``tiers=None``: the defaults).

    ``lexicon``: the version's text-signal phrases, checked and compiled with the criteria.
    Raises ``CriteriaError`` listing every broken criterion (by code), bad tiers and every
    broken lexicon entry.
    Disabled criteria are checked for their structure but not for their condition, so an
    admin can switch a broken one off to publish the rest. ``partner_safe=False`` skips
    only the partner-safe explanation check, for versions published before it existed:
    they keep screening, and their findings that quote compliance-only fields are hidden
    from partners (``Finding.shown``) instead.
    """
    specs = tuple(specs)
    if tiers is None:
        tiers = DEFAULT_TIERS
    errors: list[str] = list(validate_tiers(tiers))
    seen: set[str] = set()
    compiled: list[CompiledCriterion] = []
    for i, spec in enumerate(specs):
        label = getattr(spec, "code", None) or f"criterion #{i + 1}"
        enabled = getattr(spec, "enabled", True) is True
        problems, condition = _validate(spec, check_condition=enabled, partner_safe=partner_safe)
        if isinstance(label, str) and label in seen:
            problems.append("duplicate code")
        seen.add(label if isinstance(label, str) else repr(label))
        if problems:
            errors.extend(f"{label}: {p}" for p in problems)
            continue
        if enabled and condition is not None:
            template = _split_template(spec.explanation)
            # Evidence: what the condition read, and what the explanation quotes.
            quoted = {text for is_field, text in template if is_field}
            compiled.append(
                CompiledCriterion(
                    spec=spec,
                    condition=condition,
                    severity=spec.severity,
                    evidence_fields=tuple(sorted(condition.fields | quoted)),
                    template=template,
                    render=_renderer(template),
                    static=_static_finding_fields(
                        spec, shown_to_partners(spec.dimension, condition.fields | quoted)
                    ),
                    facts=(
                        spec.code,
                        spec.severity,
                        spec.severity_uplift,
                        spec.likelihood,
                        spec.outcome,
                    ),
                )
            )
    compiled_lexicon = CompiledLexicon()
    try:
        compiled_lexicon = compile_lexicon(lexicon)
    except LexiconError as exc:
        errors.extend(exc.errors)
    if errors:
        raise CriteriaError(errors)
    return CompiledCriteria(
        criteria=tuple(compiled), tiers=dict(tiers), specs=specs, lexicon=compiled_lexicon
    )


def _evidence(snapshot: Mapping[str, Any], paths: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for p in paths:
        v = snapshot[p]
        out[p] = list(v) if type(v) is list or type(v) is tuple else v
    return out


_new = object.__new__


def _static_finding_fields(spec: CriterionSpec, shown: bool) -> dict[str, Any]:
    return {
        "shown": shown,
        "code": spec.code,
        "name": spec.name,
        "dimension": spec.dimension,
        "severity": spec.severity,
        "likelihood": spec.likelihood,
        "severity_uplift": spec.severity_uplift,
        "outcome": spec.outcome,
        "reasoning": spec.reasoning,
        "source": spec.source,
        "ask": spec.ask,
    }


def _finding(c: CompiledCriterion, snapshot: Mapping[str, Any]) -> Finding:
    # Fast path (measured 2 us -> 0.5 us a finding): a frozen dataclass keeps its fields
    # in __dict__ and only blocks __setattr__, so filling __dict__ gives the same object
    # as Finding(**fields) without twelve object.__setattr__ calls. Every field is set:
    # ``static`` holds the eleven that do not depend on the snapshot.
    finding = _new(Finding)
    d = finding.__dict__
    d.update(c.static)
    d["explanation"] = c.render(snapshot)
    d["evidence"] = _evidence(snapshot, c.evidence_fields)
    return finding


def _tier_from_score(score: int, tiers: Mapping[str, int]) -> str:
    if score >= tiers["critical"]:
        return "critical"
    if score >= tiers["high"]:
        return "high"
    if score >= tiers["medium"]:
        return "medium"
    return "low"


def _band(tier: str, tiers: Mapping[str, int]) -> str:
    if tier == "low":
        return f"below {tiers['medium']}"
    if tier == "medium":
        return f"{tiers['medium']}-{tiers['high'] - 1}"
    if tier == "high":
        return f"{tiers['high']}-{tiers['critical'] - 1}"
    return f"{tiers['critical']} and above"


@dataclass(frozen=True)
class _Assessment:
    severity: int
    likelihood: int
    score: int
    score_tier: str  # the tier from the score alone
    tier: str  # after severity-5, heightened due diligence, committee and hard stops
    base: int
    base_code: str | None
    uplift: int
    points: int
    hard_stops: tuple[str, ...]
    committee: tuple[str, ...]
    hdd: tuple[str, ...]
    review: tuple[str, ...] = ()


def _assess(fired: Iterable[tuple], tiers: Mapping[str, int]) -> _Assessment:
    """The scoring rules, once: severity, likelihood, score and the tier they give, from
    the fired criteria's (code, severity, severity_uplift, likelihood, outcome)."""
    base, base_code, uplift, points = 0, None, 0, 0
    hard_stops: list[str] = []
    committee: list[str] = []
    hdd: list[str] = []
    review: list[str] = []
    for code, c_severity, c_uplift, c_likelihood, outcome in fired:
        if c_severity > base:
            base, base_code = c_severity, code
        uplift += c_uplift
        points += c_likelihood
        if outcome == "hard_stop":
            hard_stops.append(code)
        elif outcome == "committee":
            committee.append(code)
        elif outcome == "heightened_due_diligence":
            hdd.append(code)
        elif outcome == "review":
            review.append(code)
    severity = min(MAX_SEVERITY, max(1, base) + uplift)
    likelihood = min(MAX_LIKELIHOOD, 1 + points)
    score = severity * likelihood
    score_tier = tier = _tier_from_score(score, tiers)
    if review and tier_rank(tier) < tier_rank("medium"):
        tier = "medium"
    if (severity == MAX_SEVERITY or hdd) and tier_rank(tier) < tier_rank("high"):
        tier = "high"
    if committee and tier_rank(tier) < tier_rank("critical"):
        tier = "critical"
    if hard_stops:
        tier = "prohibited"
    return _Assessment(
        severity,
        likelihood,
        score,
        score_tier,
        tier,
        base,
        base_code,
        uplift,
        points,
        tuple(hard_stops),
        tuple(committee),
        tuple(hdd),
        tuple(review),
    )


def screen(snapshot: Mapping[str, Any], compiled: CompiledCriteria) -> ScreeningResult:
    """Screen one deal snapshot (a flat dict holding every field of ``FIELDS``).

    Conditions run in pack order; evidence and explanations are built only for the
    criteria that fire. Raises KeyError if the snapshot lacks a field a condition reads.
    The ``text.*`` fields are read from the snapshot's text first (``with_text``).
    """
    snapshot = with_text(snapshot, compiled)
    fired = [c for test, c in compiled._pairs if test(snapshot)]
    tiers = compiled.tiers
    a = _assess([c.facts for c in fired], tiers)
    # What partners are told differs only when a hidden criterion fired (rare).
    hidden = [c for c in fired if not c.static["shown"]]
    shown = _assess([c.facts for c in fired if c.static["shown"]], tiers) if hidden else a

    reasons = [
        f"Score {a.score} = severity {a.severity} × likelihood {a.likelihood}, "
        f"in the {a.score_tier} band ({_band(a.score_tier, tiers)})"
    ]
    sev_parts = [
        f"{a.base} from {a.base_code}" if a.base_code else "1 (no criterion sets a severity)"
    ]
    sev_parts += [
        f"+{c.spec.severity_uplift} from {c.spec.code}" for c in fired if c.spec.severity_uplift
    ]
    capped = " (capped at 5)" if max(1, a.base) + a.uplift > MAX_SEVERITY else ""
    reasons.append(f"Severity {a.severity}: " + ", ".join(sev_parts) + capped)
    lik_parts = [f"+{c.spec.likelihood} from {c.spec.code}" for c in fired if c.spec.likelihood]
    capped = " (capped at 5)" if 1 + a.points > MAX_LIKELIHOOD else ""
    reasons.append(f"Likelihood {a.likelihood}: " + " ".join(["1", *lik_parts]) + capped)
    if a.severity == MAX_SEVERITY and tier_rank(a.score_tier) < tier_rank("high"):
        reasons.append(
            "Severity 5 puts the deal at heightened due diligence whatever its likelihood"
        )
    if a.review and tier_rank(a.score_tier) < tier_rank("medium"):
        reasons.append("Compliance review required by " + ", ".join(a.review))
    if a.hdd:
        reasons.append("Heightened due diligence required by " + ", ".join(a.hdd))
    if a.committee:
        reasons.append("Committee decision required by " + ", ".join(a.committee))
    if a.hard_stops:
        reasons.insert(0, "Hard stop: " + ", ".join(a.hard_stops) + " (deal held until cleared)")

    return ScreeningResult(
        severity=a.severity,
        likelihood=a.likelihood,
        score=a.score,
        tier=a.tier,
        heightened_due_diligence=tier_rank(a.tier) >= tier_rank("high"),
        findings=tuple(_finding(c, snapshot) for c in fired),
        reasons=tuple(reasons),
        shown_tier=shown.tier,
        shown_score=shown.score,
        shown_severity=shown.severity,
        shown_likelihood=shown.likelihood,
        text={f: snapshot[f] for f in TEXT_READ_FIELDS if f in snapshot},
    )


def assess_shown(findings: Iterable[Mapping[str, Any]], tiers: Mapping[str, int]) -> dict:
    """Tier, score, severity and likelihood over the stored findings partners may see
    (a finding dict as ``ScreeningResult.to_dict`` writes it; one stored before the
    ``shown`` flag existed is judged by its dimension and evidence fields)."""
    facts = [
        (f["code"], f["severity"], f.get("severity_uplift", 0), f["likelihood"], f["outcome"])
        for f in findings
        if f.get("shown", shown_to_partners(f["dimension"], f.get("evidence", {})))
        and not about_partners(f)
    ]
    a = _assess(facts, tiers)
    return {"tier": a.tier, "score": a.score, "severity": a.severity, "likelihood": a.likelihood}


def screen_brief(
    snapshot: Mapping[str, Any],
    compiled: CompiledCriteria,
    text: Mapping[str, Any] | None = None,
) -> tuple[str, int, tuple[str, ...]]:
    """(tier, score, fired codes) without evidence, explanations or reasons.

    The same rules as ``screen``, for re-scoring many deals at once (the preview).
    ``text``: the ``text.*`` fields already read with ``compiled``'s lexicon (the preview
    reads a deal once when the draft and the version in force share their lexicon).
    """
    snapshot = {**snapshot, **text} if text is not None else with_text(snapshot, compiled)
    fired = [c for test, c in compiled._pairs if test(snapshot)]
    a = _assess([c.facts for c in fired], compiled.tiers)
    return a.tier, a.score, tuple(c.spec.code for c in fired)


# -- criteria packs (JSON) ------------------------------------------------------------------


def specs_from_pack(pack: Any) -> tuple[list[CriterionSpec], dict[str, int]]:
    """Read a criteria pack dict into specs and tiers; ``CriteriaError`` on a bad pack.

    Checks the pack's shape and each criterion's keys and value types; the full check
    (conditions, ranges, codes) is ``compile_criteria``'s.
    """
    if not isinstance(pack, Mapping):
        raise CriteriaError(["a criteria pack must be a JSON object"])
    errors: list[str] = []
    if pack.get("format") != PACK_FORMAT:
        errors.append(f'format must be "{PACK_FORMAT}", got {pack.get("format")!r}')
    if pack.get("version") != PACK_VERSION:
        errors.append(f"version must be {PACK_VERSION}, got {pack.get('version')!r}")
    if not isinstance(pack.get("name"), str) or not pack.get("name", "").strip():
        errors.append("name must be non-empty text")
    tiers = pack.get("tiers", dict(DEFAULT_TIERS))
    errors.extend(validate_tiers(tiers))
    raw = pack.get("criteria")
    if not isinstance(raw, list) or not raw:
        errors.append("criteria must be a non-empty list")
        raise CriteriaError(errors)
    specs: list[CriterionSpec] = []
    for i, item in enumerate(raw):
        label = f"criteria[{i}]"
        if not isinstance(item, Mapping):
            errors.append(f"{label}: must be an object")
            continue
        if isinstance(item.get("code"), str):
            label += f" ({item['code']})"
        unknown = sorted(str(k) for k in item if k not in SPEC_FIELDS)
        missing = [k for k in _REQUIRED_SPEC_FIELDS if k not in item]
        if unknown:
            errors.append(f"{label}: unknown keys {', '.join(unknown)}")
        if missing:
            errors.append(f"{label}: missing keys {', '.join(missing)}")
        if unknown or missing:
            continue
        bad = [k for k in _STR_FIELDS if k in item and not isinstance(item[k], str)]
        bad += [k for k in _INT_FIELDS if not isinstance(item[k], int) or isinstance(item[k], bool)]
        if "enabled" in item and not isinstance(item["enabled"], bool):
            bad.append("enabled")
        if bad:
            errors.append(f"{label}: wrong type for {', '.join(bad)}")
            continue
        specs.append(CriterionSpec(**{k: item[k] for k in SPEC_FIELDS if k in item}))
    if errors:
        raise CriteriaError(errors)
    return specs, dict(tiers)


def pack_from_specs(
    specs: Iterable[CriterionSpec],
    tiers: Mapping[str, int] = DEFAULT_TIERS,
    meta: Mapping[str, Any] | None = None,
    lexicon: Iterable[LexiconEntry] = (),
) -> dict[str, Any]:
    """A criteria pack dict (JSON-ready) for ``specs``; ``meta`` supplies name and extras.

    ``specs_from_pack(pack_from_specs(s, t, m))`` gives back ``(list(s), dict(t))``, and
    ``lexicon_from_pack`` the lexicon.
    """
    meta = dict(meta or {})
    pack: dict[str, Any] = {
        "format": PACK_FORMAT,
        "version": PACK_VERSION,
        "name": meta.pop("name", "Unnamed criteria pack"),
    }
    for reserved in ("format", "version", "tiers", "criteria", "lexicon"):
        meta.pop(reserved, None)
    pack.update(meta)
    pack["tiers"] = dict(tiers)
    pack["criteria"] = [asdict(s) for s in specs]
    pack["lexicon"] = lexicon_to_pack(lexicon)
    return pack


def read_pack(path: str | Path = DEFAULT_PACK_PATH) -> dict[str, Any]:
    """Load a pack file as a dict (``CriteriaError`` if it is not valid JSON)."""
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except json.JSONDecodeError as exc:
        raise CriteriaError([f"{path}: not valid JSON: {exc}"]) from None


def load_pack(path: str | Path = DEFAULT_PACK_PATH) -> CompiledCriteria:
    """Read, validate and compile a pack file (the default pack unless told otherwise)."""
    pack = read_pack(path)
    specs, tiers = specs_from_pack(pack)
    try:
        lexicon = lexicon_from_pack(pack)
    except LexiconError as exc:
        raise CriteriaError(exc.errors) from None
    return compile_criteria(specs, tiers, lexicon=lexicon)
