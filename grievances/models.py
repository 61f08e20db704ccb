"""Misuse reports and grievances from people outside the company, and their triage.

A reporter needs no account: they follow their report with a receipt code that is shown
once and stored only as a SHA-256 hash (128 random bits: it cannot be guessed, and a copy
of the database does not reveal it). The reporter's identity and files are shown to the
human-rights lead only; partners and reps never learn that a report exists.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    """One report. Its status changes only through `grievances.workflow.report_transition`."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_TRIAGE = "in_triage", _("Being assessed")
        INVESTIGATING = "investigating", _("Under investigation")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        CREDIBLE = "credible", _("Credible, under investigation")
        NOT_SUBSTANTIATED = "not_substantiated", _("Not substantiated")
        OUT_OF_SCOPE = "out_of_scope", _("Outside what we can act on")
        DUPLICATE = "duplicate", _("Already reported")

    OPEN_STATES = ("received", "in_triage", "investigating")

    receipt_hash = models.CharField(max_length=64, unique=True)
    what = models.TextField(max_length=10000)
    where_country = models.CharField(max_length=2, blank=True)
    where_place = models.CharField(max_length=200, blank=True)
    about_organisation = models.CharField(max_length=300, blank=True)
    about_product = models.CharField(max_length=300, blank=True)
    language = models.CharField(max_length=8, default="en")
    anonymous = models.BooleanField(default=True)
    reporter_name = models.CharField(max_length=200, blank=True)
    reporter_contact = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(blank=True, max_length=5000)
    received_at = models.DateTimeField()
    triage_due_at = models.DateTimeField(help_text="When an assessment is due (the SLA)")
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assessed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["triage_due_at", "id"]
        indexes = [
            models.Index(
                fields=["triage_due_at", "id"],
                name="report_queue_idx",
                condition=Q(status__in=["received", "in_triage", "investigating"]),
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"R-{self.pk:06d}" if self.pk else "R-?"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATES


class ReportMessage(models.Model):
    """A message on a report: more information from the reporter, or an answer from
    compliance (which the reporter reads with the receipt code)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    from_reporter = models.BooleanField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(max_length=10000)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Message on {self.report}"


def _report_file_path(instance: ReportFile, filename: str) -> str:
    # Never the reporter's file name (it may identify them): a random one.
    return f"grievances/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class ReportFile(models.Model):
    """Evidence a reporter attached (pdf, png or jpg, checked by content and size)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=_report_file_path, max_length=200)
    original_name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return f"File {self.pk} of {self.report}"


class ReportLink(models.Model):
    """A report linked by compliance to an organisation or a deal it concerns."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="links")
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report_links",
    )
    opportunity = models.ForeignKey(
        "opportunities.Opportunity",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="report_links",
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    linked_at = models.DateTimeField()

    class Meta:
        ordering = ["linked_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(opportunity__isnull=False),
                name="reportlink_names_something",
            ),
            models.UniqueConstraint(
                fields=["report", "organisation"],
                condition=Q(organisation__isnull=False),
                name="reportlink_org_once",
            ),
            models.UniqueConstraint(
                fields=["report", "opportunity"],
                condition=Q(opportunity__isnull=False),
                name="reportlink_deal_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} → {self.organisation or self.opportunity}"


class PublicAttempt(models.Model):
    """One use of the public page, for rate limits counted in the database (so every web
    process agrees). `source` is a keyed hash of the address or receipt, never the
    address itself; rows older than a day are deleted as new ones arrive."""

    kind = models.CharField(max_length=20)
    source = models.CharField(max_length=64)
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["kind", "source", "at"], name="publicattempt_idx")]

    def __str__(self) -> str:
        return f"{self.kind} at {self.at}"
