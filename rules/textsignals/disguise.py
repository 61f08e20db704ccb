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

What a person reads past is undone too: markup (HTML tags and character references, and
Markdown emphasis inside a word), letters written as symbols (circled, squared, small
capitals), marks that only decorate letters, emoji inside a word, a word hyphenated at a
line end, letters spaced out ("p.r.o.t.e.s.t.e.r.s") and single digits standing for
letters inside a word ("pr0testers"). Each of these keeps the letters a word is written in
and only removes or replaces what stands between or in place of them.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from taxonomy.visible import ACTED_ON_RE, disguises_undone

_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_LATIN, _CYRILLIC, _GREEK = "A-Za-z\u00c0-\u024f", "\u0400-\u04ff", "\u0370-\u03ff"
_LATIN_RE = re.compile(f"[{_LATIN}]")
_CYRILLIC_RE = re.compile(f"[{_CYRILLIC}]")
_GREEK_RE = re.compile(f"[{_GREEK}]")
_MIXABLE_RE = re.compile("[\u0370-\u04ff]")  # Greek or Cyrillic: a Latin text holding one
# Letters of two of the scripts in one run of letters: a word ``_one_script`` may change
# (most Russian texts have none, and are then left as they are without a call a word).
# Between the two, only letters of neither, so a word is not walked again from each letter.
_MIXED_RE = re.compile(
    "|".join(
        f"[{a}][^\\W\\d_{a}{b}]*[{b}]"
        for a, b in itertools.permutations((_LATIN, _CYRILLIC, _GREEK), 2)
    )
)


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
    if not _LATIN_RE.search(word) and not (_CYRILLIC_RE.search(word) and _GREEK_RE.search(word)):
        return word  # a Russian or Greek word: nothing to count
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


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A letter, not a Han character (each of those is a word of its own already).
_L = f"[^\\W\\d_{_HAN}]"
_LETTER_RE = re.compile(_L)
_REFERENCE_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Tags of the HTML a rich-text field or a CRM export carries; only known names, so
# "latency <5 ms" or "x<y and y>z" stay as written. A block ends a line, as a line break
# does in plain text ("<li>Block ads</li><li>Opposition party office</li>" are two
# lines, not one sentence); an inline tag ends nothing ("pro<b></b>testers").
_BLOCK_TAGS = "br|p|div|li|ul|ol|tr|td|th|table|tbody|thead|h[1-6]|hr|blockquote|pre|dd|dt|dl"
_INLINE_TAGS = (
    "b|i|u|s|em|strong|span|font|a|sup|sub|small|big|mark|del|ins|code|tt|abbr|q|cite|kbd"
    "|var|strike|wbr|bdi|bdo"
)
_TAG_RE = re.compile(
    rf"<!--.*?-->|<(/?)(?i:({_BLOCK_TAGS})|{_INLINE_TAGS})(?:\s[^<>]*)?/?>", re.DOTALL
)
# Drawn inside a word without being part of it: Markdown emphasis, a bullet or a middle
# dot, an emoji (and its modifiers) between two letters. Not an underscore: it stands for
# a space in a hashtag ("#free_the_press"). Each pattern below starts with
# the characters it is about, so a text without them is passed over at C speed.
_EMOJI = "\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_IN_WORD_RE = re.compile(rf"[*~`\u2022\u00b7{_EMOJI}]+(?={_L})")
# Marks of the blocks no language of the reader writes with, drawn over or around a
# letter ("p\u20e0r\u20e0o\u20e0"): the extended and supplementary combining marks, those for
# symbols, the half marks.
_DECORATION_RE = re.compile("[\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters drawn as symbols: small capitals, circled, squared and parenthesised letters.
_SYMBOL_LETTER_RE = re.compile(
    "[\u0250-\u02af\u1d00-\u1d7f\ua720-\ua7ff\u2460-\u24ff\U0001f100-\U0001f1e5]"
)
# What the three steps below act on: a text holding none (most) skips them in one search.
_UNDONE_RE = re.compile(
    "|".join(p.pattern for p in (ACTED_ON_RE, _DECORATION_RE, _SYMBOL_LETTER_RE))
)
_LINE_END_HYPHEN_RE = re.compile(r"-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
# Four letters or more, each alone and spaced by one same character: "p.r.o.t.e.s.t";
# the rare spacing first ("p.r", "r.o", "o.t": a character between two single letters).
_SPACER = "[.\\- _*\u00b7\u2022]"
_SPACED_HINT_RE = re.compile(rf"({_SPACER}){_L}\1{_L}\1")
_SPACED_RE = re.compile(rf"(?<![^\W_]){_L}({_SPACER}){_L}(?:\1{_L}){{2,}}(?![^\W_])")
# A word of letters and single digits: "pr0testers", "tr4ck", "4ctivists". Chinese,
# written without spaces, is left out: "部署3套系统" is no word with a digit in it.
_W = f"[^\\W_{_HAN}]"  # a letter or a digit
_DIGIT_BY_LETTER_RE = re.compile(rf"[0-9](?:(?={_L})|(?<={_L}[0-9]))")
_DIGITED_RE = re.compile(rf"(?<!{_W})(?={_W}*{_L}){_W}*\d{_W}*(?!{_W})")
_DIGIT_RE = re.compile(r"\d")
_LATIN_DIGITS = str.maketrans("013457", "oieast")
_CYRILLIC_DIGITS = str.maketrans("036", "озб")
_LETTER_NAME_RE = re.compile(
    r"(?:(?:NEGATIVE )?(?:CIRCLED|SQUARED|PARENTHESIZED) )?"
    r"LATIN (?:LETTER SMALL CAPITAL|CAPITAL LETTER|SMALL LETTER) ([A-Z])"
)


@cache
def _letters_as_symbols() -> dict[int, str]:
    """Each small capital and each circled, squared or parenthesised Latin letter, mapped
    to the letter it shows (by its Unicode name)."""
    table = {}
    for lo, hi in (
        (0x250, 0x2B0),
        (0x1D00, 0x1D80),
        (0xA720, 0xA800),
        (0x2460, 0x2500),
        (0x1F100, 0x1F1E6),
    ):
        for cp in range(lo, hi):
            m = _LETTER_NAME_RE.fullmatch(unicodedata.name(chr(cp), ""))
            if m:
                small = "SMALL" in m.group(0)
                table[cp] = m.group(1).lower() if small else m.group(1)
    return table


def _undigited(match: re.Match) -> str:
    """A word with single digits for letters, read with the letters. Only a word of four
    letters or more, one digit at a time, two letters or more after the last digit and,
    unless all the letters after the first digit are lower case ("r4strear", "4ctivists"),
    two or more before it: "L3VPN", "Cat5e", "COVID19", "Windows7", "5G" and "3rd" stay
    as written."""
    word = match.group()
    runs = _DIGIT_RE.split(word)  # the letters between the digits
    if "" in runs[1:] or sum(map(len, runs)) < 4 or len(runs[-1]) < 2:
        return word
    if len(runs[0]) < 2 and not (len(runs[1]) >= 3 and "".join(runs[1:]).islower()):
        return word
    read = word.translate(_CYRILLIC_DIGITS if _CYRILLIC_RE.search(word) else _LATIN_DIGITS)
    return word if _DIGIT_RE.search(read) else read


def _unspaced(match: re.Match) -> str:
    """Single letters spaced by one same character, as one word. Spaced by blanks, only
    five letters or more all of one case: "entre o X e o Y" is Portuguese, not a word."""
    spaced = match.group()
    letters = spaced[::2]
    if spaced[1] == " " and (len(letters) < 5 or letters not in (letters.lower(), letters.upper())):
        return spaced
    return letters


def _after_a_letter(match: re.Match) -> bool:
    start = match.start()
    return start > 0 and _LETTER_RE.match(match.string, start - 1) is not None


def _inside_a_word(match: re.Match) -> str:
    return "" if _after_a_letter(match) else match.group()


def _line_end_hyphen(match: re.Match) -> str:
    """A hyphen at a line end between two parts of a word is no hyphen: "pro-\\ntesters".
    A capital after it starts a word of its own ("Franco-\\nGerman" stays)."""
    joined = _after_a_letter(match) and match.string[match.end()].islower()
    return "" if joined else match.group()


def _html_undone(text: str) -> str:
    if "&" in text:
        text = _REFERENCE_RE.sub(lambda m: html.unescape(m.group()), text)
    if "<" in text:
        text = _TAG_RE.sub(lambda m: "\n" if m.group(2) else "", text)
    return text


# A deal's text is undone once for the languages shown to the reviewer and again for the
# reading, a title or a sector for every deal that shares it: the last texts undone are
# kept (a few hundred, at most 5,000 characters each).
AS_READ_KEPT = 256


@lru_cache(maxsize=AS_READ_KEPT)
def as_read(text: str) -> str:
    """``text`` with its disguises undone: markup taken off, invisible characters and
    decorating marks dropped, a right-to-left override put back in reading order, letters
    drawn as symbols written as letters, what stands inside a word (an emoji, Markdown
    emphasis, a hyphen at a line end, spaces between its letters, digits for its letters)
    taken out, and each word of look-alike letters from two of the Latin, Cyrillic and
    Greek scripts written in one."""
    text = _html_undone(text)
    if not text.isascii() and _UNDONE_RE.search(text):
        text = disguises_undone(text)
        if _DECORATION_RE.search(text):
            text = _DECORATION_RE.sub("", text)
        if _SYMBOL_LETTER_RE.search(text):
            text = text.translate(_letters_as_symbols())
    if _IN_WORD_RE.search(text):
        text = _IN_WORD_RE.sub(_inside_a_word, text)
    if "-" in text and "\n" in text:
        text = _LINE_END_HYPHEN_RE.sub(_line_end_hyphen, text)
    if _SPACED_HINT_RE.search(text):
        text = _SPACED_RE.sub(_unspaced, text)
    if _DIGIT_BY_LETTER_RE.search(text):
        text = _DIGITED_RE.sub(_undigited, text)
    if text.isascii() or not _MIXABLE_RE.search(text) or not _MIXED_RE.search(text):
        return text
    return _WORD_RE.sub(lambda m: _one_script(m.group()), text)
