"""What a draft changes in the text-signal lexicon and the learned cues against the version in
force, in the editor's words: the draft page and the publish confirmation show it beside the
criteria's own changes (``editor.criteria_diff``), so whoever publishes sees every change to
how deals are read, not only to how they are scored."""

from __future__ import annotations

from typing import Any

from .models import CriteriaVersion, LearnedCues, LexiconEntry
from .textsignals import LANGUAGE_NAMES
from .textsignals.entry_roles import ROLE_NAMES
from .textsignals.learned_cues import THRESHOLD
from .textsignals.lexicon import phrase_key

SHOWN = 30  # phrases listed per kind of change; the others are counted
# An entry's fields as the phrase form labels them; the phrase and its language are the
# entry itself (another phrase is another entry).
ENTRY_FIELDS = {
    "category": "Category",
    "family": "Kind",
    "source": "Source or rationale",
    "enabled": "Enabled",
    "any_language": "Reads text in any language",
    "role": "Role",
    "tells_service": "May cancel a security service named beside it",
}
# The cues' settings an admin changes on the learned-cues page, with how each reads.
CUE_SETTINGS = (
    ("threshold", "Score a sentence needs to raise its category"),
    ("dangerous_above", "Weight from which a whole text is raised as a dangerous deal"),
    ("ordinary_below", "Weight under which a whole text is read as an ordinary deal"),
)
_SETTING_DEFAULTS = {"threshold": THRESHOLD}
_NOT_FITTED = {"enabled"}  # what a language's cues hold besides what fitting gives them


def lexicon_diff(draft: CriteriaVersion, published: CriteriaVersion | None) -> dict[str, Any]:
    """Phrases added, removed and changed (field by field), each list cut at ``SHOWN`` with
    the full counts beside it."""
    before = _entries(published) if published else {}
    after = _entries(draft)
    added = [_entry_words(after[k]) for k in sorted(after.keys() - before.keys())]
    removed = [_entry_words(before[k]) for k in sorted(before.keys() - after.keys())]
    changed = []
    for key in sorted(after.keys() & before.keys()):
        old, new = before[key], after[key]
        fields = [
            (label, _shown(old, f), _shown(new, f))
            for f, label in ENTRY_FIELDS.items()
            if getattr(old, f) != getattr(new, f)
        ]
        if fields:
            changed.append({"entry": _entry_words(new), "fields": fields})
    return {
        "added": added[:SHOWN],
        "removed": removed[:SHOWN],
        "changed": changed[:SHOWN],
        "added_count": len(added),
        "removed_count": len(removed),
        "changed_count": len(changed),
        "added_more": max(0, len(added) - SHOWN),
        "removed_more": max(0, len(removed) - SHOWN),
        "changed_more": max(0, len(changed) - SHOWN),
        "count": len(added) + len(removed) + len(changed),
    }


def cues_diff(draft: CriteriaVersion, published: CriteriaVersion | None) -> list[str]:
    """What the draft's learned cues change, a sentence each (empty: nothing)."""
    old = _cues(published) if published else None
    new = _cues(draft)
    if old == new:
        return []
    if new is None:
        return ["The draft reads text with its lexicon alone: its learned cues are removed."]
    if old is None:
        return [
            "The draft reads text with learned cues beside its lexicon"
            + (f" (fitted on {new['fitted_on']})." if new.get("fitted_on") else ".")
        ]
    lines = []
    if _fitted(old) != _fitted(new):
        fitted = new.get("fitted_on") or "labelled descriptions"
        lines.append(f"The learned cues are fitted again, on {fitted}.")
    for key, words in CUE_SETTINGS:
        was, now = _setting(old, key), _setting(new, key)
        if was != now:
            lines.append(f"{words}: {_number(was)} → {_number(now)}.")
    for language in sorted(old.get("languages", {}).keys() | new.get("languages", {}).keys()):
        was = _language_read(old, language)
        now = _language_read(new, language)
        if was != now:
            name = LANGUAGE_NAMES.get(language, language)
            lines.append(
                f"Learned cues in {name}: {'read' if was else 'not read'} → "
                f"{'read' if now else 'not read'}."
            )
    was_off = {tuple(p) for p in old.get("switched_off", [])}
    now_off = {tuple(p) for p in new.get("switched_off", [])}
    for verb, words in (("off", now_off - was_off), ("back on", was_off - now_off)):
        for language, feature in sorted(words):
            cue = feature.replace("+", " + ")
            name = LANGUAGE_NAMES.get(language, language)
            lines.append(f"Cue word “{cue}” ({name}) switched {verb}.")
    return lines or ["The learned cues differ from those in force."]


def _entries(version: CriteriaVersion) -> dict[str, LexiconEntry]:
    """The version's entries by language and normalised phrase (``phrase_key``): the same
    phrase written with other spaces or capitals is the same entry."""
    return {f"{e.language}:{phrase_key(e.language, e.phrase)}": e for e in version.lexicon.all()}


def _entry_words(entry: LexiconEntry) -> str:
    kind = f", {entry.get_family_display().lower()}" if entry.family else ""
    off = ", switched off" if not entry.enabled else ""
    return (
        f"“{entry.phrase}” ({entry.get_language_display()}, {entry.get_category_display()}"
        f"{kind}{off})"
    )


def _shown(entry: LexiconEntry, field: str) -> str:
    value = getattr(entry, field)
    if field == "category":
        return entry.get_category_display()
    if field == "family":
        return entry.get_family_display()
    if field == "role":
        return ROLE_NAMES.get(value, value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value) if value else "(empty)"


def _cues(version: CriteriaVersion) -> dict[str, Any] | None:
    try:
        return version.learned_cues.data
    except LearnedCues.DoesNotExist:
        return None


def _fitted(data: dict[str, Any]) -> dict[str, Any]:
    """The cues as fitting made them: weights, biases and the rest, not what admins set."""
    return {
        language: {k: v for k, v in cues.items() if k not in _NOT_FITTED}
        for language, cues in data.get("languages", {}).items()
    }


def _setting(data: dict[str, Any], key: str) -> float | None:
    return data.get(key, _SETTING_DEFAULTS.get(key))


def _language_read(data: dict[str, Any], language: str) -> bool:
    cues = data.get("languages", {}).get(language)
    return cues is not None and cues.get("enabled", True) is not False


def _number(value: float | None) -> str:
    return "off" if value is None else f"{value:.2f}".replace("-", "−")
