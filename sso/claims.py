"""Reading role and organisation from an identity provider's claims (plain Python).

The mapping is configuration: OIDC_ROLE_CLAIM names the claim (a string or a list, e.g.
`groups` or `roles`), OIDC_ROLE_MAP maps its values to roles
(`hrdd-reviewers=reviewer,hrdd-partners=partner_user`); OIDC_ORGANISATION_CLAIM names the
claim whose value an admin maps to an organisation (SsoOrganisation).
"""

from __future__ import annotations

from accounts.roles import PARTNER_ROLE, VENDOR_ROLES


class SsoRefused(Exception):
    """The provider vouched for someone this application must not sign in; the message
    is shown on the sign-in page."""


def parse_role_map(text: str) -> dict[str, str]:
    """'group=role,group2=role2' -> {group: role}; unknown roles fail at start-up."""
    mapping = {}
    for item in filter(None, (part.strip() for part in (text or "").split(","))):
        value, _, role = item.rpartition("=")
        role = role.strip()
        if not value or role not in (*VENDOR_ROLES, PARTNER_ROLE):
            raise ValueError(f"OIDC_ROLE_MAP: {item!r} is not value=role with a known role")
        mapping[value.strip()] = role
    return mapping


def claim_values(claims: dict, name: str) -> list[str]:
    """A claim as a list of strings; dotted names reach into objects (realm_access.roles)."""
    value = claims
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, str | int)]
    return []


def role_from_claims(claims: dict, *, claim: str, role_map: dict[str, str]) -> str:
    roles = {role_map[v] for v in claim_values(claims, claim) if v in role_map}
    if not roles:
        raise SsoRefused("Your account has no role in this application; ask your administrator.")
    if PARTNER_ROLE in roles and len(roles) > 1:
        raise SsoRefused("Your account is both a partner and vendor staff; ask your administrator.")
    if roles == {PARTNER_ROLE}:
        return PARTNER_ROLE
    return next(r for r in VENDOR_ROLES if r in roles)


def organisation_value(claims: dict, *, claim: str) -> str | None:
    values = claim_values(claims, claim)
    if len(values) > 1:
        raise SsoRefused("Your account names more than one organisation; ask your administrator.")
    return values[0] if values else None
