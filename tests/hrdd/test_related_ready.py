"""Rows inserted in bulk are checked for their related objects as `save()` checks them
(`hrdd.related_ready`), without walking every column of every row when the related
objects are in place: an unsaved related object is refused, one saved after it was
assigned fills its column, and a stale cached object is dropped."""

from __future__ import annotations

import pytest
from django.db.models import Model

from audit.models import AuditEvent
from hrdd.bulk import insert_statement, unsaved
from hrdd.related_ready import related_ready, relations
from opportunities.models import ChannelEntry, Opportunity
from partners.models import Organisation
from reviews.models import ReviewCase
from rules.models import Screening

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_walks(monkeypatch):
    """How many times Django's own walk over a row's columns ran."""
    calls = []
    original = Model._prepare_related_fields_for_save

    def counted(self, operation_name, fields=None):
        calls.append(type(self).__name__)
        return original(self, operation_name, fields=fields)

    monkeypatch.setattr(Model, "_prepare_related_fields_for_save", counted)
    return calls


def test_rows_whose_related_objects_are_in_place_skip_the_walk_over_every_column(
    sales_rep, full_walks
):
    org = Organisation.objects.create(name="Nordic Distribution AB", country="SE")
    deals = [
        unsaved(Opportunity, title=f"t{i}", end_customer=org, owner=sales_rep) for i in range(5)
    ]
    events = [unsaved(AuditEvent, actor=sales_rep, action="x", object_id=str(i)) for i in range(5)]
    full_walks.clear()  # the organisation's own save() walked its columns
    insert_statement(Opportunity, deals)
    insert_statement(AuditEvent, events)
    assert full_walks == []
    assert all(d.end_customer_id == org.pk and d.end_customer is org for d in deals)
    assert all(e.actor_id == sales_rep.pk for e in events)


def test_the_models_a_promoted_deal_writes_take_the_short_walk():
    for model in (AuditEvent, Screening, ReviewCase, Opportunity, ChannelEntry):
        assert relations(model) is not None, model


def test_an_unsaved_related_object_is_refused_as_save_refuses_it(sales_rep):
    org = Organisation(name="Not saved", country="SE")
    entry = unsaved(Opportunity, title="t", end_customer=org, owner=sales_rep)
    with pytest.raises(ValueError, match="unsaved related object 'end_customer'"):
        related_ready(entry, "bulk_insert")


def test_a_related_object_saved_after_it_was_assigned_fills_its_column(sales_rep):
    org = Organisation(name="Saved later", country="SE")
    deal = unsaved(Opportunity, title="t", end_customer=org, owner=sales_rep)
    assert deal.end_customer_id is None
    org.save()
    related_ready(deal, "bulk_insert")
    assert deal.end_customer_id == org.pk and deal.end_customer is org


def test_a_cached_object_that_no_longer_matches_its_column_is_dropped(sales_rep):
    first = Organisation.objects.create(name="First", country="SE")
    second = Organisation.objects.create(name="Second", country="SE")
    deal = unsaved(Opportunity, title="t", end_customer=first, owner=sales_rep)
    deal.end_customer_id = second.pk
    related_ready(deal, "bulk_insert")
    assert deal.end_customer_id == second.pk
    assert "end_customer" not in deal._state.fields_cache
    assert deal.end_customer == second
