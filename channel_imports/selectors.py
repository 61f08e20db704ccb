"""Reads for channel imports. Visibility is decided here, for pages and the API alike."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet, Sum

from partners.models import Organisation
from taxonomy import INTERMEDIARY_ROLES

from .models import ChannelImport, ColumnMapping, ImportLine, ValidationIssue

FLAGGED_TIERS = ("medium", "high", "critical", "prohibited")


def is_import_staff(user) -> bool:
    """Vendor staff who may import for any partner: sales reps, reviewers and admins."""
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and (user.is_sales_rep or user.is_reviewer)
    )


def imports_visible_to(user) -> QuerySet[ChannelImport]:
    """Staff see every import; partner users their organisation's; anyone else none."""
    qs = ChannelImport.objects.select_related("organisation", "uploaded_by")
    if user is None or not user.is_authenticated or not user.is_active:
        return qs.none()
    if is_import_staff(user):
        return qs
    if user.is_partner_user and user.organisation_id:
        return qs.filter(organisation_id=user.organisation_id)
    return qs.none()


def import_get(*, user, pk) -> ChannelImport | None:
    return imports_visible_to(user).filter(pk=pk).first()


def organisations_for_upload(user) -> QuerySet[Organisation]:
    """The organisations this user may upload for."""
    if is_import_staff(user):
        return Organisation.objects.filter(role__in=INTERMEDIARY_ROLES)
    if user.is_authenticated and user.is_partner_user and user.organisation_id:
        return Organisation.objects.filter(pk=user.organisation_id)
    return Organisation.objects.none()


def mapping_remembered(organisation_id: int) -> dict[str, str]:
    found = ColumnMapping.objects.filter(organisation_id=organisation_id).first()
    return dict(found.mapping) if found else {}


def import_issues(channel_import: ChannelImport) -> QuerySet[ValidationIssue]:
    return ValidationIssue.objects.filter(channel_import=channel_import).order_by("line", "id")


def import_progress(channel_import: ChannelImport) -> dict:
    """Lines screened out of lines stored, from the chunks' counters (cheap to poll), and
    once every line is screened, how many flagged lines are registered as deals."""
    total = channel_import.lines_total
    out = {"screened": total, "total": total, "percent": 100, "flagged": None, "promoted": None}
    if channel_import.status == ChannelImport.Status.COMPLETED:
        summary = channel_import.summary
        return {**out, "flagged": summary.get("flagged", 0), "promoted": summary.get("promoted", 0)}
    if channel_import.status not in (
        ChannelImport.Status.SCREENING,
        ChannelImport.Status.PROMOTING,
    ):
        return {**out, "screened": 0, "percent": 0}
    screened = channel_import.chunks.aggregate(n=Sum("lines_screened"))["n"] or 0
    out.update(screened=screened, percent=min(100, int(100 * screened / total)) if total else 100)
    if total and screened >= total:
        flagged = ImportLine.objects.filter(channel_import=channel_import, tier__in=FLAGGED_TIERS)
        out.update(flagged=flagged.count(), promoted=flagged.exclude(opportunity=None).count())
    return out


def import_flagged_lines(
    channel_import: ChannelImport, *, limit: int | None = 200
) -> QuerySet[ImportLine]:
    qs = (
        ImportLine.objects.filter(channel_import=channel_import, tier__in=FLAGGED_TIERS)
        .select_related("opportunity__current_screening")
        .order_by("-score", "line_no")
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
    if flagged:
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
        )  # fmt: skip
        .iterator(chunk_size=2000)
    )
