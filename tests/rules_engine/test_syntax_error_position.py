"""A syntax error in a condition keeps its position, on any line of the condition."""

from __future__ import annotations

import pytest

from rules.engine import ConditionError, compile_condition


@pytest.mark.parametrize(
    "text, at",
    [
        ('end_user.type == "x" and and 3', "and 3"),
        ("  capability_severity >= 3 or or 1", "or 1"),
        ('end_user.type == "x"\nand (3 >)', ")"),
    ],
)
def test_a_syntax_error_says_where_it_is(text, at):
    with pytest.raises(ConditionError) as caught:
        compile_condition(text)
    assert caught.value.message.startswith("syntax error: ")
    assert not caught.value.message.startswith("syntax error: syntax error")
    assert caught.value.position == text.rindex(at)
