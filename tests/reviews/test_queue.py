"""The queue's order (severity, then time left including the close date), filters, counts."""

from __future__ import annotations

import pytest
import time_machine

from lifecycle.services import opportunity_register
from reviews.selectors import review_queue, review_queue_counts
from reviews.services import review_claim, review_recommend
from tests.factories import deal_body
from tests.reviews.conftest import MONDAY, TIER_DEALS

pytestmark = pytest.mark.django_db


def _refs(qs):
    return [c.opportunity.title for c in qs]


@pytest.fixture
def queue(make_deal):
    """Deals opened on Monday; their time left differs by tier and close date."""
    with time_machine.travel(MONDAY, tick=False):
        return {
            "medium-late": make_deal(
                "medium", title="medium-late", expected_close_date="2027-01-01"
            ),
            "medium-closing-soon": make_deal(
                "medium", title="medium-closing-soon", expected_close_date="2026-03-03"
            ),
            "high-late": make_deal("high", title="high-late", expected_close_date="2027-01-01"),
            # high, 10-business-day SLA, but the deal closes on Thursday: it cannot wait ten days
            "high-closing-thursday": make_deal(
                "high", title="high-closing-thursday", expected_close_date="2026-03-05"
            ),
            "critical": make_deal("critical", title="critical", expected_close_date=None),
            "prohibited": make_deal("prohibited", title="prohibited"),
        }


def test_the_default_order_is_severity_then_time_left(queue, reviewer):
    qs = review_queue(user=reviewer, params={})
    assert _refs(qs) == [
        "prohibited",
        "critical",
        "high-closing-thursday",
        "high-late",
        "medium-closing-soon",
        "medium-late",
    ]


def test_sorting_by_time_left_puts_the_soonest_effective_due_first(queue, reviewer):
    qs = review_queue(user=reviewer, params={"ordering": "due"})
    # medium-closing-soon: close date Tue 00:00; medium-late: SLA Wed 09:00; high-closing-thursday: Thu 00:00
    assert _refs(qs)[:3] == ["medium-closing-soon", "medium-late", "high-closing-thursday"]
    assert _refs(qs)[-1] == "prohibited"  # no timer at all


def test_filters_narrow_the_queue(queue, reviewer, second_reviewer, partner_a, catalogue, case_of):
    review_claim(case=case_of(queue["high-late"]), actor=reviewer)
    with time_machine.travel(MONDAY, tick=False):
        partner_deal = opportunity_register(
            actor=partner_a,
            data=deal_body(
                title="partner-deal",
                channel=[
                    {"name": "Alpha Systems Integration", "role": "reseller", "country": "DE"}
                ],
                **TIER_DEALS["medium"],
            ),
        ).opportunity

    def titles(**kw):
        params = {k: "1" if v is True else str(v) for k, v in kw.items()}
        return set(_refs(review_queue(user=reviewer, params=params)))

    assert titles(tier="high") == {"high-late", "high-closing-thursday"}
    assert titles(assignee="me") == {"high-late"}
    assert "high-late" not in titles(assignee="none")
    assert titles(assignee=str(reviewer.pk)) == {"high-late"}
    assert titles(country="IR") == {"prohibited"}
    assert titles(level=2) == {"prohibited"}
    assert titles(partner=partner_deal.submitted_by_organisation_id) == {"partner-deal"}
    assert titles(search="closing") == {"medium-closing-soon", "high-closing-thursday"}
    with time_machine.travel("2026-03-04 12:00:00+00:00", tick=False):
        assert titles(overdue=True) == {"medium-late", "medium-closing-soon", "partner-deal"}


def test_counts_cover_the_filtered_queue(queue, reviewer, case_of):
    case = review_claim(case=case_of(queue["high-late"]), actor=reviewer)
    review_recommend(case=case, actor=reviewer, outcome="approve", reasons="ok")
    qs = review_queue(user=reviewer, params={})
    with time_machine.travel("2026-03-04 12:00:00+00:00", tick=False):
        counts = review_queue_counts(qs, user=reviewer)
    assert counts["total"] == 6
    assert dict(counts["by_tier"]) == {
        "medium": 2,
        "high": 2,
        "critical": 1,
        "prohibited": 1,
        "low": 0,
    }
    assert counts["unassigned"] == 5
    assert counts["mine"] == 1
    assert counts["awaiting_decision"] == 1
    assert counts["overdue"] == 2  # both mediums; the high deal closing on Thursday is not due yet


def test_closed_cases_leave_the_queue_but_can_be_listed(queue, reviewer, case_of):
    from reviews.services import review_decide

    case = review_claim(case=case_of(queue["medium-late"]), actor=reviewer)
    review_decide(case=case, actor=reviewer, outcome="approve", reasons="ok")
    assert "medium-late" not in _refs(review_queue(user=reviewer, params={}))
    assert _refs(review_queue(user=reviewer, params={"status": "closed"})) == ["medium-late"]


def test_only_reviewers_have_a_queue(queue, sales_rep, partner_a):
    for user in (sales_rep, partner_a):
        assert not review_queue(user=user, params={}).exists()
