"""Uploading a channel file and mapping its columns: the steps before validation."""

from __future__ import annotations

import hashlib
import uuid

from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, transaction

from hrdd.errors import ApplicationError, Conflict, PermissionDenied
from partners.models import Organisation

from . import policies
from .files import FileRejected, SheetReader, sniff_upload, xlsx_sheets
from .models import ChannelImport, ColumnMapping
from .rows import COLUMNS, mapping_problems, mapping_suggest
from .selectors import mapping_remembered
from .workflow import S, import_audit, import_require_may_act, import_step_take, import_task_queue


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
        import_audit(
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


def import_upload_mapped(
    *,
    actor,
    organisation: Organisation,
    uploaded_file: UploadedFile,
    sheet: str = "",
    mapping: dict[str, str] | None = None,
) -> ChannelImport:
    """The API's upload: the file stored and, when `mapping` (or the one remembered for
    the partner, or the headers) covers every column, mapped and queued for validation.

    One write: refused or failing part-way, it leaves no import and no stored file, so
    the client may send the file again (the API promises nothing is half-saved)."""
    if mapping is not None and not isinstance(mapping, dict):
        raise ApplicationError(
            "mapping must be a JSON object.", errors={"mapping": "Expected an object."}
        )
    imp = None
    try:
        with transaction.atomic():
            imp = import_upload(
                actor=actor,
                organisation=organisation,
                uploaded_file=uploaded_file,
                sheet=sheet,
                sheet_required=True,
            )
            if mapping:
                if not mapping_problems(mapping, imp.headers):
                    import_map(actor=actor, channel_import=imp, mapping=mapping)
            elif import_mapping_complete(imp):
                import_map(actor=actor, channel_import=imp, mapping=imp.mapping)
    except BaseException:
        if imp is not None:
            _file_dropped_unless_saved(imp)
        raise
    return imp


def _file_dropped_unless_saved(imp: ChannelImport) -> None:
    """A rolled-back upload's file is named by no row: delete it. Kept when the row is
    there (a hook failed after the commit) or the database cannot say."""
    try:
        saved = ChannelImport.objects.filter(pk=imp.pk).exists()
    except DatabaseError:
        return
    if not saved:
        imp.file.delete(save=False)


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
    import_require_may_act(actor, imp)
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
        import_audit(
            actor=actor,
            imp=imp,
            action="sheet_chosen",
            to_state=imp.status,
            changes={"sheet": sheet},
        )
    return imp


def import_sheet_and_map(
    *, actor, channel_import: ChannelImport, sheet: str, mapping: dict[str, str]
) -> ChannelImport:
    """The API's mapping step: the sheet (when named) and the mapping as one write, so a
    refused or failing mapping leaves the sheet as it was."""
    with transaction.atomic():
        imp = channel_import
        if sheet:
            imp = import_choose_sheet(actor=actor, channel_import=imp, sheet=sheet)
        return import_map(actor=actor, channel_import=imp, mapping=mapping)


def _quoted(names: list[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def import_mapping_complete(imp: ChannelImport) -> bool:
    return not mapping_problems(imp.mapping, imp.headers)


def import_map(*, actor, channel_import: ChannelImport, mapping: dict[str, str]) -> ChannelImport:
    """Set which file column feeds each expected column, remember it for the partner,
    and queue validation. Columns mapped to nothing are dropped."""
    imp = channel_import
    import_require_may_act(actor, imp)
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
        ok = import_step_take(
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
        import_task_queue("import_validate", imp.pk)
    return imp
