"""Rows built for a bulk insert without the model's constructor (`hrdd.bulk.unsaved`) are
the instances the constructor builds: the same values, defaults, related objects and
state, for every model a promoted deal writes."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from hrdd.bulk import _construction, unsaved
from opportunities.models import ChannelEntry, Opportunity, OpportunityLine
from partners.models import Organisation
from reviews.models import ReviewCase
from rules.models import Screening

pytestmark = pytest.mark.django_db


def _same(built, expected) -> None:
    ignore = {"_state"}
    assert {k: v for k, v in vars(built).items() if k not in ignore} == {
        k: v for k, v in vars(expected).items() if k not in ignore
    }
    assert (built._state.adding, built._state.db) == (expected._state.adding, expected._state.db)
    assert built._state.fields_cache == expected._state.fields_cache


@pytest.mark.parametrize(
    "model", [AuditEvent, Screening, ReviewCase, Opportunity, OpportunityLine, ChannelEntry]
)
def test_each_model_a_promoted_deal_writes_is_built_without_its_constructor(model):
    assert _construction(model) is not None


def test_a_row_is_the_instance_the_constructor_builds(sales_rep):
    org = Organisation.objects.create(name="Nordic Distribution AB", country="SE")
    for values in [
        {"actor": sales_rep, "actor_label": "rep", "action": "x", "object_id": "1"},
        {"actor": None, "action": "x", "changes": {"a": [1]}},
        {"actor_id": sales_rep.pk, "action": "x"},
        {},
    ]:
        _same(unsaved(AuditEvent, **values), AuditEvent(**values))
    deal = Opportunity(title="t", submitted_by_organisation=org, end_customer=org, owner=sales_rep)
    _same(
        unsaved(
            Opportunity, title="t", submitted_by_organisation=org, end_customer=org, owner=sales_rep
        ),
        deal,
    )
    _same(
        unsaved(ChannelEntry, opportunity=deal, position=1, organisation=org, name="n"),
        ChannelEntry(opportunity=deal, position=1, organisation=org, name="n"),
    )


def test_what_the_fast_path_cannot_mirror_goes_through_the_constructor(sales_rep):
    with pytest.raises(ValueError):  # a related object of the wrong model
        unsaved(AuditEvent, actor=Organisation(name="o"))
    with pytest.raises(TypeError):  # a name the model has not
        unsaved(AuditEvent, no_such_field=1)
    both = unsaved(AuditEvent, action="x", pk=7)  # `pk` is a property: the constructor's
    assert both.pk == 7 and both.action == "x"


def test_an_init_receiver_connected_after_the_first_row_hears_the_next():
    from django.db.models import signals

    unsaved(OpportunityLine, position=0, quantity=1)  # the model's construction is known
    heard = []

    def receiver(sender, instance, **kwargs):
        heard.append(instance)

    signals.post_init.connect(receiver, sender=OpportunityLine)
    try:
        line = unsaved(OpportunityLine, position=1, quantity=2)
    finally:
        signals.post_init.disconnect(receiver, sender=OpportunityLine)
    assert heard == [line]
