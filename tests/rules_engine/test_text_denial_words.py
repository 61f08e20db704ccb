"""A text is looked at for denials only when one of its words may deny an act: the check
is made once a text, from its words. These worked cases deny an act only through a word
that is no negation word of its own (a fronted phrase, a Chinese negation): each must
still be denied, and the same text without the denial still read. Default lexicon, no
database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    ("denied", "asked"),
    [
        ("Nowhere will we track protesters.", "We will track protesters."),
        ("De modo algum vamos rastrear manifestantes.", "Vamos rastrear manifestantes."),
        ("De forma alguma rastrear os manifestantes.", "Rastrear os manifestantes."),
        ("我们绝不跟踪抗议者。", "我们跟踪抗议者。"),
        ("We will never track protesters.", "We will track protesters."),
    ],
)
def test_a_denial_with_no_negation_word_of_its_own_is_still_read(denied: str, asked: str):
    assert "tracking" in categories(asked)
    assert "tracking" not in categories(denied)


def test_a_denial_in_one_text_does_not_carry_over_to_the_next() -> None:
    assert "tracking" not in categories("We will not track protesters.")
    assert "tracking" in categories("Our platform shall track protesters.")
    assert "tracking" not in categories("Our platform shall not track protesters.")


@pytest.mark.parametrize(
    ("text", "act", "width"),
    [
        ("系统不对 GPS tracker 数据进行追踪", "追", 7),  # 对 GPS tracker 数 据 进 行
        ("系统不对员工进行追踪", "追", 5),  # 对 员 工 进 行
        ("系统对员工进行追踪", "追", 0),  # no negation: no fronted object
    ],
)
def test_a_fronted_object_is_as_wide_as_its_tokens(text: str, act: str, width: int) -> None:
    """The window a negated fronted object widens counts tokens, so a Latin word inside the
    object counts once, not once a letter (it would reach back past the negation)."""
    from rules.textsignals.denial_words import zh_fronted_object
    from rules.textsignals.reader import _Text

    read = _Text(text)
    first = next(i for i, t in enumerate(read.toks) if t[0] == act)
    assert zh_fronted_object(read, first) == width
