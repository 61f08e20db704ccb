from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from .roles import COMPLIANCE_ROLES, Role


class Team(models.Model):
    """A sales team. A sales rep sees the deals they own and those of their team."""

    name = models.CharField(max_length=120, unique=True)

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who signs in. Their role decides what they may see and do.

    A partner user always belongs to one channel organisation (a distributor, reseller,
    integrator or agent); vendor staff belong to the vendor organisation.
    """

    Role = Role

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.SALES_REP)
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text="The organisation this person works for (required for partner users).",
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    language = models.CharField(
        max_length=10,
        blank=True,
        default="",
        help_text="The language this person last chose (emails and notifications use it).",
    )

    REVIEWER_ROLES = COMPLIANCE_ROLES  # the group `is_reviewer` checks (accounts.roles)

    @property
    def is_partner_user(self) -> bool:
        return self.role == self.Role.PARTNER_USER

    @property
    def is_sales_rep(self) -> bool:
        return self.role == self.Role.SALES_REP

    @property
    def is_reviewer(self) -> bool:
        return self.role in self.REVIEWER_ROLES or self.is_superuser

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN or self.is_superuser
