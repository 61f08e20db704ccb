"""Continuous due diligence: re-screening runs started by changes in the world (a list
update, new country data, published criteria, a partner's factors), what they changed,
approvals whose basis changed, organisations found on a list, scheduled list imports.

A run is planned once (its deals split into chunks) and each chunk is one outbox task in
one transaction, so a killed worker's chunk is redone whole and never counted twice.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class RescreenRun(models.Model):
    """One background re-screening, started in the transaction of the change that caused
    it. Counts say how many deals were checked and how many changed tier each way;
    `label` names the trigger as reviewers read it ("OFAC SDN, version of Nov 20, 2026")."""

    class Trigger(models.TextChoices):
        LIST_UPDATE = "list_update", "Restricted-party list imported or updated"
        COUNTRY_DATA = "country_data", "Country data updated"
        CRITERIA_PUBLISHED = "criteria_published", "Criteria version published"
        PARTNER_FACTORS = "partner_factors", "Channel organisation's factors changed"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    trigger = models.CharField(max_length=30, choices=Trigger.choices)
    label = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What changed: one of these, by trigger.
    restricted_party_list = models.ForeignKey(
        "restricted_parties.RestrictedPartyList",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    previous_list = models.ForeignKey(
        "restricted_parties.RestrictedPartyList",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    criteria_version = models.ForeignKey(
        "rules.CriteriaVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    country_data_version = models.PositiveIntegerField(null=True, blank=True)
    countries = models.JSONField(default=list, blank=True)
    organisation_ids = models.JSONField(default=list, blank=True)
    scope = models.JSONField(
        default=dict, blank=True, help_text="How the deals were chosen (look-back, delta)"
    )
    total = models.PositiveIntegerField(default=0, help_text="Deals in scope")
    done = models.PositiveIntegerField(default=0, help_text="Deals checked")
    raised = models.PositiveIntegerField(default=0, help_text="Deals whose tier rose")
    lowered = models.PositiveIntegerField(default=0, help_text="Deals whose tier fell")
    changed_same_tier = models.PositiveIntegerField(
        default=0, help_text="Deals with a new or removed finding or match at the same tier"
    )
    reopened = models.PositiveIntegerField(default=0, help_text="Decided deals reopened")
    organisations_matched = models.PositiveIntegerField(default=0)
    chunks_total = models.PositiveIntegerField(default=0)
    chunks_done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Re-screen {self.pk}: {self.label} ({self.status})"

    @property
    def unchanged(self) -> int:
        return max(self.done - self.raised - self.lowered - self.changed_same_tier, 0)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0


class RescreenChunk(models.Model):
    """A slice of a run's deals, re-screened by one task in one transaction."""

    run = models.ForeignKey(RescreenRun, on_delete=models.CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    deal_ids = models.JSONField(default=list)
    done = models.BooleanField(default=False)

    class Meta:
        ordering = ["run_id", "index"]
        constraints = [
            models.UniqueConstraint(fields=["run", "index"], name="rescreen_chunk_once_per_run")
        ]

    def __str__(self) -> str:
        return f"chunk {self.index} of run {self.run_id}"


class RescreenOrganisationChunk(models.Model):
    """A slice of the organisations a list update screens against what its new version
    added or changed, by one task in one transaction; `hits` keeps the organisations
    found, whose deals the run then re-screens."""

    run = models.ForeignKey(
        RescreenRun, on_delete=models.CASCADE, related_name="organisation_chunks"
    )
    index = models.PositiveIntegerField()
    organisation_ids = models.JSONField(default=list)
    hits = models.JSONField(default=list, blank=True)
    done = models.BooleanField(default=False)

    class Meta:
        ordering = ["run_id", "index"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "index"], name="rescreen_organisation_chunk_once_per_run"
            )
        ]

    def __str__(self) -> str:
        return f"organisation chunk {self.index} of run {self.run_id}"


class RescreenChange(models.Model):
    """A deal whose screening changed in a run: its tier before and after, and what changed,
    in reviewers' words (it may name restricted-party matches: compliance only)."""

    class Direction(models.TextChoices):
        UP = "up", "Tier rose"
        DOWN = "down", "Tier fell"
        SAME = "same", "Same tier, findings changed"

    run = models.ForeignKey(RescreenRun, on_delete=models.CASCADE, related_name="changes")
    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="rescreen_changes"
    )
    screening = models.ForeignKey("rules.Screening", on_delete=models.PROTECT, related_name="+")
    from_tier = models.CharField(max_length=12)
    to_tier = models.CharField(max_length=12)
    direction = models.CharField(max_length=4, choices=Direction.choices)
    summary = models.TextField()
    reopened = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["run_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "opportunity"], name="rescreen_change_once_per_deal"
            )
        ]
        indexes = [models.Index(fields=["opportunity", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.opportunity_id}: {self.from_tier} → {self.to_tier}"


class ListDelta(models.Model):
    """What a new version of a restricted-party list added, changed and removed compared
    with the version it replaced (by the source's own identifiers)."""

    restricted_party_list = models.OneToOneField(
        "restricted_parties.RestrictedPartyList", on_delete=models.CASCADE, related_name="delta"
    )
    previous = models.ForeignKey(
        "restricted_parties.RestrictedPartyList",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    added = models.JSONField(default=list, help_text="[source_id, name] of new entries")
    changed = models.JSONField(default=list, help_text="[source_id, name] of changed entries")
    removed = models.JSONField(default=list, help_text="[source_id, name] of removed entries")
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return (
            f"+{len(self.added)} ~{len(self.changed)} -{len(self.removed)} "
            f"({self.restricted_party_list_id})"
        )


class BasisChange(models.Model):
    """An approval whose basis changed after the decision (a new match, a country
    downgrade, a new finding). Shown as "basis changed" until a reviewer confirms the
    approval or revises it (which reopens the deal), or a new decision is made."""

    class Resolution(models.TextChoices):
        CONFIRMED = "confirmed", "Approval confirmed"
        REVISED = "revised", "Reopened for review"
        DECIDED_AGAIN = "decided_again", "Decided again after review"

    opportunity = models.ForeignKey(
        "opportunities.Opportunity", on_delete=models.CASCADE, related_name="basis_changes"
    )
    run = models.ForeignKey(
        RescreenRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField()
    created_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.CharField(max_length=20, choices=Resolution.choices, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["opportunity"], name="basischange_open_idx", condition=Q(resolved_at=None)
            )
        ]

    def __str__(self) -> str:
        return f"basis changed on {self.opportunity_id}"


class PartyFinding(models.Model):
    """A channel organisation or end customer found on a restricted-party list by a
    re-screening: a finding on the organisation itself, not only on its deals."""

    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="party_findings"
    )
    run = models.ForeignKey(
        RescreenRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    list_name = models.CharField(max_length=120)
    source_id = models.CharField(max_length=100)
    entry_name = models.CharField(max_length=1000)
    band = models.CharField(max_length=20)
    score = models.FloatField()
    found_at = models.DateTimeField()

    class Meta:
        ordering = ["-found_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "list_name", "source_id"], name="party_finding_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} on {self.list_name} {self.source_id}"


class ConditionLapse(models.Model):
    """A condition of an approval that bit: overdue past its grace period, or its
    evidence rejected, and the deal reopened for review. Once per condition and cause,
    so the sweep never reopens a deal twice for the same lapse."""

    class Cause(models.TextChoices):
        OVERDUE = "overdue", "Overdue past the grace period"
        EVIDENCE_REJECTED = "evidence_rejected", "Evidence rejected"

    condition = models.ForeignKey(
        "reviews.CaseCondition", on_delete=models.CASCADE, related_name="+"
    )
    cause = models.CharField(max_length=20, choices=Cause.choices)
    occurred_at = models.DateTimeField()
    reopened = models.BooleanField(default=False)

    class Meta:
        ordering = ["-occurred_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["condition", "cause"],
                condition=Q(cause="overdue"),
                name="condition_lapse_overdue_once",
            )
        ]

    def __str__(self) -> str:
        return f"condition {self.condition_id} {self.cause}"


class ListImportSchedule(models.Model):
    """A restricted-party list imported on a schedule from a file path or URL (beat).

    The import runs only when the file's content changed (its hash), through the same
    service as an admin's upload, so it is validated, audited and re-screens as one."""

    list_name = models.CharField(max_length=120)
    source_format = models.CharField(max_length=20, help_text="ofac-sdn, csl, opensanctions")
    location = models.CharField(
        max_length=1000, help_text="A local path (a folder for OFAC) or an http(s)/file URL"
    )
    every_hours = models.PositiveIntegerField(default=24)
    enabled = models.BooleanField(default=True)
    periodic_task = models.OneToOneField(
        "django_celery_beat.PeriodicTask",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_checked_at = models.DateTimeField(null=True, blank=True)
    last_result = models.TextField(blank=True)
    last_sha256 = models.CharField(max_length=64, blank=True)

    def __str__(self) -> str:
        return f"{self.list_name} from {self.location} every {self.every_hours} h"
