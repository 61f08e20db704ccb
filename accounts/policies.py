"""Roles, in one place: who counts as compliance staff, a sales rep, a partner user.

Every app's `policies.py` builds its read scopes (`*_visible_to(user)`) and write checks
(`why_not_<verb>(user, obj)`) from these predicates, never from role strings of its own.
An account that is signed out, inactive, or has no role (or a partner role without an
organisation) passes none of them, so it sees nothing and may do nothing.
"""

from __future__ import annotations

from django.db.models import Q

from .roles import CASE_WORKER_ROLES, COMPLIANCE_ROLES, Role  # noqa: F401 - re-exported


def is_signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_compliance(user) -> bool:
    """Reviewers, senior reviewers, committee members and admins (and superusers)."""
    return is_signed_in(user) and user.is_reviewer


def is_admin(user) -> bool:
    return is_signed_in(user) and user.is_admin


def is_sales_rep(user) -> bool:
    return is_signed_in(user) and user.is_sales_rep


def partner_organisation_id(user) -> int | None:
    """The channel organisation a partner user acts for, or None."""
    if is_signed_in(user) and user.is_partner_user and user.organisation_id:
        return user.organisation_id
    return None


def has_role(user) -> bool:
    """May this account use the application at all (beyond its own inbox)?"""
    return is_compliance(user) or is_sales_rep(user) or partner_organisation_id(user) is not None


def compliance_staff_q() -> Q:
    """Compliance staff as a filter on users."""
    return Q(role__in=COMPLIANCE_ROLES) | Q(is_superuser=True)


def is_human_rights_lead(user) -> bool:
    """The senior reviewer role: the human-rights lead, who alone sees who reported
    misuse and what they sent (reporters' safety comes first)."""
    return is_signed_in(user) and user.role == Role.SENIOR_REVIEWER
