"""Targets narrowed so that ordinary sentences read nothing must still read the dangerous
ones: the intel service of a presidency is a service (Intel's products beside "service"
are benign context), and the residents of a named place or district are people (a care
home's residents are not). Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The buyer is the intel service of the presidency, deployment Q3.", "security_services"),
        (
            "Rep's note: the end user is not the army, it is the intel service of the presidency.",
            "security_services",
        ),
        ("Geofence alerts when residents of Kashgar leave their neighbourhood.", "tracking"),
        ("Geofencing of residents in the Uyghur districts", "tracking"),
        ("Géorepérage des habitants des quartiers ouïghours.", "tracking"),
        ("Geocerca para los vecinos de los distritos uigures.", "tracking"),
    ],
)
def test_a_narrowed_target_still_reads_the_dangerous_sentence(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Intel Xeon support service for the ministry's data centre.",
        "Intel server services, three years, for the bank.",
        "Location wristbands for residents with dementia in the care home of the town.",
        "Track deliveries to residents across the city.",
        "Geofencing alerts when residents with dementia leave the care home.",
    ],
)
def test_ordinary_sentences_sharing_the_words_read_nothing(text: str) -> None:
    assert not categories(text)
