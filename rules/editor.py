"""The criteria editor's presentation: a refused criterion's problems by field, in the
editor's words, and where in a condition its syntax error lies."""

from __future__ import annotations

import re

from audit.models import AuditEvent

from .engine import ConditionError, compile_condition
from .version_diff import cues_diff, lexicon_diff

# The editor's fields, as a problem of the engine names them, and as the editor labels them.
FIELD_WORDS = {
    "code": "Code",
    "name": "Name",
    "dimension": "Dimension",
    "outcome": "Outcome",
    "condition": "Condition",
    "explanation": "Explanation",
    "reasoning": "Reasoning",
    "source": "Source",
    "ask": "What is asked",
    "scale": "Scale",
    "scope": "Scope",
    "irremediability": "Irremediability",
    "likelihood": "Likelihood",
    "severity_uplift": "Severity uplift",
    "enabled": "Enabled",
}
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


def _shown(criterion, field: str) -> str:
    """A criterion's value as the editor shows it (names of choices, yes or no)."""
    if field == "dimension":
        return criterion.get_dimension_display()
    if field == "outcome":
        return criterion.get_outcome_display()
    if field == "enabled":
        return "yes" if criterion.enabled else "no"
    value = getattr(criterion, field)
    return str(value) if value not in (None, "") else "(empty)"


def criteria_diff(draft, published) -> dict:
    """What the draft changes against the version in force: criteria added, removed, and
    changed field by field (before and after, in the editor's words)."""
    from .services import CRITERION_FIELDS

    before = {c.code: c for c in published.criteria.all()} if published else {}
    after = {c.code: c for c in draft.criteria.all()}
    changed = []
    for code in sorted(after.keys() & before.keys()):
        old, new = before[code], after[code]
        fields = [
            (FIELD_WORDS[f], _shown(old, f), _shown(new, f))
            for f in CRITERION_FIELDS
            if getattr(old, f) != getattr(new, f)
        ]
        if fields:
            changed.append({"code": code, "name": new.name, "fields": fields})
    added = [after[code] for code in sorted(after.keys() - before.keys())]
    removed = [before[code] for code in sorted(before.keys() - after.keys())]
    marks = {c.code: "added" for c in added} | {c["code"]: "changed" for c in changed}
    return {
        "version": published,
        "added": added,
        "removed": removed,
        "changed": changed,
        "marks": marks,
        "count": len(added) + len(removed) + len(changed),
    }


def draft_diff(draft, published) -> dict:
    """``criteria_diff``, with what the draft changes in the text-signal lexicon and the
    learned cues (``version_diff``): everything publishing would change."""
    diff = criteria_diff(draft, published)
    lexicon = lexicon_diff(draft, published)
    cues = cues_diff(draft, published)
    unchanged = not (diff["count"] or lexicon["count"] or cues)
    return {**diff, "lexicon": lexicon, "cues": cues, "unchanged": unchanged}


def preview_for_publishing(draft) -> dict:
    """The draft's latest finished preview, and whether the draft changed since it ran
    (then its figures no longer describe what would be published)."""

    run = draft.previews.filter(status="done").order_by("-id").first()
    if run is None:
        return {"run": None, "stale": False}
    last_change = (
        AuditEvent.objects.filter(object_type="criteria_version", object_id=str(draft.pk))
        .exclude(action__startswith="criteria.preview")
        .order_by("-id")
        .values_list("created_at", flat=True)
        .first()
    )
    stale = last_change is not None and last_change > run.created_at
    counts = (run.result or {}).get("counts", {})
    return {"run": run, "stale": stale, "moving": counts.get("up", 0) + counts.get("down", 0)}
