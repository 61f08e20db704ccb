"""A phrase removed acts where it left no quote: the preview reads what a re-read reads.

A match read denied ("without an icon or GPS", "we do not restrict access …") leaves nothing in
the stored record of each quote's phrases, yet it kept the whole text from being weighed and
dropped a state of its category written on the negation beside it. With its phrase removed,
a re-read may raise the text as a whole or read the state; the preview used to keep the
stored reading (nothing to drop) and showed the deal as the version in force read it.
"""

from __future__ import annotations

from rules.engine import compile_criteria, example_snapshot, load_pack, text_read
from rules.engine.packs import cues_from_pack, read_pack
from rules.engine.preview_removal import left_unflagged
from rules.engine.preview_text import preview_text_reader
from rules.textsignals import LexiconEntry
from tests.rules_engine.labelled import LABELLED, spread

PACK = load_pack()  # with its learned cues and the bound a whole text is weighed against
CUES = cues_from_pack(read_pack())

# A tuning-half description (pt-d1027) with its GPS denied ("sem ícone nem GPS": without an
# icon or GPS): its tracking phrase is read denied, so nothing reads a red flag and the
# whole is not weighed. (The description as written is read since 7 December.)
HIDDEN_APP = (
    next(i["text"] for i in LABELLED if i["id"] == "pt-d1027")
    .replace("sem ícone, manda o GPS", "sem ícone nem GPS")
    .replace("5 minutos e o", "5 minutos, e o")
)


def _without(category: str):
    return compile_criteria(
        PACK.specs,
        PACK.tiers,
        lexicon=[e for e in PACK.lexicon.entries if e.category != category],
        learned_cues=CUES,
    )


def test_a_denied_match_removed_lets_the_whole_text_raise_as_a_re_read_does() -> None:
    draft = _without("tracking")
    snap = example_snapshot(title="Office network refresh", use_description=HIDDEN_APP)
    stored = text_read(snap, PACK)
    assert stored["text.signals"] == []
    again = text_read(snap, draft)
    assert again["text.signals"] == ["tracking"]  # the whole text weighed and raised
    assert preview_text_reader(draft, PACK)(snap, stored) == again


def test_a_denied_match_removed_lets_the_state_beside_it_read_as_a_re_read_does() -> None:
    act = LexiconEntry("restrict|block ~ opposition sites|opposition", "en", "censorship", "s")
    state = LexiconEntry("not ~ access", "en", "censorship", "s")
    in_force = compile_criteria(PACK.specs, PACK.tiers, lexicon=[act, state])
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=[state])
    for text in (
        "We do not restrict access to opposition sites.",
        "We will not block access to the opposition.",
    ):
        snap = example_snapshot(use_description=text)
        stored = text_read(snap, in_force)
        assert stored["text.signals"] == []
        again = text_read(snap, draft)
        assert again["text.signals"] == ["censorship"]
        assert preview_text_reader(draft, in_force)(snap, stored) == again


def test_removing_each_category_reads_as_a_re_read_with_the_learned_cues() -> None:
    """Every signal category removed in turn, with the default pack's cues, over a spread of
    the labelled texts and the one above: what the preview shows is what publishing reads."""
    snaps = [
        example_snapshot(title="Office network refresh", use_description=t)
        for t in [*spread(150), HIDDEN_APP]
    ]
    stored = [text_read(s, PACK) for s in snaps]
    for category in ("tracking", "detention", "censorship"):
        draft = _without(category)
        read = preview_text_reader(draft, PACK)
        for snap, before in zip(snaps, stored, strict=True):
            assert read(snap, before) == text_read(snap, draft), (category, snap["use_description"])


def test_a_field_of_one_text_that_keeps_a_red_flag_is_not_weighed_again() -> None:
    snap = example_snapshot(title="Track the protesters", use_description="Office network refresh")
    stored = {
        "text.tracking": ["Title (English): “Track the protesters”"],
        "text.detention": ["Title (English): “hold them”"],
    }
    kept = {"text.tracking": ["Title (English): “Track the protesters”"], "text.detention": []}
    left = dict(left_unflagged(snap, stored, kept))
    assert "Track the protesters" not in left  # its tracking quote is kept
    assert left["Office network refresh"] is False  # no quote of it was dropped
    # The title's last red flag dropped: the title may be raised as a whole now.
    kept = {"text.tracking": [], "text.detention": []}
    assert ("Track the protesters", True) in list(left_unflagged(snap, stored, kept))
    # A field of several texts: any of them may have lost its red flag.
    snap["text.answers"] = ["We hold them", "We track them"]
    stored["text.tracking"] = ["Answer to an information request (English): “track them”"]
    kept = {"text.tracking": [], "text.detention": []}
    lost = dict(left_unflagged(snap, stored, kept))
    assert lost["We hold them"] is True and lost["We track them"] is True
