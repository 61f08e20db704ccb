"""The criteria editor's presentation: a refused criterion's problems by field, in the
editor's words, and where in a condition its syntax error lies."""

from __future__ import annotations

import re

from .engine import ConditionError, compile_condition

# The editor's fields, as a problem of the engine names them, and as the editor labels them.
FIELD_WORDS = {
    "code": "Code", "name": "Name", "dimension": "Dimension", "outcome": "Outcome",
    "condition": "Condition", "explanation": "Explanation", "reasoning": "Reasoning",
    "source": "Source", "ask": "What is asked", "scale": "Scale", "scope": "Scope",
    "irremediability": "Irremediability", "likelihood": "Likelihood",
    "severity_uplift": "Severity uplift", "enabled": "Enabled",
}  # fmt: skip
_NAMES = "|".join(sorted(FIELD_WORDS, key=len, reverse=True))
_LEADING_FIELD = re.compile(rf"^({_NAMES})\b:?\s*")


def criterion_errors(errors: dict[str, str]) -> dict[str, str]:
    """{editor field: message} from a refusal's errors. The engine reports every problem
    of a criterion as one text ("name must not be empty; condition: syntax error …");
    each problem goes to the field it starts with, in the editor's words."""
    out: dict[str, list[str]] = {}
    for key, text in errors.items():
        if key != "condition":  # already one field's own message
            out.setdefault(key, []).append(_sentence(str(text)))
            continue
        for problem in _problems(str(text)):
            match = _LEADING_FIELD.match(problem)
            field = match.group(1) if match else key
            rest = problem[match.end() :] if match else problem
            # "condition: syntax error …" is the message; "name must not be empty" reads
            # with the field's label: "Name must not be empty."
            message = (
                rest
                if match and ":" in match.group(0)
                else f"{FIELD_WORDS.get(field, field)} {rest}"
            )
            if field == "condition":  # the page marks the position under the condition
                message = re.sub(r" \(at character \d+\)", "", message)
            out.setdefault(field, []).append(_sentence(message))
    return {field: " ".join(messages) for field, messages in out.items()}


def _problems(text: str) -> list[str]:
    """Split the joined problems where a new one starts with a field's name."""
    parts: list[str] = []
    for piece in text.split("; "):
        if parts and not _LEADING_FIELD.match(piece):
            parts[-1] += "; " + piece
        else:
            parts.append(piece)
    return parts


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!", ")")) else text + "."


def condition_caret(text: str) -> dict | None:
    """Where a condition fails to compile: the line holding the error, the marker's
    offset in it and the error; None when it compiles or the error has no position."""
    try:
        compile_condition(text)
    except ConditionError as exc:
        if exc.position is None:
            return None
        position = min(exc.position, len(text))
        start = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        line = text[start : end if end != -1 else len(text)]
        column = position - start
        return {
            "line": line,
            "column": column,
            "marker": " " * column + "^",
            "line_number": text.count("\n", 0, start) + 1,
            "message": exc.message,
        }
    return None
