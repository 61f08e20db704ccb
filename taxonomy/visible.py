"""Text as a reader sees it. Names typed by partners and reps are read by reviewers, so
nothing in them may be invisible or read differently from what it says: a right-to-left
override shows "OC HCRAESER" as "RESEARCH CO", a zero-width space makes a second "Alpha
Systems Integration" that reads exactly like the first. Plain Python, no Django."""

from __future__ import annotations

import itertools
import re
import unicodedata

_RLO_RE = re.compile("\u202e([^\u202c]*)\u202c?")
# Drawn as blank space though they are letters or symbols, not spaces: the Hangul fillers
# (U+3164, its half-width form U+FFA0, the conjoining U+115F and U+1160) and the braille
# blank (U+2800). A name of nothing else looks empty.
BLANK_LOOKING = "\u3164\uffa0\u115f\u1160\u2800"
_SEPARATORS = dict.fromkeys(map(ord, "\u2028\u2029\x85\x00" + BLANK_LOOKING), " ")
# Translating looks every character up: a text is searched for one of them first.
_SEPARATOR_RE = re.compile("[" + "".join(map(chr, _SEPARATORS)) + "]")
# Marks that draw nothing of their own, so "Alpha\u034f Systems" shows as "Alpha Systems":
# the combining grapheme joiner, the Khmer inherent vowels, the Mongolian and the other
# variation selectors (the Unicode default-ignorable marks; the format ones are Cf).
_DRAWING_NOTHING = re.compile(
    "[\u034f\u17b4\u17b5\u180b-\u180d\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef]"
)


def _format_characters() -> re.Pattern:
    """Every Unicode format character (category Cf), as one character class: matched in C,
    not looked up a character at a time. They are all in the first two planes and the
    tags plane (``tests/access/test_disguised_names.py`` checks every code point)."""
    ranges: list[list[int]] = []
    for cp in itertools.chain(range(0x20000), range(0xE0000, 0xE1000)):
        if unicodedata.category(chr(cp)) == "Cf":
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]")


_FORMAT_RE = _format_characters()
# Every character ``disguises_undone`` acts on (an override is a format character), in one
# class: a text holding none, as most do, is passed over in one search.
ACTED_ON_RE = re.compile("|".join(p.pattern for p in (_FORMAT_RE, _DRAWING_NOTHING, _SEPARATOR_RE)))


def disguises_undone(text: str) -> str:
    """`text` with the text behind a right-to-left override put back in the order it is
    read, every Unicode format character (zero-width spaces and joiners, the byte-order
    mark, soft hyphens, direction controls) and every mark that draws nothing dropped,
    and line and paragraph separators and the characters that are drawn blank
    (`BLANK_LOOKING`) made spaces."""
    if text.isascii():  # no format characters
        return text.replace("\x00", " ")
    if not ACTED_ON_RE.search(text):
        return text
    text = _RLO_RE.sub(lambda m: m.group(1)[::-1], text)
    text = _FORMAT_RE.sub("", text)
    text = _DRAWING_NOTHING.sub("", text)
    return text.translate(_SEPARATORS) if _SEPARATOR_RE.search(text) else text


def name_as_read(text: str) -> str:
    """A name as it reads: disguises undone, runs of white space one space, no space at
    either end."""
    return " ".join(disguises_undone(text or "").split())
