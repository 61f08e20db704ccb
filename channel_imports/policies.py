"""Who sees and works on which bulk imports. Pages, the API, exports and the services all
ask here.

- Compliance staff: every import.
- Sales reps: imports they or members of their team uploaded (for any partner).
- Partner users: their own organisation's imports, whoever uploaded them.
- Anyone else: none.

How many lines were flagged or held for review, which lines could not become deals, and a
status that says lines are being registered for review are screening intelligence: for
compliance staff only (`sees_import_counts`); everyone else reads the tiers of their lines
as they are shown them.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.policies import is_compliance, is_sales_rep, partner_organisation_id
from partners.models import Organisation
from taxonomy import INTERMEDIARY_ROLES

from .models import ChannelImport


def is_import_staff(user) -> bool:
    """Vendor staff who may import for any partner: sales reps and compliance staff."""
    return is_sales_rep(user) or is_compliance(user)


def sees_import_counts(user) -> bool:
    """May this user read how many lines were flagged or held, and why a held line did not
    become a deal? The one decision behind the pages, the API, the exports and filters."""
    return is_compliance(user)


def imports_visible_to(user) -> QuerySet[ChannelImport]:
    qs = ChannelImport.objects.select_related("organisation", "uploaded_by")
    if is_compliance(user):
        return qs
    if is_sales_rep(user):
        mine = Q(uploaded_by=user)
        if user.team_id:
            mine |= Q(uploaded_by__team_id=user.team_id, uploaded_by__role=user.role)
        return qs.filter(mine)
    org_id = partner_organisation_id(user)
    if org_id:
        return qs.filter(organisation_id=org_id)
    return qs.none()


def organisations_for_upload(user) -> QuerySet[Organisation]:
    """The organisations this user may upload for."""
    if is_import_staff(user):
        return Organisation.objects.filter(role__in=INTERMEDIARY_ROLES)
    org_id = partner_organisation_id(user)
    if org_id:
        return Organisation.objects.filter(pk=org_id)
    return Organisation.objects.none()


def why_not_upload(user, organisation: Organisation) -> str | None:
    if not organisations_for_upload(user).filter(pk=organisation.pk).exists():
        return "You may upload files only for your own organisation."
    return None


def why_not_work_on(user, channel_import: ChannelImport) -> str | None:
    """Map, accept or discard: someone who sees the import and may upload for its partner."""
    if not (
        imports_visible_to(user).filter(pk=channel_import.pk).exists()
        and organisations_for_upload(user).filter(pk=channel_import.organisation_id).exists()
    ):
        return "Only the partner's own users and the vendor staff who uploaded it may work on this import."
    return None
