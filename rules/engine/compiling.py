"""Checking criteria and compiling them (conditions and explanations) into what `screen` runs. Plain Python: nothing here imports Django."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rules.textsignals import (
    CompiledLexicon,
    LexiconEntry,
    LexiconError,
    compile_lexicon,
)
from rules.textsignals.learned_cues import CuesError, compile_cues

from .conditions import Condition, ConditionError, compile_condition
from .criteria import (
    _CODE_RE,
    _INT_FIELDS,
    _STR_FIELDS,
    DEFAULT_TIERS,
    DIMENSIONS,
    OUTCOMES,
    CompiledCriteria,
    CompiledCriterion,
    CriteriaError,
    CriterionSpec,
    shown_to_partners,
    validate_tiers,
)
from .explanations import (
    _check_template,
    _renderer,
    _split_template,
)


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


def compile_criteria(
    specs: Iterable[CriterionSpec],
    tiers: Mapping[str, int] | None = DEFAULT_TIERS,
    *,
    partner_safe: bool = True,
    lexicon: Iterable[LexiconEntry] = (),
    learned_cues: Mapping[str, Any] | None = None,
) -> CompiledCriteria:
    """Validate every criterion and compile the enabled ones (``tiers=None``: the defaults).

    ``lexicon``: the version's text-signal phrases, checked and compiled with the criteria;
    ``learned_cues``: its learned cues (a pack's ``learned_cues`` section), read with them.
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
    cues = None
    try:
        cues = compile_cues(learned_cues)
    except CuesError as exc:
        errors.extend(exc.errors)
    try:
        compiled_lexicon = compile_lexicon(lexicon, cues)
    except LexiconError as exc:
        errors.extend(exc.errors)
    if errors:
        raise CriteriaError(errors)
    return CompiledCriteria(
        criteria=tuple(compiled), tiers=dict(tiers), specs=specs, lexicon=compiled_lexicon
    )
