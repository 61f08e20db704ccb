"""Signing a person in from the identity provider's claims: find, link or create the user.

Rules that always hold:
- The provider's subject identifies the person; an email links an existing account only
  when the provider says it is verified.
- The organisation comes from an admin's mapping (SsoOrganisation); an unknown value is
  refused, never created. A partner user belongs to a channel partner (distributor,
  reseller, integrator, agent), vendor staff to the vendor.
- An account already in one organisation is never moved to another by a claim: that
  sign-in is refused and recorded.
- Every creation, link, role change and refusal is an audit event.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import audit_record
from partners.models import Organisation

from .claims import PARTNER_ROLE, SsoRefused, organisation_value, role_from_claims
from .models import SsoIdentity, SsoOrganisation

PARTNER_ORG_ROLES = ("distributor", "reseller", "integrator", "agent")


def _organisation(claims: dict, role: str) -> Organisation:
    value = organisation_value(claims, claim=settings.OIDC_ORGANISATION_CLAIM)
    if value is None and role != PARTNER_ROLE:
        vendors = list(Organisation.objects.filter(role="vendor")[:2])
        if len(vendors) == 1:  # vendor staff: the vendor, when the claim is left out
            return vendors[0]
    if value is None:
        raise SsoRefused("Your account names no organisation; ask your administrator.")
    mapped = SsoOrganisation.objects.select_related("organisation").filter(claim_value=value)
    org = mapped.first()
    if org is None:
        raise SsoRefused(
            "Your organisation is not registered for single sign-on; ask the vendor's "
            "channel team to add it."
        )
    org = org.organisation
    if role == PARTNER_ROLE and org.role not in PARTNER_ORG_ROLES:
        raise SsoRefused("Partner accounts belong to a channel partner organisation.")
    if role != PARTNER_ROLE and org.role != "vendor":
        raise SsoRefused("Vendor roles belong to the vendor's own staff.")
    return org


def _username(claims: dict) -> str:
    base = claims.get("preferred_username") or claims["email"].split("@")[0]
    base = re.sub(r"[^\w.@+-]", "", str(base))[:120] or "user"
    name, n = base, 1
    while User.objects.filter(username__iexact=name).exists():
        n += 1
        name = f"{base}{n}"
    return name


def _refusal_record(reason: str, *, issuer: str, claims: dict, user: User | None = None):
    audit_record(
        actor=user,
        action="sso.refused",
        object_type="user",
        object_id=user.pk if user else "",
        changes={
            "issuer": issuer,
            "subject": str(claims.get("sub", ""))[:200],
            "email": str(claims.get("email", ""))[:200],
            "reason": reason,
        },
    )


def sso_user_resolve(*, issuer: str, claims: dict) -> User:
    """The user these verified claims sign in (found, linked or created), or SsoRefused.
    Refusals are recorded even though the sign-in fails (their own transaction)."""
    try:
        with transaction.atomic():
            return _resolve(issuer=issuer, claims=claims)
    except SsoRefused as exc:
        with transaction.atomic():
            _refusal_record(str(exc), issuer=issuer, claims=claims)
        raise


def _resolve(*, issuer: str, claims: dict) -> User:
    subject = str(claims.get("sub") or "")
    if not subject:
        raise SsoRefused("The identity provider sent no subject.")
    role = role_from_claims(claims, claim=settings.OIDC_ROLE_CLAIM, role_map=settings.OIDC_ROLE_MAP)
    org = _organisation(claims, role)
    identity = SsoIdentity.objects.select_related("user").filter(issuer=issuer, subject=subject)
    identity = identity.first()
    user = identity.user if identity else _link_by_email(claims)
    if user is None:
        return _create(issuer=issuer, subject=subject, claims=claims, role=role, org=org)
    if not user.is_active:
        raise SsoRefused("Your account here is deactivated.")
    if user.organisation_id and user.organisation_id != org.pk:
        raise SsoRefused(
            "Your identity provider names another organisation than your account here; "
            "ask the vendor's channel team."
        )
    changes = {}
    if user.role != role:
        changes["role"] = [user.role, role]
    if user.organisation_id is None:
        changes["organisation_id"] = [None, org.pk]
    if changes:
        User.objects.filter(pk=user.pk).update(role=role, organisation=org)
        user.role, user.organisation = role, org
        audit_record(
            actor=None,
            action="user.changed_by_sso",
            object_type="user",
            object_id=user.pk,
            changes=changes,
        )
    if identity is None:
        SsoIdentity.objects.create(issuer=issuer, subject=subject, user=user)
        audit_record(
            actor=None,
            action="user.sso_linked",
            object_type="user",
            object_id=user.pk,
            changes={"issuer": issuer, "subject": subject},
        )
    else:
        SsoIdentity.objects.filter(pk=identity.pk).update(last_seen_at=timezone.now())
    return user


def _verified_email(claims: dict) -> str:
    email = str(claims.get("email") or "").strip()
    if not email or claims.get("email_verified") is not True:
        raise SsoRefused(
            "Your identity provider has not verified your email address; ask your administrator."
        )
    return email


def _link_by_email(claims: dict) -> User | None:
    email = _verified_email(claims)
    users = list(User.objects.filter(email__iexact=email)[:2])
    if len(users) > 1:
        raise SsoRefused("Two accounts here share your email address; ask the vendor's admins.")
    return users[0] if users else None


def _create(*, issuer: str, subject: str, claims: dict, role: str, org: Organisation) -> User:
    if not settings.OIDC_CREATE_USERS:
        raise SsoRefused("You have no account here yet; ask the vendor's admins for one.")
    email = _verified_email(claims)
    user = User(
        username=_username(claims),
        email=email,
        role=role,
        organisation=org,
        first_name=str(claims.get("given_name", ""))[:150],
        last_name=str(claims.get("family_name", ""))[:150],
    )
    user.set_unusable_password()  # signs in through the provider only
    user.save()
    SsoIdentity.objects.create(issuer=issuer, subject=subject, user=user)
    audit_record(
        actor=None,
        action="user.created_by_sso",
        object_type="user",
        object_id=user.pk,
        changes={"issuer": issuer, "subject": subject, "role": role, "organisation_id": org.pk},
    )
    return user
