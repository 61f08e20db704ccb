from __future__ import annotations

from django.conf import settings
from django.db import models


class Country(models.Model):
    """A country's context for screening: admin-set flags and public indicators.

    `sanctioned` (comprehensive embargo or sanctioned government) makes any deal that
    touches the country a hard stop; `armed_conflict` calls for heightened due diligence.
    Both are set by admins; the indicators come from uploaded files with source and year.
    """

    iso2 = models.CharField(max_length=2, primary_key=True)
    iso3 = models.CharField(max_length=3, blank=True)
    name = models.CharField(max_length=120)
    sanctioned = models.BooleanField(default=False)
    armed_conflict = models.BooleanField(default=False)
    notes = models.TextField(blank=True, help_text="Why the flags are set, with the date checked")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return f"{self.name} ({self.iso2})"


class CountryIndicator(models.Model):
    """One public indicator for one country: the latest year with a value, and its source.

    Every indicator is oriented so that higher means better protection (lower risk).
    """

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(max_length=40)
    name = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField()
    value = models.FloatField()
    source = models.TextField()
    licence = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["country_id", "code"]
        constraints = [
            models.UniqueConstraint(fields=["country", "code"], name="indicator_country_code_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.code}={self.value} ({self.year})"


class CountryDataVersion(models.Model):
    """One change of the country data (an indicator file loaded, a flag changed by an
    admin). Every screening records the number in force, so a result can be traced to
    the country figures it used; version 0 is the data as shipped. Never changed."""

    number = models.PositiveIntegerField(unique=True)
    created_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=200, help_text="What changed the data")
    countries = models.JSONField(default=list, help_text="ISO2 codes whose data changed")
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"country data v{self.number} ({self.created_at:%Y-%m-%d})"
