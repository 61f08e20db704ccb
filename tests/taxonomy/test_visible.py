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


# Marks that draw nothing of their own: the combining grapheme joiner (U+034F), the Khmer
# inherent vowels (U+17B4, U+17B5), the Mongolian variation selectors (U+180B to U+180D,
# U+180F) and the variation selectors (U+FE00 to U+FE0F, U+E0100 to U+E01EF). After a
# letter, "Alpha\u034f Systems" shows exactly as "Alpha Systems": a second partner by the
# same name.
DRAWING_NOTHING = ["\u034f", "\u17b4", "\u17b5", "\u180b", "\u180f", "\ufe00", "\ufe0f"]
DRAWING_NOTHING += ["\U000e0100", "\U000e01ef"]


@pytest.mark.parametrize("mark", DRAWING_NOTHING)
def test_a_mark_that_draws_nothing_is_not_part_of_the_name(mark):
    assert name_as_read(f"Alpha{mark} Systems{mark}") == "Alpha Systems"
    assert name_as_read(mark * 3) == ""


def test_marks_that_draw_something_are_kept():
    assert name_as_read("Zürich Telecom") == "Zürich Telecom"
    assert name_as_read("Zu\u0308rich") == "Zu\u0308rich"  # u and its combining diaeresis
    assert name_as_read("ស្ថាប័ន") == "ស្ថាប័ន"  # Khmer letters and their signs


def test_every_format_character_is_dropped():
    """Format characters are matched by one character class built from the first two
    planes and the tags plane: it must hold every one of them, in every plane."""
    import unicodedata

    from taxonomy.visible import disguises_undone

    kept = []
    for cp in range(0x80, 0x110000):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF or ch == "\u202e":
            continue  # surrogates; the override is turned around, not dropped
        dropped = disguises_undone(f"a{ch}b") == "ab"
        if (unicodedata.category(ch) == "Cf") and not dropped:
            kept.append(hex(cp))
    assert kept == []
