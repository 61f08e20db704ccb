"""Partner profiles: what each persona sees, and a distributor's view of the partners below
it in its own deals."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import User
from lifecycle.services import opportunity_register
from tests.factories import OrganisationFactory, UserFactory, deal_body

from .conftest import DELTA

pytestmark = pytest.mark.django_db
NORDIC = {"name": "Nordic Distribution AB", "role": "distributor", "country": "SE"}


@pytest.fixture
def nordic_user(db):
    nordic = OrganisationFactory(name=NORDIC["name"], country="SE", role="distributor")
    return UserFactory(username="nils_nordic", role=User.Role.PARTNER_USER, organisation=nordic)


@pytest.fixture
def nordic_over_delta(nordic_user, delta, sales_rep, catalogue):
    return opportunity_register(
        actor=sales_rep, data=deal_body(title="Nordic over Delta", channel=[NORDIC, DELTA])
    ).opportunity


def test_a_distributor_lists_the_reseller_below_it_but_never_opens_its_profile(
    client, nordic_user, nordic_over_delta, delta, delta_user
):
    """The reseller's due diligence is its own and compliance's: the distributor reads it
    only in the export the reseller signs and hands over."""
    delta.dd_status = "refused"
    delta.save(update_fields=["dd_status"])
    client.force_login(nordic_user)
    own = client.get(
        reverse("partner-profile", args=[nordic_user.organisation_id])
    ).content.decode()
    assert "Partners below you in your deals" in own and "Delta Local IT" in own
    assert "Refused to be assessed" not in own
    assert reverse("partner-profile", args=[delta.pk]) not in own
    assert client.get(reverse("partner-profile", args=[delta.pk])).status_code == 404


def test_a_reseller_does_not_see_the_distributor_above_it(
    client, nordic_user, nordic_over_delta, delta_user
):
    client.force_login(delta_user)
    assert (
        client.get(reverse("partner-profile", args=[nordic_user.organisation_id])).status_code
        == 404
    )


def test_a_distributor_below_the_reseller_in_some_deal_does_not_see_it(
    client, nordic_user, delta, sales_rep, catalogue
):
    opportunity_register(
        actor=sales_rep, data=deal_body(title="Delta first", channel=[DELTA, NORDIC])
    )
    client.force_login(nordic_user)
    assert client.get(reverse("partner-profile", args=[delta.pk])).status_code == 404


def test_another_partner_sees_neither(client, nordic_over_delta, delta, partner_b):
    client.force_login(partner_b)
    assert client.get(reverse("partner-profile", args=[delta.pk])).status_code == 404


def test_compliance_sees_users_deals_and_the_league_table(
    client, reviewer, nordic_over_delta, delta, delta_user
):
    client.force_login(reviewer)
    body = client.get(reverse("partner-profile", args=[delta.pk])).content.decode()
    assert delta_user.get_full_name() in body or delta_user.username in body
    assert nordic_over_delta.reference in body
    league = client.get(reverse("partner-list")).content.decode()
    assert "Delta Local IT" in league and "Not yet assessed" in league


def test_the_restricted_party_status_is_shown_to_compliance_only(
    client, reviewer, nordic_user, nordic_over_delta, delta, delta_user
):
    from restricted_parties.services import sample_list_load

    sample_list_load()
    gulf = OrganisationFactory(name="Gulf Horizon Trading LLC", country="AE", role="distributor")
    client.force_login(reviewer)
    body = client.get(reverse("partner-profile", args=[gulf.pk])).content.decode()
    assert "Restricted-party status" in body and "<li>match: " in body
    assert (
        "No match or possible match."
        in client.get(reverse("partner-profile", args=[delta.pk])).content.decode()
    )
    for user, org in ((delta_user, delta), (nordic_user, delta)):
        client.force_login(user)
        assert (
            "Restricted-party"
            not in client.get(reverse("partner-profile", args=[org.pk])).content.decode()
        )


def test_compliance_records_a_parent_and_the_profile_shows_parent_and_affiliates(
    client, reviewer, delta, delta_user, partner_b
):
    from audit.models import AuditEvent
    from partner_dd.services import affiliation_record

    holding = OrganisationFactory(name="Delta Holding SE", country="DE", role="distributor")
    sister = OrganisationFactory(name="Delta Services GmbH", country="AT", role="integrator")
    affiliation_record(actor=reviewer, organisation=sister, parent=holding)
    client.force_login(reviewer)
    r = client.post(
        reverse("partner-parent", args=[delta.pk]),
        {"parent_name": "delta holding se", "parent_country": "de", "source": "Registry"},
    )
    assert r.status_code == 302
    body = client.get(reverse("partner-profile", args=[delta.pk])).content.decode()
    assert (
        "Delta Holding SE (Germany) · Registry" in body and "Delta Services GmbH (Austria)" in body
    )
    assert AuditEvent.objects.filter(
        action="organisation.parent_recorded", object_id=str(delta.pk)
    ).exists()
    # its own users see it; a partner cannot record links
    client.force_login(delta_user)
    assert (
        "Delta Holding SE"
        in client.get(reverse("partner-profile", args=[delta.pk])).content.decode()
    )
    assert (
        client.post(reverse("partner-parent", args=[delta.pk]), {"parent_name": "x"}).status_code
        == 403
    )


def test_a_link_that_would_make_an_organisation_its_own_parent_is_refused(reviewer, delta):
    from hrdd.errors import ApplicationError
    from partner_dd.services import affiliation_record

    holding = OrganisationFactory(name="Delta Holding SE", country="DE", role="distributor")
    affiliation_record(actor=reviewer, organisation=delta, parent=holding)
    with pytest.raises(ApplicationError, match="its own parent"):
        affiliation_record(actor=reviewer, organisation=holding, parent=delta)
    with pytest.raises(ApplicationError, match="its own parent"):
        affiliation_record(actor=reviewer, organisation=delta, parent=delta)


def test_a_distributor_invites_the_users_of_the_reseller_below_it_to_a_deal(
    client, nordic_user, nordic_over_delta, delta, delta_user, partner_a
):
    from audit.models import AuditEvent
    from reviews.models import Notification

    deal = nordic_over_delta
    client.force_login(nordic_user)
    page = client.get(reverse("opportunity-detail", args=[deal.pk])).content.decode()
    assert 'id="invite-partner"' in page and "Delta Local IT" in page
    r = client.post(
        reverse("deal-partner-invite", args=[deal.pk]),
        {"organisation": delta.pk, "message": "Who is the end user?"},
        follow=True,
    )
    assert "Invited 1 user(s) of Delta Local IT" in r.content.decode(), r.content.decode()[-3000:]
    note = Notification.objects.get(recipient=delta_user, kind="deal_invitation")
    assert note.url == f"/deals/{deal.pk}/" and deal.reference in note.title
    assert AuditEvent.objects.filter(
        action="opportunity.partner_invited", opportunity_id=deal.pk
    ).exists()
    # not an organisation outside the deal, and not upwards
    r = client.post(
        reverse("deal-partner-invite", args=[deal.pk]), {"organisation": partner_a.organisation_id}
    )
    assert r.status_code == 403
    assert not Notification.objects.filter(recipient=partner_a).exists()
    client.force_login(delta_user)
    page = client.get(reverse("opportunity-detail", args=[deal.pk])).content.decode()
    assert 'id="invite-partner"' not in page
    r = client.post(
        reverse("deal-partner-invite", args=[deal.pk]),
        {"organisation": nordic_user.organisation_id},
    )
    assert r.status_code == 403


def test_inviting_a_reseller_without_users_says_so(client, nordic_user, nordic_over_delta, delta):
    client.force_login(nordic_user)
    r = client.post(
        reverse("deal-partner-invite", args=[nordic_over_delta.pk]),
        {"organisation": delta.pk},
        follow=True,
    )
    assert "has no users in the application yet" in r.content.decode()


def test_a_distributor_reads_countries_and_maturity_in_words_not_codes(
    client, reviewer, nordic_user, nordic_over_delta, delta
):
    """ "SE", "DE" and a maturity of "None" read like codes and a blank; the profile, the
    partners below and the league table name the country and the level (the level of a
    partner below is for compliance, not the distributor)."""
    delta.dd_status = "assessed"
    delta.save(update_fields=["dd_status"])
    client.force_login(nordic_user)
    own = client.get(reverse("partner-profile", args=[nordic_user.organisation_id]))
    text = own.content.decode()
    assert "<dd>Sweden</dd>" in text and "<td>Germany</td>" in text
    assert "No HRDD or export-compliance programme" not in text  # Delta's, not Nordic's
    client.force_login(reviewer)
    profile = client.get(reverse("partner-profile", args=[delta.pk])).content.decode()
    assert "No HRDD or export-compliance programme" in profile and "<td>None</td>" not in profile
    league = client.get(reverse("partner-list")).content.decode()
    assert "<td>Germany</td>" in league and "<td>DE</td>" not in league
    assert "<td>None</td>" not in league


def test_a_reseller_dropped_from_the_deal_no_longer_reads_its_invitation(
    client, nordic_user, nordic_over_delta, delta, delta_user, sales_rep
):
    """An invitation names the deal and links to it: like every message about a deal, it
    is read only while its reader may see the deal (the row stays, for the record)."""
    from lifecycle.services import opportunity_update
    from reviews.models import Notification

    deal = nordic_over_delta
    client.force_login(nordic_user)
    client.post(reverse("deal-partner-invite", args=[deal.pk]), {"organisation": delta.pk})
    note = Notification.objects.get(recipient=delta_user, kind="deal_invitation")
    client.force_login(delta_user)
    assert note.title in client.get("/inbox/").content.decode()  # the control

    opportunity_update(
        actor=sales_rep,
        opportunity=deal,
        data=deal_body(title="Nordic over Delta", channel=[NORDIC]),
    )

    page = client.get("/inbox/").content.decode()
    assert note.title not in page and deal.reference not in page
    assert 'id="unread-count"' not in page
    assert client.get(f"/inbox/{note.pk}/").status_code == 404
    assert Notification.objects.filter(pk=note.pk).exists()
