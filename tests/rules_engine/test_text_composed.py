"""Composed reading: an act near its target, in one sentence, in every language.

The default lexicon's "Composed" entries pair a list of acts (track, intercept, block,
detain...) with a list of targets (activists, calls, independent media, detainees...),
written from general vocabulary rather than from labelled texts. Worked cases, no
database.
"""

from __future__ import annotations

import pytest

from rules.engine import load_pack
from rules.textsignals import LexiconEntry, compile_lexicon
from rules.textsignals.reader import read_one

LEXICON = load_pack().lexicon


def categories(text: str) -> set[str]:
    return {c for c, _lang, _q in read_one(text, LEXICON)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency wants to shadow the handsets of campaigners in the capital.", "tracking"),
        ("Les agents veulent ficher les syndicalistes de la raffinerie.", "targets_dissent"),
        ("El cliente quiere descifrar los chats de los abonados.", "interception"),
        ("A plataforma vai contar os frequentadores das mesquitas do bairro.", "profiling"),
        ("Провайдер должен замедлять новостные сайты перед референдумом.", "censorship"),
        ("سيتم تسليم النظام إلى جهاز المخابرات العامة.", "security_services"),
        ("系统用于羁押抗议者并记录审讯。", "detention"),
    ],
)
def test_an_act_near_its_target_raises_its_category(text: str, expected: str) -> None:
    assert expected in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Shadow IT audit: campaign managers keep their handsets on the corporate plan.",
        "Le syndicat des journalistes organise une formation sur la sécurité en manifestation.",
        "Copias de seguridad de los correos de la empresa, cifradas, con acceso del equipo de TI.",
        "Sistema de som para a igreja do bairro; contagem de lugares para o coral.",
        "Хранить резервные копии бухгалтерии пять лет по закону.",
        "We will never track protesters or their phones; the tool counts pallets.",
        "No monitorearemos a periodistas ni a activistas.",
        # English words that stem like a French or Spanish act or target ("active" like
        # "activistes", "period" like "periodistas", "report" like "reporter")
        "A report that is under investigation cannot be moved.",
        "Screening parties against the active lists.",
        "We monitor the servers over the whole period.",
        "Someone registering name after name to see which are held.",
    ],
)
def test_the_same_words_in_a_benign_or_negated_sentence_raise_nothing(text: str) -> None:
    assert categories(text) == set()


def test_the_quote_runs_from_the_first_to_the_last_word_read() -> None:
    [(category, language, quote)] = read_one(
        "Scope: the ministry will geolocate the phones of exiles abroad.", LEXICON
    )
    assert (category, language) == ("tracking", "en")
    assert quote == "geolocate the phones of exiles"


def test_the_parts_of_a_phrase_read_different_words() -> None:
    lexicon = compile_lexicon(
        [LexiconEntry("locate ~ location|locations", "en", "tracking", "test")]
    )
    # "locate" and "location" share a stem: one word is no act near a target
    assert read_one("Locate the pumps in the ward.", lexicon) == []
    assert read_one("Locate the location of the pumps.", lexicon) == [
        ("tracking", "en", "Locate the location")
    ]


@pytest.mark.parametrize(
    "text",
    ["المراقبة الدائمة للصحفيين", "مراقبة دائمة للصحفيين", "ومراقبة الصحفيين"],
)
def test_an_arabic_word_matches_with_or_without_its_article(text: str) -> None:
    lexicon = compile_lexicon([LexiconEntry("المراقبة ~ صحفيين", "ar", "targets_dissent", "test")])
    assert [c for c, _l, _q in read_one(text, lexicon)] == ["targets_dissent"]


def test_a_target_between_the_act_s_words_is_a_part_of_its_own() -> None:
    """Parts are read in the order written and a part's words stand together: the target
    inside "see where … go" needs its own part (the README's example)."""
    interleaved = compile_lexicon(
        [LexiconEntry("see|know ~ where ~ journalists|ex ~ go|goes", "en", "tracking", "t")]
    )
    together = compile_lexicon(
        [LexiconEntry("see|know ~ where go|where goes ~ journalists|ex", "en", "tracking", "t")]
    )
    for text in ("We want to see where the journalists go.", "We want to know where his ex goes."):
        assert [c for c, _lang, _q in read_one(text, interleaved)] == ["tracking"]
        assert read_one(text, together) == []
