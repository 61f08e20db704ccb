from __future__ import annotations

import builtins

from django.conf import settings
from django.db import models
from django.db.models import Q


class RestrictedPartyList(models.Model):
    """One imported version of a restricted-party list (e.g. "OFAC SDN").

    At most one version per name is active (a partial unique constraint); an import
    activates the new version and deactivates the old one in the same transaction, so
    screening never sees both or neither. Old versions are kept for history: a screening
    result names the list version it matched.
    """

    class Format(models.TextChoices):
        OFAC_SDN = "ofac-sdn", "OFAC SDN (legacy CSV: sdn.csv, alt.csv, add.csv)"
        CSL = "csl", "US Consolidated Screening List (CSV)"
        OPENSANCTIONS = "opensanctions", "OpenSanctions (targets.simple.csv or FtM JSON lines)"
        SAMPLE = "sample", "Sample list (fictional names)"

    name = models.CharField(max_length=120)
    source_format = models.CharField(max_length=20, choices=Format.choices)
    imported_at = models.DateTimeField()
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entry_count = models.PositiveIntegerField(default=0)
    row_counts = models.JSONField(
        default=dict, blank=True, help_text="Records in the file: rows = entries + skipped"
    )
    is_active = models.BooleanField(default=False)
    file_name = models.CharField(max_length=500, blank=True)
    file_sha256 = models.CharField(
        max_length=64, blank=True, help_text="SHA-256 of the file (of the files' hashes for OFAC)"
    )
    warnings = models.JSONField(
        default=list, blank=True, help_text="Oddities found on import that did not refuse it"
    )

    class Meta:
        ordering = ["name", "-imported_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["name"], condition=Q(is_active=True), name="one_active_list_per_name"
            )
        ]

    def __str__(self) -> str:
        state = "active" if self.is_active else "inactive"
        return f"{self.name} ({self.imported_at:%Y-%m-%d %H:%M}, {state})"


class RestrictedPartyEntry(models.Model):
    """One listed party. Read-only after import: a new list version brings new rows.

    `name_key` and `alias_keys` are `matching.name_key()` of `name` and of each alias
    (same order as `aliases`) as read on import, for looking rows up by hand; the matcher
    does not read them: its index reads the names again, and is built again when the
    reading of names changes (`index_files`).
    """

    class EntityType(models.TextChoices):
        INDIVIDUAL = "individual", "Individual"
        ENTITY = "entity", "Entity"
        VESSEL = "vessel", "Vessel"
        AIRCRAFT = "aircraft", "Aircraft"
        UNKNOWN = "unknown", "Unknown"

    list = models.ForeignKey(RestrictedPartyList, on_delete=models.CASCADE, related_name="entries")
    source_id = models.CharField(
        max_length=100, help_text="The source's own identifier (e.g. OFAC ent_num)"
    )
    name = models.CharField(max_length=1000)
    aliases = models.JSONField(default=builtins.list, blank=True)
    countries = models.JSONField(
        default=builtins.list, blank=True, help_text="ISO 3166-1 alpha-2 codes"
    )
    entity_type = models.CharField(
        max_length=20, choices=EntityType.choices, default=EntityType.UNKNOWN
    )
    programs = models.TextField(blank=True)
    remarks = models.TextField(blank=True)
    name_key = models.CharField(max_length=1000, blank=True)
    alias_keys = models.JSONField(default=builtins.list, blank=True)
    weak_aliases = models.JSONField(
        default=builtins.list,
        blank=True,
        help_text="Nicknames and acronyms (OFAC's a.k.a. 'XYZ' remarks): matched only exactly",
    )

    class Meta:
        ordering = ["list_id", "id"]
        indexes = [models.Index(fields=["list", "source_id"])]
        verbose_name_plural = "restricted-party entries"

    def __str__(self) -> str:
        return f"{self.name} ({self.source_id})"


class FalsePositive(models.Model):
    """A reviewer's finding that a party is not the listed entry it was matched to.

    Screening drops a match when a FalsePositive exists for the same normalised party
    name, the same list name and source_id, and the same normalised entry name, so the
    finding survives a re-import of the list but not a change of the listed name (which
    deserves a fresh look). A reason is always given.
    """

    party_name = models.CharField(max_length=500)
    party_name_key = models.CharField(max_length=500, db_index=True)
    entry = models.ForeignKey(
        RestrictedPartyEntry, on_delete=models.PROTECT, related_name="false_positives"
    )
    list_name = models.CharField(max_length=120)
    source_id = models.CharField(max_length=100)
    entry_name_key = models.CharField(max_length=1000)
    reason = models.TextField()
    opportunity_id = models.BigIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["party_name_key", "list_name", "source_id", "entry_name_key"],
                name="false_positive_once_per_party_and_entry",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="false_positive_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.party_name} ≠ {self.list_name} {self.source_id}"


class MatchThresholds(models.Model):
    """The two score thresholds of restricted-party screening, edited by admins.

    One row (pk 1). A party scoring at least `match` against a list entry is a match (a
    hard stop); at least `possible_match` and below `match` a possible match (the deal is
    routed to review without being blocked). `possible_match` <= `match` always. Each
    screening records the thresholds it used in its snapshot.
    """

    match = models.FloatField(help_text="Score (0-100) at or above which a party matches")
    possible_match = models.FloatField(
        help_text="Score (0-100) at or above which a party is a possible match"
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "restricted-party match thresholds"
        verbose_name_plural = "restricted-party match thresholds"
        constraints = [
            models.CheckConstraint(
                condition=Q(possible_match__lte=models.F("match"))
                & Q(possible_match__gte=0)
                & Q(match__lte=100),
                name="match_thresholds_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"match ≥ {self.match:g}, possible match ≥ {self.possible_match:g}"
