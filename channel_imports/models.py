"""Bulk channel-data imports: a partner's spreadsheet of deal registrations or POS lines.

An import moves through explicit states (see `ChannelImport.Status` and
`workflow.TRANSITIONS`); each accepted row becomes one `ImportLine`, screened in chunks
(`ImportChunk`) by Celery workers in parallel.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ColumnMapping(models.Model):
    """How one partner's files name the expected columns, remembered between uploads.

    `mapping` maps each expected column (see `columns.COLUMNS`) to the header used in
    the partner's files; columns the partner does not send are absent.
    """

    organisation = models.OneToOneField(
        "partners.Organisation", on_delete=models.CASCADE, related_name="import_mapping"
    )
    mapping = models.JSONField(default=dict)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Column mapping of {self.organisation}"


class ChannelImport(models.Model):
    """One uploaded file of one partner organisation, from upload to screening summary.

    Invariants: nothing but the file and its validation report is stored until the user
    accepts; accepting stores every valid row (or none) in one transaction; the status
    changes only through `workflow.import_step_take` (the transition helper).
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded: map the columns"
        VALIDATING = "validating", "Validating"
        VALIDATED = "validated", "Validated: import the valid rows or fix the file"
        REJECTED = "rejected", "Rejected"
        IMPORTING = "importing", "Importing"
        SCREENING = "screening", "Screening"
        PROMOTING = "promoting", "Registering flagged lines as deals"
        COMPLETED = "completed", "Completed"
        DISCARDED = "discarded", "Discarded"
        FAILED = "failed", "Failed"

    class Kind(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (XLSX)"

    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="channel_imports"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="channel_imports"
    )
    file = models.FileField(upload_to="channel_imports/%Y/%m/", max_length=300)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=4, choices=Kind.choices)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    encoding = models.CharField(max_length=20, blank=True)
    headers = models.JSONField(default=list)
    sheets = models.JSONField(default=list, blank=True, help_text="An XLSX file's sheet names")
    sheet = models.CharField(max_length=31, blank=True, help_text="The XLSX sheet read")
    mapping = models.JSONField(default=dict)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UPLOADED)
    message = models.TextField(blank=True, help_text="Why the file was rejected or failed")
    total_rows = models.PositiveIntegerField(default=0)
    valid_rows = models.PositiveIntegerField(default=0)
    invalid_rows = models.PositiveIntegerField(default=0)
    issues_total = models.PositiveIntegerField(default=0)
    lines_total = models.PositiveIntegerField(default=0, help_text="Lines stored (new rows)")
    duplicate_rows = models.PositiveIntegerField(
        default=0, help_text="Valid rows already imported before (same reference or content)"
    )
    chunks_total = models.PositiveIntegerField(default=0)
    criteria_version = models.ForeignKey(
        "rules.CriteriaVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    validated_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self) -> str:
        return f"Import {self.pk} {self.original_name}"

    @property
    def needs_sheet(self) -> bool:
        """A workbook of several sheets waiting for the user to say which one to read."""
        return self.kind == self.Kind.XLSX and not self.sheet and len(self.sheets) > 1

    @property
    def is_busy(self) -> bool:
        """Work is queued or running: pages poll for progress."""
        return self.status in {
            self.Status.VALIDATING,
            self.Status.IMPORTING,
            self.Status.SCREENING,
            self.Status.PROMOTING,
        }


class ValidationIssue(models.Model):
    """One problem with one cell (or row) of an uploaded file, for the validation report."""

    channel_import = models.ForeignKey(
        ChannelImport, on_delete=models.CASCADE, related_name="issues"
    )
    line = models.PositiveIntegerField(help_text="Line in the file (the header is line 1)")
    column = models.CharField(max_length=40)
    value = models.CharField(max_length=200, blank=True)
    reason = models.CharField(max_length=500)

    class Meta:
        ordering = ["channel_import_id", "line", "id"]

    def __str__(self) -> str:
        return f"line {self.line} {self.column}: {self.reason}"


class ImportChunk(models.Model):
    """A slice of an import's lines screened by one task.

    Claimed by conditional update (pending -> running) so two workers never screen the
    same chunk at once; a chunk whose worker died is reclaimed by the redelivered task
    (same claim token) or, after `STALE_SECONDS`, by any task.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Screening"
        DONE = "done", "Done"

    STALE_SECONDS = 600

    channel_import = models.ForeignKey(
        ChannelImport, on_delete=models.CASCADE, related_name="chunks"
    )
    number = models.PositiveIntegerField()
    lines_total = models.PositiveIntegerField(default=0)
    lines_screened = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    claim_token = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    summary = models.JSONField(default=dict)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["channel_import_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel_import", "number"], name="import_chunk_number_uniq"
            )
        ]

    def __str__(self) -> str:
        return f"chunk {self.number} of import {self.channel_import_id}"


class ImportLine(models.Model):
    """One accepted row: its normalised data, its screening and the deal it became.

    Unique per (organisation, row_key): the partner's reference, or a hash of the
    normalised row when it has none, so re-uploads and overlapping files add nothing
    twice. A line is screened once (status pending -> screened) and promoted to at most
    one deal (external_id derived from the row key, idempotent).
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for screening"
        SCREENED = "screened", "Screened"

    # Few indexes: a million-line import writes every one of them twice (insert, screen).
    channel_import = models.ForeignKey(
        ChannelImport, on_delete=models.CASCADE, related_name="lines", db_index=False
    )
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    row_key = models.CharField(max_length=80)
    line_no = models.PositiveIntegerField()
    chunk_no = models.PositiveIntegerField()
    data = models.JSONField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    tier = models.CharField(max_length=12, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    severity = models.PositiveSmallIntegerField(null=True, blank=True)
    likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    findings = models.JSONField(default=list, blank=True)
    # What the partner and sales reps are told (`rules.engine.shown_to_partners`).
    shown_tier = models.CharField(max_length=12, blank=True)
    shown_score = models.PositiveSmallIntegerField(null=True, blank=True)
    shown_severity = models.PositiveSmallIntegerField(null=True, blank=True)
    shown_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    screened_at = models.DateTimeField(null=True, blank=True)
    opportunity = models.ForeignKey(
        "opportunities.Opportunity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    promotion_error = models.TextField(blank=True)

    class Meta:
        ordering = ["channel_import_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "row_key"], name="import_line_org_key_uniq"
            )
        ]
        indexes = [
            models.Index(fields=["channel_import", "chunk_no"], name="import_line_chunk_idx"),
            models.Index(
                fields=["channel_import", "tier"],
                name="import_line_flagged_idx",
                condition=models.Q(tier__in=["medium", "high", "critical", "prohibited"]),
            ),
            models.Index(
                fields=["opportunity"],
                name="import_line_deal_idx",
                condition=models.Q(opportunity__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"line {self.line_no} of import {self.channel_import_id}"
