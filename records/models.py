from __future__ import annotations

from django.conf import settings
from django.db import models


class AuthorityNotification(models.Model):
    """A notification to the competent authority (EU Regulation 2021/821 Art. 5).

    Opened when a reviewer records that the company has become aware that the deal's
    items are or may be meant for internal repression or serious violations of human
    rights (with the reason); drafted from the case, edited, marked sent with its date and
    reference, and closed when the authority's answer is recorded. While it is open the
    deal is held where it is (`opportunities.workflow.opportunity_hold_register`). Part of
    the deal's record: never deleted within retention.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Drafted, not yet sent"
        SENT = "sent", "Sent, awaiting the authority's answer"
        ANSWERED = "answered", "Answered"

    class Outcome(models.TextChoices):
        NO_OBJECTION = "no_objection", "No objection: the deal may proceed as decided"
        PROHIBITED = "prohibited", "Not authorised: the deal must not go ahead"

    opportunity = models.ForeignKey(
        "opportunities.Opportunity",
        on_delete=models.PROTECT,
        related_name="authority_notifications",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    awareness_reason = models.TextField(max_length=5000)
    aware_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aware_at = models.DateTimeField()
    status_before = models.CharField(
        max_length=30, help_text="The deal's status when it was held; restored on no objection"
    )
    authority = models.CharField(max_length=300)
    subject = models.CharField(max_length=300)
    body = models.TextField(max_length=20000)
    sent_on = models.DateField(null=True, blank=True)
    sent_reference = models.CharField(max_length=200, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answer_outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    answer_text = models.TextField(blank=True, max_length=10000)
    answer_received_on = models.DateField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-aware_at", "-id"]
        constraints = [
            # One open notification per deal: the hold has one thing to wait for.
            models.UniqueConstraint(
                fields=["opportunity"],
                condition=~models.Q(status="answered"),
                name="authority_notification_one_open_per_deal",
            )
        ]

    def __str__(self) -> str:
        return f"AN-{self.pk} on deal {self.opportunity_id} ({self.status})"

    @property
    def reference(self) -> str:
        return f"AN-{self.pk:05d}"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.ANSWERED


class RetentionPurge(models.Model):
    """An admin's confirmation that a deal's record, its retention over, was purged.

    Kept after the deal is gone (with its reference, not a foreign key) so the purge
    itself stays on record; the audit trail holds its event too.
    """

    opportunity_id = models.BigIntegerField()
    reference = models.CharField(max_length=20)
    retention_ended_on = models.DateField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField()
    rows_deleted = models.JSONField(default=dict)

    class Meta:
        ordering = ["-confirmed_at"]

    def __str__(self) -> str:
        return f"{self.reference} purged {self.confirmed_at:%Y-%m-%d}"
