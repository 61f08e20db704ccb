"""Services that change channel imports: upload, map, validate, accept, discard, ingest.

The import's status is a small state machine (TRANSITIONS) changed only by `_transition`,
through the one transition helper (`audit.transitions`): a conditional update, so a
redelivered task or a double click cannot run a step twice, and the step's audit event.
Screening the stored lines is in `screening.py`. Audit: one event per step of an import
(uploaded, mapped, validated or rejected, accepted, completed), never one per line.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from audit.services import audit_record
from audit.transitions import Workflow, transition_apply
from hrdd.errors import ApplicationError, Conflict, PermissionDenied
from opportunities.models import Product
from outbox.services import outbox_enqueue, outbox_enqueue_many
from partners.models import Organisation
from rules.selectors import criteria_published_current

from . import policies, staging
from .files import FileRejected, SheetReader, sniff_upload, xlsx_sheets
from .models import ChannelImport, ColumnMapping, ImportChunk, ImportLine, ValidationIssue
from .rows import COLUMNS, RowValidator, mapping_problems, mapping_suggest
from .selectors import mapping_remembered

S = ChannelImport.Status
# step (named as its audit event) -> (the statuses it may start from, the status it leads to)
TRANSITIONS: dict[str, tuple[set[str], str]] = {
    "mapped": ({S.UPLOADED, S.VALIDATED}, S.VALIDATING),
    "validated": ({S.VALIDATING}, S.VALIDATED),
    "rejected": ({S.VALIDATING}, S.REJECTED),
    "accepted": ({S.VALIDATED}, S.IMPORTING),
    "screening": ({S.IMPORTING}, S.SCREENING),
    "promoting": ({S.SCREENING}, S.PROMOTING),
    "completed": ({S.SCREENING, S.PROMOTING}, S.COMPLETED),
    "discarded": ({S.UPLOADED, S.VALIDATED}, S.DISCARDED),
    "failed": ({S.IMPORTING}, S.FAILED),
}
# One audit event per step of an import, not per stage of its own background work.
IMPORTS = Workflow(
    model=ChannelImport,
    table=TRANSITIONS,
    object_type="channel_import",
    noun="import",
    unaudited=frozenset({"screening", "promoting"}),
)

# Past this many problems the report keeps counting but stores no more (a file that bad
# is mis-mapped or the wrong file; the first problems say why).
MAX_STORED_ISSUES = getattr(settings, "CHANNEL_IMPORT_MAX_ISSUES", 100_000)


class _Moved(Conflict):
    pass


def _transition(
    imp: ChannelImport,
    step: str,
    *,
    actor=None,
    values: dict | None = None,
    changes: dict | None = None,
) -> bool:
    """Take `step` if the import's row is in a status it starts from (a task's copy of the
    import may be older than the row); False when it is not (the step was taken already,
    or the import went another way), and nothing is written."""
    try:
        transition_apply(
            IMPORTS,
            imp,
            step,
            actor=actor,
            values=values,
            from_any=True,
            changes={
                "organisation": imp.organisation_id,
                "file": imp.original_name,
                **(changes or {}),
            },
            conflict=lambda *_: _Moved(""),  # the caller words it (or a task stops quietly)
        )
    except _Moved:
        return False
    return True


def _audit(
    *, actor, imp: ChannelImport, action: str, to_state: str = "", changes: dict | None = None
) -> None:
    audit_record(
        actor=actor,
        action=f"channel_import.{action}",
        object_type="channel_import",
        object_id=imp.pk,
        to_state=to_state,
        changes={"organisation": imp.organisation_id, "file": imp.original_name, **(changes or {})},
    )


def _require_may_act(actor, imp: ChannelImport) -> None:
    reason = policies.why_not_work_on(actor, imp)
    if reason:
        raise PermissionDenied(reason)


def _queue(task: str, *args) -> None:
    """Record the work with the change (outbox); it is sent to the broker after commit."""
    outbox_enqueue(f"channel_imports.tasks.{task}", *args)


# --- Upload and mapping ------------------------------------------------------------


def import_upload(
    *,
    actor,
    organisation: Organisation,
    uploaded_file: UploadedFile,
    sheet: str = "",
    sheet_required: bool = False,
) -> ChannelImport:
    """Store an uploaded file for `organisation` and read its header row.

    Refuses (FileRejected, a 4xx) before storing anything when the file is too large or
    is not what its name claims. Nothing of its content is imported yet. When the
    partner's remembered mapping (or the file's own headers) covers every required
    column, the caller may go straight to `import_map` with `suggested_mapping`.

    An XLSX of several sheets is never read at a guess: without `sheet`, it is refused
    naming its sheets when `sheet_required` (the API), or stored waiting for the user
    to choose one (`import_choose_sheet`, the pages). The sheet read is recorded.
    """
    reason = policies.why_not_upload(actor, organisation)
    if reason:
        raise PermissionDenied(reason)
    name = (uploaded_file.name or "upload").rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:200]
    kind, encoding = sniff_upload(uploaded_file, name, uploaded_file.size)
    digest = hashlib.sha256()
    for part in uploaded_file.chunks():
        digest.update(part)
    uploaded_file.seek(0)
    imp = ChannelImport(
        organisation=organisation,
        uploaded_by=actor,
        original_name=name,
        kind=kind,
        size=uploaded_file.size,
        sha256=digest.hexdigest(),
        encoding=encoding,
    )
    imp.file.save(f"{uuid.uuid4().hex}.{kind}", uploaded_file, save=False)
    try:
        if kind == ChannelImport.Kind.XLSX:
            imp.sheets = xlsx_sheets(imp.file.path)
            if sheet and sheet not in imp.sheets:
                raise FileRejected(
                    f'This workbook has no sheet "{sheet}"; its sheets are {_quoted(imp.sheets)}.',
                    errors={"sheet": f"One of {_quoted(imp.sheets)}."},
                )
            imp.sheet = sheet or (imp.sheets[0] if len(imp.sheets) == 1 else "")
            if imp.needs_sheet and sheet_required:
                raise FileRejected(
                    f"This workbook has {len(imp.sheets)} sheets: {_quoted(imp.sheets)}. "
                    "Say which one to read (the sheet parameter).",
                    errors={"sheet": f"One of {_quoted(imp.sheets)}."},
                )
        if not imp.needs_sheet:
            imp.headers = _headers(imp)
            imp.mapping = mapping_suggest(imp.headers, mapping_remembered(organisation.pk))
    except FileRejected:
        imp.file.delete(save=False)
        raise
    with transaction.atomic():
        imp.save()
        _audit(
            actor=actor,
            imp=imp,
            action="uploaded",
            to_state=imp.status,
            changes={
                "size": imp.size,
                "sha256": imp.sha256,
                "kind": kind,
                "sheet": imp.sheet,
                "sheets": imp.sheets,
            },
        )
    return imp


def _headers(imp: ChannelImport) -> list[str]:
    """The header row of the file (of its chosen sheet), which must not be empty."""
    reader = SheetReader(
        path=imp.file.path, kind=imp.kind, encoding=imp.encoding or "utf-8", sheet=imp.sheet
    )
    reader.close()
    if not any(reader.headers):
        raise FileRejected("The first row must hold the column names; it is empty.")
    return reader.headers


def import_choose_sheet(*, actor, channel_import: ChannelImport, sheet: str) -> ChannelImport:
    """Read the header row of the chosen sheet of a workbook; only before mapping."""
    imp = channel_import
    _require_may_act(actor, imp)
    if imp.kind != ChannelImport.Kind.XLSX or imp.status != S.UPLOADED:
        raise Conflict("The sheet is chosen right after the upload, before mapping.")
    if sheet not in imp.sheets:
        raise ApplicationError(
            f"Choose one of the sheets {_quoted(imp.sheets)}.",
            errors={"sheet": "Not a sheet of this workbook."},
        )
    imp.sheet = sheet
    headers = _headers(imp)
    mapping = mapping_suggest(headers, mapping_remembered(imp.organisation_id))
    with transaction.atomic():
        if not ChannelImport.objects.filter(pk=imp.pk, status=S.UPLOADED).update(
            sheet=sheet, headers=headers, mapping=mapping
        ):
            raise Conflict("This import is past its mapping step.")
        imp.refresh_from_db()
        _audit(
            actor=actor,
            imp=imp,
            action="sheet_chosen",
            to_state=imp.status,
            changes={"sheet": sheet},
        )
    return imp


def _quoted(names: list[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def import_mapping_complete(imp: ChannelImport) -> bool:
    return not mapping_problems(imp.mapping, imp.headers)


def import_map(*, actor, channel_import: ChannelImport, mapping: dict[str, str]) -> ChannelImport:
    """Set which file column feeds each expected column, remember it for the partner,
    and queue validation. Columns mapped to nothing are dropped."""
    imp = channel_import
    _require_may_act(actor, imp)
    if imp.needs_sheet:
        raise ApplicationError(
            f"Choose the sheet to read first: {_quoted(imp.sheets)}.",
            errors={"sheet": "Choose the sheet to read."},
        )
    clean = {col: str(h) for col, h in (mapping or {}).items() if h and col in COLUMNS}
    unknown = [col for col in (mapping or {}) if col not in COLUMNS]
    problems = mapping_problems(clean, imp.headers)
    problems.update({col: "Not an expected column." for col in unknown})
    if problems:
        raise ApplicationError("The column mapping is not complete.", errors=problems)
    with transaction.atomic():
        ok = _transition(
            imp,
            "mapped",
            actor=actor,
            changes={"mapping": clean},
            values={
                "mapping": clean,
                "total_rows": 0,
                "valid_rows": 0,
                "invalid_rows": 0,
                "issues_total": 0,
                "message": "",
            },
        )
        if not ok:
            raise Conflict("This import is past its mapping step.")
        ColumnMapping.objects.update_or_create(
            organisation_id=imp.organisation_id, defaults={"mapping": clean, "updated_by": actor}
        )
        imp.refresh_from_db()
        _queue("validate_import", imp.pk)
    return imp


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
        if _transition(
            imp, "validated", values={"validated_at": timezone.now(), **counts}, changes=counts
        ):
            imp.refresh_from_db()
    return imp


def _reject(imp: ChannelImport, message: str, total: int) -> ChannelImport:
    with transaction.atomic():
        if _transition(
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
    _require_may_act(actor, imp)
    if imp.status == S.VALIDATED and not imp.valid_rows:
        raise ApplicationError("No row is valid: fix the file and upload it again.")
    with transaction.atomic():
        imp.refresh_from_db()  # the counts the event records are the row's, not the page's
        now = timezone.now()
        if not _transition(
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
        _queue("ingest_import", imp.pk)
    return imp


def import_discard(*, actor, channel_import: ChannelImport) -> ChannelImport:
    """Drop an upload the user will fix and send again; its stored file is deleted."""
    imp = channel_import
    _require_may_act(actor, imp)
    with transaction.atomic():
        if not _transition(imp, "discarded", actor=actor):
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
            if not _transition(imp, "screening", values={"criteria_version": version}):
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
        _transition(imp, "failed", values={"message": message}, changes={"message": message})
