"""What the reader keeps from one reading to the next (split words already judged, each
word's beginning, the candidate index, the learned cues' pairs) changes nothing a reviewer
sees: a text read again, or read after another lexicon was used in the same process, reads
as it does on a lexicon compiled afresh, and what is kept stays bounded."""

from __future__ import annotations

from rules.engine import load_pack
from rules.engine.packs import cues_from_pack, read_pack
from rules.textsignals import compile_lexicon
from rules.textsignals.languages import word_head
from rules.textsignals.learned_cues import compile_cues
from rules.textsignals.lexicon import LexiconEntry
from rules.textsignals.reader import read_one, read_one_sourced
from rules.textsignals.split_words import _vocabulary
from tests.rules_engine.labelled import TEXTS

PACK = load_pack()
SAMPLE = TEXTS[:: max(1, len(TEXTS) // 200)] + [
    "track the phones of pro testers",
    "locate the journa\nlists at the rally",
    "отслеживать телефоны протес тующих",
]


def _fresh():
    """The default pack's lexicon and cues compiled anew: nothing read with it yet."""
    pack = read_pack()
    return compile_lexicon(PACK.lexicon.entries, compile_cues(cues_from_pack(pack)))


def test_a_text_read_again_reads_as_on_a_lexicon_compiled_afresh() -> None:
    warm = PACK.lexicon
    first = [read_one_sourced(t, warm) for t in SAMPLE]
    warm.reads.clear()  # read again from its words, not from the texts' own cache
    again = [read_one_sourced(t, warm) for t in SAMPLE]
    fresh = _fresh()
    assert again == first
    assert [read_one_sourced(t, fresh) for t in SAMPLE] == first


def _lexicon(phrase: str):
    return compile_lexicon([LexiconEntry(phrase, "en", "targets_dissent", "test")])


def test_a_split_word_one_lexicon_joins_is_not_joined_for_another_read_after_it() -> None:
    """The pieces one lexicon judged are kept with it: a lexicon that reads no "protesters"
    keeps "pro testers" two words, whichever lexicon read the text first."""
    text = "locate the pro testers near the rally"
    joins = _lexicon("locate ~ protesters")
    apart = _lexicon("locate ~ testers")
    assert [q for _c, _l, q in read_one(text, joins)] == ["locate the protesters"]
    assert [q for _c, _l, q in read_one(text, apart)] == ["locate the pro testers"]
    assert [q for _c, _l, q in read_one(text, _lexicon("locate ~ testers"))] == [
        "locate the pro testers"
    ]
    # and the other way round: the first lexicon still joins them
    joins.reads.clear()
    assert [q for _c, _l, q in read_one(text, joins)] == ["locate the protesters"]


def test_what_is_kept_stays_bounded(monkeypatch) -> None:
    from rules.textsignals import split_words

    monkeypatch.setattr(split_words, "JOINS_KEPT", 8)
    lexicon = _lexicon("locate ~ protesters")
    texts = [f"locate the pro testers {w} tes ters {w}s" for w in "abcdefghijklmnop"] * 2
    fresh = [read_one(t, _lexicon("locate ~ protesters")) for t in texts]
    assert [read_one(t, lexicon) for t in texts] == fresh
    assert 0 < len(_vocabulary(lexicon).joined) <= 8
    assert word_head.cache_info().maxsize is not None


def test_a_long_run_of_letters_is_judged_but_not_kept() -> None:
    """A piece's short-word test and folding are kept for pieces of a word's length only:
    pasted data, a long run of letters, is judged each time, so what a worker keeps stays
    small whatever partners type."""
    from rules.textsignals.split_words import PIECE_KEPT_LENGTH, _folded, short_word

    runs = [f"{letter * (PIECE_KEPT_LENGTH + 1)}" for letter in "abcdefghij"]
    text = " ".join(f"pro{run} tes{run}" for run in runs)
    before = short_word.cache_info().currsize, _folded.cache_info().currsize
    read_one(text, PACK.lexicon)
    for run in runs:
        assert not short_word(run) and _folded(run.upper()) == run
    assert (short_word.cache_info().currsize, _folded.cache_info().currsize) == before
    assert short_word("the") and short_word.cache_info().currsize <= before[0] + 1


def test_a_cue_word_switched_off_no_longer_scores_in_its_pairs() -> None:
    """The pairs' weights are worked out with the cues: switching a word off (a new
    version of the cues, read in the same process) takes it out of every pair it is in."""
    data = cues_from_pack(read_pack())
    cues = compile_cues(data)
    en = cues.languages["en"]
    word, mates = next(iter(sorted(en.partners.items())))
    assert en.pair_vectors[word] == {m: en.vectors[f"{word}+{m}"] for m in mates}
    off = compile_cues({**data, "switched_off": [*data.get("switched_off", []), ["en", word]]})
    assert word not in off.languages["en"].pair_vectors
    assert all(word not in pairs for pairs in off.languages["en"].pair_vectors.values())
