"""The preview's words test answers as when every beginning and every phrase is tried.

A phrase's ``word*`` beginnings are looked up under a word's first three letters, and only
the phrases a text's words reach are tested, not all of them; the plain way tried every
beginning against every new word and every phrase against every text. Phrases: every
category of the default lexicon, and all of it; texts: every labelled description and
generated ones.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rules.engine import load_pack
from rules.engine.text_probe import ChangeProbe
from rules.textsignals import CATEGORIES
from rules.textsignals.languages import bare_word, normalise_token, word_keys
from tests.rules_engine.labelled import spread

ENTRIES = list(load_pack().lexicon.entries)
TEXTS_TRIED = spread(4000)


class PlainProbe(ChangeProbe):
    """Every beginning tried against a word, every phrase against the parts a text holds."""

    def _parts_anchored(self, token: str) -> frozenset[int]:
        word = normalise_token(token)
        found: set[int] = set()
        for key in word_keys(word):
            found.update(self._key_parts.get(key, ()))
        bare = bare_word(word)
        for prefix, parts in self._prefix_parts.items():
            if bare.startswith(prefix):
                found.update(parts)
        return frozenset(found)

    def _maybe(self, hit: set[int]) -> list:
        return [
            entry
            for entry, parts in zip(self._entries, self._parts_of_entry, strict=True)
            if parts <= hit
        ]


def _probes(entries) -> tuple[ChangeProbe, PlainProbe]:
    phrases = [(e.phrase, e.language, e.category) for e in entries]
    return ChangeProbe(phrases), PlainProbe(phrases)


def test_every_labelled_text_is_touched_as_when_every_phrase_is_tried() -> None:
    groups = [ENTRIES, *([e for e in ENTRIES if e.category == c] for c in CATEGORIES)]
    for entries in groups:
        probe, plain = _probes(entries)
        touched = [probe.touches(t) for t in TEXTS_TRIED]
        assert touched == [plain.touches(t) for t in TEXTS_TRIED]
        assert any(touched) and not all(touched)


def test_a_word_is_anchored_as_when_every_beginning_is_tried() -> None:
    probe, plain = _probes([e for e in ENTRIES if e.category == "detention"])
    words = {w for t in spread(800) for w in t.split()} | {"detainees", "de", "d", "détenus"}
    assert probe._prefix_parts  # the detention phrases have ``word*`` beginnings
    differing = [w for w in words if probe._parts_anchored(w) != plain._parts_anchored(w)]
    assert not differing, differing[:10]


WORDS = sorted({w for t in spread(300) for w in t.split()})


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_a_generated_text_is_touched_as_when_every_phrase_is_tried(words: list[str]) -> None:
    text = " ".join(words)
    probe, plain = _PROBES
    assert probe.touches(text) == plain.touches(text)


_PROBES = _probes([e for e in ENTRIES if e.category in ("detention", "tracking")])
