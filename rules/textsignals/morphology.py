"""Morphology for Arabic, Russian, Chinese and the irregular verbs of Spanish, Portuguese
and French: the forms a stemmer alone does not join.

What must always be true:

- Russian: a text word is also read as its dictionary forms (pymorphy3 with the
  OpenCorpora dictionary shipped in ``pymorphy3-dicts-ru``), so "отследят", "задержат" or
  "разведкой" meet a phrase written "отследить", "задержать", "разведка". A phrase's own
  key is unchanged: what matched before still matches.
- Arabic: one rule-based light stem, the same for a phrase and a text, drops the clitics
  written onto a word (و ف, ب ل ك, the article, the future س), the imperfect prefix of a
  verb (ي ت ن) and the plural, feminine and pronoun endings (ات ون ين ان ه ها هم ...),
  so "وسيراقبون", "تراقب" and "يراقب" meet, and so do "بالصحفيين" and "صحفي". A stem
  keeps at least three letters.
- Chinese: traditional characters are read as simplified (OpenCC tables in
  ``opencc-purepy``), one character for one character, so quotes keep what was written.
- Spanish, Portuguese, French: a verb whose stem changes with person or tense ("seguir":
  "sigue", "siguió"; "detener": "detiene", "detuvo"; "intervir": "intervém"; "suivre":
  "suit") is also read as its dictionary form, which is how the lexicon writes verbs. A
  small table per language (``IRREGULAR_STEMS``) lists each changed stem, the dictionary
  form and the endings it takes; any beginning before it is kept, so one row reads the
  verb and its compounds ("persiguen" -> "perseguir", "intervino" -> "intervenir").
- Everything ships in the packages: nothing is downloaded at run time. The dictionaries
  load once, on the first word that needs them.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_loaded: dict[str, object] = {}


def _analyser(name: str):
    found = _loaded.get(name)
    if found is None:
        with _lock:
            found = _loaded.get(name)
            if found is None:
                if name == "ru":
                    import pymorphy3

                    found = pymorphy3.MorphAnalyzer(lang="ru")
                elif name == "romance":
                    from simplemma import Lemmatizer
                    from simplemma.strategies import DictionaryLookupStrategy

                    # The dictionaries only: no guessing by rules at a word they lack.
                    found = Lemmatizer(
                        lemmatization_strategy=DictionaryLookupStrategy(_romance_dictionaries())
                    )
                else:
                    from opencc_purepy import OpenCC

                    found = OpenCC("t2s")
                _loaded[name] = found
    return found


def _romance_dictionaries():
    """simplemma's French, Spanish and Portuguese dictionaries as MARISA tries, built from
    the dictionaries the package ships once a machine and kept in the user's cache
    (``warm_romance_dictionaries``). A cache that cannot be read or mended (a folder where
    a file should be, a file of another user) leaves the same dictionaries in their
    low-memory form, slower, and says so: the words are read the same either way."""
    from simplemma.strategies import LOW_MEMORY_DICTIONARY_FACTORY
    from simplemma.strategies.dictionaries.trie_dictionary_factory import (
        TrieDictionaryFactory,
    )

    tries = TrieDictionaryFactory()
    try:
        for language in ROMANCE:
            tries.get_dictionary(language)
    except OSError as error:
        logger.warning("French, Spanish and Portuguese dictionaries read slowly: %s", error)
        return LOW_MEMORY_DICTIONARY_FACTORY
    return tries


# -- Russian ------------------------------------------------------------------------------

MAX_LEMMAS = 3  # parses of one word read (the likeliest first): enough for homonyms


@lru_cache(maxsize=65536)
def russian_lemmas(word: str) -> tuple[str, ...]:
    """The dictionary forms of a normalised Russian word, likeliest first (ё read as е)."""
    analyser = _analyser("ru")
    parses = _unranked_parses(analyser, word)
    if parses is None:  # not the analyser these steps were written for: its own parse
        ranked = [p[2] for p in analyser.parse(word)[:MAX_LEMMAS]]
    else:
        forms = {p[2].replace("ё", "е") for p in parses}
        if len(forms) <= 1:
            # Every parse has the one dictionary form (or there is none): the ranking of
            # the parses by likelihood, three quarters of the time, cannot change it.
            ranked = list(forms)
        else:
            estimator = analyser.prob_estimator
            if estimator is not None:
                parses = estimator.apply_to_parses(word, word.lower(), parses)
            ranked = [p[2] for p in parses[:MAX_LEMMAS]]
    lemmas = [lemma.replace("ё", "е") for lemma in ranked]
    return tuple(dict.fromkeys(lemma for lemma in lemmas if lemma != word))


def _unranked_parses(analyser, word: str) -> list | None:
    """The parses ``analyser.parse`` finds before it ranks them (its own steps), or None
    when the analyser has no such steps."""
    units = getattr(analyser, "_units", None)
    if units is None or not hasattr(analyser, "prob_estimator"):
        return None
    found: list = []
    seen: set = set()
    lower = word.lower()
    for unit, is_terminal in units:
        found.extend(unit.parse(word, lower, seen))
        if is_terminal and found:
            break
    return found


@lru_cache(maxsize=65536)
def russian_word_known(word: str) -> bool:
    """Whether the dictionary knows a normalised Russian word (no guess from its ending)."""
    return _analyser("ru").word_is_known(word)


# -- Arabic -------------------------------------------------------------------------------

MIN_ARABIC_STEM = 3
_CONJUNCTIONS = ("و", "ف")
_ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")
_PREPOSITIONS = ("ب", "ل", "ك")
_IMPERFECT = ("ي", "ت")  # "ن" too after the future only: many nouns start with it
# Longest first; ة is folded to ه and ى to ي by ``normalise``.
_PRONOUNS = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها")
_ENDINGS = ("يات", "يين", "يون", "ات", "ون", "ين", "ان", "وا", "يه", "ه", "ي")


def _drop_prefix(word: str, prefixes: tuple[str, ...], keep: int) -> str:
    for p in prefixes:
        if word.startswith(p) and len(word) - len(p) >= keep:
            return word[len(p) :]
    return word


def _drop_suffix(word: str, suffixes: tuple[str, ...], keep: int) -> str:
    """The longest ending dropped, or none: never a shorter one in its place ("الآلية"
    keeps its "ية" rather than becoming "إلى")."""
    for s in suffixes:
        if word.endswith(s):
            return word[: -len(s)] if len(word) - len(s) >= keep else word
    return word


@lru_cache(maxsize=65536)
def arabic_light_stem(word: str) -> str:
    """A normalised Arabic word without its clitics, verb prefix and endings."""
    w = word
    if w.startswith(_ARTICLES[:4]) and len(w) - 3 >= MIN_ARABIC_STEM:
        w = w[3:]  # conjunction or preposition with the article: "وال", "بال"...
    else:
        w = _drop_prefix(w, _CONJUNCTIONS, MIN_ARABIC_STEM + 1)
        if w.startswith("س") and len(w) > 4 and w[1] in "يتن":
            # the future: "سيراقب", "سنراقب" (not "سنوات", years: four letters kept)
            if w[1] != "ن":
                w = w[1:]
            elif len(w) > 5:
                w = w[2:]
        elif w.startswith(("لل", "ال")):
            w = _drop_prefix(w, ("لل", "ال"), MIN_ARABIC_STEM)
        else:
            w = _drop_prefix(w, _PREPOSITIONS, MIN_ARABIC_STEM + 1)
    w = _drop_prefix(w, _IMPERFECT, MIN_ARABIC_STEM + 1)
    bare = _drop_suffix(w, _PRONOUNS, MIN_ARABIC_STEM)
    if bare != w and bare.endswith("ت"):
        bare = bare[:-1] + "ه"  # ة before a pronoun is written ت: "مراقبتهم"
    w = bare
    for _ in range(2):  # a nisba before a plural or pronoun ending: "صحفيي", "صحفيين"
        w = _drop_suffix(w, _ENDINGS, MIN_ARABIC_STEM)
    return w


def arabic_text_stems(word: str) -> tuple[str, ...]:
    """The light stems a text word can meet: its own; without a conjunction و or ف
    written onto a short word ("وحجب", "فرصد": the phrase's own stem cannot drop it, as
    many words start with those letters), and then without a preposition ب, ل or ك
    ("وبحجب", "لرصد": "to monitor"); and for a word ending in ا, the stem without it:
    the indefinite accusative ("سجلاً", "نظاماً", written with or without its tanween) is
    the word itself. Only a text word is read so: a phrase keeps its one stem, so these
    readings add matches where the text wrote more onto a word, never fewer. (The root of
    a four-letter imperfect, "يحجب" -> "حجب", was tried and left out: it read "ترصد"
    (sensors that detect) and "تشحن" (is shipped) as the phrases' words, for one more
    text found; the lexicon writes the verbs' present forms instead.)"""
    stems = [arabic_light_stem(word)]
    rests = [word]
    if word[0] in _CONJUNCTIONS and len(word) > MIN_ARABIC_STEM:
        rests.append(word[1:])
    for rest in rests:
        stems.append(arabic_light_stem(rest))
        if len(rest) == 4 and rest[0] in _PREPOSITIONS:
            stems.append(arabic_light_stem(rest[1:]))
    if word.endswith("ا") and len(word) > MIN_ARABIC_STEM:
        stems.append(arabic_light_stem(word[:-1]))
    return tuple(dict.fromkeys(stems))


# -- Chinese ------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def simplified(char: str) -> str:
    """One Han character as simplified Chinese writes it (itself when it already is)."""
    out = _analyser("zh").convert(char)
    return out if len(out) == len(char) else char


# -- Spanish, Portuguese, French: irregular verb stems ---------------------------------------

# Per language: (stem as the text writes it, dictionary form, endings it takes), compared
# without accents. A text word is any beginning + a stem + one of its endings; it is also
# read as that beginning + the dictionary form ("con" + "sigu" + "en" -> "conseguir"). The
# endings are the forms' own, so a noun that merely holds the letters ("tienda", "sigla")
# is not read. Only verbs that name acts in the lexicon's families are listed: following,
# pursuing, obtaining (seguir); stopping (impedir, pedir); holding (tener: detener,
# retener, obtener); intervening (venir, vir); closing and finding (cerrar, encontrar);
# imposing (poner); following, holding, intervening in French (suivre, tenir, venir);
# the futures of those whose stem changes (detendr-, suivr-, tiendr-).
_ES_PRESENT = ("o", "a", "as", "an", "amos")
# The future and conditional endings, on the changed stem ("detendr-", "suivr-").
_ES_FUTURE = ("e", "as", "a", "emos", "an", "ia", "ias", "iamos", "ian")
_FR_FUTURE = ("ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient")
IRREGULAR_STEMS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "es": (
        ("sigu", "seguir", ("e", "es", "en", "io", "ieron", "iendo", "iera", "ieran", "iese")),
        ("sig", "seguir", _ES_PRESENT),
        ("pid", "pedir", ("e", "es", "en", "io", "ieron", "iendo", "iera", "ieran", *_ES_PRESENT)),
        ("tien", "tener", ("e", "es", "en")),
        ("teng", "tener", _ES_PRESENT),
        ("tuv", "tener", ("e", "iste", "o", "imos", "ieron", "iera", "ieran", "iese", "iesen")),
        ("vien", "venir", ("e", "es", "en")),
        ("veng", "venir", _ES_PRESENT),
        ("vin", "venir", ("e", "iste", "o", "imos", "ieron", "iera", "ieran", "iese")),
        ("cierr", "cerrar", ("o", "a", "as", "an", "e", "es", "en")),
        ("cuentr", "contrar", ("o", "a", "as", "an", "e", "es", "en")),
        ("pus", "poner", ("e", "iste", "o", "imos", "ieron", "iera", "ieran")),
        ("pong", "poner", _ES_PRESENT),
        ("tendr", "tener", _ES_FUTURE),  # "detendremos", "retendrán"
        ("vendr", "venir", _ES_FUTURE),
        ("pondr", "poner", _ES_FUTURE),
    ),
    "pt": (
        ("sig", "seguir", ("o", "a", "as", "am", "amos")),
        ("segu", "seguir", ("e", "es", "em")),
        ("impec", "impedir", ("o", "a", "as", "am", "amos")),
        ("tem", "ter", ("",)),  # "detém", "detêm", "retém", "obtém"
        ("tev", "ter", ("e",)),
        ("tiv", "ter", ("eram", "esse", "essem", "er", "erem", "emos")),
        ("tenh", "ter", ("o", "a", "am")),
        ("vem", "vir", ("",)),  # "intervém", "intervêm"
        ("vei", "vir", ("o",)),
        ("vi", "vir", ("eram", "esse", "essem", "er", "erem")),
        ("venh", "vir", ("o", "a", "am")),
    ),
    "fr": (
        ("sui", "suivre", ("t",)),  # not "suis", which is also "I am"
        (
            "suiv",
            "suivre",
            ("ent", "ons", "ez", "ait", "aient", "it", "irent", "ant", "i", "is", "ie", "ies"),
        ),
        ("tien", "tenir", ("s", "t", "nent", "ne", "nes")),
        ("tin", "tenir", ("t", "rent")),
        ("vien", "venir", ("s", "t", "nent", "ne", "nes")),
        ("vin", "venir", ("t", "rent")),
        ("suivr", "suivre", _FR_FUTURE),  # "suivrons", "poursuivront"
        ("tiendr", "tenir", _FR_FUTURE),  # "détiendrons"
        ("viendr", "venir", _FR_FUTURE),  # "interviendra"
    ),
}
_MIN_IRREGULAR_WORD = 4  # "tem", "vem", "vin" alone are other words


def _irregular_index() -> dict[str, tuple[tuple[str, str], ...]]:
    """Per language, (changed stem + ending, dictionary form)."""
    return {
        language: tuple((s + e, d) for s, d, endings in rows for e in endings)
        for language, rows in IRREGULAR_STEMS.items()
    }


_IRREGULAR = _irregular_index()
# Every ending of a language's rows at once: most words end in none, and are done with one test.
_TAILS = {language: tuple(tail for tail, _d in rows) for language, rows in _IRREGULAR.items()}


@lru_cache(maxsize=65536)
def irregular_dictionary_forms(word: str, language: str) -> tuple[str, ...]:
    """The dictionary forms of an unaccented Latin word read as an irregular verb of
    ``language`` ("persiguen" -> "perseguir"); none for a regular word."""
    if len(word) < _MIN_IRREGULAR_WORD or not word.endswith(_TAILS.get(language, ())):
        return ()
    found = []
    for tail, dictionary in _IRREGULAR.get(language, ()):
        if word.endswith(tail):
            found.append(word[: len(word) - len(tail)] + dictionary)
    return tuple(dict.fromkeys(found))


# The French stemmer leaves the plural present of "-er" verbs whole ("bloquons",
# "surveillent" stay apart from "bloquer", "surveiller"), and stems "identifie" apart from
# "identifier": those forms are also read as their infinitive. Not "-ment" words, these nouns in "-ons", whose "-er" form would be
# another word ("prisons", "saisons"), nor "jugent" ("ils le jugent nécessaire": deeming
# is not the judge that "juge" names).
_NOT_PLURAL_VERBS = frozenset(
    "prisons saisons maisons raisons facons cartons echelons brouillons pistons macons "
    "compagnons chatons jugent jugeons parent present apparent".split()
)
_MIN_PLURAL_VERB = 6


def french_present_forms(bare: str) -> tuple[str, ...]:
    """The infinitives an unaccented French word may be a present form of, when the
    stemmer reads it apart ("bloquons" -> "bloquer"); none for other words."""
    if len(bare) < _MIN_PLURAL_VERB:
        return ()
    if bare in _NOT_PLURAL_VERBS:
        return ()
    if bare.endswith("ent") and not bare.endswith("ment"):
        return (bare[:-3] + "er",)
    if bare.endswith(("ifie", "ifies")):
        return (bare[: bare.rindex("ifie") + 3] + "er",)  # "identifie" as "identifier"
    if bare.endswith("ifions"):
        return (bare[:-3] + "er",)  # "identifions", "vérifions"
    if bare.endswith("ons") and not bare.endswith("ions"):
        return (bare[:-3] + "er",)
    return ()


# -- Spanish, Portuguese, French: dictionary forms ------------------------------------------

ROMANCE = ("fr", "es", "pt")
_MIN_LEMMA_WORD = 4  # "sea", "fue" are read as themselves


def romance_lemmas(word: str) -> tuple[tuple[str, str], ...]:
    """(language, dictionary form) of a normalised Latin word read as French, Spanish and
    Portuguese, where that form is another word: the subjunctives and conjugated forms the
    stemmers read apart ("bloqueen" -> "bloquear", "marque" -> "marcar", "restreignons" ->
    "restreindre", "éteignent" -> "éteindre"). simplemma's dictionaries ship in its
    package; only they are read, as tries (about 4 µs a look-up, each word once:
    ``word_keys`` keeps its keys; some 10 MB for the three), not loaded whole (some 220 MB
    a process more) nor in simplemma's low-memory form (about 25 µs a look-up). A word
    whose verb reading names another thing ("jugent" is no judge) is read as written."""
    if len(word) < _MIN_LEMMA_WORD or not word.isalpha() or word in _NOT_PLURAL_VERBS:
        return ()
    lemmatiser = _analyser("romance")
    found = []
    for language in ROMANCE:
        lemma = lemmatiser.lemmatize(word, language)
        if lemma != word:
            found.append((language, lemma))
    return tuple(found)


def warm_romance_dictionaries() -> None:
    """Build the French, Spanish and Portuguese tries into the user's cache now (about 3 s
    and 240 MB for a moment, once a machine: ``make install``, the image), so no process
    builds them at its first deal; each process then loads them in milliseconds
    (``_romance_dictionaries`` loads the three as the lemmatiser is made)."""
    _analyser("romance")
