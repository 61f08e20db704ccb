"""A French, Spanish or Portuguese word of a text is also read as its dictionary form, by a
lemmatiser (``morphology.romance_lemmas``): the conjugated forms and subjunctives the
stemmers read apart from the verb the lexicon writes ("restreignons", "restreint" and
"restreindre"; "éteignent" and "éteindre"; "descubra" and "descobrir"). Before, none of
the red flags below was read, and the French denial read as a red flag: its act was not
read, so the negation denied nothing and "pas l'accès" stood as a state."""

from __future__ import annotations

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
