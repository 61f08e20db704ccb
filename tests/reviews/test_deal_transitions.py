"""A deal's status moves through the one transition helper: refusals in words, a lost race
with nothing recorded, and the authority hold asked about once per move."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import AuditEvent
from hrdd.errors import Conflict
from opportunities.models import Opportunity
from opportunities.workflow import opportunity_route, opportunity_transition
from records.models import AuthorityNotification

pytestmark = pytest.mark.django_db
S = Opportunity.Status


def deal_events(deal):
    return AuditEvent.objects.filter(object_type="opportunity", object_id=str(deal.pk))


def test_a_move_the_table_refuses_is_named_in_words(make_deal, reviewer):
    deal = make_deal("medium")
    opportunity_transition(opportunity=deal, transition="withdraw", to=S.WITHDRAWN, actor=reviewer)
    before = deal_events(deal).count()
    with pytest.raises(Conflict) as refused:
        opportunity_transition(
            opportunity=deal, transition="approve", to=S.APPROVED, actor=reviewer
        )
    assert refused.value.message == "A deal that is withdrawn cannot be moved to approved."
    assert deal_events(deal).count() == before


def test_a_stale_deal_loses_the_race_and_records_nothing(make_deal, reviewer):
    deal = make_deal("medium")
    stale = Opportunity.objects.get(pk=deal.pk)
    opportunity_transition(opportunity=deal, transition="reject", to=S.REJECTED, actor=reviewer)
    before = deal_events(deal).count()
    with pytest.raises(Conflict, match="changed by someone else"):
        opportunity_transition(
            opportunity=stale, transition="approve", to=S.APPROVED, actor=reviewer
        )
    assert deal_events(deal).count() == before
    assert Opportunity.objects.get(pk=deal.pk).status == S.REJECTED
    last = deal_events(deal).order_by("-id").first()
    assert (last.action, last.from_state, last.to_state) == (
        "opportunity.reject",
        "in_review",
        "rejected",
    )


def test_routing_a_screened_deal_asks_about_an_authority_hold_once(make_deal):
    deal = make_deal("medium")
    assert deal.status == S.IN_REVIEW
    table = AuthorityNotification._meta.db_table
    with CaptureQueriesContext(connection) as ctx:
        assert opportunity_route(opportunity=deal, tier="high", actor=None)
    asked = [q["sql"] for q in ctx.captured_queries if table in q["sql"]]
    assert len(asked) == 1, asked
    assert Opportunity.objects.get(pk=deal.pk).status == S.ON_HOLD
