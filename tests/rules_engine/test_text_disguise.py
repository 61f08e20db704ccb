"""A description disguised to slip past the reader is read as a person reads it: invisible
characters, look-alike letters of another script and a right-to-left override change what
a program sees, not what the reviewer or the rep would read. Worked cases, no database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules.textsignals.disguise import as_read
from rules.textsignals.languages import word_set
from rules.textsignals.reader import read_one
from tests.rules_engine.reading import PACK

EVAL = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "text_eval"
ZWSP, ZWNJ, SHY = "\u200b", "\u200c", "\u00ad"

# (plain text, the same text disguised)
DISGUISED = [
    (
        "The customer wants to track the phones of protesters.",
        f"The customer wants to track the phones of pro{ZWSP}testers.",
    ),
    (
        "The customer wants to track the phones of protesters.",
        f"The customer wants to tr{SHY}ack the phones of prot{ZWNJ}esters.",
    ),
    (  # Cyrillic а and е in English words
        "The customer wants to track the phones of protesters.",
        "The customer wants to tr\u0430ck the phones of prot\u0435sters.",
    ),
    (  # Greek omicron
        "Block the websites of the opposition party before the vote.",
        "Block the websites of the \u03bfpp\u03bfsition party before the vote.",
    ),
    (  # Latin o and p in Russian words
        "Заказчик хочет отслеживать телефоны протестующих.",
        "Заказчик хочет отслеживать телефоны пpoтестующих.",
    ),
    (  # a right-to-left override shows "opposition" written backwards
        "Block the websites of the opposition party before the vote.",
        "Block the websites of the \u202enoitisoppo\u202c party before the vote.",
    ),
    (
        "Le client veut suivre les téléphones des manifestants.",
        "Le client veut suivre les téléphones des m\u0430nifest\u0430nts.",
    ),
]


def reads(text: str) -> list[tuple[str, str, str]]:
    return read_one(text, PACK.lexicon)


@pytest.mark.parametrize(("plain", "disguised"), DISGUISED)
def test_a_disguised_description_raises_what_the_plain_one_raises(plain, disguised):
    assert reads(plain), "the plain text must raise something for the case to mean anything"
    assert reads(disguised) == reads(plain)


@pytest.mark.parametrize(("plain", "disguised"), DISGUISED)
def test_the_quote_shows_the_words_as_read_without_hidden_characters(plain, disguised):
    for _category, _language, quote in reads(disguised):
        assert quote in plain
        assert quote.isprintable()


@pytest.mark.parametrize(("plain", "disguised"), DISGUISED)
def test_the_preview_finds_a_disguised_text_by_its_words(plain, disguised):
    """A lexicon change reads again the stored texts holding its words: a disguised text
    must be found by the words it reads as."""
    assert word_set(disguised) == word_set(plain)


def letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha()]


def test_no_letter_of_a_labelled_text_is_changed():
    """Texts written in one script each word, in seven languages, keep every letter (an
    Arabic text may lose a right-to-left mark, which draws nothing)."""
    changed = []
    for path in sorted(EVAL.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if letters(as_read(item["text"])) != letters(item["text"]):
                changed.append(item["id"])
    assert changed == []


_words = st.sampled_from(
    ["протестующих", "оппозиции", "manifestantes", "téléphones", "المتظاهرين", "抗议者", "ΕΛΛΑΔΑ"]
)


@given(st.lists(_words, min_size=1, max_size=8))
def test_words_of_one_script_are_left_as_written(words):
    text = " ".join(words)
    assert as_read(text) == text


def test_a_deals_text_is_undone_once_for_the_languages_shown_and_its_reading() -> None:
    """The languages shown to the reviewer and the reading undo the same text: once."""
    from unittest.mock import patch

    from rules.engine import example_snapshot, text_read
    from rules.textsignals import TEXT_FIELD_LABELS, detected_languages, disguise

    description = "Track the pro\u200btesters' phones and flag journalists (ref 8812734)."
    snapshot = example_snapshot(use_description=description)
    undone = []
    original = disguise._html_undone
    disguise.as_read.cache_clear()
    with patch.object(disguise, "_html_undone", lambda t: undone.append(t) or original(t)):
        shown = detected_languages({p: snapshot[p] for p in TEXT_FIELD_LABELS}, TEXT_FIELD_LABELS)
        read = text_read(snapshot, PACK)
    assert undone.count(description) == 1
    assert "Use description: English" in shown
    assert "protesters" in " ".join(read["text.tracking"])


@pytest.mark.parametrize(
    "description",
    ["Network upgrade \u0640 phase 2", "tracking \u0640", "\u0640", "\u0640 \u0640 \u0640"],
)
def test_a_lone_tatweel_is_no_word_and_the_deal_is_still_screened(description) -> None:
    """A lone Arabic tatweel normalises to nothing; reading such a deal once raised
    IndexError, so the deal could not be screened at all."""
    from rules.engine import example_snapshot, screen, text_read
    from rules.textsignals import TEXT_FIELD_LABELS, detected_languages

    snapshot = example_snapshot(title="Router", use_description=description)
    assert text_read(snapshot, PACK)["text.signals"] == []
    detected_languages({p: snapshot[p] for p in TEXT_FIELD_LABELS}, TEXT_FIELD_LABELS)
    assert screen(snapshot, PACK) is not None
    read = read_one("track the phones of protesters \u0640", PACK.lexicon)
    assert ("tracking", "en", "track the phones of protesters") in read
