"""The roles a person can hold, and the named groups of them that every app uses.

No model and no query here: the user model, every app's policies, review routing and
single sign-on take roles from this module instead of typing role names of their own.
"""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    SALES_REP = "sales_rep", "Sales rep"
    PARTNER_USER = "partner_user", "Partner user"
    REVIEWER = "reviewer", "Compliance reviewer"
    SENIOR_REVIEWER = "senior_reviewer", "Senior reviewer / human-rights lead"
    COMMITTEE = "committee", "Executive committee member"
    ADMIN = "admin", "Admin"


# Compliance staff, in ascending authority (escalation and four eyes rank them).
COMPLIANCE_ROLES: tuple[Role, ...] = (
    Role.REVIEWER,
    Role.SENIOR_REVIEWER,
    Role.COMMITTEE,
    Role.ADMIN,
)
# Who works review cases and may own a case's conditions (admins administer).
CASE_WORKER_ROLES: tuple[Role, ...] = (Role.REVIEWER, Role.SENIOR_REVIEWER, Role.COMMITTEE)
# How far each compliance role may decide; a superuser counts as an admin.
AUTHORITY: dict[Role, int] = {role: rank for rank, role in enumerate(COMPLIANCE_ROLES, start=1)}
# The role that works each escalation level (1 compliance, 2 senior, 3 committee).
LEVEL_ROLES: dict[int, Role] = dict(enumerate(CASE_WORKER_ROLES, start=1))
# The vendor's own staff, highest authority first: a person in two identity-provider
# groups gets the higher role.
VENDOR_ROLES: tuple[Role, ...] = (*reversed(COMPLIANCE_ROLES), Role.SALES_REP)
PARTNER_ROLE = Role.PARTNER_USER
