"""Services that change channel imports: upload, map, validate, accept, discard, ingest.

The steps and their audit events are `workflow.py`; uploading and mapping are
`uploads.py` (re-exported here, where views, the API and tasks find every step).
Screening the stored lines is in `screening.py`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from hrdd.errors import ApplicationError, Conflict
from opportunities.models import Product
from outbox.services import outbox_enqueue_many
from rules.selectors import criteria_published_current

from . import staging
from .files import FileRejected, SheetReader
from .models import ChannelImport, ImportChunk, ImportLine, ValidationIssue
from .rows import RowValidator
from .uploads import (
    import_choose_sheet,
    import_map,
    import_mapping_complete,
    import_sheet_and_map,
    import_upload,
    import_upload_mapped,
)
from .workflow import (
    IMPORTS,
    TRANSITIONS,
    S,
    import_require_may_act,
    import_step_take,
    import_task_queue,
)

__all__ = [
    "IMPORTS",
    "TRANSITIONS",
    "S",
    "catalogue_active",
    "import_accept",
    "import_choose_sheet",
    "import_discard",
    "import_ingest",
    "import_map",
    "import_mapping_complete",
    "import_sheet_and_map",
    "import_upload",
    "import_upload_mapped",
    "import_validate",
]

# Screening and promotion take their steps through this name.
_transition = import_step_take

# Past this many problems the report keeps counting but stores no more (a file that bad
# is mis-mapped or the wrong file; the first problems say why).
MAX_STORED_ISSUES = getattr(settings, "CHANNEL_IMPORT_MAX_ISSUES", 100_000)


# --- Reading rows --------------------------------------------------------------------


def catalogue_active() -> dict[str, Product]:
    """Active products by SKU, with their name and capabilities: one query per file."""
    return {
        p.sku: p for p in Product.objects.filter(active=True).only("sku", "name", "capabilities")
    }


def _checked_rows(imp: ChannelImport) -> Iterator[tuple[int, dict | None, list]]:
    """(line, normalised row or None, issues) for every non-blank row, streamed.

    The file is opened and the catalogue read here, before the first row is asked for,
    so a caller may consume the rows while the connection is busy with something else.
    """
    reader = SheetReader(
        path=imp.file.path,
        kind=imp.kind,
        encoding=imp.encoding or "utf-8",
        max_rows=settings.CHANNEL_IMPORT_MAX_ROWS,
        sheet=imp.sheet,
    )
    position = {h: i for i, h in reversed(list(enumerate(reader.headers)))}  # first wins
    index = [(col, position[h]) for col, h in imp.mapping.items() if h in position]
    validator = RowValidator(catalogue_active())

    def rows() -> Iterator[tuple[int, dict | None, list]]:
        for n, cells, problem in reader.rows():
            if problem:  # the row cannot be read as written: invalid, with the reason
                yield n, None, [("", "", problem)]
                continue
            width = len(cells)
            raw = {col: (cells[i] if i < width else None) for col, i in index}
            row, issues = validator.validate(raw)
            yield n, row, issues

    return rows()


# --- Validation ----------------------------------------------------------------------


def import_validate(*, channel_import_id: int) -> ChannelImport | None:
    """Check every row and store the report; nothing of the rows is saved.

    Runs in a task. Idempotent: it only acts on an import in `validating`, and replaces
    any report a previous (interrupted) run left.
    """
    imp = ChannelImport.objects.select_related("organisation").filter(pk=channel_import_id).first()
    if imp is None or imp.status != S.VALIDATING:
        return imp
    total = valid = invalid = issues_total = 0
    issues: list[ValidationIssue] = []
    try:
        checked = _checked_rows(imp)
        with open(staging.staged_path(imp), "w", encoding="utf-8", newline="\n") as staged:
            for n, row, problems in checked:
                total += 1
                if problems:
                    invalid += 1
                    issues_total += len(problems)
                    for column, value, reason in problems:
                        if len(issues) < MAX_STORED_ISSUES:
                            issues.append(
                                ValidationIssue(
                                    channel_import=imp,
                                    line=n,
                                    column=column,
                                    value=value,
                                    reason=reason[:500],
                                )
                            )
                else:
                    staged.write(staging.staged_line(row, n, valid))
                    valid += 1
                if total % 20_000 == 0:  # progress for the page; not part of the result
                    ChannelImport.objects.filter(pk=imp.pk, status=S.VALIDATING).update(
                        total_rows=total
                    )
    except FileRejected as exc:
        return _reject(imp, exc.message, total)
    if total == 0:
        return _reject(imp, "The file has a header row but no lines.", 0)
    with transaction.atomic():
        ValidationIssue.objects.filter(channel_import=imp).delete()
        ValidationIssue.objects.bulk_create(issues, batch_size=2000)
        counts = {
            "total_rows": total,
            "valid_rows": valid,
            "invalid_rows": invalid,
            "issues_total": issues_total,
        }
        if import_step_take(
            imp, "validated", values={"validated_at": timezone.now(), **counts}, changes=counts
        ):
            imp.refresh_from_db()
    return imp


def _reject(imp: ChannelImport, message: str, total: int) -> ChannelImport:
    with transaction.atomic():
        if import_step_take(
            imp,
            "rejected",
            values={"message": message, "total_rows": total},
            changes={"message": message},
        ):
            imp.refresh_from_db()
    return imp


# --- The user's choice ---------------------------------------------------------------


def import_accept(*, actor, channel_import: ChannelImport) -> ChannelImport:
    """Import the valid rows (the invalid ones are left out) and queue their screening."""
    imp = channel_import
    import_require_may_act(actor, imp)
    if imp.status == S.VALIDATED and not imp.valid_rows:
        raise ApplicationError("No row is valid: fix the file and upload it again.")
    with transaction.atomic():
        imp.refresh_from_db()  # the counts the event records are the row's, not the page's
        now = timezone.now()
        if not import_step_take(
            imp,
            "accepted",
            actor=actor,
            values={"accepted_at": now},
            changes={"valid_rows": imp.valid_rows, "invalid_rows": imp.invalid_rows},
        ):
            raise Conflict(
                "This import is not waiting for a decision (already accepted or discarded?)."
            )
        imp.accepted_at = now
        import_task_queue("import_ingest", imp.pk)
    return imp


def import_discard(*, actor, channel_import: ChannelImport) -> ChannelImport:
    """Drop an upload the user will fix and send again; its stored file is deleted."""
    imp = channel_import
    import_require_may_act(actor, imp)
    with transaction.atomic():
        if not import_step_take(imp, "discarded", actor=actor):
            raise Conflict("Only an import that is not yet accepted can be discarded.")
        stored = imp.file.name
        transaction.on_commit(
            lambda: (
                staging.staged_delete(imp),
                imp.file.storage.delete(stored) if stored else None,
            )
        )
    return imp


# --- Ingest: store the valid rows as lines, in one transaction -----------------------


def import_ingest(*, channel_import_id: int) -> ChannelImport | None:
    """Store every valid row as an ImportLine (rows already imported are skipped) and
    queue the chunks for screening. All lines or none: one transaction.

    Runs in a task. The status change is the claim: a second delivery of the same task
    waits on the row lock and then finds the import no longer `importing`.
    """
    imp = ChannelImport.objects.select_related("organisation").filter(pk=channel_import_id).first()
    if imp is None or imp.status != S.IMPORTING:
        return imp
    version = criteria_published_current()
    if version is None:
        _fail(
            imp, "No published criteria to screen with: an admin must publish a criteria version."
        )
        return imp
    chunk_rows = max(1, settings.CHANNEL_IMPORT_CHUNK_ROWS)
    try:
        with transaction.atomic():
            if not import_step_take(imp, "screening", values={"criteria_version": version}):
                return imp
            if not os.path.exists(staging.staged_path(imp)):
                raise FileRejected("The validated rows are missing: upload the file again.")
            attempted, inserted = staging.lines_insert(imp, chunk_rows)
            per_chunk = (
                ImportLine.objects.filter(channel_import=imp)
                .values_list("chunk_no")
                .annotate(n=Count("id"))
                .order_by("chunk_no")
            )
            ImportChunk.objects.bulk_create(
                [ImportChunk(channel_import=imp, number=no, lines_total=n) for no, n in per_chunk]
            )
            chunk_ids = list(
                ImportChunk.objects.filter(channel_import=imp).values_list("id", flat=True)
            )
            ChannelImport.objects.filter(pk=imp.pk).update(
                lines_total=inserted,
                duplicate_rows=attempted - inserted,
                chunks_total=len(chunk_ids),
            )
            transaction.on_commit(lambda: staging.staged_delete(imp))
            if chunk_ids:
                outbox_enqueue_many(
                    "channel_imports.tasks.import_chunk_screen", [[pk] for pk in chunk_ids]
                )
            else:
                from .screening import _complete

                _complete(imp)
    except FileRejected as exc:  # the stored file changed or vanished since validation
        _fail(imp, exc.message)
    imp.refresh_from_db()
    return imp


def _fail(imp: ChannelImport, message: str) -> None:
    with transaction.atomic():
        import_step_take(imp, "failed", values={"message": message}, changes={"message": message})
