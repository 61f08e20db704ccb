from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower

from taxonomy import CHANNEL_ROLES, PARTNER_ASSESSMENT, PARTNER_MATURITY, choices


class Organisation(models.Model):
    """An organisation in the sales channel: the vendor, a distributor, reseller,
    integrator or agent, or an end customer.

    Identity is the (case-insensitive) name within a country, so a partner named on many
    deals is one row, and a partner user's visibility follows that row.
    """

    Role = models.TextChoices("Role", [(c.upper(), (c, n)) for c, n in choices(CHANNEL_ROLES)])
    Maturity = models.TextChoices(
        "Maturity", [(c.upper(), (c, c.title())) for c in PARTNER_MATURITY]
    )
    Assessment = models.TextChoices(
        "Assessment", [(c.upper(), (c, n)) for c, n in PARTNER_ASSESSMENT.items()]
    )

    name = models.CharField(max_length=200)
    country = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2")
    role = models.CharField(max_length=20, choices=Role.choices)
    # Whether the factors below were measured. Until a due-diligence questionnaire is
    # accepted (or a reviewer records an assessment) they are defaults, not findings, and
    # the rules read them as unknown (partners.not_assessed), never as "no programme".
    dd_status = models.CharField(
        "due-diligence assessment",
        max_length=20,
        choices=Assessment.choices,
        default=Assessment.NOT_ASSESSED,
    )
    # Partner factors of the domain notes; they feed the partner criteria.
    hrdd_maturity = models.CharField(max_length=20, choices=Maturity.choices, default=Maturity.NONE)
    prior_incident = models.BooleanField(
        default=False, help_text="Diversion, enforcement action or a listed affiliate"
    )
    refused_flow_down = models.BooleanField(
        default=False, help_text="Refused flow-down clauses or audit"
    )
    staff_trained = models.BooleanField(default=False, help_text="HRDD / export training done")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "country", name="organisation_name_country_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"
