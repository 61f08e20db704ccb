"""A phrase's quote that stood in for a learned cue, removed: the preview quotes the cue.

A learned cue whose words overlap a phrase's quote of its category is not quoted (one quote
is enough). Removing the phrase uncovers the cue, and the preview used to read the whole
text again to learn what it then quotes: with every detention phrase removed, that was 480
of the 541 deals in 10,000 the benchmark's removal read again. The reading now records what
each such cue would quote (``text.cues_behind``), and the preview puts it in the phrase's
place, as a re-read does.
"""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.engine import compile_criteria, example_snapshot, load_pack, text_read
from rules.engine.packs import cues_from_pack, read_pack
from rules.engine.preview_removal import Removal, without_phrases
from rules.engine.preview_text import preview_text_reader
from rules.textsignals.cues_behind import (
    CUES_BEHIND_FIELD,
    Behind,
    behind_lines,
    recorded_cues,
)
from tests.rules_engine.labelled import LABELLED, spread

PACK = load_pack()  # with its learned cues
CUES = cues_from_pack(read_pack())
ENTRIES = list(PACK.lexicon.entries)


def _draft(gone) -> object:
    return compile_criteria(
        PACK.specs, PACK.tiers, lexicon=[e for e in ENTRIES if e not in gone], learned_cues=CUES
    )


def _removal(draft) -> Removal:
    """The removal as the preview makes it: the phrases read (a category's families as the
    one phrase they compose) that the draft no longer reads."""
    kept = {(e.phrase, e.language) for e in draft.lexicon.effective}
    gone = [e for e in PACK.lexicon.effective if (e.phrase, e.language) not in kept]
    return Removal(((e.phrase, e.language, e.category) for e in gone), draft.lexicon)


def _text(item_id: str) -> str:
    return next(i["text"] for i in LABELLED if i["id"] == item_id)


def test_a_detention_quote_removed_is_replaced_by_the_cue_behind_it_without_reading_again() -> None:
    gone = [e for e in ENTRIES if e.category == "detention"]
    draft = _draft(gone)
    for item_id in ("ru-d13", "fr-d13", "ar-d56"):
        snap = example_snapshot(title="Office network refresh", use_description=_text(item_id))
        stored = text_read(snap, PACK)
        assert not any("learned cue" in line for line in stored["text.detention"])
        again = text_read(snap, draft)
        assert any("learned cue" in line for line in again["text.detention"]), item_id
        # Answered from the stored record: before, the record could not tell and this was None.
        kept = _removal(draft).kept(snap, stored, stored["text.phrases"])
        assert kept is not None, item_id
        assert kept["text.detention"] == again["text.detention"]
        assert preview_text_reader(draft, PACK)(snap, stored) == again


@lru_cache(maxsize=1)
def _deals() -> tuple[list[dict], list[dict]]:
    """Deals of several texts, answers repeating one (the same quote twice in a field), and
    their readings with the pack in force."""
    texts = spread(240)
    snaps = []
    for i, text in enumerate(texts):
        answers = [texts[(i + 7) % len(texts)]] * (1 + i % 2)
        snaps.append(
            example_snapshot(title=texts[(i + 3) % len(texts)], use_description=text)
            | {"text.answers": answers}
        )
    return snaps, [text_read(s, PACK) for s in snaps]


def test_each_category_removed_uncovers_cues_from_the_record_as_a_re_read_reads_them() -> None:
    uncovered = again = 0
    snaps, stored = _deals()
    for category in ("tracking", "detention", "censorship", "targets_dissent"):
        gone = [e for e in ENTRIES if e.category == category]
        draft = _draft(gone)
        removal, read = _removal(draft), preview_text_reader(draft, PACK)
        field = f"text.{category}"
        for snap, before in zip(snaps, stored, strict=True):
            after = text_read(snap, draft)
            assert read(snap, before) == after, (category, snap["use_description"])
            kept = removal.kept(snap, before, before["text.phrases"])
            again += kept is None
            uncovered += kept is not None and any("learned cue" in x for x in after[field]) > any(
                "learned cue" in x for x in before[field]
            )
    assert uncovered > 50  # the record answers them: each was read again before
    assert again < uncovered


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    removed=st.sets(st.integers(0, len(ENTRIES) - 1), min_size=1, max_size=60),
    whole=st.sets(
        st.sampled_from(["tracking", "detention", "censorship", "profiling"]), max_size=2
    ),
)
def test_random_removals_with_learned_cues_read_as_a_full_re_read(removed, whole) -> None:
    gone = [e for i, e in enumerate(ENTRIES) if i in removed or e.category in whole]
    draft = _draft(gone)
    read = preview_text_reader(draft, PACK)
    snaps, stored = _deals()
    for snap, before in zip(snaps[::2], stored[::2], strict=True):
        assert read(snap, before) == text_read(snap, draft), (gone, snap["use_description"])


# -- the record itself, line by line ---------------------------------------------------------


def _stored(lines: list[str], phrases: list[str], behind: list[str] | None) -> dict:
    out = {"text.detention": lines, "text.phrases": phrases}
    if behind is not None:
        out[CUES_BEHIND_FIELD] = behind
    return out


CUE = "Use description (English, learned cue): “hold the people”"


def _without(stored: dict, keys: set[str]) -> dict | None:
    return without_phrases(
        stored, stored["text.phrases"], frozenset(keys), {"detention"}, cues=True
    )


def test_a_cue_uncovered_takes_its_place_in_reading_order() -> None:
    # One text, two quotes; the cue behind the second comes after the first.
    stored = _stored(
        ["Title (English): “jail”", "Use description (English): “detain them”"],
        ["detention:0:aa::cues", "detention:1:bb:learned-cue:cues"],
        [f"1:4:1:0-1:{CUE}"],
    )
    kept = _without(stored, {"bb"})
    assert kept["text.detention"] == ["Title (English): “jail”", CUE]
    assert kept["text.phrases"] == ["detention:0:aa::cues", "detention:1:learned-cue::cues"]
    assert kept[CUES_BEHIND_FIELD] == []
    # The checks would cancel the cue: the quote goes and nothing takes its place.
    stored[CUES_BEHIND_FIELD] = ["1:4:1:0-1:"]
    assert _without(stored, {"bb"})["text.detention"] == ["Title (English): “jail”"]
    # Behind two quotes, one removed: still behind the other, renumbered.
    stored = _stored(
        ["A (English): “a”", "B (English): “b”"],
        ["detention:0:aa:learned-cue:cues", "detention:1:bb:learned-cue:cues"],
        [f"0,1:4:1:0-1:{CUE}"],
    )
    kept = _without(stored, {"aa"})
    assert kept["text.detention"] == ["B (English): “b”"]
    assert kept[CUES_BEHIND_FIELD] == [f"0:4:0:0-0:{CUE}"]
    # Its quote stood first, the cue's words come after a quote of another category.
    stored = _stored(
        ["A (English): “a”"],
        ["detention:0:aa:learned-cue:cues", "tracking:0:tt::cues", "tracking:1:uu::cues"],
        [f"0:9:3:0-2:{CUE}"],  # after all three: its own and the two tracking quotes
    ) | {"text.tracking": ["T (English): “t”", "U (English): “u”"]}
    kept = _without(stored, {"aa"})
    assert kept["text.phrases"] == [
        "tracking:0:tt::cues",
        "tracking:1:uu::cues",
        "detention:0:learned-cue::cues",
    ]
    assert kept["text.detention"] == [CUE]
    # The cue's words between the two tracking quotes: it goes between them.
    stored[CUES_BEHIND_FIELD] = [f"0:9:2:0-2:{CUE}"]
    assert _without(stored, {"aa"})["text.phrases"][1] == "detention:0:learned-cue::cues"


def test_the_record_cannot_tell_so_the_deal_is_read_again() -> None:
    phrases = ["detention:0:aa:learned-cue:cues", "detention:1:bb::cues", "detention:2:cc::cues"]
    lines = ["A (English): “a”", "B (English): “b”", "C (English): “c”"]
    # What the cue quotes is unknown, and its text lost a quote.
    assert _without(_stored(lines, phrases, ["0:?:0-1"]), {"bb"}) is None
    # Another text lost one: the unknown record is kept, renumbered.
    assert _without(_stored(lines, phrases, ["0:?:0-1"]), {"cc"})[CUES_BEHIND_FIELD] == ["0:?:0-1"]
    kept = _without(_stored(lines, phrases[::-1], ["2:?:1-2"]), {"cc"})
    assert kept[CUES_BEHIND_FIELD] == ["1:?:0-1"]
    # No record of the cue (stored before it was kept): read again, as before.
    assert _without(_stored(lines, phrases, None), {"aa"}) is None
    # The field already holds eight quotes and the cue adds a ninth.
    full = [f"Q{i} (English): “{i}”" for i in range(8)]
    phrases = [f"detention:{i}:k{i}::cues" for i in range(8)] + ["detention:0:zz:learned-cue:cues"]
    assert _without(_stored(full, phrases, [f"8:3:0:8-8:{CUE}"]), {"zz"}) is None
    stored = _stored(full[:7], phrases[:7] + phrases[8:], [f"7:3:0:7-7:{CUE}"])
    assert _without(stored, {"zz"})["text.detention"] == [*full[:7], CUE]


def test_a_record_altered_by_hand_reads_the_deal_again() -> None:
    phrases = ["detention:0:aa:learned-cue:cues", "detention:1:bb::cues"]
    lines = ["A (English): “a”", "B (English): “b”"]
    for bad in (["0:4:x:0-1:"], ["0:4"], ["7:4:0:0-1:" + CUE], ["0:4:0:0-9:" + CUE], [3]):
        assert _without(_stored(lines, phrases, bad), {"aa"}) is None, bad
    assert _without(_stored(lines, phrases, "0:4:0:0-1:"), {"aa"}) is None  # not a list


def test_a_cue_whose_quotes_have_no_place_among_the_reads_is_not_recorded() -> None:
    """Not made by the reader (a place and its span are dropped together), but a record
    naming no quote would make the deal's whole record unreadable: it is left out."""
    nowhere = Behind((), 3, ("en", "hold them"), 0)
    placed = Behind((0,), 3, ("en", "hold them"), 1)
    lines = list(behind_lines("Use description", [nowhere, placed], [5]))
    assert lines == ["5:3:1:5-5:Use description (English, learned cue): “hold them”"]
    assert recorded_cues(lines) is not None
