"""Services editing a criteria draft's text-signal lexicon (``rules.textsignals``).

A lexicon entry is part of its criteria version: it is edited only in the draft, checked
when saved (as a criterion's condition is), audited, and frozen when the draft is
published. The draft is previewed on past deals with its lexicon, like any change.
"""

from __future__ import annotations

from django.db import transaction

from audit.services import audit_record
from hrdd.errors import ApplicationError

from .engine import LexiconEntry, LexiconError
from .models import CriteriaVersion
from .models import LexiconEntry as LexiconEntryRow
from .selectors import lexicon_entry
from .textsignals import compile_lexicon
from .textsignals.entry_roles import role_problems

ENTRY_FIELDS = (
    "phrase",
    "language",
    "category",
    "source",
    "enabled",
    "family",
    "any_language",
    "role",
    "tells_service",
)


def _checked(draft: CriteriaVersion, entry: LexiconEntry, replacing: int | None) -> None:
    """Refuse an entry that is broken or repeats a phrase of the draft, saying why."""
    others = [lexicon_entry(r) for r in draft.lexicon.exclude(pk=replacing)]
    try:
        compile_lexicon([*others, entry])
    except LexiconError as exc:
        mine = f"lexicon entry {len(others) + 1}"
        problems = [e.split(": ", 1)[-1] for e in exc.errors if e.startswith(mine)]
        if problems:
            raise ApplicationError(
                "Phrase not saved: " + "; ".join(problems), errors={"phrase": "; ".join(problems)}
            ) from None


def lexicon_entry_save(
    *, actor, draft: CriteriaVersion, values: dict, entry_id: int | None = None
) -> LexiconEntryRow:
    """Create (``entry_id`` None) or change one phrase of the draft's lexicon."""
    from .services import _require_draft, _require_editor

    _require_editor(actor)
    _require_draft(draft)
    current = None
    if entry_id is not None:
        current = draft.lexicon.filter(pk=entry_id).first()
        if current is None:
            raise ApplicationError("The draft has no such phrase.", status_code=404)
    data = (
        {f: getattr(current, f) for f in ENTRY_FIELDS}
        if current
        else {"enabled": True, "any_language": False, "role": "", "tells_service": False}
    )
    data.update({k: v for k, v in values.items() if k in ENTRY_FIELDS})
    if current and current.category != data["category"]:
        # Moved to another category: a role it cannot have there, left as it was, goes (the
        # audit record keeps it); a role the admin changed too is still refused.
        untouched = all(data[f] == getattr(current, f) for f in ("role", "tells_service"))
        if untouched and role_problems(
            data["role"], data["tells_service"], data["category"], data["family"]
        ):
            data.update(role="", tells_service=False)
    for f in ("phrase", "language", "category", "source", "family"):
        data.setdefault(f, "")
    entry = LexiconEntry(**data)
    _checked(draft, entry, current.pk if current else None)
    with transaction.atomic():
        if current:
            before = {f: getattr(current, f) for f in ENTRY_FIELDS}
            for f, v in data.items():
                setattr(current, f, v)
            current.save()
            row = current
            changed = {f: [before[f], data[f]] for f in ENTRY_FIELDS if before[f] != data[f]}
        else:
            row = LexiconEntryRow.objects.create(version=draft, **data)
            changed = {"created": True, **{f: data[f] for f in ENTRY_FIELDS}}
        audit_record(
            actor=actor,
            action="criteria.lexicon_saved",
            object_type="criteria_version",
            object_id=draft.pk,
            changes={"entry": row.pk, **changed},
        )
    return row


def lexicon_entry_delete(*, actor, draft: CriteriaVersion, entry_id: int) -> None:
    from .services import _require_draft, _require_editor

    _require_editor(actor)
    _require_draft(draft)
    with transaction.atomic():
        row = draft.lexicon.filter(pk=entry_id).first()
        if row is None:
            raise ApplicationError("The draft has no such phrase.", status_code=404)
        phrase = {f: getattr(row, f) for f in ENTRY_FIELDS}
        row.delete()
        audit_record(
            actor=actor,
            action="criteria.lexicon_deleted",
            object_type="criteria_version",
            object_id=draft.pk,
            changes={"entry": entry_id, **phrase},
        )


def lexicon_replace(*, draft: CriteriaVersion, entries: list[LexiconEntry]) -> None:
    """Put ``entries`` (already checked) in place of the draft's lexicon; caller audits."""
    draft.lexicon.all().delete()
    LexiconEntryRow.objects.bulk_create(
        [
            LexiconEntryRow(version=draft, **{f: getattr(e, f) for f in ENTRY_FIELDS})
            for e in entries
        ]
    )
