"""A lexicon compiled from memoised phrases is the lexicon compiled from scratch.

Compiling keeps each phrase's compiled form per phrase and language, so an edit recompiles
only what changed; what an admin previews or publishes must not depend on what was compiled
before. No database.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from rules.engine import compile_criteria, example_snapshot, load_pack, text_read
from rules.textsignals import LexiconEntry, compile_lexicon
from rules.textsignals.lexicon import forget_compiled
from tests.rules_engine.labelled import TEXTS

PACK = load_pack()
ENTRIES = list(PACK.lexicon.entries)
SNAPS = [example_snapshot(use_description=t) for t in TEXTS[:: max(1, len(TEXTS) // 150)]]


def _cold(entries):
    forget_compiled()
    return compile_criteria(PACK.specs, PACK.tiers, lexicon=entries)


def _reads(criteria) -> list[dict]:
    return [text_read(s, criteria) for s in SNAPS]


def test_a_lexicon_compiled_again_equals_the_one_compiled_from_scratch() -> None:
    cold = _cold(ENTRIES)
    warm = compile_criteria(PACK.specs, PACK.tiers, lexicon=ENTRIES)
    assert warm.lexicon == cold.lexicon
    assert warm.lexicon.effective == cold.lexicon.effective
    assert _reads(warm) == _reads(cold)


def test_a_lexicon_with_phrases_edited_reads_as_if_compiled_from_scratch() -> None:
    """Every tenth phrase edited (recategorised, switched off, a family made a phrase), after
    the default lexicon was compiled: the same lexicon and readings as a fresh process."""
    edited = list(ENTRIES)
    for i in range(0, len(edited), 10):
        e = edited[i]
        if i % 30 == 0:
            edited[i] = replace(e, enabled=not e.enabled)
        elif i % 30 == 10:
            edited[i] = replace(e, category="benign", family="")
        else:
            # Benign context recategorised leaves its role behind, as the editor does.
            edited[i] = replace(
                e,
                category="detention" if e.category != "detention" else "tracking",
                role="",
                tells_service=False,
            )
    cold = _cold(edited)
    compile_criteria(PACK.specs, PACK.tiers, lexicon=ENTRIES)
    warm = compile_criteria(PACK.specs, PACK.tiers, lexicon=edited)
    assert warm.lexicon == cold.lexicon
    assert _reads(warm) == _reads(cold)


TEXT = "The client will track the protesters after the march."
PHRASE = LexiconEntry("track|locate", "en", "tracking", "s")


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        ({}, {"tracking"}),
        ({"category": "detention"}, {"detention"}),
        ({"category": "benign"}, set()),
        ({"enabled": False}, set()),
        ({"language": "fr"}, set()),  # a French phrase reads text that may be French
        ({"language": "fr", "any_language": True}, {"tracking"}),  # unless marked so
        ({"family": "act"}, set()),  # one half of a family raises nothing alone
    ],
)
def test_an_edited_phrase_reads_as_edited_not_as_compiled_before(edit, expected) -> None:
    compile_criteria(PACK.specs, PACK.tiers, lexicon=[PHRASE])  # the phrase as it was
    criteria = compile_criteria(PACK.specs, PACK.tiers, lexicon=[replace(PHRASE, **edit)])
    read = text_read(example_snapshot(use_description=TEXT), criteria)
    assert set(read["text.signals"]) == expected
    # The phrase is looked up by the stems of its own language.
    compiled = (*criteria.lexicon.signals, *criteria.lexicon.benign)
    assert all(k.startswith(f"{c.entry.language}:") for c in compiled for k in c.triggers)
    assert criteria.lexicon == _cold([replace(PHRASE, **edit)]).lexicon


def test_an_invalid_phrase_is_refused_each_time_it_is_compiled() -> None:
    bad = LexiconEntry("det*", "en", "detention", "s")
    for _ in range(2):
        with pytest.raises(Exception, match=r"at least 4 letters"):
            compile_lexicon([bad])
