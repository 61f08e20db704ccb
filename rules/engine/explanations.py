"""A finding's explanation: templates checked when a criterion is saved, rendered with the deal's values in words. Plain Python: nothing here imports Django."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from taxonomy import (
    CHANNEL_ROLES,
    END_USER_TYPES,
    INTENDED_USES,
    PRODUCT_CAPABILITIES,
    RED_FLAGS,
    TEXT_SIGNAL_CATEGORIES,
    Term,
)

from .criteria import (
    _KNOWN_FIELD_RE,
    _PLACEHOLDER_RE,
    PARTNER_DIMENSIONS,
)
from .fields import FIELDS, LIST_STR, PARTNER_SAFE_FIELDS, suggest_field


def _check_template(text: str, dimension: str = "") -> list[str]:
    errors = []
    for m in _PLACEHOLDER_RE.finditer(text):
        name = m.group(1)
        if name not in FIELDS:
            hint = suggest_field(name)
            errors.append(
                f'explanation: unknown placeholder "{{{name}}}"'
                + (f' (did you mean "{{{hint}}}"?)' if hint else "")
            )
        elif dimension in PARTNER_DIMENSIONS and name not in PARTNER_SAFE_FIELDS:
            errors.append(
                f'explanation: "{{{name}}}" is for compliance staff only, and criteria of the '
                f"{dimension} dimension are shown to partners and sales reps; quote it only in "
                "a restricted_party criterion"
            )
    return errors


def _split_template(text: str) -> tuple[tuple[bool, str], ...]:
    parts: list[tuple[bool, str]] = []
    pos = 0
    for m in _KNOWN_FIELD_RE.finditer(text):
        if m.start() > pos:
            parts.append((False, text[pos : m.start()]))
        parts.append((True, m.group(1)))
        pos = m.end()
    if pos < len(text):
        parts.append((False, text[pos:]))
    return tuple(parts)


def _formatter(path: str) -> Callable[[Any], str]:
    """``format_value`` specialised for one field (vocabulary look-up bound once)."""
    terms = _CODE_NAMES.get(path)
    if terms is None:
        return format_value
    if FIELDS[path][0] == LIST_STR:

        def names(v: Any) -> str:
            if not isinstance(v, list | tuple):
                return format_value(v)
            return ", ".join([terms[x].name if x in terms else str(x) for x in v]) or "none"

        return names
    return lambda v: terms[v].name if isinstance(v, str) and v in terms else format_value(v)


def _renderer(template: tuple[tuple[bool, str], ...]) -> Callable[[Mapping[str, Any]], str]:
    """A function filling the template's placeholders from a snapshot (built once)."""
    if not any(is_field for is_field, _ in template):
        static = "".join(t for _, t in template)
        return lambda s: static
    parts = tuple((_formatter(t), t) if is_field else (None, t) for is_field, t in template)

    def render(s: Mapping[str, Any]) -> str:
        return "".join([t if fmt is None else fmt(s[t]) for fmt, t in parts])

    return render


# Fields holding vocabulary codes: explanations show the names a sales rep knows.
# The red flags read in the text, as they read inside a sentence ("targets dissent,
# tracking of people"): the category's name before its examples, lowercase.
_TEXT_SIGNALS = {
    code: Term(code, name.split(":")[0][:1].lower() + name.split(":")[0][1:])
    for code, name in TEXT_SIGNAL_CATEGORIES.items()
}
_CODE_NAMES = {
    "capabilities": PRODUCT_CAPABILITIES,
    "intended_use": INTENDED_USES,
    "red_flags": RED_FLAGS,
    "end_user.type": END_USER_TYPES,
    "channel.roles": CHANNEL_ROLES,
    "text.signals": _TEXT_SIGNALS,
}


def format_value(value: Any, path: str | None = None) -> str:
    """How a snapshot value reads in an explanation (lists joined with ", ").

    Codes of the vocabulary (capabilities, intended uses, ...) read as their names.
    """
    terms = _CODE_NAMES.get(path) if path else None
    if terms is not None:
        if isinstance(value, str):
            return terms[value].name if value in terms else value
        if isinstance(value, list | tuple):
            names = [terms[v].name if v in terms else str(v) for v in value]
            return ", ".join(names) if names else "none"
    if value is None:
        return "no data"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(format_value(v) for v in value) if value else "none"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
