"""Languages of the reader: normalising, splitting into words, stemming, detecting.

What must always be true:

- A lexicon phrase and a deal's text go through the same ``normalise`` and the same
  stemmer of the phrase's language, so an inflected form in the text ("protesters",
  "manifestantes", "протестующих", "المتظاهرين") meets the stem of the phrase.
- A word is stemmed in every language of its script (Latin: English, French, Spanish,
  Portuguese); which of those languages' phrases may read it is the reader's choice
  (``plausible_languages``): a text too short to tell, or one the detector is unsure
  of, is read by the phrases of every language it may be in. Detection is shown to
  reviewers, so they know what they are reading.
- Chinese is not stemmed: each Han character is a token, and a Chinese phrase matches
  its characters in sequence (a substring), which needs no word segmentation.
- Stemmers (Snowball, via PyStemmer) and the detector's model (py3langid) ship in their
  packages: nothing is downloaded at run time.
"""

from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from functools import lru_cache

import Stemmer

from .disguise import as_read
from .morphology import (
    arabic_light_stem,
    arabic_text_stems,
    french_present_forms,
    irregular_dictionary_forms,
    romance_lemmas,
    russian_lemmas,
    simplified,
)

LANGUAGES = ("en", "fr", "es", "pt", "ar", "ru", "zh")
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "ar": "Arabic",
    "ru": "Russian",
    "zh": "Chinese",
}
_SNOWBALL = {"en": "english", "fr": "french", "es": "spanish", "pt": "portuguese", "ru": "russian"}
LATIN = ("en", "fr", "es", "pt")
IRREGULAR_LANGUAGES = ("fr", "es", "pt")  # tables of irregular verb stems (morphology)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_CHARS = _HAN  # the Han ranges, for a character class
# Combining marks written inside a word: Latin accents typed decomposed, Arabic vowel
# marks and shadda ("التنصّت"); they belong to the word, not between two words.
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
# A word is a run of letters (no digits, no underscore) and marks, starting with a letter;
# each Han character stands alone. Runs of one class: faster than a choice per character.
TOKEN_RE = re.compile(rf"[{_HAN}]|[^\W\d_{_HAN}]+(?:[{_MARKS}]+[^\W\d_{_HAN}]*)*")
_HAN_RE = re.compile(rf"[{_HAN}]")
SENTENCE_END_RE = re.compile(r"[.!?;:\n\u3002\uff01\uff1f\uff1b\u061f\u061b]+")
# The full stops of an abbreviation end no sentence: "block ~12k domains incl. opposition
# media" is one sentence, its act and target together. Known abbreviations per language,
# and a capital initial before a name ("J. Smith"). "etc." ends one before a capital.
ABBREVIATIONS = (
    "incl. e.g. i.e. approx. vs. cf. ca. "  # en
    "c.-à-d. env. p.ex. "  # fr
    "p.ej. aprox. "  # es, pt (p. ex., aprox.)
    "т.е. т.д. т.к. т.п. напр. прим. ок. тыс. млн. млрд."  # ru
).split()
_ABBREVIATION_RE = re.compile(
    r"(?<![^\W\d_])(?i:"
    + "|".join(
        r"\.\s?".join(map(re.escape, a.rstrip(".").split("."))) + r"\." for a in ABBREVIATIONS
    )
    + r")|(?<![^\W\d_])(?i:etc)\.(?!\s+[^\W\d_a-zà-ÿа-яё])"
    + r"|(?<![^\W\d_])[A-ZА-ЯЁ]\.(?=\s+[A-ZА-ЯЁ])"
)
_ARABIC_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Also the Persian yeh and keheh a Persian or Urdu keyboard types for Arabic "ي" and "ك":
# an Arabic reader reads "الناشطین" as "الناشطين".
_ARABIC_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "\u06cc": "ي", "\u06a9": "ك"}
)

_stemmers = threading.local()


def normalise(text: str) -> str:
    """NFKC, case-folded; Arabic vowel marks and tatweel dropped, alef and yeh forms folded;
    ё → е."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        text = _ARABIC_MARKS_RE.sub("", text).translate(_ARABIC_FOLD)
    if _HAN_RE.search(text):
        text = _HAN_RE.sub(lambda m: simplified(m.group()), text)
    return text.replace("ё", "е")


def strip_accents(word: str) -> str:
    """Latin accents dropped (after stemming), so "manifestacion" meets "manifestación"."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def script_of(token: str) -> str:
    """'latin', 'arabic', 'cyrillic' or 'han' for a token (by its first character)."""
    ch = token[0]
    if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f":
        return "arabic"
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
        return "han"
    return "latin"


SCRIPT_LANGUAGES = {"latin": LATIN, "arabic": ("ar",), "cyrillic": ("ru",), "han": ("zh",)}


def _stemmer(language: str):
    cache = getattr(_stemmers, "by_language", None)
    if cache is None:
        cache = _stemmers.by_language = {}
    stemmer = cache.get(language)
    if stemmer is None:
        # No cache of PyStemmer's own: every caller keeps its words' stems already
        # (``word_keys``, ``unit``), so it would only miss, and purge itself when full.
        stemmer = cache[language] = Stemmer.Stemmer(_SNOWBALL[language], 0)
    return stemmer


def stem(word: str, language: str) -> str:
    """The stem of one normalised word in ``language`` (Chinese: the word itself)."""
    if language == "zh":
        return word
    return strip_accents(_stemmer(language).stemWord(word))


@lru_cache(maxsize=65536)
def word_keys(word: str) -> tuple[str, ...]:
    """Every ``language:stem`` key a normalised word of the text can match (cached: a
    deal's vocabulary repeats across deals)."""
    script = script_of(word)
    if script == "arabic":
        # Arabic phrases are keyed by their light stem only (``phrase_stem``): a Snowball
        # stem of a text word could only meet one by chance.
        return tuple(dict.fromkeys(f"ar:{light}" for light in arabic_text_stems(word)))
    keys = [f"{lang}:{stem(word, lang)}" for lang in SCRIPT_LANGUAGES[script]]
    if not word.isascii() and script == "latin":
        # Also stemmed without its accents, as a rep who types none would write it: the
        # stemmers read some accented endings apart ("sécurité", "securite").
        bare = strip_accents(word)
        keys += [f"{lang}:{stem(bare, lang)}" for lang in LATIN]
    if script == "latin":
        # An irregular verb is also read as its dictionary form ("sigue" as "seguir").
        bare = strip_accents(word)
        keys += [
            f"{lang}:{stem(form, lang)}"
            for lang in IRREGULAR_LANGUAGES
            for form in irregular_dictionary_forms(bare, lang)
        ]
        keys += [f"fr:{stem(form, 'fr')}" for form in french_present_forms(bare)]
        # And as its dictionary form, by a lemmatiser ("bloqueen" as "bloquear").
        keys += [f"{lang}:{stem(lemma, lang)}" for lang, lemma in romance_lemmas(word)]
    elif script == "cyrillic":
        keys += [f"ru:{stem(lemma, 'ru')}" for lemma in russian_lemmas(word)]
    return tuple(dict.fromkeys(keys))


def phrase_stem(word: str, language: str) -> str:
    """The stem a lexicon word is matched on: a text word yields it among its keys
    (``word_keys``); an Arabic word is stemmed without its article."""
    if language == "ar":
        return arabic_light_stem(word)
    return stem(word, language)


def phrase_stems(word: str, language: str) -> tuple[str, ...]:
    """The stems a lexicon word is matched on: ``phrase_stem``, and for an accented Latin
    word also the stem of the word without its accents, which is what a text typed
    without them yields ("localizacao" stems apart from "localização"); for a Spanish or
    Portuguese verb in "-ear" also the stem of its forms the stemmer reads apart
    (``_ear_stems``)."""
    first = phrase_stem(word, language)
    if language not in LATIN:
        return (first,)
    stems = [first] if word.isascii() else [first, stem(strip_accents(word), language)]
    return tuple(dict.fromkeys(stems + _ear_stems(strip_accents(word), language)))


# The forms of a verb in "-ear" the stemmers read apart from its dictionary form: Spanish
# "rastrea", "rastree", "rastreó" (stem "rastre", not "rastr"), Portuguese "rastreie",
# "bloqueie" (stem "rastrei"). A lexicon verb is also matched on them.
_EAR_FORMS = {"es": "ea", "pt": "eie"}
_MIN_EAR_VERB = 6  # "mapear", not "ear" or "lear"


def _ear_stems(word: str, language: str) -> list[str]:
    form = _EAR_FORMS.get(language)
    if form is None or not word.endswith("ear") or len(word) < _MIN_EAR_VERB:
        return []
    return [stem(word[:-3] + form, language)]


@lru_cache(maxsize=65536)
def bare_word(word: str) -> str:
    """A normalised word without its Latin accents: what ``word*`` beginnings and
    negations are compared on."""
    return strip_accents(word)


@lru_cache(maxsize=65536)
def word_head(word: str) -> str:
    """The first three letters of a normalised word without its accents (``word*``
    beginnings are looked up by them): once a word, not once a text."""
    return bare_word(word)[:3]


def tokens(text: str) -> list[tuple[str, int, int, int]]:
    """(normalised word, start, end, sentence number) of each word, offsets into ``text``.

    Offsets index the original text, so a quote shows what the rep wrote. Normalising
    word by word keeps the offsets right (NFKC can change a text's length).
    """
    out: list[tuple[str, int, int, int]] = []
    norm = _normalise_word
    # No word runs over a sentence end (its characters are no letters): the words are
    # found in one pass, each numbered by the sentence ends before it. A colon
    # is an end only after a label (``_colon_ends``).
    ends = []
    last = 0
    past_label = False  # the sentence has gone past a label: no colon of it ends it
    kept = abbreviation_stops(text) if "." in text else ()
    for m in SENTENCE_END_RE.finditer(text):
        if m.group() == "." and (m.start() in kept or text[m.end() : m.end() + 1].isalnum()):
            continue  # the full stop of an abbreviation, or inside "site.com", "v2.1"
        if m.group() == ":" and (past_label or not _colon_ends(text, last, m.start())):
            past_label = True
            continue
        ends.append(m.start())
        last = m.end()
        past_label = False
    ends.append(len(text) + 1)
    sentence = 0
    next_end = ends[0]
    for t in TOKEN_RE.finditer(text):
        start = t.start()
        while start >= next_end:
            sentence += 1
            next_end = ends[sentence]
        word = norm(t.group())
        if word == "t" and _contracted_not(text, start):
            word = "not"  # "don't", "won’t": the apostrophe splits them, the denial stays
        elif word == "n" and _elided_ne(text, t.end()):
            word = "ne"  # French "n'interceptons pas": the "ne" before a vowel
        elif word.endswith("n\u02bct") and len(word) > 3:
            # "donʼt": this apostrophe is a letter, the word is one; read "don" "not"
            out.append((word[:-2], start, t.end() - 2, sentence))
            word, start = "not", t.end() - 1
        if word:  # a lone tatweel or mark normalises to nothing: no word to read
            out.append((word, start, t.end(), sentence))
    return out


# Apostrophes typed or set in a contraction: straight, curly, acute (´ on Spanish and
# Portuguese keyboards), left quote, grave, full-width.
APOSTROPHES = "'\u2019\u02bc\u00b4\u2018`\uff07"


def phrase_contractions(words: list[str]) -> list[str]:
    """A lexicon phrase's words with "can t be reached" read as a text's "can't" is: "can
    not" (``tokens``)."""
    return [
        "not" if w == "t" and i and words[i - 1].endswith("n") else w for i, w in enumerate(words)
    ]


def _elided_ne(text: str, end: int) -> bool:
    """Whether the "n" ending at ``end`` is French "ne" before a vowel ("n'interceptons"),
    not "n'importe" (any) or "n'empêche" (all the same), which deny nothing."""
    if end >= len(text) or text[end] not in APOSTROPHES:
        return False
    return not text[end + 1 : end + 8].lower().startswith(("importe", "empêche", "empeche"))


def _contracted_not(text: str, start: int) -> bool:
    """Whether the "t" at ``start`` ends an English "n't" (straight or curly apostrophe)."""
    return start >= 2 and text[start - 1] in APOSTROPHES and text[start - 2] in "nN"


# A full stop after a letter: every abbreviation has one within its first seven characters.
_LETTER_STOP_RE = re.compile(r"[^\W\d_]\.")


def _inside_no_abbreviation(text: str, j: int) -> bool:
    """Whether the character at ``j`` can be no part of an abbreviation: one is written
    with letters, full stops, hyphens and at most one space after a full stop."""
    c = text[j]
    if c.isalnum() or c in "._-":
        return False
    return not (c.isspace() and j > 0 and text[j - 1] == ".")


def abbreviation_stops(text: str) -> set[int]:
    """The places of the full stops inside abbreviations: those a scan of the whole text
    with ``_ABBREVIATION_RE`` finds, the scan started only a few characters before each
    full stop after a letter (after the last character that can be no part of one, where
    a scan of the whole text is never inside a match either)."""
    kept: set[int] = set()
    at = 0  # where the scan goes on: before it, every full stop has been judged
    for stop in _LETTER_STOP_RE.finditer(text):
        dot = stop.end() - 1
        if dot < at:
            continue
        start = stop.start()
        while start > at and not _inside_no_abbreviation(text, start - 1):
            start -= 1
        at = max(at, start)
        while at <= dot:
            m = _ABBREVIATION_RE.match(text, at)
            if m is None:
                at += 1
                continue
            kept.update(m.start() + i for i, c in enumerate(m.group()) if c == ".")
            at = m.end()
    return kept


# A colon ends a sentence after a label ("Buyer:", "Rep's note:", "Durée :"), whose value
# says something else; after a longer clause it introduces what the clause is about
# ("remote phone access licences, 17 targets: staff of two NGOs and journalists").
LABEL_WORDS = 4


def _colon_ends(text: str, start: int, colon: int) -> bool:
    """Whether the colon at ``colon`` ends the sentence begun at ``start``: it follows a
    label of at most ``LABEL_WORDS`` words."""
    # At most one word past a label is looked for: a long run before the colon costs no
    # more than a label does.
    words = TOKEN_RE.finditer(text, start, colon)
    return sum(1 for _ in itertools.islice(words, LABEL_WORDS + 1)) <= LABEL_WORDS


@lru_cache(maxsize=65536)
def _normalise_word(word: str) -> str:
    return word.lower() if word.isascii() else normalise(word)


# One word as ``tokens`` normalises it (for callers that split a text themselves).
normalise_token = _normalise_word


def word_set(text: str) -> set[str]:
    """The distinct normalised words of ``text``: those ``tokens`` yields, without their
    places (no sentence ends to find, no offsets to keep)."""
    return set(map(_normalise_word, words_as_read(text)))


@lru_cache(maxsize=1024)
def words_as_read(raw: str) -> frozenset[str]:
    """The words of a text as written once its disguises are undone (``as_read``), not yet
    normalised: split once a text for every preview probe that tests it (a deal's texts go
    through several)."""
    return frozenset(TOKEN_RE.findall(as_read(raw)))


# -- detection ----------------------------------------------------------------------------

# A character ``script_of`` reads as another script than Latin: without one, every word
# of a text is Latin and the script needs no counting.
_NON_LATIN_RE = re.compile("[\u0400-\u04ff\u0600-\u06ff\u0750-\u077f\u3400-\u9fff\uf900-\ufaff]")
_detector_lock = threading.Lock()
_detector = None
MIN_WORDS_TO_DETECT = 3


def _latin_detector():
    global _detector
    with _detector_lock:
        if _detector is None:
            from py3langid import langid

            from .detection import chunked_identifier

            ident = chunked_identifier(
                langid, langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True
            )
            ident.set_languages(list(LATIN))
            _detector = ident
    return _detector


@lru_cache(maxsize=20_000)  # names, products and statements recur from deal to deal
def detect_language(text: str) -> str:
    """The language code of ``text`` among LANGUAGES, or "" when it cannot be told.

    The script decides Arabic, Russian and Chinese; among the Latin-script languages the
    py3langid model (restricted to en, fr, es, pt) decides, from three words up.
    """
    if _NON_LATIN_RE.search(text):
        words = TOKEN_RE.findall(text)
        counts = {"latin": 0, "arabic": 0, "cyrillic": 0, "han": 0}
        for w in words:
            counts[script_of(w)] += len(w)
        script = max(counts, key=counts.__getitem__)
        if not counts[script]:
            return ""
        if script != "latin":
            return SCRIPT_LANGUAGES[script][0]
        enough = len(words) >= MIN_WORDS_TO_DETECT
    else:
        # Only whether there are enough words: the first few are counted, not all.
        first = itertools.islice(TOKEN_RE.finditer(text), MIN_WORDS_TO_DETECT)
        enough = sum(1 for _ in first) >= MIN_WORDS_TO_DETECT
    if not enough:
        return ""
    return _latin_detector().classify(text)[0]


# A Latin-script language the detector gives at least this probability is one the text may
# be in: its phrases read it. Texts of three words or so spread the probability (the
# detector's softmax is tempered by the text's length), so they keep several languages.
PLAUSIBLE = 0.05


@lru_cache(maxsize=20_000)
def plausible_languages(text: str) -> frozenset[str]:
    """The Latin-script languages ``text`` may be written in, or an empty set when that
    cannot be told (fewer than three words, or mostly in another script): then the
    phrases of every language read it."""
    if detect_language(text) not in LATIN:
        return frozenset()
    return frozenset(lang for lang, p in _latin_detector().rank(text) if p >= PLAUSIBLE)


@lru_cache(maxsize=20_000)
def own_language(words: str) -> str:
    """The Latin-script language a few words read most like, however few they are: what a
    phrase's own words are written in, inside a sentence of another language."""
    return _latin_detector().classify(words)[0]


NAME_STEM = 3  # a capitalised word inside a sentence is not read as a stem this short


def drop_name_stems(
    raw: str, toks: list, keys: list, index: dict[str, list[int]], keep: frozenset[str]
) -> bool:
    """A Latin word written with a capital inside a sentence is a name ("jornal de Cali"):
    it keeps its own keys but not a short stem cut from it ("cal", the stem of "calar"),
    unless benign context reads that stem (``keep``: "O Museu da Polícia"). Whether any
    key was dropped."""
    dropped = False
    capitals: dict[int, list[int]] = {}  # sentence -> [capitalised words, words]; on demand
    for i in range(1, len(toks)):
        word, start, end, sentence = toks[i]
        if not (raw[start].isupper() and raw[start + 1 : end].islower()):
            continue  # not a name ("GPS", an acronym, keeps its stems)
        if toks[i - 1][3] != sentence or not word.isascii() or len(word) <= NAME_STEM:
            continue  # "Spy" is as short as its stem: a word, not a name cut short
        if not capitals:  # counted once a text has a capitalised word to judge
            for _word, at, _end, n in toks:
                counts = capitals.setdefault(n, [0, 0])
                counts[0] += raw[at].isupper()
                counts[1] += 1
        if 2 * capitals[sentence][0] > capitals[sentence][1]:
            continue  # Title Case ("Platform To Spy On Journalists"): capitals name nothing
        short = [
            k
            for k in keys[i]
            if len(k) - k.index(":") - 1 <= NAME_STEM and k[3:] != word and k not in keep
        ]
        if short:
            dropped = True
            keys[i] = tuple(k for k in keys[i] if k not in short)
            for k in short:
                index[k].remove(i)
                if not index[k]:
                    del index[k]
    return dropped
