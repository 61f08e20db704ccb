"""Organisations stored before names were read at input keep hidden characters until
`manage.py organisation_names_clean` cleans them, each change an audit event."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from audit.models import AuditEvent
from partners.models import Organisation

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
