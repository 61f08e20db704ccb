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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .criteria import (
    MAX_LIKELIHOOD,
    MAX_SEVERITY,
    CompiledCriteria,
    CompiledCriterion,
    Finding,
    ScreeningResult,
    about_partners,
    shown_to_partners,
    tier_rank,
)
from .fields import TEXT_READ_FIELDS
from .text import with_text


def _evidence(snapshot: Mapping[str, Any], paths: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for p in paths:
        v = snapshot[p]
        out[p] = list(v) if type(v) is list or type(v) is tuple else v
    return out


_new = object.__new__


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

    reasons = _reasons(a, fired, tiers)
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


def _reasons(a: _Assessment, fired: list, tiers: Mapping[str, int]) -> list[str]:
    """Why the tier is what it is, in words: the score and its band, where severity and
    likelihood come from, and each outcome that raises the tier past the band (criteria by
    name, their code after it)."""
    named = {c.spec.code: f"{c.spec.name} ({c.spec.code})" for c in fired}

    def by(codes: Iterable[str]) -> str:
        return ", ".join(named.get(code, code) for code in codes)

    def raised(to: str) -> str:
        return f": the tier is raised to {to}" if tier_rank(a.score_tier) < tier_rank(to) else ""

    reasons = [
        f"Score {a.score} = severity {a.severity} × likelihood {a.likelihood}, "
        f"in the {a.score_tier} band ({_band(a.score_tier, tiers)})"
    ]
    sev_parts = [
        f"{a.base} from {by([a.base_code])}" if a.base_code else "1 (no criterion sets a severity)"
    ]
    sev_parts += [
        f"+{c.spec.severity_uplift} from {by([c.spec.code])}"
        for c in fired
        if c.spec.severity_uplift
    ]
    capped = " (capped at 5)" if max(1, a.base) + a.uplift > MAX_SEVERITY else ""
    reasons.append(f"Severity {a.severity}: " + ", ".join(sev_parts) + capped)
    lik_parts = [
        f"+{c.spec.likelihood} from {by([c.spec.code])}" for c in fired if c.spec.likelihood
    ]
    capped = " (capped at 5)" if 1 + a.points > MAX_LIKELIHOOD else ""
    reasons.append(f"Likelihood {a.likelihood}: " + " ".join(["1", *lik_parts]) + capped)
    if a.severity == MAX_SEVERITY and tier_rank(a.score_tier) < tier_rank("high"):
        reasons.append(
            "Severity 5 puts the deal at heightened due diligence whatever its likelihood"
            + raised("high")
        )
    if a.review and tier_rank(a.score_tier) < tier_rank("medium"):
        reasons.append("Compliance review required by " + by(a.review) + raised("medium"))
    if a.hdd:
        reasons.append("Heightened due diligence required by " + by(a.hdd) + raised("high"))
    if a.committee:
        reasons.append("Committee decision required by " + by(a.committee) + raised("critical"))
    if a.hard_stops:
        reasons.insert(0, "Hard stop: " + by(a.hard_stops) + " (deal held until cleared)")
    return reasons


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
