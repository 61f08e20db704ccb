"""The Latin-script language detector (py3langid), walking its model word by word.

py3langid scores a text by walking its model's automaton over the text's bytes, one byte
at a time in Python, which was most of the time a detection took. The walk is
deterministic: from a given state, the same bytes always lead to the same state and the
same features. So the text is walked in chunks (a word and the space after it), and what
a chunk does from a state is remembered (bounded; cleared when full): names, products and
the words of a language recur from deal to deal. Only chunks of a word's length are
remembered: a long run without spaces (pasted data, a text joined by other blanks) is
walked without being kept, so what a worker keeps stays small whatever partners type. The features come out in the same order
as the byte walk's, so the scores, and the language, are exactly the library's.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter

# A word and the space after it, a space alone, or the last word: every byte in order.
_CHUNK_RE = re.compile(rb"[^ ]* |[^ ]+")
MAX_WALKS = 200_000
MAX_REMEMBERED_CHUNK = 48  # bytes: longer chunks are walked each time, never kept
# Texts scored for the second question asked of them: a few fields' worth, so a process keeps
# at most this many texts (up to 5,000 characters each) rather than megabytes of them.
MAX_DECIDED = 64


def chunks(text: bytes) -> list[bytes]:
    """The text in the pieces it is walked in (joined, they are the text)."""
    return _CHUNK_RE.findall(text)


def chunked_identifier(langid_module, model_path, **kwargs):
    """A py3langid identifier whose automaton walk remembers what each chunk does."""

    class ChunkedIdentifier(langid_module.LanguageIdentifier):
        def _decide(self, text):
            # A text's language (`classify`) and the languages it may be in (`rank`) are
            # asked of the same text one after the other, and both score it the same
            # way: scored once, the scores kept read-only for the second question.
            scores = _decided.get(text)
            if scores is None:
                if len(_decided) >= MAX_DECIDED:
                    _decided.clear()
                scores = super()._decide(text)
                scores.flags.writeable = False
                _decided[text] = scores
            return scores

        def _raw_score(self, text):
            visits = self._visits(text)
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            return super()._raw_score(text)  # no feature at all: the library's own answer

        def _visits(self, text: bytes) -> Counter | None:
            nm, rowbase, out = self.tk_nextmove, self._rowbase, self.tk_output
            walks = _walks
            if len(walks) >= MAX_WALKS:
                walks.clear()
            state, indexes = 0, array("i")
            for chunk in _CHUNK_RE.findall(text):
                key = (state, chunk)
                found = walks.get(key)
                if found is None:
                    s, features = state, array("i")
                    for letter in chunk:
                        s = nm[rowbase[s] + letter]
                        f = out[s]
                        if f >= 0:
                            features.append(f)
                    found = (s, features)
                    if len(chunk) <= MAX_REMEMBERED_CHUNK:
                        walks[key] = found
                state = found[0]
                indexes += found[1]
            return Counter(indexes) if indexes else None

    _walks: dict[tuple[int, bytes], tuple[int, tuple[int, ...]]] = {}
    _decided: dict = {}
    return ChunkedIdentifier.from_modelpath(model_path, **kwargs)
