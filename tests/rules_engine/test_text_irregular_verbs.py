"""Irregular verbs of Spanish, Portuguese and French are read by their dictionary form:
"sigue", "persigue", "intervino", "impide", "deteve", "suit" meet the lexicon's "seguir",
"perseguir", "intervenir", "impedir", "deter", "suivre" (``morphology.IRREGULAR_STEMS``).
Before, the stemmer read "sigue" apart from "seguir" and none of these was read."""

from __future__ import annotations

import pytest

from rules.engine import load_pack
from rules.textsignals.morphology import IRREGULAR_STEMS, irregular_dictionary_forms
from rules.textsignals.reader import read_one
from tests.rules_engine.reading import categories

PACK = load_pack()


@pytest.mark.parametrize(
    ("text", "category", "quote"),
    [
        (
            "La policía sigue a los periodistas con el sistema.",
            "tracking",
            "sigue a los periodistas",
        ),
        ("Los agentes siguen a los activistas.", "tracking", "siguen a los activistas"),
        (
            "El servicio siguió a los opositores durante meses.",
            "targets_dissent",
            "siguió a los opositores",
        ),
        (
            "El gobierno persigue a los periodistas.",
            "targets_dissent",
            "persigue a los periodistas",
        ),
        (
            "Los servicios intervienen las llamadas de los opositores.",
            "interception",
            "intervienen las llamadas",
        ),
        (
            "El servicio intervino las comunicaciones de los periodistas.",
            "interception",
            "intervino las comunicaciones",
        ),
        (
            "El sistema impide el acceso a los medios independientes.",
            "censorship",
            "impide el acceso a los medios independientes",
        ),
        (
            "El operador cierra las cuentas de los opositores.",
            "censorship",
            "cierra las cuentas de los opositores",
        ),
        ("A polícia persegue os jornalistas.", "targets_dissent", "persegue os jornalistas"),
        ("A polícia deteve os manifestantes.", "detention", "deteve os manifestantes"),
        ("La police suit les journalistes avec le système.", "tracking", "suit les journalistes"),
        ("Les agents suivent les militants.", "targets_dissent", "suivent les militants"),
        ("La police poursuit les opposants.", "targets_dissent", "poursuit les opposants"),
    ],
)
def test_an_irregular_form_is_read_as_its_verb(text: str, category: str, quote: str) -> None:
    assert (category, quote) in {(c, q) for c, _lang, q in read_one(text, PACK.lexicon)}


@pytest.mark.parametrize(
    "text",
    [
        "La tienda sigue abierta.",
        "Siga las instrucciones del manual.",
        "El técnico pide una ventana de mantenimiento.",
        "O sistema tem uma interface rápida.",
        "Le module suit les mises à jour du serveur.",
        "Je suis journaliste et je couvre la conférence.",
    ],
)
def test_ordinary_sentences_with_those_verbs_stay_clean(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    ("word", "language", "form"),
    [
        ("persiguen", "es", "perseguir"),
        ("consiguen", "es", "conseguir"),
        ("detuvo", "es", "detener"),
        ("intervino", "es", "intervenir"),
        ("impide", "es", "impedir"),
        ("detem", "pt", "deter"),
        ("interveio", "pt", "intervir"),
        ("poursuit", "fr", "poursuivre"),
        ("interviennent", "fr", "intervenir"),
    ],
)
def test_the_table_gives_the_dictionary_form(word: str, language: str, form: str) -> None:
    assert form in irregular_dictionary_forms(word, language)


@pytest.mark.parametrize(("word", "language"), [("tienda", "es"), ("sigla", "es"), ("suis", "fr")])
def test_a_word_that_only_holds_the_letters_has_none(word: str, language: str) -> None:
    assert irregular_dictionary_forms(word, language) == ()


@pytest.mark.parametrize("language", sorted(IRREGULAR_STEMS))
def test_every_form_of_the_table_is_read_as_its_verb(language: str) -> None:
    # Words are first checked against every ending at once: none of the table's is missed.
    for stem, dictionary, endings in IRREGULAR_STEMS[language]:
        for ending in endings:
            word = "re" + stem + ending  # a compound, long enough to be read
            assert "re" + dictionary in irregular_dictionary_forms(word, language), word
