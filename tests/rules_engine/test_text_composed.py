"""Composed reading: an act near its target, in one sentence. Worked cases, no database."""

from __future__ import annotations

import pytest

from rules.textsignals import LexiconEntry, compile_lexicon
from rules.textsignals.reader import read_one


def test_the_parts_of_a_phrase_read_different_words() -> None:
    lexicon = compile_lexicon(
        [LexiconEntry("locate ~ location|locations", "en", "tracking", "test")]
    )
    # "locate" and "location" share a stem: one word is no act near a target
    assert read_one("Locate the pumps in the ward.", lexicon) == []
    assert read_one("Locate the location of the pumps.", lexicon) == [
        ("tracking", "en", "Locate the location")
    ]


@pytest.mark.parametrize(
    "text",
    ["المراقبة الدائمة للصحفيين", "مراقبة دائمة للصحفيين", "ومراقبة الصحفيين"],
)
def test_an_arabic_word_matches_with_or_without_its_article(text: str) -> None:
    lexicon = compile_lexicon([LexiconEntry("المراقبة ~ صحفيين", "ar", "targets_dissent", "test")])
    assert [c for c, _l, _q in read_one(text, lexicon)] == ["targets_dissent"]
