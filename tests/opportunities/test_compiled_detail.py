"""A deal's detail is read through SQL compiled once per shape of the visibility filter
(`hrdd.compiled`): the filter's values are still each viewer's own, on every request."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from demo.services import USERS, demo_data_load
from opportunities import selectors
from opportunities.policies import opportunities_visible_to
from opportunities.serializers import opportunity_out

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"


def test_a_deal_of_another_organisation_is_not_found_with_the_shape_already_compiled(
    api, client, deals, partner_a, partner_b, reviewer
):
    assert api.as_user(partner_a).get(f"{URL}{deals['a'].pk}/").status_code == 200
    shapes = selectors._DEAL_READ.shapes()
    # Partner B's filter has the shape partner A's had, with its own organisation in it.
    assert api.as_user(partner_b).get(f"{URL}{deals['a'].pk}/").status_code == 404
    assert api.as_user(partner_b).get(f"{URL}{deals['via_a'].pk}/").status_code == 404
    assert selectors._DEAL_READ.shapes() == shapes
    assert api.as_user(partner_b).get(f"{URL}{deals['b'].pk}/").json()["title"] == (
        "Partner B deal"
    )
    # Compliance staff's shape (every deal) compiled before a partner asks again.
    assert api.as_user(reviewer).get(f"{URL}{deals['via_a'].pk}/").status_code == 200
    assert api.as_user(partner_b).get(f"{URL}{deals['via_a'].pk}/").status_code == 404
    client.force_login(partner_b)
    assert client.get(f"/deals/{deals['a'].pk}/").status_code == 404


def test_a_sales_rep_of_another_team_is_not_found_a_deal_with_the_shape_compiled(
    api, deals, sales_rep, teammate, vendor
):
    assert api.as_user(teammate).get(f"{URL}{deals['rep'].pk}/").status_code == 200
    stranger = User.objects.create(
        username="sam_other_team",
        role=User.Role.SALES_REP,
        organisation=vendor,
        team=type(teammate.team).objects.create(name="APAC"),
    )
    assert api.as_user(stranger).get(f"{URL}{deals['rep'].pk}/").status_code == 404


def test_visibility_taken_away_is_honoured_on_the_next_request(
    api, deals, partner_a, teammate, reviewer, reseller_b
):
    deal_a = f"{URL}{deals['a'].pk}/"
    assert api.as_user(partner_a).get(deal_a).status_code == 200
    partner_a.organisation = reseller_b  # moved to another organisation
    partner_a.save()
    assert api.as_user(partner_a).get(deal_a).status_code == 404
    assert api.as_user(partner_a).get(f"{URL}{deals['b'].pk}/").status_code == 200

    rep_deal = f"{URL}{deals['rep'].pk}/"
    assert api.as_user(teammate).get(rep_deal).status_code == 200
    teammate.team = None  # left the team
    teammate.save()
    assert api.as_user(teammate).get(rep_deal).status_code == 404

    assert api.as_user(reviewer).get(deal_a).status_code == 200
    reviewer.role = User.Role.PARTNER_USER  # no longer compliance staff
    reviewer.organisation = reseller_b
    reviewer.save()
    assert api.as_user(reviewer).get(deal_a).status_code == 404

    assert api.as_user(partner_a).get(f"{URL}{deals['b'].pk}/").status_code == 200
    partner_a.is_active = False
    partner_a.save()
    assert api.as_user(partner_a).get(f"{URL}{deals['b'].pk}/").status_code in (401, 403)


def _as_read(deal) -> dict:
    """Every column of the deal and of what was read with it, as loaded."""
    related = {
        name: getattr(deal, name).__dict__
        for name in ("owner", "submitted_by_organisation", "current_screening")
        if getattr(deal, name) is not None
    }
    if deal.current_screening is not None and deal.current_screening.criteria_version:
        related["criteria_version"] = deal.current_screening.criteria_version.__dict__
    own = {k: v for k, v in deal.__dict__.items() if k != "_state"}
    return {"deal": own, **{k: _plain(v) for k, v in related.items()}}


def _plain(values: dict) -> dict:
    return {k: v for k, v in values.items() if k not in ("_state", "_prefetched_objects_cache")}


def test_each_persona_reads_every_deal_as_the_orm_reads_it(demo_users):
    for user in demo_users:
        for deal in opportunities_visible_to(user):
            scope = opportunities_visible_to(user).filter(pk=deal.pk)
            for compiled, reading in (
                (selectors._DEAL_READ, selectors._DEAL_READ._reading),
                (selectors._DEAL_SHOWN, selectors._shown),
            ):
                fast = compiled.first(scope)
                slow = reading(scope).get()
                assert _as_read(fast) == _as_read(slow), (user.username, deal.reference)
            assert opportunity_out(
                selectors.opportunity_read(user=user, pk=deal.pk), user
            ) == opportunity_out(selectors.opportunity_get(user=user, pk=deal.pk), user)
    assert selectors._DEAL_READ.shapes() >= 3  # compliance, sales rep, partner


@pytest.fixture
def demo_users(db):
    demo_data_load(deals=20)
    return [User.objects.get(username=u[0]) for u in USERS]


def test_nobody_s_scope_reads_nothing_without_a_statement(outsider, deals):
    with CaptureQueriesContext(connection) as ctx:
        assert selectors.opportunity_read(user=outsider, pk=deals["a"].pk) is None
    assert len(ctx.captured_queries) == 0


def test_a_scope_with_more_than_filters_is_read_through_the_orm(deals, reviewer):
    scope = opportunities_visible_to(reviewer).filter(pk=deals["a"].pk).order_by("title")
    before = selectors._DEAL_SHOWN.shapes()
    assert selectors._DEAL_SHOWN.first(scope).title == "Partner A deal"
    assert selectors._DEAL_SHOWN.shapes() == before


def test_a_scope_through_another_relation_to_the_same_table_is_its_own_shape(deals):
    """Filters on two foreign keys to one table (the submitting organisation, the end
    customer) with the same values compile to the same WHERE text; they are two shapes,
    or the second would read the first's rows."""
    from hrdd.compiled import CompiledRead
    from opportunities.models import Opportunity

    deal = deals["a"]
    name = deal.submitted_by_organisation.name
    assert deal.end_customer.name != name
    read = CompiledRead(lambda scope: scope)
    deal_only = Opportunity.objects.filter(pk=deal.pk)
    by_submitter = deal_only.filter(submitted_by_organisation__name=name)
    by_customer = deal_only.filter(end_customer__name=name)
    assert read.first(by_submitter).pk == deal.pk
    assert read.first(by_customer) is None
    assert by_customer.first() is None


def test_a_scope_with_a_filtered_relation_is_read_through_the_orm(deals):
    from django.db.models import FilteredRelation, Q

    from hrdd.compiled import CompiledRead
    from opportunities.models import Opportunity

    deal = deals["a"]
    read = CompiledRead(lambda scope: scope)
    for name, found in ((deal.submitted_by_organisation.name, True), ("Nobody Ltd", False)):
        scope = Opportunity.objects.annotate(
            by=FilteredRelation(
                "submitted_by_organisation", condition=Q(submitted_by_organisation__name=name)
            )
        ).filter(by__isnull=False, pk=deal.pk)
        assert (read.first(scope) is not None) is found
    assert read.shapes() == 0
