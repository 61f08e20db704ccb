"""The preview of a learned-cue word or pair switched on or off reads only the deals whose
text holds its words, and reads them exactly as a full re-read with the draft would.

Generated deals (texts of the labelled set in the seven languages) and generated switches
(the strongest words and pairs of each language and category, on either side, with or
without phrase changes beside them); no database.
"""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.engine import compile_criteria, example_snapshot, load_pack, text_read
from rules.engine import preview_text as preview_module
from rules.engine.packs import cues_from_pack, read_pack
from rules.engine.preview_cues import CueSwitchProbe, switches_between
from rules.engine.preview_text import preview_text_reader
from rules.textsignals import CATEGORIES, LANGUAGES, LexiconEntry
from rules.textsignals.disguise import as_read
from rules.textsignals.learned_cues import compile_cues, cue_switched, strongest_cue_words
from rules.textsignals.split_words import rejoins_any
from tests.rules_engine.labelled import spread

_DEFAULT = load_pack()
CUES = cues_from_pack(read_pack())
ENTRIES = list(_DEFAULT.lexicon.entries)

# The words and pairs a switch is drawn from: the weightiest of every language and
# category, those that decide readings.
FEATURES = sorted(
    {
        (lang, word.replace(" + ", "+"))
        for lang in LANGUAGES
        for cat in CATEGORIES
        for word, _weight, _on in strongest_cue_words(CUES, lang, cat, n=4)
    }
)


def _criteria(switched_off=(), entries=None, cues=None):
    data = cues if cues is not None else CUES
    for lang, feature in switched_off:
        data = cue_switched(data, lang, feature, on=False)
    return compile_criteria(
        _DEFAULT.specs,
        _DEFAULT.tiers,
        lexicon=ENTRIES if entries is None else entries,
        learned_cues=data,
    )


@lru_cache(maxsize=1)
def _snapshots() -> list[dict]:
    return [example_snapshot(use_description=t) for t in spread(1200)]


def _strongest(lang: str, cat: str) -> str:
    return strongest_cue_words(CUES, lang, cat, n=1)[0][0].replace(" + ", "+")


def test_switching_off_a_strong_cue_word_is_previewed_as_a_full_re_read_reads_it() -> None:
    """The strongest English tracking word switched off changes what some labelled texts
    read; the preview reads those again and no text without the word."""
    word = next(
        w for w, _weight, _on in strongest_cue_words(CUES, "en", "tracking", n=20) if "+" not in w
    )
    in_force, draft = _criteria(), _criteria([("en", word)])
    read = preview_text_reader(draft, in_force)
    probe = CueSwitchProbe(frozenset({("en", word)}))
    moved = 0
    for snap in _snapshots():
        stored = text_read(snap, in_force)
        full = text_read(snap, draft)
        assert read(snap, stored) == full
        if full != stored:
            moved += 1
            assert probe.touches_snapshot(snap)  # only a text holding the word moves
    assert moved > 0, f"switching off {word!r} changed nothing: the test proves nothing"


def test_a_deal_without_the_switched_words_is_not_read_again(monkeypatch) -> None:
    pair = _strongest("en", "targets_dissent")
    in_force, draft = _criteria(), _criteria([("en", pair)])
    reads = []
    real = preview_module.text_read

    def counted(snapshot, compiled):
        reads.append(snapshot["use_description"])
        return real(snapshot, compiled)

    monkeypatch.setattr(preview_module, "text_read", counted)
    read = preview_text_reader(draft, in_force)
    snaps = _snapshots()
    for snap in snaps:
        read(snap, real(snap, in_force))
    # Read again: a few deals, each holding the switched words (a pair: both) or words the
    # lexicon rejoins ("p r o t e s t e r s": the cues read the word rejoined).
    assert 0 < len(reads) < len(snaps) / 4, (pair, len(reads), len(snaps))
    probe = CueSwitchProbe(frozenset({("en", pair)}))
    rejoins = rejoins_any((in_force.lexicon,))
    assert all(probe.touches(text) or rejoins(as_read(text)) for text in reads)
    assert any(probe.touches(text) for text in reads)


def test_the_probe_reads_words_as_the_cues_fold_them() -> None:
    probe = CueSwitchProbe(frozenset({("en", "protest"), ("ru", "журналист"), ("zh", "抗议")}))
    assert probe.touches("Locate the PROTESTERS' phones")  # stems and case, as the cues
    assert probe.touches("Найти журналистов")  # a Russian word by its dictionary form
    assert probe.touches("定位抗议者的手机")  # two Chinese characters side by side
    assert probe.touches("Locate the p r o t e s t e r s")  # a disguise undone
    assert not probe.touches("Office network refresh")
    assert not probe.touches("会议议程")  # one of the two characters only
    pair = CueSwitchProbe(frozenset({("en", "protest+track")}))
    assert pair.touches("Track the protesters")
    assert not pair.touches("Protesters gathered at the square")  # a pair needs both words


def test_only_switches_are_previewed_by_their_words() -> None:
    cues = compile_cues(CUES)
    one = compile_cues(cue_switched(CUES, "fr", "bloqu", on=False))
    assert switches_between(cues, one) == {("fr", "bloqu")}
    assert switches_between(one, cues) == {("fr", "bloqu")}  # switched back on
    assert switches_between(cues, cues) == frozenset()
    for changed in (
        {**CUES, "threshold": CUES.get("threshold", 0.0) + 0.5},
        {**CUES, "ordinary_below": -2.0},
        {**CUES, "languages": {k: v for k, v in CUES["languages"].items() if k != "pt"}},
    ):
        assert switches_between(cues, compile_cues(changed)) is None
    assert switches_between(cues, compile_cues(None)) is None


def test_a_new_fitting_reads_every_deal_again(monkeypatch) -> None:
    reads = []
    real = preview_module.text_read
    monkeypatch.setattr(preview_module, "text_read", lambda s, c: reads.append(1) or real(s, c))
    draft = _criteria(cues={**CUES, "threshold": CUES.get("threshold", 0.0) + 0.5})
    in_force = _criteria()
    read = preview_text_reader(draft, in_force)
    snaps = _snapshots()[:50]
    for snap in snaps:
        assert read(snap, real(snap, in_force)) == real(snap, draft)
    assert len(reads) == len(snaps)  # each deal read again


EXTRA = [
    LexiconEntry("trace ~ unionists|protesters", "en", "targets_dissent", "s"),
    LexiconEntry("periodist*", "es", "targets_dissent", "s"),
    LexiconEntry("记者", "zh", "targets_dissent", "s"),
]


@st.composite
def sides(draw):
    """The cues with some strong words or pairs switched off, and the phrases with some
    removed or added."""
    off = draw(st.sets(st.sampled_from(FEATURES), max_size=4))
    removed = draw(st.sets(st.integers(0, len(ENTRIES) - 1), max_size=6))
    entries = [e for i, e in enumerate(ENTRIES) if i not in removed]
    entries += draw(st.lists(st.sampled_from(EXTRA), unique=True, max_size=2))
    return sorted(off), entries


@lru_cache(maxsize=1)
def _holding_strong_words() -> list[dict]:
    """The deals holding a word of a feature drawn from (those a switch can move)."""
    probe = CueSwitchProbe(frozenset(FEATURES))
    return [s for s in _snapshots() if probe.touches_snapshot(s)]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=sides(), after=sides(), picks=st.lists(st.integers(0, 10_000), min_size=1, max_size=40)
)
def test_switches_and_phrase_changes_preview_as_a_full_re_read(before, after, picks) -> None:
    in_force = _criteria(before[0], before[1])
    draft = _criteria(after[0], after[1])
    read = preview_text_reader(draft, in_force)
    snaps = _snapshots()
    holding = _holding_strong_words()
    for n in picks:
        # Half the deals drawn from those a switch can move, half from all.
        snap = holding[n % len(holding)] if n % 2 else snaps[n % len(snaps)]
        assert read(snap, text_read(snap, in_force)) == text_read(snap, draft)
