"""Who a person is at the identity provider, and which organisation its values name."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class SsoIdentity(models.Model):
    """A provider's account (issuer + subject) linked to one user. The subject, not the
    email, identifies a person: an email can be reassigned or typed by anyone."""

    issuer = models.CharField(max_length=300)
    subject = models.CharField(max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sso_identities"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="sso_identity_unique")
        ]
        verbose_name_plural = "SSO identities"

    def __str__(self) -> str:
        return f"{self.subject} at {self.issuer} -> {self.user}"


class SsoOrganisation(models.Model):
    """The organisation a value of the provider's organisation claim stands for (e.g. an
    Entra tenant id, an Okta group, a Keycloak attribute). A value not listed here signs
    nobody in: an unknown organisation is refused, never created."""

    claim_value = models.CharField(max_length=200, unique=True)
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.PROTECT, related_name="sso_values"
    )

    class Meta:
        verbose_name = "SSO organisation value"

    def __str__(self) -> str:
        return f"{self.claim_value} -> {self.organisation}"
