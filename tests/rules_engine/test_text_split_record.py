"""A screening keeps the pieces its split-word test weighed ("pro testers"), and the preview
asks them, not every pair of the deal's texts again, whether a lexicon change could read a
word put back together: never no when the draft would."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.engine import load_pack
from rules.engine import preview_text as preview_text_module
from rules.engine.preview_text import preview_text_reader
from rules.textsignals import compile_lexicon
from rules.textsignals.disguise import as_read
from rules.textsignals.lexicon import LexiconEntry
from rules.textsignals.snapshot_reading import read_text
from rules.textsignals.split_record import JOINED, MORE, SPLIT_FIELD, SplitChange
from rules.textsignals.split_words import rejoined
from tests.rules_engine.test_text_split_words import (
    _APART_CHANGES,
    _APART_TEXTS,
    _EDGES,
    _GAPS,
    _OTHERS,
    _SPLITTABLE,
    split_texts,
)

LEXICON = load_pack().lexicon
_ENTRIES = list(LEXICON.entries)
# Phrases whose words begin where no stem of the default pack does, or join pieces it leaves
# apart ("trace ~ unionists" is the benchmark's phrase added).
_NEW_STEMS = [
    LexiconEntry("trace ~ unionists", "en", "targets_dissent", "test"),
    LexiconEntry("monitor ~ testers", "en", "tracking", "test"),
    LexiconEntry("surveiller ~ festivaliers", "fr", "tracking", "test"),
    LexiconEntry("vigiar ~ listas", "pt", "tracking", "test"),
    LexiconEntry("следить ~ тующих", "ru", "tracking", "test"),
    # ``word*`` beginnings the default has no stem for.
    LexiconEntry("monitor ~ farmin*", "en", "tracking", "test"),
    LexiconEntry("surveiller ~ agricult*", "fr", "tracking", "test"),
    LexiconEntry("rastrear ~ agricult*", "pt", "tracking", "test"),
]
# Written apart as two words, and as one (a pair no longer written apart, its words still
# written by the lexicon).
_WRITES_APART = LexiconEntry("black|list", "en", "benign", "test")


class Compiled:
    """What the preview reads of a version: its lexicon."""

    def __init__(self, lexicon):
        self.lexicon = lexicon


@cache
def _lexicon(dropped: frozenset[str], added: frozenset[LexiconEntry], apart: int | None):
    entries = _ENTRIES if apart is None else _APART_CHANGES[apart]
    kept = [*(e for e in entries if e.category not in dropped), *added]
    return compile_lexicon(kept, LEXICON.cues)  # the version's learned cues: phrases change


def _snapshot(text: str) -> dict:
    return {"use_description": text, "title": "Office network refresh"}


# (categories dropped, phrases added, which of the changes of words written apart): each
# lexicon is built once (a reading builds its index), so the changes are a fixed few. Any
# two of them are a version in force and a draft.
_PRO_TEST_WORDS = LexiconEntry("pro|test|bench", "en", "benign", "test")
_UNIONISTS = LexiconEntry("trace ~ unionists", "en", "targets_dissent", "test")
_CHANGES = [
    (frozenset(), frozenset(), None),  # the default pack
    *((frozenset(), frozenset({e}), None) for e in [*_OTHERS, *_NEW_STEMS]),
    *((frozenset({c}), frozenset(), None) for c in ("targets_dissent", "detention", "benign")),
    (frozenset(), frozenset(), 0),
    (frozenset(), frozenset(), 1),
    (frozenset({"targets_dissent"}), frozenset({_NEW_STEMS[0], _OTHERS[1]}), None),
    (frozenset(), frozenset({_WRITES_APART}), 0),
    # "pro test" written apart by a phrase, or its words written alone: only the pair
    # written apart differs.
    (frozenset(), frozenset({_PRO_TEST_WORDS}), None),
    # A stem the other's longer stem already begins ("union", "unionist").
    (frozenset(), frozenset({_UNIONISTS}), None),
    (
        frozenset(),
        frozenset({_UNIONISTS, LexiconEntry("track ~ unions", "en", "tracking", "t")}),
        None,
    ),
]
changes = st.sampled_from(_CHANGES)


_MORE_SPLITTABLE = [
    "track the unions and the unionists at the rally",
    "monitor the newspapers of the opposition",
    "Track the protest organisers at the rally",
    "track the farming communities and the farmers",
    "surveiller les agriculteurs de la région",
    "rastrear os agricultores da região",
]
texts = (
    split_texts(_SPLITTABLE + _MORE_SPLITTABLE)
    | st.sampled_from(_EDGES)
    | st.builds(str.format, st.sampled_from(_APART_TEXTS), st.sampled_from(_GAPS))
)


@settings(max_examples=250, deadline=None)
@given(
    text=texts,
    change=changes,
    draft_change=changes,
)
def test_the_record_never_says_no_when_the_draft_puts_a_word_back_together(
    text, change, draft_change
):
    """Whichever lexicon is in force, the record of its reading answers yes whenever the
    draft reads the text with a word put back together; and when it answers no, the
    draft's own record is the one kept."""
    in_force, draft = _lexicon(*change), _lexicon(*draft_change)
    stored = read_text(_snapshot(text), in_force)
    record = stored[SPLIT_FIELD]
    read_as = as_read(text)
    if rejoined(read_as, in_force) != read_as:
        assert record == [JOINED]
    change_test = SplitChange(in_force, draft)
    if rejoined(read_as, draft) != read_as:
        assert change_test.touches([text, "Office network refresh"], record), text
    elif not change_test.touches([text, "Office network refresh"], record):
        assert (
            change_test.weighed_by_draft(record) == read_text(_snapshot(text), draft)[SPLIT_FIELD]
        )


@settings(max_examples=120, deadline=None)
@given(text=texts, change=changes, draft_change=changes)
def test_the_preview_reads_a_split_word_as_a_full_reading_would(text, change, draft_change):
    in_force, draft = _lexicon(*change), _lexicon(*draft_change)
    snap = _snapshot(text)
    read = preview_text_reader(Compiled(draft), Compiled(in_force))
    assert read(snap, read_text(snap, in_force)) == read_text(snap, draft), text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("track the phones of pro testers", JOINED),
        ("Set up the pro test environment for the office", "pro test environment"),
        ("Office network refresh", None),
        ("localiser les téléphones des manifes tants", JOINED),
    ],
)
def test_a_screening_keeps_the_pieces_its_reading_weighed(text, kept):
    record = read_text(_snapshot(text), LEXICON)[SPLIT_FIELD]
    assert kept in record if kept else record == []


def test_a_change_reads_again_a_deal_whose_pieces_it_would_join():
    """The lexicon in force reads no word starting "prot", so its reading let "pro testers"
    go at once (nothing recorded); the draft adds protesters: the pieces of the text tell
    the preview to read the deal again."""
    before = compile_lexicon([LexiconEntry("track ~ phones", "en", "tracking", "test")])
    after = compile_lexicon(
        [
            LexiconEntry("track ~ phones", "en", "tracking", "test"),
            LexiconEntry("track ~ protesters", "en", "targets_dissent", "test"),
        ]
    )
    snap = _snapshot("track the phones of pro testers")
    stored = read_text(snap, before)
    assert stored[SPLIT_FIELD] == [] and stored["text.signals"] == ["tracking"]
    got = preview_text_reader(Compiled(after), Compiled(before))(snap, stored)
    assert "targets_dissent" in got["text.signals"]


def test_a_word_no_longer_written_stops_no_join_and_the_deal_is_read_again():
    """The lexicon in force writes "pro", "tes" and "ters" (benign words), so they stop the
    join; the draft drops them: the deal reads protesters now."""
    writes = LexiconEntry("pro|tes|ters|journa", "en", "benign", "test")
    before = _lexicon(frozenset(), frozenset({writes}), None)
    assert writes in _OTHERS
    snap = _snapshot("track the phones of pro tes ters")
    stored = read_text(snap, before)
    assert JOINED not in stored[SPLIT_FIELD]
    got = preview_text_reader(Compiled(LEXICON), Compiled(before))(snap, stored)
    assert "targets_dissent" in got["text.signals"]
    assert got == read_text(snap, LEXICON)


def test_the_preview_asks_the_record_not_every_pair_again(monkeypatch):
    """A reading with its record is not weighed pair by pair again (the cost the preview
    paid for every deal); one stored before the record existed still is."""
    draft = _lexicon(frozenset(), frozenset({_UNIONISTS}), None)
    snap = _snapshot("Set up the pro test environment for the office")
    stored = read_text(snap, LEXICON)
    asked = []
    scan = preview_text_module._words_rejoined
    monkeypatch.setattr(
        preview_text_module, "_words_rejoined", lambda *a: asked.append(1) or scan(*a)
    )
    read = preview_text_reader(Compiled(draft), Compiled(LEXICON))
    assert read(snap, stored) == read_text(snap, draft)
    assert asked == []
    legacy = {k: v for k, v in stored.items() if k != SPLIT_FIELD}
    assert read(snap, legacy)["text.signals"] == read_text(snap, draft)["text.signals"]
    assert asked == [1]


_FARMERS = LexiconEntry("track ~ farmers", "en", "tracking", "test")
_FARMS = LexiconEntry("track ~ farms", "en", "tracking", "test")
_FARMING = LexiconEntry("track ~ farmin*", "en", "tracking", "test")


@pytest.mark.parametrize(
    ("in_force", "draft", "text"),
    [
        # Only a key differs: "farm" begins "farmer", which the lexicon in force reads.
        (
            (frozenset(), frozenset({_FARMERS}), None),
            (frozenset(), frozenset({_FARMERS, _FARMS}), None),
            "track the far ming communities",
        ),
        # Only a pair written apart differs: its words are still written, by a benign entry.
        (
            (frozenset(), frozenset(), 1),
            (frozenset(), frozenset({_PRO_TEST_WORDS}), None),
            "Track the pro-test organisers at the rally.",
        ),
        # Only a ``word*`` beginning differs.
        (
            (frozenset(), frozenset({_FARMERS}), None),
            (frozenset(), frozenset({_FARMERS, _FARMING}), None),
            "track the far ming communities",
        ),
        # Only a word written differs.
        (
            (frozenset(), frozenset({_OTHERS[1]}), None),
            (frozenset(), frozenset(), None),
            "track the phones of pro tes ters",
        ),
    ],
    ids=["key", "written apart", "beginning", "word written"],
)
def test_each_thing_a_change_can_differ_by_reads_the_deal_again(in_force, draft, text):
    """A draft that differs from the version in force by one thing the split-word test
    looks up, and joins a pair the version's reading weighed and left apart."""
    in_force, draft = _lexicon(*in_force), _lexicon(*draft)
    snap = _snapshot(text)
    stored = read_text(snap, in_force)
    assert stored[SPLIT_FIELD] and JOINED not in stored[SPLIT_FIELD]
    assert read_text(snap, draft)[SPLIT_FIELD] == [JOINED]
    assert SplitChange(in_force, draft).touches([text], stored[SPLIT_FIELD])
    read = preview_text_reader(Compiled(draft), Compiled(in_force))
    assert read(snap, stored) == read_text(snap, draft)


def test_a_text_of_many_pairs_weighed_keeps_a_mark_and_is_read_again():
    """A long text of pieces the lexicon begins would store a long list with each
    screening: past a bound the screening keeps a mark, and the preview reads it again."""
    text = " ".join(["the pro test environment"] * 30 + [f"pro test{'x' * i}" for i in range(90)])
    stored = read_text(_snapshot(text), LEXICON)
    assert stored[SPLIT_FIELD] == [MORE]
    draft = _lexicon(frozenset(), frozenset({_UNIONISTS}), None)
    read = preview_text_reader(Compiled(draft), Compiled(LEXICON))
    assert SplitChange(LEXICON, draft).touches([text], stored[SPLIT_FIELD])
    assert read(_snapshot(text), stored) == read_text(_snapshot(text), draft)
