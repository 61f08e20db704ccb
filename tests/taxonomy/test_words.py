"""Codes in words: the one presenter every page, email and export takes its names from."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from rules.engine.fields import FIELDS
from taxonomy import words


def test_evidence_reads_as_labelled_values_not_paths_lists_or_booleans():
    items = words.evidence(
        {
            "end_user.type": "state_telecom",
            "capabilities": ["deep_packet_inspection"],
            "customization": True,
            "country.freedom_of_expression": 0.2213,
            "end_user.country": "EG",
            "channel.countries": ["AE", "DE"],
        }
    )
    assert ("End-user type", "State-owned telecom operator / national IXP") in items
    assert ("Product capabilities", "Deep packet inspection, URL filtering and blocking") in items
    assert ("Custom development or integration", "yes") in items
    assert ("Freedom of expression (V-Dem)", "0.22 of 1 (higher is freer)") in items
    assert ("End user's country", "Egypt") in items
    assert ("Countries of the channel partners", "United Arab Emirates, Germany") in items
    text = " ".join(f"{label}: {value}" for label, value in items)
    assert "_" not in text and "[" not in text and "True" not in text and "end_user." not in text


def test_every_snapshot_field_has_a_label_in_words():
    """A field added to the rules engine without a label would show its path."""
    missing = sorted(p for p in FIELDS if p not in words.FIELD_WORDS)
    assert not missing, f"label these fields in taxonomy/words.py: {missing}"
    for path in FIELDS:
        assert not re.search(r"[a-z]_[a-z]|\.", words.field_label(path)), path


def test_missing_country_data_reads_as_no_data():
    assert words.value_words("country.rule_of_law", None) == "no data"


@pytest.mark.parametrize(
    ("vocabulary", "code", "name"),
    [
        ("end_user_type", "intelligence_agency", "Intelligence / state-security service"),
        ("intended_use", "population_monitoring", "Population monitoring"),
        ("capability", "lawful_interception", "Lawful interception (gateways, monitoring centres)"),
        ("dimension", "country_context", "Country context"),
        ("channel_role", "integrator", "System integrator / value-added reseller"),
        ("outcome", "heightened_due_diligence", "Heightened due diligence"),
        ("red_flag", "no_such_code", "No such code"),  # unknown codes still read as words
    ],
)
def test_codes_read_as_their_names(vocabulary, code, name):
    assert words.term(code, vocabulary) == name


def test_countries_read_as_names():
    assert words.country("EG") == "Egypt"
    assert words.country("xk") == "Kosovo"
    assert words.country("") == ""


def test_money_is_written_as_the_readers_locale_writes_it():
    assert words.money("250000", "USD", "en-gb") == "US$250,000.00"
    assert words.money("1234567.5", "EUR", "de") == "1.234.567,50\xa0€"
    assert words.money("1234567.5", "EUR", "fr").startswith("1\u202f234\u202f567,50")
    assert words.money(None, "USD") == ""


def test_durations_and_dates_read_in_words():
    assert words.duration(timedelta(days=3)) == "3 days"
    assert words.duration(timedelta(hours=-5)) == "5 hours"
    assert words.day(date(2026, 11, 30), "en-gb") == "30 Nov 2026"


def test_audit_actions_and_states_read_in_words():
    assert words.humanise("opportunity.approve_with_conditions") == (
        "Opportunity: approve with conditions"
    )
    assert words.humanise("information_requested") == "Information requested"


def test_template_filters_follow_the_active_language():
    template = Template(
        '{% load words %}{{ amount|money:"EUR" }} · {{ "police"|term:"end_user_type" }}'
        ' · {{ "DE"|country }} · {{ caps|terms:"capability" }}'
    )
    context = Context({"amount": 1500, "caps": ["storage", "networking"]})
    with translation.override("de"):
        german = template.render(context)
    with translation.override("en-gb"):
        british = template.render(context)
    assert german.startswith("1.500,00\xa0€")
    assert british.startswith("€1,500.00")
    assert "Police / public-security bureau · Germany · Storage, Networking equipment" in british


def test_file_format_codes_are_escaped_and_marked():
    html = Template("{% load words %}{{ text|file_format_codes }}").render(
        Context({"text": "<b>e.g. state_telecom</b>"})
    )
    assert html == '&lt;b&gt;e.g. <code class="file-format">state_telecom</code>&lt;/b&gt;'


def _contrast(foreground: str, background: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_tier_badges_meet_wcag_aa_contrast():
    """White badge text on each tier's colour: at least 4.5:1 (small bold text)."""
    css = (Path(__file__).resolve().parents[2] / "static" / "css" / "app.css").read_text()
    colours = dict(re.findall(r"--(low|medium|high|critical|prohibited):(#[0-9a-fA-F]{6})", css))
    assert set(colours) == {"low", "medium", "high", "critical", "prohibited"}
    for tier, colour in colours.items():
        assert _contrast("#ffffff", colour) >= 4.5, f"the {tier} badge is {colour}"


def test_red_flags_read_in_the_text_are_named():
    assert words.evidence({"text.signals": ["targets_dissent"]}) == [
        (
            "Red flags read in the deal's text",
            "Targets dissent: activists, journalists, opposition, protesters, human-rights defenders",
        )
    ]
