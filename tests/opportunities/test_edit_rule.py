"""Who may change a deal's facts is decided once (`opportunities.policies.why_not_edit`)
and enforced by the service itself, whichever page, API or task calls it."""

from __future__ import annotations

import pytest

from hrdd.errors import PermissionDenied
from lifecycle.services import opportunity_register, opportunity_update
from opportunities.models import Opportunity
from tests.factories import deal_body

pytestmark = pytest.mark.django_db


def _partner_deal(partner) -> Opportunity:
    org = partner.organisation
    body = deal_body(channel=[{"name": org.name, "role": org.role, "country": org.country}])
    return opportunity_register(actor=partner, data=body).opportunity


def _retitled(deal: Opportunity, actor, title: str = "Renamed by someone") -> Opportunity:
    org = deal.submitted_by_organisation
    body = deal_body(
        title=title, channel=[{"name": org.name, "role": org.role, "country": org.country}]
    )
    return opportunity_update(actor=actor, opportunity=deal, data=body)


def test_a_partner_user_of_another_organisation_is_refused_by_the_service(
    partner_a, partner_b, catalogue
):
    deal = _partner_deal(partner_a)
    with pytest.raises(PermissionDenied):
        _retitled(deal, partner_b)
    deal.refresh_from_db()
    assert deal.title == "Campus network refresh"


def test_a_partner_user_who_moved_to_another_organisation_no_longer_edits_their_old_deal(
    partner_a, reseller_b, catalogue
):
    deal = _partner_deal(partner_a)
    partner_a.organisation = reseller_b
    partner_a.save()
    with pytest.raises(PermissionDenied):
        _retitled(deal, partner_a)
    deal.refresh_from_db()
    assert deal.title == "Campus network refresh"


def test_a_sales_rep_of_another_team_is_refused_by_the_service(sales_rep, other_rep, catalogue):
    deal = opportunity_register(actor=sales_rep, data=deal_body()).opportunity
    with pytest.raises(PermissionDenied):
        _retitled(deal, other_rep)


def test_the_owner_and_a_reviewer_change_a_deal_through_the_service(partner_a, reviewer, catalogue):
    deal = _partner_deal(partner_a)
    assert _retitled(deal, partner_a, "Renamed by its owner").title == "Renamed by its owner"
    assert _retitled(deal, reviewer, "Renamed by a reviewer").title == "Renamed by a reviewer"


def test_the_deal_page_offers_editing_only_to_whom_the_service_allows(
    client, partner_a, partner_b, reviewer, catalogue
):
    deal = _partner_deal(partner_a)
    for user, may in ((partner_a, True), (reviewer, True)):
        client.force_login(user)
        page = client.get(f"/deals/{deal.pk}/").content.decode()
        assert (f"/deals/{deal.pk}/edit/" in page) is may
    client.force_login(partner_b)
    assert client.get(f"/deals/{deal.pk}/edit/").status_code == 404
