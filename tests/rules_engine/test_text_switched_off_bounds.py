"""Whether an act is switched off is worked out once a sentence, not once a match.

Found by a hostile review: an unpunctuated Chinese text ("跟踪抗议者的手机" repeated, every
character a word of one sentence) took 0.29 s at 2,500 characters, 0.99 s at 5,000 and
3.55 s at 10,000: each tracking match walked to the end of its sentence and joined the rest
of it to look for "switched off". A partner's 10,000-character answer took 5.5 s to read.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.test_text_benign_bounds import _lines_run


@pytest.mark.parametrize(
    "unit",
    [
        "跟踪抗议者的手机",  # no sentence end at all
        "跟踪抗议者的手机默认关闭",  # each match switched off, read to the sentence's end
        "track the protesters phones and ",  # one long English sentence
        "tracking of protesters is disabled by default and ",
    ],
)
def test_the_work_of_reading_one_long_sentence_of_matches_grows_with_its_length_only(unit: str):
    small = _lines_run(unit * 150)
    large = _lines_run(unit * 300)
    assert large < 2.5 * small
