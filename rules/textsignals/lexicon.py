"""The lexicon: admin-written phrases, their language and category, and their checking.

A phrase is written in a tiny pattern language (never a regular expression, never code):

- ``track protesters``: words in this order, each at most ``WORD_GAP`` words after the
  previous one ("track the protesters" matches);
- ``track|locate|follow``: any one of the alternatives;
- ``track|locate ~ protesters|activists``: every ``~`` part somewhere in the same sentence,
  within ``WINDOW`` words of each other, in any order, each on words of its own (an act
  near its target: the "Composed" entries of the default lexicon pair a list of acts with
  a list of targets);
- ``detain*``: a word starting with "detain" (no stemming), for forms a stemmer misses.

A *family* entry (``family`` "act" or "target") lists alternatives without ``~``: the
acts of a category (``track|locate|tail|…``) or its targets (``protesters|activists|…``).
It raises nothing alone; the compiled lexicon joins, per language and category, every
enabled act entry with every enabled target entry into one ``acts ~ targets`` phrase
(``family_phrases``): a new act meets every target already listed.

Words are stemmed in the entry's language when the lexicon is compiled; Chinese words are
matched as strings of characters (a Chinese alternative is one "word"). An entry in a Latin-script language reads a text that may be in its language (the
reader's ``plausible_languages``: the detected one, every one when the text is too short
or mixed), so French "interroger la liste" is not read by English "interrogate ~ list";
an entry marked ``any_language`` (a product name, a loanword) reads text in any language.
Arabic, Russian and Chinese entries need no such mark: their script is their language.

What must always be true: ``compile_lexicon`` refuses a lexicon with any invalid entry and
lists every problem, as ``compile_criteria`` does for conditions, so an admin cannot save
or publish a phrase that would never match or that matches everything.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from taxonomy import TEXT_FACT_CATEGORIES, TEXT_SIGNAL_CATEGORIES

from .entry_roles import BENIGN, COMPOSED, role_problems
from .languages import (
    HAN_CHARS,
    LANGUAGE_NAMES,
    LANGUAGES,
    LATIN,
    TOKEN_RE,
    bare_word,
    normalise,
    phrase_contractions,
    phrase_stems,
    script_of,
    stem,
)
from .phrase_script import script_problem

if TYPE_CHECKING:
    from .learned_cues import CompiledCues

# The categories and their names are vocabulary (taxonomy): pages name them too. A fact,
# what a phrase may read about the end user, is quoted in its own field, never a red flag.
CATEGORIES: dict[str, str] = TEXT_SIGNAL_CATEGORIES
FACTS: dict[str, str] = TEXT_FACT_CATEGORIES
ALL_CATEGORIES = (*CATEGORIES, *FACTS, BENIGN)
CATEGORY_FIELDS = {c: f"text.{c}" for c in (*CATEGORIES, *FACTS)}  # the field of its quotes

WORD_GAP = 2  # words allowed between two words of one alternative
WINDOW = 12  # words spanned by all the parts of one match (Chinese: characters x 2)
MAX_PHRASE = 1000
MAX_PARTS = 4
MAX_ALTERNATIVES = 40
MIN_PREFIX = 4  # "det*" would match far too much
# A phrase (raises its category when it matches), or half of its category's families.
FAMILIES: dict[str, str] = {"": "phrase", "act": "family of acts", "target": "family of targets"}


class LexiconError(ValueError):
    """A lexicon that cannot be used; ``errors`` lists every problem."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(self.errors) if self.errors else "invalid lexicon")


@dataclass(frozen=True)
class LexiconEntry:
    """One admin-owned phrase: what it is, in which language, what it signals, and why."""

    phrase: str
    language: str
    category: str
    source: str
    enabled: bool = True
    family: str = ""  # "" a phrase; "act" or "target": one half of the category's families
    any_language: bool = False  # read in text of any language, not only in its own
    role: str = ""  # what it does beyond matching (``entry_roles``): "" plain
    tells_service: bool = False  # benign only: may cancel a security service named beside it


ENTRY_FIELDS = tuple(f.name for f in fields(LexiconEntry))

# A compiled word: ("key", "es:manifest") or ("prefix", "detain") or ("han", "抗议者").
Word = tuple[str, str]
Alternative = tuple[Word, ...]
Part = tuple[Alternative, ...]


@dataclass(frozen=True)
class IndexedPart:
    """A part's alternatives by the key of their first word (looked up, never scanned), and
    those starting with a ``word*`` (tried on every text)."""

    by_key: Mapping[str, tuple[Alternative, ...]]
    scanned: tuple[Alternative, ...]
    keys: frozenset[str] = frozenset()
    # The first three letters of each ``word*`` starting a scanned alternative.
    scan_heads: frozenset[str] = frozenset()
    # by_key and scanned again, each alternative with the keys a text must hold for it to
    # match (stemmed words, a Chinese word's characters): most fail a set test at once.
    checked_by_key: Mapping[str, tuple[tuple[Alternative, frozenset[str]], ...]] = field(
        default_factory=dict
    )
    checked_scanned: tuple[tuple[Alternative, frozenset[str]], ...] = ()


@dataclass(frozen=True)
class CompiledEntry:
    entry: LexiconEntry
    parts: tuple[Part, ...]
    # Keys of the first part's first words: the entry is tried only on a text holding one.
    triggers: tuple[str, ...]
    indexed: tuple[IndexedPart, ...] = ()
    required: tuple[frozenset[str], ...] = ()
    order: int = 0  # place in the lexicon: entries are tried in this order
    key: str = ""  # ``phrase_key``: what a stored quote records of the phrase behind it
    act_part: int = 0  # where the part written first (a family's act) is among ``indexed``


def phrase_key(language: str, phrase: str) -> str:
    """A short, stable name of a phrase (its language and its normalised words), recorded
    with each quote it produced: the lexicon refuses two phrases with the same key, and a
    preview that removes a phrase drops the quotes recorded with its key."""
    words = " ".join(normalise(phrase).split())
    return hashlib.sha1(f"{language} {words}".encode()).hexdigest()[:10]


def _first_key(alt: Alternative) -> str | None:
    kind, value = alt[0]
    if kind == "key":
        return value
    if kind == "han":
        return f"zh:{value[0]}"
    return None


def alternative_needs(alt: Alternative) -> frozenset[str]:
    """The keys a text holds wherever ``alt`` matches (``word*`` words need none), and the
    key it is looked up by (``_first_key``)."""
    first = _first_key(alt)
    needs: set[str] = {first} if first else set()
    for kind, value in alt:
        if kind == "key":
            needs.add(value)
        elif kind == "han":  # each Han character is a token keyed by itself
            needs.update(f"zh:{ch}" for ch in value if script_of(ch) == "han")
    return frozenset(needs)


def _indexed(parts: tuple[Part, ...]) -> tuple[IndexedPart, ...]:
    out = []
    for part in parts:
        by_key: dict[str, list[Alternative]] = {}
        scanned = []
        for alt in part:
            key = _first_key(alt)
            if key is None:
                scanned.append(alt)
            else:
                by_key.setdefault(key, []).append(alt)
        out.append(
            IndexedPart(
                {k: tuple(v) for k, v in by_key.items()},
                tuple(scanned),
                frozenset(by_key),
                frozenset(alt[0][1][:3] for alt in scanned),
                {k: tuple((a, alternative_needs(a)) for a in v) for k, v in by_key.items()},
                tuple((a, alternative_needs(a)) for a in scanned),
            )
        )
    return tuple(out)


def _required(indexed: tuple[IndexedPart, ...]) -> tuple[frozenset[str], ...]:
    """For each part without ``word*`` starts, its keys: a text lacking all of one part's
    keys cannot match, which a set test tells before any matching."""
    return tuple(p.keys for p in indexed if not p.scanned)


@dataclass(frozen=True)
class CompiledLexicon:
    """A checked lexicon, indexed for reading: signals and benign context apart."""

    entries: tuple[LexiconEntry, ...] = ()
    # What reading depends on: the enabled phrases, and each category's family phrase.
    effective: tuple[LexiconEntry, ...] = ()
    signals: tuple[CompiledEntry, ...] = ()
    benign: tuple[CompiledEntry, ...] = ()
    by_trigger: Mapping[str, tuple[CompiledEntry, ...]] = field(default_factory=dict)
    prefixed: tuple[CompiledEntry, ...] = ()  # entries without trigger keys: always tried
    trigger_keys: frozenset[str] = frozenset()
    # What this lexicon read in a text, by text: titles, sectors and customer names repeat
    # across deals, and the preview reads every past deal. Bounded (cleared when full).
    reads: dict = field(default_factory=dict, compare=False, repr=False)
    # What the reader works out from the lexicon alone, on its first reading (its index of
    # candidate entries by key: ``rules.textsignals.candidates``).
    plan: dict = field(default_factory=dict, compare=False, repr=False)
    # The version's learned cues (``learned_cues``), read after the phrases; None: none.
    cues: CompiledCues | None = None

    def __len__(self) -> int:
        return len(self.signals) + len(self.benign)


_SCRIPT_RUN_RE = re.compile(rf"[{HAN_CHARS}]+|[^{HAN_CHARS}]+")


# Compiling is a pure function of a phrase and its language, and a lexicon edit changes a
# few of its thousand phrases: each phrase (and word) is compiled once per process, so a
# preview, a publish or the editor recompiles only what changed (bounded: least recent out).
@functools.lru_cache(maxsize=32768)
def _compile_word(raw: str, language: str) -> tuple[tuple[Word, ...], str | None]:
    """The forms one lexicon word matches (an accented Latin word: also as typed without
    its accents), or the problem with it."""
    word = normalise(raw)
    if language == "zh":
        found = TOKEN_RE.findall(word)
        if len(found) == 1 and found[0] == word and script_of(word) == "latin":
            # "WhatsApp", "VPN" in a Chinese phrase ("封掉 WhatsApp", "封掉WhatsApp"): a
            # name written as it is everywhere, stemmed as the text's Latin word is.
            return (("key", f"en:{stem(word, 'en')}"),), None
        if not word or not all(len(t) == 1 for t in found):
            return (), (
                f'"{raw}": a Chinese word is written in Han characters (or Latin letters, '
                "for a name such as WhatsApp)"
            )
        return (("han", word),), None
    prefix = word.endswith("*")
    core = word.rstrip("*")
    found = TOKEN_RE.findall(core)
    if len(found) != 1 or found[0] != core:
        return (), f'"{raw}": a word is letters only (write "a b" for two words)'
    if prefix:
        if len(core) < MIN_PREFIX:
            return (), f'"{raw}": a word ending in * needs at least {MIN_PREFIX} letters'
        return (("prefix", bare_word(core)),), None
    if language not in LATIN and script_of(core) == "latin":
        # "WhatsApp", "VPN" in an Arabic or Russian phrase: the text's Latin word is
        # stemmed as the Latin languages are, so the phrase keeps its English stem.
        return (("key", f"en:{stem(core, 'en')}"),), None
    return tuple(("key", f"{language}:{s}") for s in phrase_stems(core, language)), None


def _parse(phrase: str, language: str) -> tuple[tuple[Part, ...], list[str]]:
    errors: list[str] = []
    parts: list[Part] = []
    raw_parts = phrase.split("~")
    if len(raw_parts) > MAX_PARTS:
        errors.append(f"at most {MAX_PARTS} parts joined by ~")
    for raw_part in raw_parts:
        alternatives: list[Alternative] = []
        raw_alts = raw_part.split("|")
        if len(raw_alts) > MAX_ALTERNATIVES:
            errors.append(f"at most {MAX_ALTERNATIVES} alternatives joined by | in one part")
        for raw_alt in raw_alts:
            words = phrase_contractions(raw_alt.split())
            if language == "zh":
                # A Latin name on Han characters is a word of its own: "封掉", "WhatsApp".
                words = [run for w in words for run in _SCRIPT_RUN_RE.findall(w)]
            if not words:
                errors.append("an empty alternative or part (check the | and ~)")
                continue
            compiled: list[tuple[Word, ...]] = []
            for w in words:
                forms, problem = _compile_word(w, language)
                if problem:
                    errors.append(problem)
                elif forms:
                    compiled.append(forms)
            if len(compiled) == len(words):
                # One alternative per choice of forms (accented words: with and without).
                for alt in itertools.product(*compiled):
                    if alt not in alternatives:
                        alternatives.append(alt)
        parts.append(tuple(alternatives))
    return tuple(parts), errors


@functools.lru_cache(maxsize=32768)
def _words(text: str) -> str:
    """A phrase's normalised words, as the duplicate check and family phrases compare them."""
    return " ".join(normalise(text).split())


@functools.lru_cache(maxsize=4096)
def _parsed(phrase: str, language: str) -> tuple[tuple[Part, ...], tuple[str, ...]]:
    """``_parse`` once per phrase and language (its problems as a tuple: never changed)."""
    parts, errors = _parse(phrase, language)
    return parts, tuple(errors)


def forget_compiled() -> None:
    """Empty the memos of compiled phrases and words (what a cold process would do)."""
    for memo in (_compile_word, _words, _parsed, _compiled_parts):
        memo.cache_clear()


def validate_entry(entry: Any) -> list[str]:
    """Every problem with one entry (for the criteria editor); empty when it is valid."""
    if not isinstance(entry, LexiconEntry):
        return [f"not a lexicon entry: {type(entry).__name__}"]
    errors: list[str] = []
    for name in ("phrase", "language", "category", "source", "family", "role"):
        if not isinstance(getattr(entry, name), str):
            errors.append(f"{name} must be text")
    for name in ("enabled", "any_language", "tells_service"):
        if not isinstance(getattr(entry, name), bool):
            errors.append(f"{name} must be true or false")
    if errors:
        return errors
    errors = role_problems(entry.role, entry.tells_service, entry.category, entry.family)
    if entry.family not in FAMILIES:
        errors.append(
            f'family "{entry.family}" is not one of "act" (a family of acts), '
            '"target" (a family of targets) or empty (a phrase)'
        )
    elif entry.family:
        if "~" in entry.phrase:
            errors.append(
                "a family lists words or phrases joined by |, without ~ (the acts and the "
                "targets of a category are joined by the reader)"
            )
        if entry.category == BENIGN:
            errors.append("benign context is written as phrases, not as a family")
        if entry.any_language is True:
            errors.append(
                "a family is read in its own language (its acts meet its targets): write "
                "words to be read in any language as a phrase"
            )
    if entry.language not in LANGUAGES:
        errors.append(
            f'language "{entry.language}" is not one of '
            + ", ".join(f"{c} ({n})" for c, n in LANGUAGE_NAMES.items())
        )
    if entry.category not in ALL_CATEGORIES:
        errors.append(f'category "{entry.category}" is not one of {", ".join(ALL_CATEGORIES)}')
    if not entry.source.strip():
        errors.append("source must say where the phrase comes from or why it signals a risk")
    if not entry.phrase.strip():
        errors.append("phrase must not be empty")
    elif len(entry.phrase) > MAX_PHRASE:
        errors.append(f"phrase is at most {MAX_PHRASE} characters")
    elif entry.language in LANGUAGES:
        wrong_script = script_problem(entry.phrase, entry.language)
        errors.extend([wrong_script] if wrong_script else _parsed(entry.phrase, entry.language)[1])
    return errors


def _triggers(parts: tuple[Part, ...]) -> tuple[tuple[Part, ...], tuple[str, ...], int]:
    """The parts reordered so that the first can be looked up by key, its keys, and where
    the part written first now is.

    A part whose every alternative starts with a stemmed (or Chinese) word is a trigger:
    a text holding none of its keys cannot match, so the entry is skipped without a scan.
    No such part (every part has a ``word*`` start): no keys, and the entry is always tried.
    """
    for k, part in enumerate(parts):
        if all(alt[0][0] != "prefix" for alt in part):
            keys = [alt[0][1] if alt[0][0] == "key" else f"zh:{alt[0][1][0]}" for alt in part]
            reordered = (part, *parts[:k], *parts[k + 1 :])
            return reordered, tuple(dict.fromkeys(keys)), int(k > 0)
    return parts, (), 0


@functools.lru_cache(maxsize=4096)
def _compiled_parts(phrase: str, language: str) -> tuple:
    """What ``compiled_entry`` makes of a phrase in a language: everything but the entry
    itself and its place, which an edit of its category, family or switch changes."""
    parts, keys, act_part = _triggers(_parsed(phrase, language)[0])
    indexed = _indexed(parts)
    return parts, keys, indexed, _required(indexed), phrase_key(language, phrase), act_part


def compiled_entry(entry: LexiconEntry, order: int = 0) -> CompiledEntry:
    """One entry compiled for reading (checked by the caller: a family phrase may exceed
    the limits of one admin-written phrase, each of its entries having been checked)."""
    parts, keys, indexed, required, key, act_part = _compiled_parts(entry.phrase, entry.language)
    return CompiledEntry(
        entry=entry,
        parts=parts,
        triggers=keys,
        indexed=indexed,
        required=required,
        order=order,
        key=key,
        act_part=act_part,
    )


def _place(
    compiled: CompiledEntry, signals: list, benign: list, by_trigger: dict, prefixed: list
) -> None:
    (benign if compiled.entry.category == BENIGN else signals).append(compiled)
    for k in compiled.triggers:
        by_trigger.setdefault(k, []).append(compiled)
    if not compiled.triggers:
        prefixed.append(compiled)


def family_phrases(entries: Iterable[LexiconEntry]) -> list[LexiconEntry]:
    """Per language and category with enabled acts and targets, the phrase they compose:
    every act alternative ``~`` every target alternative, each written once, in the order of
    the entries. A half without the other raises nothing (a draft being written)."""
    halves: dict[tuple[str, str], dict[str, dict[str, None]]] = {}
    for e in entries:
        if e.enabled and e.family in ("act", "target"):
            alts = halves.setdefault((e.language, e.category), {"act": {}, "target": {}})
            for alt in e.phrase.split("|"):
                words = _words(alt)
                if words:
                    alts[e.family].setdefault(words, None)
    out = []
    for (language, category), alts in halves.items():
        if alts["act"] and alts["target"]:
            out.append(
                LexiconEntry(
                    phrase=f"{'|'.join(alts['act'])} ~ {'|'.join(alts['target'])}",
                    language=language,
                    category=category,
                    source="Families: acts ~ targets",
                    role=COMPOSED,
                )
            )
    return out


def compile_lexicon(
    entries: Iterable[LexiconEntry], cues: CompiledCues | None = None
) -> CompiledLexicon:
    """Check every entry and compile the enabled ones; ``LexiconError`` lists every problem.
    ``cues``: the version's compiled learned cues, read with the phrases (None: none)."""
    entries = tuple(entries)
    errors: list[str] = []
    seen: set[tuple[str, str]] = set()
    signals: list[CompiledEntry] = []
    benign: list[CompiledEntry] = []
    by_trigger: dict[str, list[CompiledEntry]] = {}
    prefixed: list[CompiledEntry] = []
    for i, entry in enumerate(entries):
        label = f"lexicon entry {i + 1}"
        problems = validate_entry(entry)
        if not problems:
            label += f' ({entry.language} "{entry.phrase}")'
            key = (entry.language, _words(entry.phrase))
            if key in seen:
                problems.append("the same phrase is already in the lexicon for this language")
            seen.add(key)
        if problems:
            errors.extend(f"{label}: {p}" for p in problems)
            continue
        if not entry.enabled:
            continue
        compiled = compiled_entry(entry, order=i)
        if entry.family:
            continue  # read through its category's family phrase, below
        _place(compiled, signals, benign, by_trigger, prefixed)
    if errors:
        raise LexiconError(errors)
    effective = [e for e in entries if e.enabled and not e.family]
    for entry in family_phrases(entries):
        effective.append(entry)
        _place(
            compiled_entry(entry, order=len(entries) + len(effective)),
            signals,
            benign,
            by_trigger,
            prefixed,
        )
    return CompiledLexicon(
        entries=entries,
        effective=tuple(effective),
        signals=tuple(signals),
        benign=tuple(benign),
        by_trigger={k: tuple(v) for k, v in by_trigger.items()},
        prefixed=tuple(prefixed),
        trigger_keys=frozenset(by_trigger),
        cues=cues or None,
    )
