"""Scoring: severity, likelihood, tiers and their overrides, criteria validation, packs."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, fields, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.engine import (
    DEFAULT_TIERS,
    TIERS,
    CriteriaError,
    CriterionSpec,
    Finding,
    compile_criteria,
    example_snapshot,
    pack_from_specs,
    screen,
    specs_from_pack,
    tier_rank,
    validate_criterion,
)


def spec(code: str = "T-1", condition: str = "True", **kw: object) -> CriterionSpec:
    """A valid criterion with neutral values; ``kw`` overrides any field."""
    base: dict[str, object] = {
        "code": code,
        "name": f"Test {code}",
        "dimension": "product_capability",
        "condition": condition,
        "scale": 1,
        "scope": 0,
        "irremediability": 0,
        "likelihood": 0,
        "severity_uplift": 0,
        "outcome": "score",
        "explanation": f"{code} fired.",
        "reasoning": "test",
        "source": "UN Guiding Principles on Business and Human Rights (2011)",
    }
    base.update(kw)
    return CriterionSpec(**base)  # type: ignore[arg-type]


def always(*items: tuple) -> list[CriterionSpec]:
    """Criteria that always fire: (severity, likelihood, uplift[, outcome])."""
    out = []
    for i, item in enumerate(items):
        sev, lik, up, *rest = item
        out.append(
            spec(
                f"T-{i + 1}",
                scale=sev,
                likelihood=lik,
                severity_uplift=up,
                outcome=rest[0] if rest else "score",
            )
        )
    return out


@pytest.mark.parametrize(
    ("fired", "severity", "likelihood", "score", "tier"),
    [
        pytest.param([], 1, 1, 1, "low", id="nothing-fires-low"),
        pytest.param([(3, 0, 0)], 3, 1, 3, "low", id="severity-3-alone-low"),
        pytest.param([(3, 1, 0)], 3, 2, 6, "medium", id="score-6-medium"),
        pytest.param(
            [(3, 1, 0), (2, 0, 0)], 3, 2, 6, "medium", id="severity-is-the-max-not-the-sum"
        ),
        pytest.param([(4, 2, 0)], 4, 3, 12, "high", id="score-12-high"),
        pytest.param([(4, 4, 0)], 4, 5, 20, "critical", id="score-20-critical"),
        pytest.param([(4, 2, 0), (0, 1, 0)], 4, 4, 16, "high", id="likelihood-points-add"),
        pytest.param([(5, 0, 0)], 5, 1, 5, "high", id="severity-5-is-at-least-high"),
        pytest.param([(3, 0, 1), (0, 0, 1)], 5, 1, 5, "high", id="uplifts-reach-severity-5"),
        pytest.param([(4, 0, 2), (0, 0, 2)], 5, 1, 5, "high", id="severity-capped-at-5"),
        pytest.param([(0, 0, 1)], 2, 1, 2, "low", id="uplift-on-the-floor-of-1"),
        pytest.param([(1, 3, 0), (0, 3, 0)], 1, 5, 5, "low", id="likelihood-capped-at-5"),
        pytest.param([(2, 5, 0)], 2, 5, 10, "medium", id="low-severity-high-likelihood-medium"),
        pytest.param(
            [(1, 0, 0, "heightened_due_diligence")],
            1,
            1,
            1,
            "high",
            id="hdd-outcome-raises-to-high",
        ),
        pytest.param(
            [(4, 4, 0), (1, 0, 0, "heightened_due_diligence")],
            4,
            5,
            20,
            "critical",
            id="hdd-never-lowers-critical",
        ),
        pytest.param(
            [(1, 0, 0, "committee")], 1, 1, 1, "critical", id="committee-raises-to-critical"
        ),
        pytest.param([(1, 0, 0, "hard_stop")], 1, 1, 1, "prohibited", id="hard-stop-prohibits-low"),
        pytest.param(
            [(5, 5, 0), (0, 0, 0, "hard_stop"), (1, 0, 0, "committee")],
            5,
            5,
            25,
            "prohibited",
            id="hard-stop-outranks-everything",
        ),
    ],
)
def test_it_scores_severity_times_likelihood_and_sets_the_tier(
    fired: list[tuple], severity: int, likelihood: int, score: int, tier: str
) -> None:
    compiled = compile_criteria(always(*fired))
    result = screen(example_snapshot(), compiled)
    assert (result.severity, result.likelihood, result.score, result.tier) == (
        severity,
        likelihood,
        score,
        tier,
    )
    assert result.heightened_due_diligence is (tier_rank(tier) >= tier_rank("high"))
    assert len(result.findings) == len(fired)


@pytest.mark.parametrize(
    ("score_parts", "tier"),
    [((1, 3), "low"), ((2, 2), "medium"), ((4, 2), "high"), ((4, 4), "critical")],
)
def test_custom_tier_thresholds_are_used(score_parts: tuple[int, int], tier: str) -> None:
    sev, lik = score_parts
    compiled = compile_criteria(always((sev, lik - 1, 0)), {"medium": 4, "high": 8, "critical": 16})
    assert screen(example_snapshot(), compiled).tier == tier


def test_a_criterion_severity_is_its_worst_ungp_characteristic() -> None:
    crit = spec(scale=1, scope=4, irremediability=2)
    assert crit.severity == 4
    result = screen(example_snapshot(), compile_criteria([crit]))
    assert result.severity == 4
    assert result.findings[0].severity == 4


def test_only_criteria_whose_condition_holds_fire() -> None:
    specs = [
        spec("T-POLICE", 'end_user.type == "police"', likelihood=2),
        spec("T-NO", 'country.code == "NO"', scale=2),
    ]
    result = screen(example_snapshot(), compile_criteria(specs))
    assert result.codes == ("T-NO",)


@pytest.mark.parametrize(
    ("fired", "reason"),
    [
        (
            [(5, 0, 0)],
            "Severity 5 puts the deal at heightened due diligence whatever its likelihood: "
            "the tier is raised to high",
        ),
        ([(1, 0, 0, "hard_stop")], "Hard stop: Test T-1 (T-1) (deal held until cleared)"),
        (
            [(1, 0, 0, "committee")],
            "Committee decision required by Test T-1 (T-1): the tier is raised to critical",
        ),
        (
            [(1, 0, 0, "heightened_due_diligence")],
            "Heightened due diligence required by Test T-1 (T-1): the tier is raised to high",
        ),
        (
            [(1, 0, 0, "review")],
            "Compliance review required by Test T-1 (T-1): the tier is raised to medium",
        ),
        # a band already past what the outcome asks: nothing is raised
        (
            [(4, 2, 0, "heightened_due_diligence")],
            "Heightened due diligence required by Test T-1 (T-1)",
        ),
        ([(3, 1, 0)], "Score 6 = severity 3 × likelihood 2, in the medium band (6-11)"),
        ([], "Score 1 = severity 1 × likelihood 1, in the low band (below 6)"),
        (
            [(4, 0, 2), (0, 0, 1)],
            "Severity 5: 4 from Test T-1 (T-1), +2 from Test T-1 (T-1), +1 from Test T-2 (T-2) "
            "(capped at 5)",
        ),
        (
            [(0, 3, 0), (0, 3, 0)],
            "Likelihood 5: 1 +3 from Test T-1 (T-1) +3 from Test T-2 (T-2) (capped at 5)",
        ),
    ],
)
def test_reasons_say_why_the_tier_is_what_it_is(fired: list[tuple], reason: str) -> None:
    result = screen(example_snapshot(), compile_criteria(always(*fired)))
    assert reason in result.reasons


def test_a_hard_stop_is_the_first_reason() -> None:
    result = screen(example_snapshot(), compile_criteria(always((5, 5, 0), (0, 0, 0, "hard_stop"))))
    assert result.reasons[0].startswith("Hard stop: Test T-2 (T-2)")


def test_a_finding_carries_its_code_explanation_and_evidence() -> None:
    crit = spec(
        "CAP-X",
        'has_any(capabilities, ["networking"]) and country.civil_liberties > 0.5',
        scale=3,
        likelihood=1,
        explanation="{end_user.name} buys {capabilities} in {country.name} ({country.civil_liberties}); {not a field}",
        ask="Tell us more.",
    )
    snap = example_snapshot(capabilities=["networking", "storage"])
    (finding,) = screen(snap, compile_criteria([crit])).findings
    assert finding.code == "CAP-X"
    assert finding.explanation == (
        "Fjord Logistics AS buys Networking equipment, Storage in Norway (0.933); {not a field}"
    )
    # Evidence: the fields the condition read, and those the explanation quotes.
    assert finding.evidence == {
        "capabilities": ["networking", "storage"],
        "country.civil_liberties": 0.933,
        "country.name": "Norway",
        "end_user.name": "Fjord Logistics AS",
    }
    assert (finding.severity, finding.likelihood, finding.outcome, finding.ask) == (
        3,
        1,
        "score",
        "Tell us more.",
    )
    snap["capabilities"].append("cloud_services")
    assert finding.evidence["capabilities"] == ["networking", "storage"], "evidence is a copy"


@pytest.mark.parametrize(
    ("overrides", "text"),
    [
        ({"country.civil_liberties": None}, "no data"),
        ({"customization": True}, "yes"),
        ({"red_flags": []}, "none"),
        ({"value.amount": 1500.0}, "1500"),
        ({"end_user.type": "police"}, "Police / public-security bureau"),
        ({"end_user.type": "made_up"}, "made_up"),
    ],
)
def test_explanations_render_values_in_plain_words(overrides: dict, text: str) -> None:
    (path,) = overrides
    crit = spec(explanation="[{" + path + "}]")
    (finding,) = screen(example_snapshot(overrides), compile_criteria([crit])).findings
    assert finding.explanation == f"[{text}]"


def test_the_result_is_json_ready() -> None:
    result = screen(example_snapshot(), compile_criteria(always((3, 2, 0))))
    data = json.loads(json.dumps(result.to_dict()))
    assert data["tier"] == result.tier
    assert data["findings"][0]["code"] == "T-1"


# -- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"condition": "contry.rule_of_law < 0"}, 'condition: unknown field "contry.rule_of_law"'),
        ({"condition": "capability_severity"}, "condition: the condition must be true or false"),
        ({"condition": ""}, "condition must not be empty"),
        ({"code": "cap spyware"}, "must be upper-case letters, digits and dashes"),
        ({"name": " "}, "name must not be empty"),
        ({"dimension": "vibes"}, 'dimension "vibes" is not one of'),
        ({"outcome": "maybe"}, 'outcome "maybe" is not one of'),
        ({"scale": 6}, "scale must be a whole number from 0 to 5"),
        ({"scope": -1}, "scope must be a whole number from 0 to 5"),
        ({"irremediability": 2.5}, "irremediability must be a whole number from 0 to 5"),
        ({"likelihood": True}, "likelihood must be a whole number from 0 to 5"),
        ({"severity_uplift": 3}, "severity_uplift must be a whole number from 0 to 2"),
        ({"explanation": ""}, "explanation must not be empty"),
        (
            {"explanation": "Bad {contry.name}"},
            'unknown placeholder "{contry.name}" (did you mean "{country.name}"?)',
        ),
        ({"enabled": "yes"}, "enabled must be true or false"),
        ({"name": 3}, "name must be text"),
    ],
)
def test_validate_criterion_names_every_problem(changes: dict, message: str) -> None:
    crit = replace(spec(scale=2), **changes)
    errors = validate_criterion(crit)
    assert any(message in e for e in errors), errors


def test_a_valid_criterion_has_no_problems() -> None:
    assert validate_criterion(spec(scale=2)) == []


def test_an_informational_criterion_without_source_or_effect_is_allowed() -> None:
    note = spec("NOTE-1", scale=0, source="", ask="")
    assert validate_criterion(note) == []
    result = screen(example_snapshot(), compile_criteria([note]))
    assert (result.codes, result.tier, result.score) == (("NOTE-1",), "low", 1)


def test_no_tiers_means_the_default_tiers() -> None:
    assert dict(compile_criteria([spec(scale=2)], None).tiers) == dict(DEFAULT_TIERS)


def test_compile_criteria_lists_every_broken_criterion_by_code() -> None:
    specs = [
        spec("OK-1", scale=2),
        spec("BAD-1", "zzz > 1", scale=2),
        spec("BAD-2", scale=9),
        spec("OK-1", scale=1),
    ]
    with pytest.raises(CriteriaError) as info:
        compile_criteria(specs)
    errors = info.value.errors
    assert any(e.startswith('BAD-1: condition: unknown field "zzz"') for e in errors)
    assert any(e.startswith("BAD-2: scale must be") for e in errors)
    assert "OK-1: duplicate code" in errors
    assert len(errors) == 3


def test_a_disabled_criterion_is_not_compiled_even_if_its_condition_is_broken() -> None:
    compiled = compile_criteria(
        [spec("ON", scale=2), spec("OFF", "zzz > 1", scale=2, enabled=False)]
    )
    assert [c.spec.code for c in compiled.criteria] == ["ON"]
    assert len(compiled.specs) == 2


@pytest.mark.parametrize(
    ("tiers", "message"),
    [
        ({"medium": 6, "high": 12}, "tiers: missing critical"),
        ({"medium": 6, "high": 12, "critical": 20, "extreme": 24}, "tiers: unknown extreme"),
        ({"medium": 12, "high": 6, "critical": 20}, "need medium < high < critical"),
        ({"medium": 0, "high": 6, "critical": 20}, "medium must be a whole number from 1 to 25"),
        ({"medium": 6, "high": 12, "critical": 30}, "critical must be a whole number from 1 to 25"),
        ([6, 12, 20], "tiers must be an object"),
    ],
)
def test_bad_tiers_are_refused(tiers: object, message: str) -> None:
    with pytest.raises(CriteriaError) as info:
        compile_criteria([spec(scale=2)], tiers)  # type: ignore[arg-type]
    assert any(message in e for e in info.value.errors), info.value.errors


def test_tiers_are_ordered_and_ranked() -> None:
    assert TIERS == ("low", "medium", "high", "critical", "prohibited")
    assert [tier_rank(t) for t in TIERS] == [0, 1, 2, 3, 4]
    with pytest.raises(ValueError, match="unknown tier"):
        tier_rank("severe")
    assert dict(DEFAULT_TIERS) == {"medium": 6, "high": 12, "critical": 20}


# -- packs --------------------------------------------------------------------------------


def test_a_pack_round_trips() -> None:
    specs = [spec("A-1", scale=2, ask="Ask"), spec("B-1", likelihood=1, enabled=False)]
    tiers = {"medium": 5, "high": 10, "critical": 18}
    pack = pack_from_specs(specs, tiers, {"name": "Test pack", "description": "d"})
    pack = json.loads(json.dumps(pack))
    assert pack["format"] == "hrdd-criteria-pack" and pack["version"] == 1
    assert pack["name"] == "Test pack" and pack["description"] == "d"
    assert specs_from_pack(pack) == (specs, tiers)


def _pack(**changes: object) -> dict:
    pack = pack_from_specs([spec("A-1", scale=2)], DEFAULT_TIERS, {"name": "P"})
    pack.update(changes)
    return pack


def _criterion(**changes: object) -> dict:
    item = _pack()["criteria"][0]
    item.update(changes)
    for key, value in list(item.items()):
        if value is ...:
            del item[key]
    return item


@pytest.mark.parametrize(
    ("pack", "message"),
    [
        ([], "a criteria pack must be a JSON object"),
        (_pack(format="other"), 'format must be "hrdd-criteria-pack"'),
        (_pack(version=2), "version must be 1"),
        (_pack(name=""), "name must be non-empty text"),
        (_pack(criteria=[]), "criteria must be a non-empty list"),
        (_pack(criteria="x"), "criteria must be a non-empty list"),
        (_pack(criteria=[1]), "criteria[0]: must be an object"),
        (_pack(criteria=[_criterion(colour="red")]), "criteria[0] (A-1): unknown keys colour"),
        (_pack(criteria=[_criterion(condition=...)]), "criteria[0] (A-1): missing keys condition"),
        (_pack(criteria=[_criterion(scale="2")]), "criteria[0] (A-1): wrong type for scale"),
        (_pack(criteria=[_criterion(enabled=1)]), "criteria[0] (A-1): wrong type for enabled"),
        (_pack(tiers={"medium": 6}), "tiers: missing high, critical"),
    ],
)
def test_malformed_packs_are_refused_with_clear_errors(pack: object, message: str) -> None:
    with pytest.raises(CriteriaError) as info:
        specs_from_pack(pack)
    assert any(message in e for e in info.value.errors), info.value.errors


def test_ask_and_enabled_are_optional_in_a_pack() -> None:
    item = _criterion(ask=..., enabled=...)
    (crit,), _tiers = specs_from_pack(_pack(criteria=[item]))
    assert crit.ask == "" and crit.enabled is True


# -- invariants ---------------------------------------------------------------------------

_CRITERION = st.tuples(
    st.integers(0, 5),
    st.integers(0, 5),
    st.integers(0, 2),
    st.sampled_from(
        ["score", "score", "score", "heightened_due_diligence", "committee", "hard_stop"]
    ),
)


@settings(max_examples=300)
@given(st.lists(_CRITERION, max_size=8))
def test_scoring_invariants_hold_for_any_set_of_fired_criteria(items: list[tuple]) -> None:
    items = [(s or (0 if (lk or up or o != "score") else 1), lk, up, o) for s, lk, up, o in items]
    result = screen(example_snapshot(), compile_criteria(always(*items)))
    assert 1 <= result.severity <= 5 and 1 <= result.likelihood <= 5
    assert result.score == result.severity * result.likelihood
    outcomes = {o for *_, o in items}
    if "hard_stop" in outcomes:
        assert result.tier == "prohibited"
    elif "committee" in outcomes:
        assert result.tier == "critical"
    else:
        assert tier_rank(result.tier) <= tier_rank("critical")
    if result.severity == 5 or "heightened_due_diligence" in outcomes:
        assert tier_rank(result.tier) >= tier_rank("high")
    if result.score >= 20:
        assert tier_rank(result.tier) >= tier_rank("critical")
    assert result.heightened_due_diligence is (tier_rank(result.tier) >= tier_rank("high"))
    assert [f.code for f in result.findings] == [f"T-{i + 1}" for i in range(len(items))]


def test_a_finding_equals_one_built_field_by_field() -> None:
    crit = spec("EQ-1", scale=3, likelihood=1, explanation="in {country.name}", ask="a")
    (finding,) = screen(example_snapshot(), compile_criteria([crit])).findings
    expected = Finding(
        code="EQ-1",
        name="Test EQ-1",
        dimension="product_capability",
        severity=3,
        likelihood=1,
        severity_uplift=0,
        outcome="score",
        explanation="in Norway",
        evidence={"country.name": "Norway"},
        reasoning="test",
        source="UN Guiding Principles on Business and Human Rights (2011)",
        ask="a",
    )
    assert finding == expected
    assert set(vars(finding)) == {f.name for f in fields(Finding)}
    with pytest.raises(FrozenInstanceError):
        finding.code = "X"  # type: ignore[misc]
