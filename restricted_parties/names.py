"""Normalising party names for matching: plain Python, no Django.

A name as typed becomes a list of *parts* (lowercase ASCII words) and the legal forms
found in it. The steps, in order:

1. Disguises removed: text behind a right-to-left override is put back in reading order,
   then every Unicode format character (zero-width spaces and joiners, bidi controls,
   soft hyphens) is dropped and line/paragraph separators become spaces.
2. NFKC (full-width and compatibility letters become plain ones).
3. Look-alike letters folded: in a name that has Latin letters, Cyrillic, Greek and other
   characters that Unicode's confusables table says look like a Latin letter or digit
   become that letter ("Ѕаblе" typed with Cyrillic letters is "Sable"). A name with no
   Latin letter is transliterated instead ("Газпром" is "gazprom", not look-alikes).
4. Transliterated to ASCII, casefolded; apostrophes and dots dropped, other punctuation
   splits words.
5. Legal forms (LLC, limited liability company, Co., Ltd., JSC, GmbH, FZE, ...) recognised,
   even misspelt ("LIMITED LIABILTY COMPNAY", "CROPORATION"), set aside and remembered.

The party's name is never changed in the record: this is only the comparison form.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA
from unidecode import unidecode

from taxonomy.visible import disguises_undone

# Canonical legal form -> its spellings (after punctuation is stripped and lowercased).
LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "llc": (
        "limited liability company",
        "limited liability co",
        "limited liability partnership",
        "l l c",
        "llc",
        "llp",
        "ooo",
        "tov",
        "too",
        "sp z o o",
        "spzoo",
        "mchj",
    ),
    "coltd": ("company limited", "company ltd", "co limited", "co ltd", "coltd"),
    "jsc": (
        "public joint stock company",
        "open joint stock company",
        "closed joint stock company",
        "private joint stock company",
        "joint stock company",
        "joint stock co",
        "jointstock company",
        "public jsc",
        "pjsc",
        "ojsc",
        "cjsc",
        "jsc",
        "oao",
        "zao",
        "pao",
        "aoa",
        "ao",
        "psc",
    ),
    "gmbh": (
        "gesellschaft mit beschrankter haftung",
        "gmbh and co kg",
        "gmbh co kg",
        "gmbh",
        "mbh",
    ),
    "fze": (
        "free zone establishment",
        "free zone company",
        "free zone llc",
        "fz llc",
        "fz co",
        "fzllc",
        "fzco",
        "fzc",
        "fze",
    ),
    "inc": ("incorporated", "inc"),
    "corp": ("corporation", "corp"),
    "ltd": (
        "private limited",
        "private ltd",
        "pvt ltd",
        "pte limited",
        "pty limited",
        "pvt limited",
        "pte ltd",
        "pty ltd",
        "limited",
        "ltd",
        "pvt",
        "pte",
        "pty",
    ),
    "sa": (
        "societe anonyme",
        "sociedad anonima",
        "sa de cv",
        "s a de c v",
        "sab de cv",
        "s a",
        "sa",
        "sarl",
        "sas",
        "sal",
        "sae",
        "saog",
        "saoc",
    ),
    "plc": ("public limited company", "plc"),
    "ag": ("aktiengesellschaft", "ag"),
    "bv": ("besloten vennootschap", "bv", "nv"),
    "srl": ("srl", "spa", "sro", "as", "asa", "ab", "oy", "oyj", "aps", "kk", "kabushiki kaisha"),
    "bhd": ("sdn bhd", "bhd"),
    "est": ("establishment", "est"),
    "co": ("company", "co", "cia", "lda", "ltda", "kg", "se", "lp"),
}

# Spellings that are also ordinary words or initials ("as", "co", "est", "spa", ...): these
# are set aside only at the start or end of a name, never in the middle.
_EDGE_ONLY = {
    s
    for spellings in LEGAL_FORMS.values()
    for s in spellings
    if " " not in s and (len(s) <= 3 or s in {"company", "establishment"})
} - {"llc", "ltd", "inc", "jsc", "fze", "fzc", "plc", "oao", "zao", "ooo", "pjsc", "gmbh"}

# Dropped everywhere: "Smith & Sons" = "Smith and Sons" = "The Smith Sons".
STOPWORDS = frozenset({"the", "and"})

_PHRASES: dict[tuple[str, ...], str] = {
    tuple(s.split(" ")): canon for canon, spellings in LEGAL_FORMS.items() for s in spellings
}
_LONGEST_PHRASE = max(len(p) for p in _PHRASES)
_PHRASE_WORDS = frozenset(w for p in _PHRASES for w in p)
# Words of the legal forms long enough to be recognised when misspelt by one letter (two
# for long words): "liabilty", "compnay", "limietd", "croporation".
_LEGAL_WORDS = sorted({w for p in _PHRASES for w in p if len(w) >= 5})

_DROP_RE = re.compile(r"['\u2019`.]")  # removed without a gap: "L.L.C." -> "llc", "O'Brien"
_SPLIT_RE = re.compile(r"[^a-z0-9]+")


@cache
def _confusables() -> dict[int, str]:
    """Unicode's confusables (from the pinned confusable-homoglyphs package): every
    non-ASCII character that looks like one ASCII letter or digit, mapped to it."""
    import confusable_homoglyphs

    path = Path(confusable_homoglyphs.__file__).with_name("confusables.json")
    table: dict[int, str] = {}
    for char, glyphs in json.loads(path.read_text(encoding="utf-8")).items():
        if len(char) != 1 or char.isascii():
            continue
        ascii_glyphs = [g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii()]
        for pick in (str.isalpha, str.isdigit):
            found = [c for c in ascii_glyphs if pick(c)]
            if found:
                table[ord(char)] = found[0]
                break
    return table


def text_clean(text: str) -> str:
    """`text` with disguises undone (steps 1 to 3 of the module's docstring)."""
    text = text or ""
    if text.isascii():  # no format characters, look-alikes or compatibility forms
        return text.replace("\x00", " ")
    text = unicodedata.normalize("NFKC", disguises_undone(text))
    if any("a" <= ch <= "z" or "A" <= ch <= "Z" for ch in text):
        text = text.translate(_confusables())
    return text


def fold(text: str) -> str:
    """Lowercase ASCII words separated by single spaces (steps 1 to 4)."""
    text = text_clean(text)
    if not text.isascii():
        text = unidecode(text)
    text = text.casefold().replace("&", " and ")
    text = _DROP_RE.sub("", text)
    return " ".join(_SPLIT_RE.split(text)).strip()


@lru_cache(maxsize=200_000)
def _legal_spelling(word: str) -> str | None:
    """The legal-form word `word` is a misspelling of, if any."""
    if len(word) < 4:
        return None
    most = 1 if len(word) < 9 else 2
    found = process.extractOne(word, _LEGAL_WORDS, scorer=OSA.distance, score_cutoff=most)
    return found[0] if found else None


@dataclass(frozen=True)
class NameParts:
    """A normalised name: its distinctive parts in the order typed, the legal forms set
    aside, and the comparison key (the parts sorted)."""

    parts: tuple[str, ...]
    legal_forms: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return " ".join(sorted(self.parts))


def _legal_spans(tokens: list[str]) -> list[tuple[int, int, str, str]]:
    """(start, end, canonical form, first word spelt right) of each legal form, left to
    right, longest phrase first. A misspelt legal word counts when the whole phrase then
    reads as a legal form, or alone when it is six letters or more ("LIMTED")."""
    fixed = [t if t in _PHRASE_WORDS else (_legal_spelling(t) or t) for t in tokens]
    if not _PHRASE_WORDS.intersection(fixed):
        return []
    spans = []
    i = 0
    while i < len(tokens):
        for size in range(min(_LONGEST_PHRASE, len(tokens) - i), 0, -1):
            canon = _PHRASES.get(tuple(fixed[i : i + size]))
            if canon is None:
                continue
            exact = tuple(tokens[i : i + size]) in _PHRASES
            if exact or size > 1 or len(tokens[i]) >= 6:
                spans.append((i, i + size, canon, fixed[i]))
                i += size - 1
                break
        i += 1
    return spans


def name_parts(name: str) -> NameParts:
    """The parts of a name; empty only when the name has no letters or digits.

    Legal forms are set aside wherever they are unambiguous and at the ends of the name
    otherwise; a name made only of legal-form words keeps them as parts (so "Limited"
    alone can still be compared).
    """
    tokens = [t for t in fold(name).split(" ") if t]
    if not tokens:
        return NameParts(())
    spans = _legal_spans(tokens)
    # Units: ("form", canon, multiword) for legal forms, ("word", token) otherwise.
    units: list[tuple[str, str, bool]] = []
    pos = 0
    for start, end, canon, word in spans:
        units += [("word", t, False) for t in tokens[pos:start]]
        single = end - start == 1
        units.append(("form", word if single else canon, not single))
        pos = end
    units += [("word", t, False) for t in tokens[pos:]]

    def is_form(u: tuple[str, str, bool]) -> bool:
        return u[0] == "form" or u[1] in STOPWORDS

    start, end = 0, len(units)
    while start < end and is_form(units[start]):
        start += 1
    while end > start and is_form(units[end - 1]):
        end -= 1
    parts: list[str] = []
    forms: list[str] = []
    for i, (kind, value, multi) in enumerate(units):
        if kind == "form":
            canon = value if multi else _PHRASES[(value,)]
            if not (start <= i < end) or multi or value not in _EDGE_ONLY:
                forms.append(canon)
                continue
        if value not in STOPWORDS:
            parts.append(value)
    if not parts:  # nothing but legal forms: compare on them rather than on nothing
        parts = [_PHRASES.get((t,), t) for t in tokens if t not in STOPWORDS] or tokens
        forms = []
    return NameParts(tuple(parts), tuple(dict.fromkeys(forms)))


def name_key(name: str) -> str:
    """The comparison key of a name: its parts, sorted, joined by spaces."""
    return name_parts(name).key
