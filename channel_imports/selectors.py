"""Reads for channel imports, starting from the scope in `policies.py`."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet, Sum

from .models import ChannelImport, ColumnMapping, ImportLine, ValidationIssue
from .policies import (  # noqa: F401 - the scopes, re-exported for readers of this module
    imports_visible_to,
    is_import_staff,
    organisations_for_upload,
)

FLAGGED_TIERS = ("medium", "high", "critical", "prohibited")


def import_get(*, user, pk) -> ChannelImport | None:
    return imports_visible_to(user).filter(pk=pk).first()


def mapping_remembered(organisation_id: int) -> dict[str, str]:
    found = ColumnMapping.objects.filter(organisation_id=organisation_id).first()
    return dict(found.mapping) if found else {}


def import_issues(channel_import: ChannelImport) -> QuerySet[ValidationIssue]:
    return ValidationIssue.objects.filter(channel_import=channel_import).order_by("line", "id")


def import_rows(channel_import: ChannelImport) -> dict:
    """Where every row of the file went. `in_file` counts the rows that are not blank;
    `imported` and `duplicates` (rows imported before, or twice in the file) are None
    until the valid rows are stored. `accounted_for` checks the sums."""
    imp = channel_import
    stored = imp.status in (
        ChannelImport.Status.SCREENING,
        ChannelImport.Status.PROMOTING,
        ChannelImport.Status.COMPLETED,
    )
    rows = {
        "in_file": imp.total_rows,
        "valid": imp.valid_rows,
        "invalid": imp.invalid_rows,
        "imported": imp.lines_total if stored else None,
        "duplicates": imp.duplicate_rows if stored else None,
    }
    accounted = imp.valid_rows + imp.invalid_rows == imp.total_rows
    if stored:
        accounted = accounted and imp.lines_total + imp.duplicate_rows == imp.valid_rows
    return {**rows, "accounted_for": accounted}


def import_progress(channel_import: ChannelImport, *, counts: bool = True) -> dict:
    """Lines screened out of lines stored, from the chunks' counters (cheap to poll), and
    once every line is screened, how many flagged lines are registered as deals (only
    with `counts`: `policies.sees_import_counts`; None otherwise)."""
    total = channel_import.lines_total
    out = {"screened": total, "total": total, "percent": 100, "flagged": None, "promoted": None}
    if channel_import.status == ChannelImport.Status.COMPLETED:
        if not counts:
            return out
        summary = channel_import.summary
        return {**out, "flagged": summary.get("flagged", 0), "promoted": summary.get("promoted", 0)}
    if channel_import.status not in (
        ChannelImport.Status.SCREENING,
        ChannelImport.Status.PROMOTING,
    ):
        return {**out, "screened": 0, "percent": 0}
    screened = channel_import.chunks.aggregate(n=Sum("lines_screened"))["n"] or 0
    out.update(screened=screened, percent=min(100, int(100 * screened / total)) if total else 100)
    if counts and total and screened >= total:
        flagged = ImportLine.objects.filter(channel_import=channel_import, tier__in=FLAGGED_TIERS)
        out.update(flagged=flagged.count(), promoted=flagged.exclude(opportunity=None).count())
    return out


def import_flagged_lines(
    channel_import: ChannelImport, *, limit: int | None = 200, full: bool = True
) -> QuerySet[ImportLine]:
    """Lines held for review, as the partner must be told to hold them whatever the cause,
    ordered by the score the viewer sees (`full`: compliance, the real one), so a hidden
    finding does not move a line up."""
    qs = (
        ImportLine.objects.filter(channel_import=channel_import, tier__in=FLAGGED_TIERS)
        .select_related("opportunity__current_screening")
        .order_by("-score" if full else "-shown_score", "line_no")
    )
    return qs[:limit] if limit else qs


def import_lines(
    channel_import: ChannelImport, *, tier: str = "", flagged: bool = False, full: bool = True
) -> QuerySet[ImportLine]:
    """Lines of an import; `tier` filters on the tier the viewer sees (`full`: compliance
    staff, the real one; otherwise the one shown to partners and reps)."""
    qs = ImportLine.objects.filter(channel_import=channel_import).select_related(
        "opportunity__current_screening"
    )
    if tier:
        qs = qs.filter(**{"tier" if full else "shown_tier": tier})
    if flagged:  # held lines: the hold itself is told (the status), never its cause
        qs = qs.filter(tier__in=FLAGGED_TIERS)
    return qs.order_by("line_no", "id")


def import_lines_iter(channel_import: ChannelImport) -> Iterator[dict]:
    """Every line of an import for export, streamed from the database."""
    return (
        ImportLine.objects.filter(channel_import=channel_import)
        .order_by("line_no", "id")
        .values(
            "line_no",
            "data",
            "status",
            "tier",
            "score",
            "severity",
            "likelihood",
            "findings",
            "shown_tier",
            "shown_score",
            "shown_severity",
            "shown_likelihood",
            "opportunity__reference",
            "opportunity__status",
            "opportunity__current_screening__shown_tier",
            "promotion_error",
        )
        .iterator(chunk_size=2000)
    )


def import_sample_values(channel_import: ChannelImport, n: int = 3) -> list[tuple[str, list[str]]]:
    """Each header of the file with its first `n` values, so the mapping step shows what a
    column holds and not only its name (empty when the file cannot be read any more)."""
    from .files import FileRejected, SheetReader

    imp = channel_import
    if not imp.file or not imp.headers:
        return []
    samples: list[list[str]] = [[] for _ in imp.headers]
    try:
        reader = SheetReader(
            path=imp.file.path, kind=imp.kind, encoding=imp.encoding or "utf-8", sheet=imp.sheet
        )
        try:
            for i, (_, cells, problem) in enumerate(reader.rows()):
                if i >= n:
                    break
                for j, cell in enumerate(cells[: len(samples)]):
                    if not problem and cell not in (None, ""):
                        samples[j].append(str(cell)[:60])
        finally:
            reader.close()
    except (FileRejected, OSError, ValueError):
        return []
    return [(h, s) for h, s in zip(imp.headers, samples, strict=False) if h]
