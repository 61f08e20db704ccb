"""Organisations stored before names were read at input keep hidden characters until
`manage.py organisation_names_clean` cleans them, each change an audit event."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from audit.models import AuditEvent
from lifecycle.services import opportunity_register
from opportunities.models import ChannelEntry, Opportunity, OpportunityLine
from partners.models import Organisation
from tests.factories import deal_body

pytestmark = pytest.mark.django_db


def _clean() -> str:
    out = io.StringIO()
    call_command("organisation_names_clean", stdout=out)
    return out.getvalue()


def test_stored_names_are_cleaned_each_with_an_audit_event_and_look_alikes_are_listed(
    reseller_a,
):
    reversed_ = Organisation.objects.create(
        name="\u202eOC HCRAESER\u202c", country="DE", role="end_customer"
    )
    filled = Organisation.objects.create(
        name="Fjord\u3164Logistics\u200b AS", country="NO", role="end_customer"
    )
    blank = Organisation.objects.create(name="\u2800\u3164", country="NO", role="reseller")
    lookalike = Organisation.objects.create(
        name=reseller_a.name.replace("Sys", "Sys\u200b"),
        country=reseller_a.country,
        role="reseller",
    )

    told = _clean()

    names = dict(Organisation.objects.values_list("pk", "name"))
    assert names[reversed_.pk] == "RESEARCH CO"
    assert names[filled.pk] == "Fjord Logistics AS"
    assert names[reseller_a.pk] == reseller_a.name
    # Left for a person: a name of nothing, and a look-alike of a partner already there.
    assert names[blank.pk] == blank.name and names[lookalike.pk] == lookalike.name
    assert "2 organisation name(s) cleaned." in told
    assert f"organisation {blank.pk}" in told and "reads as nothing" in told
    assert f"organisation {lookalike.pk}" in told and reseller_a.name in told
    events = AuditEvent.objects.filter(action="organisation.name_cleaned").order_by("pk")
    assert [(e.object_id, e.changes["name"]) for e in events] == [
        (str(reversed_.pk), ["\u202eOC HCRAESER\u202c", "RESEARCH CO"]),
        (str(filled.pk), ["Fjord\u3164Logistics\u200b AS", "Fjord Logistics AS"]),
    ]
    assert all(e.actor_label == "system" and e.signature_ok() for e in events)
    # The events join the chain like any other.
    out = io.StringIO()
    call_command("verify_audit_chain", stdout=out)
    assert "Audit chain intact" in out.getvalue()
    # Run again, it finds nothing more to do.
    assert "0 organisation name(s) cleaned." in _clean()
    assert AuditEvent.objects.filter(action="organisation.name_cleaned").count() == 2


def test_a_deals_own_copies_of_names_are_cleaned_too_each_deal_one_audit_event(
    sales_rep, catalogue
):
    """The deal keeps its own copies of the names typed into it (the end customer's, each
    channel entry's, each line's): reviewers read those on the deal's page and the list
    finds deals by them, so they lose their disguise with the organisations', audited
    (the event keeps the names before)."""
    deal = opportunity_register(actor=sales_rep, data=deal_body()).opportunity
    Opportunity.objects.filter(pk=deal.pk).update(end_customer_name="\u202eOC HCRAESER\u202c")
    ChannelEntry.objects.filter(opportunity=deal).update(name="Nordic\u3164Distribution AB")
    OpportunityLine.objects.filter(opportunity=deal).update(name="Switch\u200b 4400")
    untouched = opportunity_register(
        actor=sales_rep, data=deal_body(external_id="OTHER")
    ).opportunity

    told = _clean()

    deal.refresh_from_db()
    assert deal.end_customer_name == "RESEARCH CO"
    assert list(deal.channel.values_list("name", flat=True)) == ["Nordic Distribution AB"]
    assert list(deal.lines.values_list("name", flat=True)) == ["Switch 4400"]
    assert "1 deal(s) cleaned" in told
    event = AuditEvent.objects.get(action="opportunity.names_cleaned")
    assert event.opportunity_id == deal.pk and event.actor_label == "system"
    assert event.changes == {
        "end_customer_name": ["\u202eOC HCRAESER\u202c", "RESEARCH CO"],
        "channel": [[1, "Nordic\u3164Distribution AB", "Nordic Distribution AB"]],
        "lines": [[1, "Switch\u200b 4400", "Switch 4400"]],
    }
    assert not AuditEvent.objects.filter(
        action="opportunity.names_cleaned", opportunity_id=untouched.pk
    ).exists()
    assert "0 deal(s) cleaned" in _clean()
