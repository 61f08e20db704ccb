"""The text reader: red flags in what the rep or partner wrote, in seven languages.

Tables of worked cases, no database. The lexicon is the default pack's unless a case
builds its own.
"""

from __future__ import annotations

import pytest

from rules.engine import (
    CriteriaError,
    CriterionSpec,
    compile_criteria,
    example_snapshot,
    lexicon_from_pack,
    load_pack,
    read_pack,
    screen,
    screen_brief,
)
from rules.textsignals import (
    LexiconEntry,
    LexiconError,
    compile_lexicon,
    detect_language,
    read_text,
    validate_entry,
)
from rules.textsignals.reader import read_one

PACK = load_pack()
LEXICON = PACK.lexicon


def categories(text: str) -> set[str]:
    return {c for c, _lang, _q in read_one(text, LEXICON)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inflected forms meet the stems of the phrases
        ("They will track the protesters' phones.", {"targets_dissent", "tracking"}),
        ("Tracking journalists who cover corruption", {"targets_dissent", "tracking"}),
        ("Vigilarán a los periodistas críticos.", {"targets_dissent"}),
        ("Les caméras surveilleront les manifestants.", {"targets_dissent"}),
        ("Sistema para monitorar ativistas ambientais.", {"targets_dissent"}),
        ("Система будет отслеживать журналистов.", {"targets_dissent", "tracking"}),
        ("النظام سيراقب الصحفيين", {"targets_dissent"}),
        ("系统将跟踪记者。", {"targets_dissent", "tracking"}),
        ("Identify Uyghurs from their faces at the gate", {"profiling"}),
        ("Block the independent media sites before the elections", {"censorship"}),
        ("Interceptar las llamadas sin orden judicial", {"interception"}),
        ("Requested by the secret police", {"security_services"}),
        ("Hardware for the interrogation rooms", {"detention"}),
        # accents left out still match
        ("vigilar a los periodistas de la oposicion", {"targets_dissent"}),
        # negation and benign context raise nothing
        ("block malware sites", set()),
        ("monitor the network for attacks", set()),
        ("detect intruders in the warehouse", set()),
        ("We will not track protesters.", set()),
        ("No se usará para vigilar a periodistas.", set()),
        ("Система не будет следить за журналистами.", set()),
        ("该系统不会用于监控记者。", set()),
        ("track the delivery trucks of the fleet", set()),
        ("Laptops for a newsroom of journalists", set()),
        ("Lawful interception of calls under a court warrant", set()),
        # ... but a negated benign phrase is no excuse
        ("Intercept calls without a court warrant", {"interception"}),
        # the parts of a phrase must be in one sentence
        ("We track parcels. Protesters gathered outside our office.", set()),
        ("", set()),
    ],
)
def test_the_default_lexicon_reads_red_flags_and_leaves_benign_text(
    text: str, expected: set[str]
) -> None:
    assert categories(text) == expected


def test_a_signal_is_quoted_with_its_field_and_language() -> None:
    snap = example_snapshot(
        use_description="Office refresh. El cliente quiere rastrear a los manifestantes.",
        title="Cameras",
        **{"text.answers": ["客户希望定位抗议者的手机。"]},
    )
    out = read_text(snap, LEXICON)
    assert out["text.signals"] == ["targets_dissent", "tracking"]
    assert "Use description (Spanish): “rastrear a los manifestantes”" in out["text.tracking"]
    assert any(
        q.startswith("Answer to an information request (Chinese): “定位")
        for q in out["text.tracking"]
    )


def test_the_screening_quotes_the_phrase_as_evidence_and_the_deal_lands_high() -> None:
    snap = example_snapshot(
        intended_use=["network_operations"],
        use_description="The customer wants to locate the phones of protesters in the square.",
    )
    result = screen(snap, PACK)
    assert result.tier == "high" and result.heightened_due_diligence
    finding = next(f for f in result.findings if f.code == "TXT-TARGETING-DISSENT")
    quote = "Use description (English): “locate the phones of protesters”"
    assert finding.evidence == {"text.targets_dissent": [quote]}
    assert quote in finding.explanation
    assert finding.shown  # the rep's own words, quoted back: partner-safe
    assert result.text["text.signals"] == ["targets_dissent", "tracking"]


def test_stored_signals_are_read_again_with_the_lexicon_being_screened() -> None:
    """The preview re-scores stored snapshots: their old quotes must not count."""
    stale = example_snapshot(
        use_description="Office network refresh",
        **{"text.signals": ["tracking"], "text.tracking": ["Title (English): “x”"]},
    )
    assert screen_brief(stale, PACK)[0] == "low"
    no_lexicon = compile_criteria(PACK.specs, PACK.tiers)
    fresh = example_snapshot(use_description="Locate the phones of protesters")
    assert screen_brief(fresh, no_lexicon) == ("low", 1, ())
    assert screen(fresh, no_lexicon).text["text.signals"] == []


def test_an_admin_phrase_joins_the_reading_and_a_condition_can_combine_it() -> None:
    entry = LexiconEntry("seguimiento ~ sindicalistas", "es", "targets_dissent", "Caso 2024")
    spec = CriterionSpec(
        code="TXT-UNIONS-LOW-LIBERTIES",
        name="Unions",
        dimension="combination",
        condition='has_any(text.signals, ["targets_dissent"]) and country.civil_liberties < 0.5',
        scale=4,
        scope=3,
        irremediability=4,
        likelihood=1,
        severity_uplift=0,
        outcome="committee",
        explanation="Text: {text.targets_dissent}",
        reasoning="r",
        source="s",
    )
    compiled = compile_criteria([spec], lexicon=[entry])
    snap = example_snapshot(
        use_description="Seguimiento de los sindicalistas del puerto.",
        **{"country.civil_liberties": 0.3},
    )
    result = screen(snap, compiled)
    assert result.tier == "critical"
    assert result.findings[0].evidence["text.targets_dissent"] == [
        "Use description (Spanish): “Seguimiento de los sindicalistas”"
    ]
    assert screen(example_snapshot(use_description=snap["use_description"]), compiled).codes == ()


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (LexiconEntry("track ~ protesters", "xx", "tracking", "s"), 'language "xx"'),
        (LexiconEntry("track ~ protesters", "en", "spying", "s"), 'category "spying"'),
        (LexiconEntry("track ~ protesters", "en", "tracking", " "), "source must say"),
        (LexiconEntry("  ", "en", "tracking", "s"), "phrase must not be empty"),
        (LexiconEntry("det* ~ people", "en", "detention", "s"), "at least 4 letters"),
        (LexiconEntry("track ~ ~ people", "en", "tracking", "s"), "empty alternative"),
        (LexiconEntry("track|| people", "en", "tracking", "s"), "empty alternative"),
        (LexiconEntry("track.* ~ (people)", "en", "tracking", "s"), "letters only"),
        (LexiconEntry("a ~ b ~ c ~ d ~ e", "en", "tracking", "s"), "at most 4 parts"),
        (LexiconEntry("跟踪 ~ абв", "zh", "tracking", "s"), "Han characters"),
        (LexiconEntry("x" * 1001, "en", "tracking", "s"), "at most 1000"),
        (LexiconEntry(["x"], "en", "tracking", "s"), "phrase must be text"),  # type: ignore[arg-type]
    ],
)
def test_a_broken_lexicon_entry_is_refused_with_a_reason(entry: LexiconEntry, problem: str) -> None:
    problems = validate_entry(entry)
    assert any(problem in p for p in problems), problems
    with pytest.raises(LexiconError):
        compile_lexicon([entry])


def test_criteria_with_a_broken_lexicon_do_not_compile_and_every_problem_is_listed() -> None:
    bad = [
        LexiconEntry("track ~ protesters", "en", "tracking", "s"),
        LexiconEntry("Track  ~ Protesters", "en", "tracking", "s"),
        LexiconEntry("x*", "en", "tracking", "s"),
    ]
    with pytest.raises(CriteriaError) as exc:
        compile_criteria(PACK.specs, PACK.tiers, lexicon=bad)
    text = str(exc.value)
    assert "lexicon entry 2" in text and "already in the lexicon" in text
    assert "lexicon entry 3" in text


def test_a_text_repeating_alarming_words_thousands_of_times_still_reads_its_red_flag() -> None:
    """A rep (or a careless paste) cannot make the reader do unbounded work, nor hide a
    red flag behind a flood of words: the flood is bounded, the phrase is still found."""
    flood = "protesters journalists activists " * 600 + ". We will track the protesters."
    assert categories(flood) == {"targets_dissent", "tracking"}
    noise = ("track " * 2000) + "parcels"
    assert categories(noise) == set()


def test_partners_answers_stay_with_compliance_but_their_quotes_are_shown() -> None:
    """text.answers is another party's raw words: a partner-facing criterion may not quote
    it; the per-category quotes (what the rep or partner wrote, as evidence) may be."""
    from rules.engine import PARTNER_SAFE_FIELDS, validate_criterion

    assert "text.answers" not in PARTNER_SAFE_FIELDS
    assert {"text.signals", "text.tracking", "text.languages", "title"} <= PARTNER_SAFE_FIELDS
    spec = CriterionSpec(
        code="TXT-ANSWERS",
        name="n",
        dimension="intended_use",
        condition="count(text.answers) > 0",
        scale=1,
        scope=1,
        irremediability=1,
        likelihood=0,
        severity_uplift=0,
        outcome="score",
        explanation="They answered {text.answers}",
        reasoning="r",
        source="s",
    )
    assert any("compliance staff only" in p for p in validate_criterion(spec))


def test_a_disabled_entry_is_checked_but_does_not_read() -> None:
    entry = LexiconEntry("locate ~ protesters", "en", "tracking", "s", enabled=False)
    assert not read_one("locate the protesters", compile_lexicon([entry]))


def test_the_pack_lexicon_has_every_language_and_category_with_sources() -> None:
    entries = lexicon_from_pack(read_pack())
    pairs = {(e.language, e.category) for e in entries}
    for language in ("en", "fr", "es", "pt", "ar", "ru", "zh"):
        for category in (
            "targets_dissent",
            "profiling",
            "censorship",
            "interception",
            "tracking",
            "security_services",
            "detention",
            "benign",
        ):
            assert (language, category) in pairs
    assert all(e.source.strip() for e in entries)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The customer wants to monitor the network", "en"),
        ("Le client veut surveiller le réseau de ses agences", "fr"),
        ("El cliente quiere vigilar la red de sus oficinas", "es"),
        ("O cliente quer monitorar a rede dos escritórios", "pt"),
        ("Клиент хочет следить за сетью", "ru"),
        ("يريد العميل مراقبة الشبكة", "ar"),
        ("客户希望监控网络", "zh"),
        ("Retail", ""),  # too short to tell
        ("12345", ""),
    ],
)
def test_the_language_of_a_field_is_detected(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "change",
    ["unchanged", "a phrase added", "a phrase removed", "a benign phrase added", "disabled"],
)
def test_the_preview_reads_with_the_draft_what_a_full_reading_would_find(change: str) -> None:
    """The preview's shortcut (stored quotes + what added phrases read) finds the same
    categories as reading every text again with the draft's whole lexicon."""
    from dataclasses import replace

    from rules.engine import text_read
    from rules.engine.preview_text import preview_text_reader

    entries = list(PACK.lexicon.entries)
    if change == "a phrase added":
        entries.append(LexiconEntry("trace ~ unionists", "en", "targets_dissent", "s"))
    elif change == "a phrase removed":
        entries = [e for e in entries if "locate|track|trace|follow" not in e.phrase]
    elif change == "a benign phrase added":
        entries.append(LexiconEntry("protesters", "en", "benign", "s"))
    elif change == "disabled":
        entries = [replace(e, enabled=False) if e.category == "tracking" else e for e in entries]
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=entries)
    read = preview_text_reader(draft, PACK)
    for text in (
        "We will trace the unionists at the port.",
        "Locate the phones of protesters.",
        "Block malware sites.",
        "Office network refresh",
    ):
        snap = example_snapshot(use_description=text)
        stored = text_read(snap, PACK)
        assert read(snap, stored)["text.signals"] == text_read(snap, draft)["text.signals"], text
        assert read(snap, None)["text.signals"] == text_read(snap, draft)["text.signals"]
