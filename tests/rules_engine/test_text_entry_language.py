"""Where a lexicon entry reads: a Latin-script phrase reads text that may be in its own
language (every language when the text is too short to tell), unless its admin marked it
``any_language``; Arabic, Russian and Chinese phrases are kept apart by their script."""

from __future__ import annotations

import pytest

from rules.textsignals import (
    LexiconEntry,
    compile_lexicon,
    lexicon_from_pack,
    lexicon_to_pack,
    validate_entry,
)
from rules.textsignals.languages import LATIN, detect_language, plausible_languages
from rules.textsignals.reader import read_one
from tests.rules_engine.labelled import TEXTS

FRENCH = "Le client veut déployer Pegasus sur les téléphones des manifestants de la capitale."


def entry(phrase: str, language: str = "en", **more) -> LexiconEntry:
    return LexiconEntry(phrase, language, "tracking", "case 7", **more)


def read(text: str, *entries: LexiconEntry) -> list[tuple[str, str, str]]:
    return read_one(text, compile_lexicon(entries))


def test_an_english_phrase_does_not_read_a_french_text() -> None:
    assert read(FRENCH, entry("pegasus")) == []
    assert read("The client will deploy Pegasus on the protesters' phones.", entry("pegasus"))


def test_an_entry_marked_any_language_reads_every_language() -> None:
    found = read(FRENCH, entry("pegasus", any_language=True))
    assert found == [("tracking", "en", "Pegasus")]


def test_a_text_too_short_to_tell_is_read_by_every_language() -> None:
    assert read("Pegasus licences", entry("pegasus")) == [("tracking", "en", "Pegasus")]


def test_benign_context_of_another_language_cancels_nothing() -> None:
    signal = entry("bloquer ~ sites", "fr")
    english_context = LexiconEntry("malware", "en", "benign", "case 8")
    # The benign word names what is blocked (beside the opposition's sites it would be one
    # more thing blocked, and cancel nothing in any language: test_text_benign_scope).
    text = "Il faut bloquer les sites de malware et de hameçonnage pendant le scrutin."
    assert read(text, signal, english_context) == [("tracking", "fr", "bloquer les sites")]
    french_context = LexiconEntry("malware", "fr", "benign", "case 8")
    assert read(text, signal, french_context) == []


def test_any_language_survives_a_pack_and_is_left_out_when_false() -> None:
    entries = [entry("pegasus", any_language=True), entry("track ~ protesters")]
    pack = lexicon_to_pack(entries)
    assert pack[0]["any_language"] is True
    assert "any_language" not in pack[1]  # packs written before the mark read the same
    assert lexicon_from_pack({"lexicon": pack}) == entries


@pytest.mark.parametrize("value", ["yes", 1])
def test_any_language_is_true_or_false(value) -> None:
    assert "any_language must be true or false" in validate_entry(
        entry("pegasus", any_language=value)
    )


def test_a_family_is_read_in_its_own_language() -> None:
    problems = validate_entry(LexiconEntry("pegasus", "en", "tracking", "x", True, "act", True))
    assert any("a family is read in its own language" in p for p in problems)


def test_a_lexicon_is_compiled_once_and_an_edited_one_afresh() -> None:
    from rules.textsignals import candidates

    entries = [entry("pegasus"), entry("track ~ protesters")]
    first = candidates.compiled_lexicon(entries)
    assert candidates.compiled_lexicon(list(entries)) is first  # the same phrases: kept
    edited = candidates.compiled_lexicon([entries[0], entry("track ~ reporters")])
    assert edited is not first
    assert read_one("They track reporters.", edited)
    assert not read_one("They track reporters.", first)
    for n in range(candidates.COMPILED_KEPT):  # others push the least recently used out
        candidates.compiled_lexicon([entry(f"word{'x' * n}")])
    assert candidates.compiled_lexicon(entries) is not first


def test_the_detected_language_is_always_one_a_text_may_be_in() -> None:
    """The reader lets a phrase of the detected language read without ranking the others:
    that is only right if the detected language is always among the plausible ones."""
    sentences = [s for t in TEXTS for s in t.split(". ")]
    checked = 0
    for text in TEXTS + sentences + ["Bloquear VPN", "Block VPN apps nationwide", "a b c"]:
        if (lang := detect_language(text)) in LATIN:
            assert lang in plausible_languages(text), text
            checked += 1
    assert checked > 1000


# A whole phrase of one language written inside a sentence of another ("code-switching":
# sales notes keep English terms) is read when its own words read as its language.
@pytest.mark.parametrize(
    ("text", "phrase", "category"),
    [
        (
            "Le client de la région veut que notre équipe installe le logiciel pour "
            "track protesters dans la capitale avant les élections.",
            "track ~ protesters",
            "tracking",
        ),
        (
            "El ministerio quiere que nuestra plataforma pueda block opposition websites "
            "durante toda la semana de las elecciones.",
            "block ~ opposition websites",
            "censorship",
        ),
        (
            "O cliente pediu que a equipe configure o sistema para monitor all traffic "
            "na estação do cabo submarino antes da eleição.",
            "monitor ~ all traffic",
            "interception",
        ),
        (
            "The client wants our team to deploy the platform so that it can "
            "rastrear a los manifestantes in the capital before the vote.",
            "rastrear ~ manifestantes",
            "tracking",
        ),
    ],
)
def test_a_phrase_written_inside_a_sentence_of_another_language_is_read(
    text: str, phrase: str, category: str
) -> None:
    language = "es" if phrase.startswith("rastrear") else "en"
    signal = LexiconEntry(phrase, language, category, "case 9")
    assert [c for c, _lang, _q in read(text, signal)] == [category]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # One word is no code-switching: "mois" is a French month, not Iran's MOIS.
        ("Le contrat de maintenance prévoit une durée de douze mois pour le client.", "mois"),
        # "pide" is Spanish for "asks", not the Portuguese PIDE.
        ("El cliente pide la lista de precios para el próximo trimestre completo.", "pide"),
        # The phrase's words read as the sentence's language: no English phrase there.
        (
            "Le client veut interroger la liste des abonnés chaque jour depuis le portail.",
            "interrogate ~ list",
        ),
    ],
)
def test_a_false_friend_inside_a_sentence_of_another_language_stays_unread(
    text: str, phrase: str
) -> None:
    language = "pt" if phrase == "pide" else "en"
    assert read(text, LexiconEntry(phrase, language, "detention", "case 9")) == []
