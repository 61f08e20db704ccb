"""A channel partner's due-diligence questionnaire, its evidence and its review.

The answers and the evidence are the partner's own record: its users write them, and
they can be exported as a signed document and imported by another installation. The
review (accepted or returned, the maturity it gives, the reviewer's note) is the
vendor's. `vendor` names the vendor a round was answered for, so an installation
serving several vendors adds rows, not a new profile model.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q

from taxonomy import PARTNER_MATURITY

from .scoring import EVIDENCE_KINDS, PROGRAMMES


class Questionnaire(models.Model):
    """One round of a partner's questionnaire: sent by compliance, answered by the
    partner's users, accepted or returned by compliance.

    At most one round per organisation is open (sent, submitted or returned) at a time.
    Only `workflow.questionnaire_transition` changes `status`. `reviewer_note` is for
    compliance staff only and is never shown to the partner.
    """

    class Status(models.TextChoices):
        SENT = "sent", "Sent, waiting for the partner"
        SUBMITTED = "submitted", "Answered, waiting for review"
        RETURNED = "returned", "Returned to the partner"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined by the partner"

    Programme = models.TextChoices(
        "Programme", [(c.upper(), (c, n)) for c, n in PROGRAMMES.items()]
    )
    Maturity = models.TextChoices(
        "Maturity", [(c.upper(), (c, c.title())) for c in PARTNER_MATURITY]
    )

    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="dd_questionnaires"
    )
    vendor = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="The vendor this round was answered for (empty: this installation's vendor)",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SENT)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    # The partner's answers (its own record).
    programme = models.CharField(max_length=20, choices=Programme.choices, blank=True)
    contact_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    staff_trained = models.BooleanField(null=True)
    trained_on = models.DateField(null=True, blank=True)
    screens_end_users = models.BooleanField(null=True)
    kyc_steps = models.TextField(max_length=4000, blank=True)
    flows_down_clauses = models.BooleanField(null=True)
    prior_incident = models.BooleanField(null=True)
    incident_details = models.TextField(max_length=4000, blank=True)
    accepts_audits = models.BooleanField(null=True)
    accepts_flow_down = models.BooleanField(null=True)
    decline_reason = models.TextField(max_length=4000, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Where the answers came from when imported from another installation's export.
    origin = models.CharField(max_length=200, blank=True)
    origin_signed_at = models.DateTimeField(null=True, blank=True)
    # The vendor's review.
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    message_to_partner = models.TextField(max_length=4000, blank=True)
    reviewer_note = models.TextField(max_length=4000, blank=True)
    maturity = models.CharField(max_length=20, choices=Maturity.choices, blank=True)
    reasons = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(status__in=["sent", "submitted", "returned"]),
                name="one_open_questionnaire_per_organisation",
            )
        ]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return f"Questionnaire {self.pk} of {self.organisation_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def answer_by(self):
        """When the partner is asked to have answered (PARTNER_DD_ANSWER_DAYS after sending)."""
        return self.requested_at + timedelta(days=settings.PARTNER_DD_ANSWER_DAYS)

    @property
    def answerable(self) -> bool:
        return self.status in (self.Status.SENT, self.Status.RETURNED)


OPEN_STATUSES = (
    Questionnaire.Status.SENT,
    Questionnaire.Status.SUBMITTED,
    Questionnaire.Status.RETURNED,
)
ANSWER_FIELDS = (
    "programme",
    "contact_name",
    "contact_email",
    "staff_trained",
    "trained_on",
    "screens_end_users",
    "kyc_steps",
    "flows_down_clauses",
    "prior_incident",
    "incident_details",
    "accepts_audits",
    "accepts_flow_down",
)


def _evidence_path(instance: Evidence, filename: str) -> str:
    return (
        f"partner-dd/{instance.questionnaire.organisation_id}/"
        f"{uuid.uuid4().hex}{Path(filename).suffix.lower()}"
    )


class Evidence(models.Model):
    """A file the partner attached to its answers (a policy, a training record, clauses).

    Checked like review evidence (pdf, png or jpg, by content, size-capped), stored under
    MEDIA_ROOT with a random name, served only to those who may see the questionnaire.
    """

    Kind = models.TextChoices("Kind", [(c.upper(), (c, n)) for c, n in EVIDENCE_KINDS.items()])

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="evidence"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    file = models.FileField(upload_to=_evidence_path, max_length=200)
    original_name = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"


class Affiliation(models.Model):
    """An ownership link recorded by compliance staff: `organisation` belongs to `parent`.

    One parent per organisation, never itself or its own descendant (the service checks),
    so the chain up from any organisation ends. Affiliates are organisations that share a
    parent. A listed affiliate is one of the domain notes' partner factors."""

    organisation = models.OneToOneField(
        "partners.Organisation", on_delete=models.CASCADE, related_name="affiliation"
    )
    parent = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="subsidiaries"
    )
    source = models.CharField(max_length=300, blank=True, help_text="Where the link is from")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.organisation_id} belongs to {self.parent_id}"
