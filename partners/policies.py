"""Who reads which organisations. The register names partners and the end customers that
partners typed into their deals: it is not for everyone.

- Compliance staff: every organisation.
- Sales reps: the vendor's channel register (distributors, resellers, integrators, agents,
  the vendor), not end customers; those they see on their own deals.
- Partner users: their own organisation.
- Anyone else: none.
"""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.policies import is_compliance, is_sales_rep, partner_organisation_id
from taxonomy import INTERMEDIARY_ROLES

from .models import Organisation


def organisations_visible_to(user) -> QuerySet[Organisation]:
    qs = Organisation.objects.all()
    if is_compliance(user):
        return qs
    if is_sales_rep(user):
        return qs.filter(role__in=[*INTERMEDIARY_ROLES, "vendor"])
    org_id = partner_organisation_id(user)
    if org_id:
        return qs.filter(pk=org_id)
    return qs.none()
