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


@pytest.mark.parametrize("pk", [2**63, 2**64 + 5, -(2**63) - 1])
def test_an_id_no_database_column_holds_is_not_found(api, client, deals, partner_a, reviewer, pk):
    # Each persona's shape compiled first, so the id goes to the compiled statement.
    for user in (partner_a, reviewer):
        assert api.as_user(user).get(f"{URL}{deals['a'].pk}/").status_code == 200
        assert api.as_user(user).get(f"{URL}{pk}/").status_code == 404
    client.force_login(reviewer)
    assert client.get(f"/deals/{pk}/").status_code == 404


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
    from opportunities.policies import opportunities_in_scope, opportunity_scope

    for user in demo_users:
        rule, values = opportunity_scope(user)
        build = selectors._one_deal(rule)
        for deal in opportunities_visible_to(user):
            scope = opportunities_in_scope(rule, values).filter(pk=deal.pk)
            for compiled, reading in (
                (selectors._DEAL_READ, selectors._read_for_detail),
                (selectors._DEAL_SHOWN, selectors._shown),
            ):
                fast = compiled.first_in(rule, build, {**values, "pk": deal.pk})
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
    def build(values):
        return opportunities_visible_to(reviewer).filter(pk=values["pk"]).order_by("title")

    before = selectors._DEAL_SHOWN.shapes()
    for _ in range(2):
        found = selectors._DEAL_SHOWN.first_in("ordered", build, {"pk": deals["a"].pk})
        assert found.title == "Partner A deal"
    assert selectors._DEAL_SHOWN.shapes() == before


def test_two_kinds_that_differ_in_a_relation_are_two_statements(deals):
    """Filters on two foreign keys to one table (the submitting organisation, the end
    customer) with the same value: each kind is its own statement, so the second never
    reads the first's rows."""
    from hrdd.compiled import CompiledRead
    from opportunities.models import Opportunity

    deal = deals["a"]
    assert deal.end_customer_id != deal.submitted_by_organisation_id
    read = CompiledRead(lambda scope: scope)

    def by_submitter(values):
        return Opportunity.objects.filter(
            pk=values["pk"], submitted_by_organisation_id=values["organisation"]
        )

    def by_customer(values):
        return Opportunity.objects.filter(pk=values["pk"], end_customer_id=values["organisation"])

    values = {"pk": deal.pk, "organisation": deal.submitted_by_organisation_id}
    for _ in range(2):
        assert read.first_in("by submitter", by_submitter, values).pk == deal.pk
        assert read.first_in("by customer", by_customer, values) is None
    assert by_customer(values).first() is None
    assert read.shapes() == 2


def test_a_scope_with_a_filtered_relation_is_read_through_the_orm(deals):
    from django.db.models import FilteredRelation, Q

    from hrdd.compiled import CompiledRead
    from opportunities.models import Opportunity

    deal = deals["a"]
    read = CompiledRead(lambda scope: scope)
    for name, found in ((deal.submitted_by_organisation.name, True), ("Nobody Ltd", False)):

        def build(values, name=name):
            return Opportunity.objects.annotate(
                by=FilteredRelation(
                    "submitted_by_organisation", condition=Q(submitted_by_organisation__name=name)
                )
            ).filter(by__isnull=False, pk=values["pk"])

        assert (read.first_in(("filtered", name), build, {"pk": deal.pk}) is not None) is found
    assert read.shapes() == 0


def test_each_rule_is_compiled_once_and_reads_each_viewer_s_deals(
    api, deals, sales_rep, teammate, other_rep, partner_a, partner_b, reviewer, outsider
):
    """The statement kept is the rule's (`opportunity_scope`), never a viewer's: every
    persona's read runs with its own values, and answers what the ORM answers."""
    from opportunities.policies import opportunity_scope

    viewers = (sales_rep, teammate, other_rep, partner_a, partner_b, reviewer, outsider)
    for _ in range(2):  # the second round with every rule compiled
        for user in viewers:
            for deal in deals.values():
                seen = opportunities_visible_to(user).filter(pk=deal.pk).exists()
                status = api.as_user(user).get(f"{URL}{deal.pk}/").status_code
                assert status == (200 if seen else 404), (user.username, deal.title)
    rules = {opportunity_scope(u)[0] for u in viewers}
    assert len(rules) == 5  # every deal, own, own and the team's, the organisation's, none
    kept = selectors._DEAL_READ._named
    assert set(kept) == rules
    assert all(kept[r] is not None for r in rules)  # none of them fell back to the ORM


def test_the_rule_s_statement_is_the_orm_s_with_the_viewer_s_values(demo_users):
    """Field for field and statement for statement: compiled once per rule with
    stand-ins, run with a viewer's values, it is what the ORM builds for that viewer."""
    from opportunities.policies import opportunity_scope

    for user in demo_users:
        for deal in opportunities_visible_to(user)[:3]:
            scope = opportunities_visible_to(user).filter(pk=deal.pk)
            for compiled in (selectors._DEAL_READ, selectors._DEAL_SHOWN):
                fast = selectors._deal_shown(user, deal.pk, compiled)
                slow = compiled._reading(scope).get()
                if slow.current_screening is not None:  # as `_deal_shown` adds it
                    slow.current_screening.text_languages_read = slow.screening_text_languages
                assert _as_read(fast) == _as_read(slow)
                rule, values = opportunity_scope(user)
                alias, read, order = compiled._named[rule]
                sql, params = compiled._reading(scope).query.sql_with_params()
                filled = [{**values, "pk": deal.pk}[n] if n else v for n, v in order]
                assert (read.sql, filled) == (sql, list(params))


def test_a_change_of_organisation_role_team_or_channel_counts_at_the_next_request(
    api, deals, partner_a, partner_b, sales_rep, other_rep, reseller_b, vendor
):
    """Nothing about the viewer is kept between requests: with every rule's statement
    compiled, a partner's organisation, a user's role, a rep's team and a deal's channel
    changed in the database decide the very next request."""
    from opportunities.models import ChannelEntry

    deal_a, deal_b = f"{URL}{deals['a'].pk}/", f"{URL}{deals['b'].pk}/"
    rep_deal, other_deal = f"{URL}{deals['rep'].pk}/", f"{URL}{deals['other'].pk}/"
    assert api.as_user(partner_b).get(deal_a).status_code == 404
    # Partner B's organisation joins deal A's channel, then leaves it.
    entry = ChannelEntry.objects.create(
        opportunity=deals["a"],
        position=9,
        organisation=reseller_b,
        role="reseller",
        name=reseller_b.name,
        country=reseller_b.country,
    )
    assert api.as_user(partner_b).get(deal_a).status_code == 200
    entry.delete()
    assert api.as_user(partner_b).get(deal_a).status_code == 404
    # Partner B becomes a sales rep of the vendor: its organisation's deal is no longer
    # its own, its own registrations still are none.
    User.objects.filter(pk=partner_b.pk).update(role=User.Role.SALES_REP, organisation=vendor)
    assert api.as_user(partner_b).get(deal_b).status_code == 200  # it owns deal B
    assert api.as_user(partner_b).get(deal_a).status_code == 404
    User.objects.filter(pk=partner_b.pk).update(role=User.Role.REVIEWER)
    assert api.as_user(partner_b).get(deal_a).status_code == 200
    # A rep with no team joins the rep's team: the team's deals, at once; then leaves.
    assert api.as_user(other_rep).get(rep_deal).status_code == 404
    User.objects.filter(pk=other_rep.pk).update(team=sales_rep.team)
    assert api.as_user(other_rep).get(rep_deal).status_code == 200
    assert api.as_user(other_rep).get(other_deal).status_code == 200
    User.objects.filter(pk=other_rep.pk).update(team=None)
    assert api.as_user(other_rep).get(rep_deal).status_code == 404
    # A partner moved to the organisation of another partner sees that one's deals.
    User.objects.filter(pk=partner_a.pk).update(organisation=reseller_b)
    assert api.as_user(partner_a).get(deal_b).status_code == 200
    assert api.as_user(partner_a).get(deal_a).status_code == 404


def test_a_rule_whose_value_is_not_a_plain_parameter_is_read_through_the_orm(deals):
    """A value worked out from the viewer's (here the next id) is in no kept statement as
    it is: compiled with two sets of stand-ins, the statements differ in a constant, so
    that rule is read through the ORM, with each call's value."""
    from hrdd.compiled import CompiledRead
    from opportunities.models import Opportunity

    read = CompiledRead(lambda scope: scope)

    def build(values):
        return Opportunity.objects.filter(pk__in=[values["pk"], values["pk"] + 1])

    for pk in (*(d.pk for d in deals.values()), max(d.pk for d in deals.values())):
        found = read.first_in("this one or the next", build, {"pk": pk})
        assert found == next(iter(build({"pk": pk})))
    assert read.first_in("this one or the next", build, {"pk": -5}) is None
    assert read.shapes() == 0
