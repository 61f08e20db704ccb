"""Names as a reader sees them: characters that show as nothing, or as a blank, are not
part of what a name says."""

from __future__ import annotations

import pytest

from taxonomy.visible import name_as_read

# Hangul fillers (U+3164, U+115F, U+1160, U+FFA0) and the braille blank (U+2800) draw as
# empty space: a name of nothing else looks empty on every page.
BLANK_LOOKING = ["\u3164", "\u115f", "\u1160", "\uffa0", "\u2800"]


@pytest.mark.parametrize("blank", BLANK_LOOKING)
def test_a_name_of_blank_looking_characters_reads_as_nothing(blank):
    assert name_as_read(blank * 3) == ""
    assert name_as_read(f" {blank}\u200b{blank} ") == ""


@pytest.mark.parametrize("blank", BLANK_LOOKING)
def test_a_blank_looking_character_inside_a_name_reads_as_the_space_it_shows(blank):
    assert name_as_read(f"{blank}Alpha{blank}Systems Integration{blank}") == (
        "Alpha Systems Integration"
    )


def test_letters_of_other_scripts_are_kept():
    assert name_as_read("한국 통신 주식회사") == "한국 통신 주식회사"
    assert name_as_read("ﾊﾝｸﾞﾙ") == "ﾊﾝｸﾞﾙ"  # half-width letters beside U+FFA0 stay
