"""Two reviewers claiming the same case at once: exactly one wins, the other gets Conflict."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from hrdd.errors import Conflict
from reviews.models import ReviewCase
from reviews.services import review_claim


@pytest.mark.django_db
def test_the_second_of_two_racing_claims_gets_a_conflict_naming_the_winner(
    make_deal, case_of, reviewer, second_reviewer
):
    case = case_of(make_deal("medium"))
    # Both reviewers loaded the page while the case was unassigned.
    seen_by_rob = ReviewCase.objects.get(pk=case.pk)
    seen_by_rhea = ReviewCase.objects.get(pk=case.pk)
    review_claim(case=seen_by_rob, actor=reviewer)
    with pytest.raises(Conflict, match="rob_reviewer claimed this case first"):
        review_claim(case=seen_by_rhea, actor=second_reviewer)
    case.refresh_from_db()
    assert case.assignee == reviewer
    assert case.status == "in_review"


@pytest.mark.django_db
def test_claiming_your_own_case_again_changes_nothing(make_deal, case_of, reviewer):
    case = review_claim(case=case_of(make_deal("medium")), actor=reviewer)
    assert review_claim(case=case, actor=reviewer).assignee == reviewer


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="real concurrent writers need PostgreSQL"
)
def test_threads_racing_to_claim_produce_exactly_one_winner(
    make_deal,
    case_of,
    reviewer,
    second_reviewer,
    senior_reviewer,
    committee_member,
    flushable_audit_trail,
):
    case_id = case_of(make_deal("medium")).pk
    users = [reviewer, second_reviewer, senior_reviewer, committee_member]
    barrier = threading.Barrier(len(users))
    results: dict[str, str] = {}

    def claim(user):
        try:
            stale = ReviewCase.objects.select_related("opportunity").get(pk=case_id)
            barrier.wait()
            review_claim(case=stale, actor=user)
            results[user.username] = "won"
        except Conflict as exc:
            results[user.username] = f"conflict: {exc.message}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=claim, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    winners = [u for u, r in results.items() if r == "won"]
    assert len(winners) == 1, results
    assert all("claimed this case first" in r for u, r in results.items() if u not in winners), (
        results
    )
    assert ReviewCase.objects.get(pk=case_id).assignee.username == winners[0]
