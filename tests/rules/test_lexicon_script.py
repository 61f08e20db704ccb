"""A lexicon phrase is refused when its words are not written in its language's script,
with the language it is written in.

Found by a new compliance lead's review: "track ~ protesters" saved as Russian was accepted
(it read English text and quoted it "(Russian)"), an Arabic phrase saved as English was
accepted, and a Chinese phrase left on English was refused as "a word is letters only",
which says nothing of the language.
"""

from __future__ import annotations

import pytest

from hrdd.errors import ApplicationError
from rules import lexicon_services, services
from rules.engine import load_pack

pytestmark = pytest.mark.django_db


def _save(admin, draft, phrase: str, language: str) -> None:
    lexicon_services.lexicon_entry_save(
        actor=admin,
        draft=draft,
        values={"phrase": phrase, "language": language, "category": "tracking", "source": "s"},
    )


@pytest.mark.parametrize(
    ("phrase", "language", "says"),
    [
        ("track ~ protesters", "ru", "has no word in Cyrillic letters, so it is no Russian phrase"),
        (
            "تتبع ~ المتظاهرين",
            "en",
            "holds words in Arabic letters, not in English: choose the language it is written in (Arabic)",
        ),
        (
            "定位抗议者",
            "en",
            "holds words in Chinese characters, not in English: choose the language it is written in (Chinese)",
        ),
        ("слежка ~ протестующих", "fr", "(Russian)"),
    ],
)
def test_a_phrase_in_another_script_is_refused_with_its_language(
    admin_user, phrase, language, says
):
    draft = services.criteria_draft_start(actor=admin_user)
    before = draft.lexicon.count()
    with pytest.raises(ApplicationError) as exc:
        _save(admin_user, draft, phrase, language)
    assert says in exc.value.errors["phrase"]
    assert "letters only" not in exc.value.errors["phrase"]
    assert draft.lexicon.count() == before


@pytest.mark.parametrize(
    ("phrase", "language"),
    [("ssh", "ru"), ("WhatsApp", "ar"), ("封掉 WhatsApp", "zh"), ("слежка ~ vpn", "ru")],
)
def test_a_name_alone_or_beside_the_languages_own_words_is_kept(admin_user, phrase, language):
    draft = services.criteria_draft_start(actor=admin_user)
    _save(admin_user, draft, phrase, language)
    assert draft.lexicon.filter(phrase=phrase, language=language).exists()


def test_the_default_lexicon_is_written_in_its_languages_scripts():
    assert len(load_pack().lexicon.entries) > 3000  # compiled, every entry checked
