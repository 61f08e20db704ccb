"""A word of the lexicon split by a plain space or a line break, put back together.

"track the phones of pro testers", "journa\\nlists", "протес тующих", "المتظا هرين": a
person reads one word, the reader read two (and a line break ended the sentence). Two
pieces of letters (or three: "pro tes ters"), next to each other with a gap between them
(a few spaces of any kind, line breaks or dashes together: "pro- testers", "pro  testers"),
are read as one word when:

- the word they make is one the lexicon reads (a stem of one of its phrases, signals or
  benign context, or a word that starts like a ``word*`` of one), in their script, and
- at least one piece is no word the reader recognises: neither a short word every text
  uses (articles, prepositions, pronouns of the seven languages) nor a word the lexicon
  writes itself (as written, not by its stem), nor for Russian a word of the dictionary.
  "pro", "journa", "ters" are none; "of", "the" and "листов" are.

So "of the" never becomes a word, and two words the lexicon reads ("track", "phones") stay
two. Chinese is written without spaces and already read character by character; it is
left alone. The quote shows the word put back together, as a person reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from .candidates import prefixes_by_head
from .languages import TOKEN_RE, bare_word, normalise, script_of, word_keys
from .lexicon import CompiledLexicon
from .morphology import russian_word_known
from .short_words import (  # noqa: F401 (PIECE_KEPT_LENGTH: the tests read it here)
    FUNCTION_WORDS,
    PIECE_KEPT_LENGTH,
    _folded,
    short_word,
)

_PLAN_KEY = "split_words"
# Blanks a word may be split by: any space (a tab, no-break, thin, em and ideographic ones
# too: they look the same), a line break, a dash ("pro-testers", "pro -  testers", "pro - -
# testers": ``HYPHENS``, every dash a keyboard or a word processor puts between two letters,
# read only before the rest of a word: "jour–nalists", "pro—testers", "pro−testers"), a few
# of them together (``GAP_MOST``): "pro    testers" as "pro   -   testers".
_SPACES = "\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_BLANKS = f"[{_SPACES}]"
HYPHENS = "-\u058a\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_HYPHEN = f"[{HYPHENS}]"
_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
GAP_MOST = 8  # characters of a gap: longer, it lays out a page (columns), it splits no word
_GAP = f"[{HYPHENS}{_SPACES}{_BREAKS}]{{1,{GAP_MOST}}}"
_PIECE = r"[^\W\d_\u3400-\u9fff]+"
# Pieces of letters (no Han: Chinese needs no spaces) and the gap between two of them.
_PIECE_RE = re.compile(_PIECE)
_GAP_RE = re.compile(_GAP)
_NEXT_RE = re.compile(f"({_GAP})({_PIECE})")  # a third piece after the second
# Two pieces next to each other with a gap between them (matched from a piece's start).
_PAIR_RE = re.compile(f"(?<!{_PIECE[:-1]})({_PIECE})(?:{_GAP})(?=({_PIECE}))")
# A character every gap holds one of: a text with none has no word to put back together.
_GAP_CHARS = (
    " \t\u00a0\u1680\u202f\u205f\u3000"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + _BREAKS
    + HYPHENS
)
_NEXT_WORD_RE = re.compile(f"{_BLANKS}+({_PIECE})")  # the word after a pair of pieces
# What may come before an Arabic word's stem: its article, a conjunction, a preposition.
ARABIC_CLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_CLITIC_SET = frozenset(ARABIC_CLITICS)
_CLITIC_LENGTHS = tuple(sorted({len(c) for c in ARABIC_CLITICS}))
_CLITIC_BEGINNINGS = frozenset(c[:n] for c in ARABIC_CLITICS for n in range(1, len(c) + 1))
MIN_JOINED = 6  # letters of the word put back together: shorter ones are too easy to make
# Goods wording written right after the head of a lexicon's pair ("the pro test organisers
# shipped to each site", "… in stock", "… per unit"): the words before it name a product,
# not people, so two words that stand on their own are not joined before it. Only the next
# word or two, and only wording no one writes of people: "ordered by", "installing",
# "customers", "users" follow people too ("the pro test organisers ordered by the ministry").
_GOODS_NEXT_RE = re.compile(
    f"{_BLANKS}{{1,3}}(?:shipped|shipping|sold|skus?|pcs|units?|in stock|per unit"
    "|expédié(?:e|s|es)?|expedie(?:e|s|es)?|en stock|par unité|par unite|unités|unites"
    "|en existencia|por unidad|unidades|em estoque|por unidade)(?![^\\W\\d_])",
    re.IGNORECASE,
)
GOODS_WINDOW = 24  # characters after the pair's head the goods wording is looked for in


# Words of product texts that stand on their own, though they begin or end words the
# lexicon reads: an edition and a test ("the pro test environment" is no "protest"; "pro
# testers" still joins, "testers" being none of them).
PRODUCT_WORDS = frozenset("pro lite plus test tests".split())


class _Vocabulary:
    """What the lexicon reads, as stem keys and ``word*`` beginnings (worked out once)."""

    __slots__ = (
        "keys",
        "prefixes",
        "heads",
        "short_prefixes",
        "words",
        "starts",
        "pairs",
        "apart",
        "joined",
        "begun",
    )

    def __init__(self, lexicon: CompiledLexicon) -> None:
        self.joined: dict[tuple, bool] = {}  # ``_joins`` of pieces already judged
        self.begun: dict[tuple, bool] = {}  # ``_may_begin``'s test of a head, once a head
        keys: set[str] = set()
        prefixes: set[str] = set()
        for entry in (*lexicon.signals, *lexicon.benign):
            if entry.entry.language == "zh":
                continue
            for part in entry.parts:
                for alt in part:
                    for kind, value in alt:
                        if kind == "key":
                            keys.add(value)
                        elif kind == "prefix":
                            prefixes.add(value)
        # The words the lexicon's phrases write, as written (no stem: "jorna" stems like
        # "jornada" but is no word), which the reader recognises as words.
        self.words = frozenset(
            bare_word(w)
            for e in lexicon.effective
            if e.language != "zh"
            for w in TOKEN_RE.findall(normalise(e.phrase))
        )
        self.keys = frozenset(keys)
        # The first two words of the lexicon's phrases ("protest organisers"), by key: two
        # words a text writes apart ("pro test") join before the second of such a pair.
        self.pairs = frozenset(
            (alt[0][1], alt[1][1])
            for entry in lexicon.signals
            if entry.entry.language != "zh"
            for part in entry.parts
            for alt in part
            if len(alt) >= 2 and alt[0][0] == "key" == alt[1][0]
        )
        # The pairs kept apart across a dash ("re-education camps"): the lexicon's own.
        self.apart = self.pairs
        self.prefixes = frozenset(prefixes)
        self.heads, self.short_prefixes = prefixes_by_head(self.prefixes)
        # Every beginning of a stem or ``word*`` the lexicon reads: a first piece and the
        # next letter that are none start no word it reads (most pairs stop here, unstemmed).
        self.starts = frozenset(
            stem[:n]
            for stem in {bare_word(k.split(":", 1)[1]) for k in keys} | prefixes
            for n in range(2, len(stem) + 1)
        )

    def may_start(self, piece: str, next_letter: str) -> bool:
        """Whether a word the lexicon reads (a stem of its, or a ``word*``) may start with
        ``piece`` and go on with the next piece's first letter (an Arabic piece also
        without the article or a conjunction or preposition before it)."""
        bare = bare_word(piece + next_letter)
        starts = self.starts
        if bare in starts:
            return True
        # A clitic is one to three letters: its beginning looked up, not each clitic tried.
        return script_of(piece) == "arabic" and any(
            bare[:n] in _CLITIC_SET and bare[n:] in starts for n in _CLITIC_LENGTHS
        )

    def recognises(self, word: str) -> bool:
        """Whether a piece is a word on its own: one the lexicon writes, or for Russian one
        the dictionary knows (pymorphy3)."""
        if bare_word(word) in self.words or word.casefold() in PRODUCT_WORDS:
            return True
        return script_of(word) == "cyrillic" and russian_word_known(word)

    def reads_across(self, first: str, second: str) -> bool:
        """Whether the two pieces make a word the lexicon reads and neither piece gives: a
        stem of neither, or a ``word*`` beginning longer than the first piece."""
        joined = first + second
        found = self.keys.intersection(word_keys(joined))
        if found and not found <= set(word_keys(first)) | set(word_keys(second)):
            return True
        bare, cut = bare_word(joined), len(bare_word(first))
        return any(
            len(p) > cut and bare.startswith(p)
            for p in self.heads.get(bare[:3], self.short_prefixes)
        )

    @classmethod
    def of_any(cls, vocabularies: list[_Vocabulary]) -> _Vocabulary:
        """One vocabulary that joins every pair any of ``vocabularies`` joins (maybe more):
        the stems and beginnings of all, the words all write (a recognised piece stops a
        join, so fewer of them joins more), the pairs all keep apart across a dash."""
        merged = cls.__new__(cls)
        for name in ("keys", "prefixes", "starts", "pairs"):
            setattr(merged, name, frozenset().union(*(getattr(v, name) for v in vocabularies)))
        merged.heads, merged.short_prefixes = prefixes_by_head(merged.prefixes)
        merged.words = frozenset.intersection(*(v.words for v in vocabularies))
        # A pair one lexicon keeps apart across a dash and another joins is joined.
        merged.apart = frozenset.intersection(*(v.apart for v in vocabularies))
        merged.joined, merged.begun = {}, {}
        return merged


def rejoins_any(lexicons: tuple[CompiledLexicon, ...]) -> Callable[[str], bool]:
    """A test of a text: whether any of ``lexicons`` would put a split word of it back
    together (``rejoined``). One pass over the text whatever their number; it may say yes
    when none would (rare), never no when one would."""
    vocabulary = _Vocabulary.of_any([_vocabulary(lexicon) for lexicon in lexicons])
    return lambda raw: _joins_somewhere(raw, vocabulary)


def _joins_somewhere(raw: str, vocabulary: _Vocabulary) -> bool:
    """Whether ``_rejoined`` would join a word of ``raw`` (before its first join it tries
    every pair, so the first pair that joins is all there is to find). The pairs are found
    by one pattern; those of a text in plain ASCII (most) are tested without a call."""
    if not any(c in raw for c in _GAP_CHARS):
        return False
    starts, function_words = vocabulary.starts, FUNCTION_WORDS
    ascii = raw.isascii()
    for pair in _PAIR_RE.finditer(raw.lower() if ascii else raw):  # same places as in raw
        first, second = pair.groups()
        if ascii or (first.isascii() and second.isascii()):
            # ``_may_begin``'s test of two pieces in ASCII, without the call.
            first, second = first.lower(), second.lower()
            may = first + second[0] in starts
            may = may and first not in function_words and second not in function_words
        else:
            may = _may_begin(vocabulary, first, second)
        if may and _join_at(raw, vocabulary, *pair.span(1), *pair.span(2)):
            return True
    return False


def _vocabulary(lexicon: CompiledLexicon) -> _Vocabulary:
    found = lexicon.plan.get(_PLAN_KEY)
    if found is None:
        found = lexicon.plan[_PLAN_KEY] = _Vocabulary(lexicon)
    return found


def rejoined(raw: str, lexicon: CompiledLexicon) -> str:
    """``raw`` with each word of the lexicon split by a gap (``_GAP``) put back together,
    from two pieces or three ("pro tes ters"; the text itself when there is none, which is
    nearly always)."""
    return _rejoined(raw, _vocabulary(lexicon))


def _rejoined(raw: str, vocabulary: _Vocabulary, placed: list | None = None) -> str:
    """``rejoined``; ``placed`` gets the pieces of each pair weighed and left apart (the
    first two pieces, and the third after them if there is one: ``split_record``)."""
    if not any(c in raw for c in _GAP_CHARS):
        return raw
    cuts: list[tuple[int, int]] = []  # the gaps to drop
    last_end = -1
    pieces = [m.span() for m in _PIECE_RE.finditer(raw)]
    starts, function_words = vocabulary.starts, FUNCTION_WORDS
    for (start, end), (next_start, next_end) in pairwise(pieces):
        if start < last_end:
            continue  # joined to the word before it already
        first, second = raw[start:end], raw[next_start:next_end]
        if first.isascii() and second.isascii():
            # ``_may_begin``'s test of two pieces in ASCII, without the call (most pairs).
            first, second = first.lower(), second.lower()
            if (
                first + second[0] not in starts
                or first in function_words
                or second in function_words
            ):
                continue
        elif not _may_begin(vocabulary, first, second):
            continue  # most pairs of a text end here, for two pieces and for three
        gap = raw[end:next_start]
        if gap != " " and not _GAP_RE.fullmatch(gap):
            continue
        if joined := _join_at(raw, vocabulary, start, end, next_start, next_end):
            cuts += joined[0]
            last_end = joined[1]
        elif placed is not None:
            third = _NEXT_RE.match(raw, next_end)
            weighed = (raw[start:end], raw[next_start:next_end])
            placed.append((*weighed, third.group(2)) if third else weighed)
    if not cuts:
        return raw
    out, at = [], 0
    for start, end in cuts:
        out.append(raw[at:start])
        at = end
        if _title_piece(raw, end):
            # "Pro Testers" reads "Protesters": a title's capital starts no new word.
            out.append(raw[end].lower())
            at = end + 1
    out.append(raw[at:])
    return "".join(out)


def _join_at(
    raw: str, vocabulary: _Vocabulary, start: int, end: int, next_start: int, next_end: int
) -> tuple[list[tuple[int, int]], int] | None:
    """The gaps to drop and where the word ends when the piece at ``start:end`` and the
    next one (maybe a third after them) are one word split apart, else None; the pair has
    passed ``_may_begin`` and its gap is one ``_GAP``."""
    gap = raw[end:next_start]
    first, second = raw[start:end], raw[next_start:next_end]
    if _joins_kept(vocabulary, first, second, (), _hyphen_alone(gap)):
        return [(end, next_start)], next_end
    if _joins_before_pair(vocabulary, first, second, raw, next_end, _hyphen_alone(gap)):
        return [(end, next_start)], next_end
    after = _NEXT_RE.match(raw, next_end)
    hyphens = _hyphen_alone(gap) or bool(after and _hyphen_alone(after.group(1)))
    if after and _joins_kept(vocabulary, first + second, after.group(2), (first, second), hyphens):
        return [(end, next_start), (after.start(1), after.end(1))], after.end(2)
    return None


def _joins_before_pair(
    vocabulary: _Vocabulary, first: str, second: str, raw: str, end: int, hyphen: bool
) -> bool:
    """Whether two words that are each a word of their own ("pro test", "pro-test") make
    one the lexicon reads that begins a phrase of it with the word after them ("pro test
    organisers" is "protest organisers"; "the pro test environment" stays two words), and
    the words stand where people would: no goods wording right after the phrase's next
    word (``goods_follow``)."""
    after = _NEXT_WORD_RE.match(raw, end)
    if after is None or not may_head_pair(vocabulary, first, second, hyphen):
        return False
    nxt = word_keys(normalise(after.group(1)))
    joined = word_keys(normalise(first) + normalise(second))
    if not any((k, n) in vocabulary.pairs for k in joined for n in nxt):
        return False
    return not goods_follow(raw[after.end() : after.end() + GOODS_WINDOW])


def may_head_pair(vocabulary: _Vocabulary, first: str, second: str, hyphen: bool) -> bool:
    """``_joins_before_pair``'s tests of the two words alone (not of the word after them).
    Across a hyphen alone, two words the lexicon writes apart itself stay as written
    ("re-education camps")."""
    if len(first) + len(second) < MIN_JOINED:
        return False
    a, b = normalise(first), normalise(second)
    if short_word(first) or short_word(second) or _cased_apart(first, second):
        return False
    if script_of(first) != script_of(second) or not vocabulary.reads_across(a, b):
        return False
    return not (
        hyphen and any((k, n) in vocabulary.apart for k in word_keys(a) for n in word_keys(b))
    )


def goods_follow(window: str) -> bool:
    """Whether ``window`` (the characters right after a pair's head) starts with goods
    wording (``_GOODS_NEXT_RE``): a few characters, whatever the text's length."""
    return _GOODS_NEXT_RE.match(window) is not None


def weighs_pair(vocabulary: _Vocabulary, first: str, second: str) -> bool:
    """Whether ``_rejoined`` weighs two pieces next to each other (its first test, written
    out there for speed) rather than letting them go at once."""
    if first.isascii() and second.isascii():
        first, second = first.lower(), second.lower()
        return (
            first + second[0] in vocabulary.starts
            and first not in FUNCTION_WORDS
            and second not in FUNCTION_WORDS
        )
    return _may_begin(vocabulary, first, second)


def _may_begin(vocabulary: _Vocabulary, first: str, second: str) -> bool:
    """False when two pieces cannot start a word put back together, by the first tests of
    ``_joins``, done once for a pair and the three pieces starting with it: no word the
    lexicon reads starts with the first piece and the next letter (``starts`` holds every
    beginning of a stem, so a third piece cannot make one), or a piece is a short word every
    text uses."""
    head = (first + second[0]).casefold()
    if head.isascii():
        return head in vocabulary.starts and not (
            first.lower() in FUNCTION_WORDS
            or (second.isascii() and second.lower() in FUNCTION_WORDS)
        )
    if "\u0400" <= head[0] <= "\u04ff":
        may = head.replace("ё", "е") in vocabulary.starts
    elif "\u0600" <= head[0] <= "\u06ff":
        may = _kept_head(vocabulary, (head,), _arabic_may_begin)
    elif script_of(first) == "latin" == script_of(second):
        # Folded as a whole, a piece may start otherwise ("É", a letter and its accent).
        may = _kept_head(vocabulary, (first, _folded(second)[0]), _latin_may_begin)
    else:
        may = True
    # ``_joins`` joins no short word every text uses ("в", "à", "في"), as a piece of two
    # or of three.
    return may and not short_word(first) and not short_word(second)


# Heads judged per vocabulary: an Arabic or accented Latin head recurs from text to text.
HEADS_KEPT = 65_536


def _kept_head(vocabulary: _Vocabulary, head: tuple[str, ...], judge: Callable[..., bool]) -> bool:
    return _judged_once(vocabulary.begun, HEADS_KEPT, judge, vocabulary, head)


def _judged_once(
    kept: dict[tuple, bool],
    most: int,
    judge: Callable[..., bool],
    vocabulary: _Vocabulary,
    key: tuple,
) -> bool:
    """``judge(vocabulary, *key)``, kept in ``kept`` (at most ``most``, then afresh)."""
    found = kept.get(key)
    if found is None:
        if len(kept) >= most:
            kept.clear()
        found = kept[key] = judge(vocabulary, *key)
    return found


def _arabic_may_begin(vocabulary: _Vocabulary, head: str) -> bool:
    """``_joins``'s test of an Arabic head, done before it; a third piece's head starts
    with this one, so it may start a word only if this one may, or if this one is too
    short to tell once a clitic is taken off (``starts`` begins at two letters)."""
    bare = bare_word(head)
    return (
        bare in vocabulary.starts
        or bare in _CLITIC_BEGINNINGS
        or bare[:-1] in _CLITIC_SET
        or any(bare[:n] in _CLITIC_SET and bare[n:] in vocabulary.starts for n in _CLITIC_LENGTHS)
    )


def _latin_may_begin(vocabulary: _Vocabulary, first: str, next_letter: str) -> bool:
    return bare_word(_folded(first) + next_letter) in vocabulary.starts


def _hyphen_alone(gap: str) -> bool:
    """Whether a gap ends in a dash, the next piece written against it ("pro-testers",
    "pro -testers")."""
    return gap[-1] in HYPHENS


def _title_piece(raw: str, end: int) -> bool:
    """Whether the piece after a gap ending at ``end`` starts with a capital and goes on in
    small letters ("Pro Testers"; "PRO TESTERS" stays in capitals). A capital starting
    only the second piece joins nothing (``_cased_apart``): the first starts with one too."""
    head = raw[end : end + 2]
    return len(head) == 2 and head[0].isupper() and head[1].islower() and len(head[0].lower()) == 1


def _cased_apart(first: str, second: str) -> bool:
    """Whether a capital starts the second piece only: a new name or sentence, not the rest
    of a word ("Pro Testers", a title's capitals, and "PRO TESTERS" are one word)."""
    return second[0].isupper() and not first[0].isupper()


# Pieces judged per vocabulary (a lexicon's own): the same pairs recur from deal to deal.
JOINS_KEPT = 16_384


def _joins_kept(vocabulary: _Vocabulary, *pieces: Any) -> bool:
    """``_joins``, each set of pieces judged once (at most ``JOINS_KEPT``, then afresh)."""
    return _judged_once(vocabulary.joined, JOINS_KEPT, _joins, vocabulary, pieces)


def _joins(
    vocabulary: _Vocabulary,
    first: str,
    second: str,
    pieces: tuple[str, ...] = (),
    hyphen: bool = False,
) -> bool:
    """Whether two pieces (the first maybe two pieces already, ``pieces``) are one word of
    the lexicon split apart (the module's rules). Across a hyphen alone (``hyphen``) the
    last piece must be no word on its own: "re-education" and "anti-virus" are written so,
    "pro-testers" is split."""
    if len(first) + len(second) < MIN_JOINED:
        return False  # too short
    head = (first + second[0]).casefold()
    if head.isascii() or "\u0400" <= head[0] <= "\u04ff":
        if head.replace("ё", "е") not in vocabulary.starts:
            return False  # starts no word the lexicon reads: most pairs of a text end here
    elif "\u0600" <= head[0] <= "\u06ff" and not vocabulary.may_start(head, ""):
        return False
    if _cased_apart(pieces[-1] if pieces else first, second):
        return False
    if script_of(first) != script_of(second):
        return False
    parts = [normalise(p) for p in (*(pieces or (first,)), second)]
    a, b = normalise(first), parts[-1]
    if any(short_word(p) for p in (*(pieces or (first,)), second)):
        return False
    if not vocabulary.may_start(a, b[0]):
        return False
    if not vocabulary.reads_across(a, b):
        return False
    if hyphen and vocabulary.recognises(b):
        return False
    return not all(vocabulary.recognises(p) for p in parts)  # "news papers" stays two
