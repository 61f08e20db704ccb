"""What the reader finds in deal descriptions in English, French, Spanish and Portuguese.

Sentences written for these tests (not taken from the labelled evaluation texts): for each
category a dangerous description per language, and benign ones that use the same alarming
words innocently. Worked cases, no database.
"""

from __future__ import annotations

import pytest

from rules.engine import load_pack
from rules.textsignals import LexiconEntry, compile_lexicon
from rules.textsignals.reader import read_one

LEXICON = load_pack().lexicon


def categories(text: str) -> set[str]:
    return {c for c, _lang, _q in read_one(text, LEXICON)}


# -- accents: a rep who types without them is read as one who types with them ------------


@pytest.mark.parametrize(
    ("phrase", "language", "text"),
    [
        # the phrase has the accents, the text has none
        ("sécurité ~ réfugiés", "fr", "La securite doit retrouver les refugies."),
        ("localização ~ manifestações", "pt", "Localizacao dos participantes das manifestacoes."),
        # the text has the accents, the phrase has none
        ("securite ~ refugies", "fr", "La sécurité doit retrouver les réfugiés."),
        ("localizacao ~ manifestacoes", "pt", "Localização dos participantes das manifestações."),
        # a word's beginning (``word*``) too
        ("détent* ~ opposants", "fr", "Centre de detention pour les opposants."),
        ("detenc* ~ opositores", "es", "Centro de detención para los opositores."),
    ],
)
def test_accents_left_out_on_either_side_still_match(phrase: str, language: str, text: str) -> None:
    lexicon = compile_lexicon([LexiconEntry(phrase, language, "detention", "test")])
    assert [c for c, _lang, _q in read_one(text, lexicon)] == ["detention"]


def test_a_negation_typed_without_its_accent_still_negates() -> None:
    lexicon = compile_lexicon([LexiconEntry("vigiar ~ jornalistas", "pt", "targets_dissent", "t")])
    assert read_one("O sistema nao vai vigiar jornalistas.", lexicon) == []
    assert read_one("El sistema jamas vigilara a los periodistas.", LEXICON) == []
