"""Text as the reader reads it: disguises undone before a word is looked at.

A rep who does not want a description read can write it so that it looks the same to a
person and different to a program: a zero-width space inside "pro\u200btesters", a Cyrillic
"а" in "trаck", a Latin "o" in "прoтестующих". Names already go through
``taxonomy.visible.disguises_undone``; a description goes through the same, and then each
word that mixes look-alike letters of the Latin, Cyrillic and Greek scripts is written in
one script. A Russian word stays Cyrillic and a French one Latin: only a word holding
letters of two of those scripts is changed, and only into a script every one of its
letters has a look-alike in (Unicode's confusables, from the pinned
confusable-homoglyphs package).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from taxonomy.visible import disguises_undone

_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f]")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_GREEK_RE = re.compile("[\u0370-\u03ff]")
_MIXABLE_RE = re.compile("[\u0370-\u04ff]")  # Greek or Cyrillic: a Latin text holding one


@cache
def _tables() -> tuple[dict[int, str], dict[int, str]]:
    """(to Latin, to Cyrillic): each Cyrillic or Greek letter that looks like one ASCII
    letter, mapped to it; each ASCII letter that looks like a basic Cyrillic letter,
    mapped to that letter."""
    import confusable_homoglyphs

    path = Path(confusable_homoglyphs.__file__).with_name("confusables.json")
    to_latin: dict[int, str] = {}
    to_cyrillic: dict[int, str] = {}
    for char, glyphs in json.loads(path.read_text(encoding="utf-8")).items():
        if len(char) != 1 or not ("\u0370" <= char <= "\u04ff"):
            continue
        letters = [g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii()]
        letters = [c for c in letters if c.isalpha()]
        if not letters:
            continue
        to_latin[ord(char)] = letters[0]
        # Only the basic Russian alphabet is written back: "і" (Ukrainian) is left alone.
        if "\u0410" <= char <= "\u044f":
            to_cyrillic.setdefault(ord(letters[0]), char)
    return to_latin, to_cyrillic


def _one_script(word: str) -> str:
    latin = len(_LATIN_RE.findall(word))
    cyrillic = len(_CYRILLIC_RE.findall(word))
    greek = len(_GREEK_RE.findall(word))
    if (latin > 0) + (cyrillic > 0) + (greek > 0) < 2:
        return word  # one script: a Russian word, a French one, a Greek one
    other = cyrillic + greek
    to_latin, to_cyrillic = _tables()
    as_latin = word.translate(to_latin)
    as_cyrillic = word.translate(to_cyrillic)
    latin_ok = not _MIXABLE_RE.search(as_latin)
    cyrillic_ok = not _LATIN_RE.search(as_cyrillic) and not _GREEK_RE.search(as_cyrillic)
    if latin_ok and (not cyrillic_ok or latin >= other):
        return as_latin
    if cyrillic_ok:
        return as_cyrillic
    return word


def as_read(text: str) -> str:
    """``text`` with its disguises undone: invisible characters dropped, a right-to-left
    override put back in reading order, and each word of look-alike letters from two of
    the Latin, Cyrillic and Greek scripts written in one."""
    if text.isascii():
        return text
    text = disguises_undone(text)
    if not _MIXABLE_RE.search(text):
        return text
    return _WORD_RE.sub(lambda m: _one_script(m.group()), text)
