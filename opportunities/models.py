from __future__ import annotations

from django.conf import settings
from django.db import models

from taxonomy import END_USE_STATEMENTS, END_USER_TYPES, choices


class Product(models.Model):
    """A catalogue product. Its capabilities (taxonomy codes) decide its base severity;
    deals take them from here, so a rep cannot under-declare a catalogue product."""

    sku = models.CharField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    vendor = models.CharField(max_length=120, default="")
    description = models.TextField(blank=True)
    capabilities = models.JSONField(default=list)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["sku"]

    def __str__(self) -> str:
        return f"{self.sku} {self.name}"


class Opportunity(models.Model):
    """A sales opportunity (deal) as registered by a sales rep, a partner user or a CRM.

    The end customer is kept as declared on the deal (name, country, type, sector) and
    also linked to its organisation row. A deal is never saved without its screening:
    the registration service screens it in the same transaction.
    """

    class Status(models.TextChoices):
        NEW = "new", "Registered, not yet screened"
        CLEARED = "cleared", "Cleared"
        IN_REVIEW = "in_review", "In review"
        ON_HOLD = "on_hold", "On hold (heightened due diligence)"
        BLOCKED = "blocked", "Blocked (hard stop)"
        APPROVED = "approved", "Approved"
        APPROVED_WITH_CONDITIONS = "approved_with_conditions", "Approved with conditions"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn"

    EndUserType = models.TextChoices(
        "EndUserType", [(c.upper(), (c, n)) for c, n in choices(END_USER_TYPES)]
    )
    EndUseStatement = models.TextChoices(
        "EndUseStatement", [(c.upper(), (c, n)) for c, n in END_USE_STATEMENTS.items()]
    )

    reference = models.CharField(max_length=20, unique=True, editable=False)
    external_id = models.CharField(max_length=100, blank=True, default="")
    title = models.CharField(max_length=200)
    # Found through `opportunity_owner_new_idx` and `opportunity_submitter_idx`, whose
    # first columns they are: no index of their own to write with every deal.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="opportunities",
        db_index=False,
    )
    # The organisation that registered the deal: the vendor for its reps, the partner
    # for partner users. `external_id` is unique per submitting organisation.
    submitted_by_organisation = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.PROTECT,
        related_name="submitted_opportunities",
        db_index=False,
    )
    end_customer = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="end_customer_opportunities"
    )
    end_customer_name = models.CharField(max_length=200)
    end_customer_country = models.CharField(max_length=2)
    end_user_type = models.CharField(max_length=30, choices=EndUserType.choices)
    end_customer_sector = models.CharField(max_length=120, blank=True)
    delivery_country = models.CharField(max_length=2)
    intended_use = models.JSONField(default=list)
    use_description = models.TextField(blank=True, max_length=5000)
    # Where the deal came from when no person typed it (an import's file, line and sale
    # date). Shown as the deal's origin and never read for red flags: a file named
    # "protesters.xlsx" says nothing about the deal's use.
    # A database default too, so rows written without it (COPY, bulk loaders) are valid.
    provenance = models.TextField(blank=True, default="", db_default="", max_length=1000)
    value_amount = models.DecimalField(max_digits=14, decimal_places=2)
    value_currency = models.CharField(max_length=3)
    expected_close_date = models.DateField(null=True, blank=True)
    customization = models.BooleanField(
        default=False, help_text="Custom development or integration services are included"
    )
    end_use_statement = models.CharField(
        max_length=10, choices=EndUseStatement.choices, default="none"
    )
    declared_red_flags = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.NEW)
    current_screening = models.ForeignKey(
        "rules.Screening", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "opportunities"
        constraints = [
            models.UniqueConstraint(
                fields=["submitted_by_organisation", "external_id"],
                condition=~models.Q(external_id=""),
                name="opportunity_external_id_per_org_uniq",
            )
        ]
        # Each index is written with every deal and again when its status moves, so none
        # is the first columns of another (docs/benchmark-history.md "Indexes a registration writes").
        indexes = [
            models.Index(fields=["end_customer_country"]),
            # The lists' order (newest first), alone and under their usual filters.
            models.Index(fields=["-created_at", "-id"], name="opportunity_newest_idx"),
            models.Index(fields=["owner", "-created_at"], name="opportunity_owner_new_idx"),
            models.Index(fields=["status", "-created_at"], name="opportunity_status_new_idx"),
            models.Index(
                fields=["submitted_by_organisation", "-created_at"],
                name="opportunity_submitter_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @staticmethod
    def reference_for(pk: int) -> str:
        """The reference the database gives a deal inserted without one (migration 0003)."""
        return f"D-{pk:06d}"


class OpportunityLine(models.Model):
    """One product line. A catalogue line copies the catalogue's capabilities at
    registration; a free line (another vendor's product) carries its declared ones."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField()
    product = models.ForeignKey(Product, null=True, blank=True, on_delete=models.PROTECT)
    sku = models.CharField(max_length=60, blank=True)
    name = models.CharField(max_length=200)
    capabilities = models.JSONField(default=list)
    quantity = models.PositiveIntegerField()

    class Meta:
        ordering = ["opportunity_id", "position"]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.name}"


class ChannelEntry(models.Model):
    """One organisation in the deal's path from vendor to end customer, in order."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="channel")
    position = models.PositiveSmallIntegerField()
    # Found through the (organisation, opportunity) index below, its first column.
    organisation = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.PROTECT,
        related_name="channel_entries",
        db_index=False,
    )
    role = models.CharField(max_length=20)
    name = models.CharField(max_length=200)
    country = models.CharField(max_length=2)

    class Meta:
        ordering = ["opportunity_id", "position"]
        indexes = [models.Index(fields=["organisation", "opportunity"])]

    def __str__(self) -> str:
        return f"{self.position}. {self.name} ({self.role}, {self.country})"
