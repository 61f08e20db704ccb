"""A French, Spanish or Portuguese word of a text is also read as its dictionary form, by a
lemmatiser (``morphology.romance_lemmas``): the conjugated forms and subjunctives the
stemmers read apart from the verb the lexicon writes ("restreignons", "restreint" and
"restreindre"; "éteignent" and "éteindre"; "descubra" and "descobrir"). Before, none of
the red flags below was read, and the French denial read as a red flag: its act was not
read, so the negation denied nothing and "pas l'accès" stood as a state."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rules.textsignals.morphology import romance_lemmas
from rules.textsignals.reader import read_one
from tests.rules_engine.reading import PACK, categories


@pytest.mark.parametrize(
    ("text", "category", "quote"),
    [
        (
            "Le pare-feu restreint l'accès aux sites de l'opposition.",
            "censorship",
            "restreint l'accès aux sites de l'opposition",
        ),
        (
            "Ils éteignent l'internet mobile dans la région pendant les manifestations.",
            "censorship",
            "éteignent l'internet mobile dans la région",
        ),
        (
            "O cliente quer que a ferramenta descubra quem são os ativistas do comitê de greve.",
            "targets_dissent",
            "descubra quem são os ativistas",
        ),
    ],
)
def test_a_conjugated_verb_is_read_as_its_dictionary_form(
    text: str, category: str, quote: str
) -> None:
    assert (category, quote) in {(c, q) for c, _lang, q in read_one(text, PACK.lexicon)}


def test_a_denied_conjugated_verb_denies_the_red_flag() -> None:
    # "We do not restrict access to opposition sites": the README's open case until today.
    assert categories("Nous ne restreignons pas l'accès aux sites de l'opposition.") == set()
    assert categories("Nous restreignons l'accès aux sites de l'opposition.") == {"censorship"}


@pytest.mark.parametrize(
    "text",
    [
        "Queremos que el firewall bloquee los sitios de malware y rastree los intentos de intrusión.",
        "Quieren que la cámara detecte intrusos en el almacén y que marque los vehículos sin permiso.",
        "Querem que o sistema bloqueie sites de phishing e monitore a rede contra ataques.",
        "Il faut que le pare-feu restreigne l'accès aux sites de jeux d'argent pour le personnel.",
        "Nous éteignons les serveurs la nuit pour économiser l'énergie.",
    ],
)
def test_ordinary_subjunctives_stay_clean(text: str) -> None:
    assert categories(text) == set()


def test_a_verb_that_names_another_thing_is_read_as_written() -> None:
    # "quand ils le jugent nécessaire" is no judge: read as "juger", the judge the text
    # says is skipped ("sans passer par un juge") would read as present.
    text = (
        "Ils aimeraient pouvoir écouter certains numéros quand ils le jugent nécessaire, "
        "sans passer par un juge à chaque fois."
    )
    assert romance_lemmas("jugent") == ()
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    ("word", "language", "form"),
    [
        ("restreignons", "fr", "restreindre"),
        ("éteignent", "fr", "éteindre"),
        ("bloqueen", "es", "bloquear"),
        ("marque", "es", "marcar"),
        ("descubra", "pt", "descobrir"),
    ],
)
def test_the_lemmatiser_gives_the_dictionary_form(word: str, language: str, form: str) -> None:
    assert (language, form) in romance_lemmas(word)


@pytest.mark.parametrize("word", ["sea", "2026", "a1b2c3", "whatsapp", "bloquear"])
def test_short_words_numbers_and_dictionary_forms_have_none(word: str) -> None:
    assert romance_lemmas(word) == ()


# The dictionaries are read as tries kept in the user's cache (``make install`` builds them).
# An operator's machine may have no writable cache, or a cache file cut short by a disk that
# filled up: the words are still read as their dictionary form (the tries built in memory).
_LEMMAS_IN_A_NEW_PROCESS = (
    "from rules.textsignals.morphology import romance_lemmas;"
    "print(dict(romance_lemmas('bloqueen'))['es'], dict(romance_lemmas('restreignons'))['fr'])"
)


def _lemmas_with_cache(cache: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _LEMMAS_IN_A_NEW_PROCESS],
        env={**os.environ, "XDG_CACHE_HOME": str(cache)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip()


def test_words_are_read_as_their_dictionary_form_with_no_writable_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.write_text("a file where the cache folder should be")  # not writable, even by root
    assert _lemmas_with_cache(cache) == "bloquear restreindre"
    assert cache.read_text() == "a file where the cache folder should be"


def test_a_cut_short_cache_is_built_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _lemmas_with_cache(cache) == "bloquear restreindre"  # builds and keeps the tries
    kept = sorted(cache.rglob("*.dic"))
    assert [p.name for p in kept] == ["es.dic", "fr.dic", "pt.dic"]
    for path in kept:
        path.write_bytes(path.read_bytes()[:1000])
    assert _lemmas_with_cache(cache) == "bloquear restreindre"
    assert all(p.stat().st_size > 100_000 for p in kept)


def test_a_cache_that_cannot_be_mended_leaves_the_words_read_the_same(tmp_path: Path) -> None:
    """A folder where a trie's file should be (an operator's slip) can be neither read nor
    replaced: the dictionaries are read in their slower form, and every deal still is."""
    cache = tmp_path / "cache"
    assert _lemmas_with_cache(cache) == "bloquear restreindre"
    kept = next(cache.rglob("es.dic"))
    kept.unlink()
    (kept / "left").mkdir(parents=True)
    assert _lemmas_with_cache(cache) == "bloquear restreindre"
