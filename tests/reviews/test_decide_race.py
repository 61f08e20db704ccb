"""Two deciders at once on a four-eyes case: one decision, and the other decider is told
who won and where the case is now (409), never a 403 as if they lacked the right."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from hrdd.errors import Conflict
from reviews.models import Decision, ReviewCase
from reviews.services import review_claim, review_decide, review_recommend, review_send_back

BASE = "/api/v1/reviews"
DECIDE = {"outcome": "approve", "reasons": "Court-ordered interception for a licensed operator."}


@pytest.fixture
def recommended_case(make_deal, case_of, reviewer):
    case = review_claim(case=case_of(make_deal("high")), actor=reviewer)
    return review_recommend(case=case, actor=reviewer, outcome="approve", reasons="Lawful.")


@pytest.mark.django_db
def test_the_second_decider_through_the_api_gets_409_naming_the_winner_and_state(
    api, recommended_case, second_reviewer, senior_reviewer
):
    url = f"{BASE}/cases/{recommended_case.pk}/decide/"
    first = api.as_user(second_reviewer).post(url, DECIDE, format="json")
    assert first.status_code == 200, first.json()
    second = api.as_user(senior_reviewer).post(
        url, {**DECIDE, "outcome": "reject", "feedback": "No."}, format="json"
    )
    assert second.status_code == 409, second.json()
    message = second.json()["detail"] if "detail" in second.json() else str(second.json())
    assert "rhea_reviewer" in message and "approved" in message.lower(), message
    assert Decision.objects.filter(case=recommended_case).count() == 1


@pytest.mark.django_db
def test_a_decider_holding_a_stale_case_gets_a_conflict_naming_who_sent_it_back(
    recommended_case, second_reviewer, senior_reviewer
):
    stale = ReviewCase.objects.select_related("opportunity").get(pk=recommended_case.pk)
    review_send_back(case=recommended_case, actor=second_reviewer, reason="Ask for the order.")
    with pytest.raises(Conflict) as caught:
        review_decide(case=stale, actor=senior_reviewer, outcome="approve", reasons="Fine.")
    assert "rhea_reviewer" in caught.value.message
    assert "in review" in caught.value.message.lower()
    assert not Decision.objects.filter(case=recommended_case).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="real concurrent writers need PostgreSQL"
)
def test_threads_racing_to_decide_produce_one_decision_and_409s(
    api,
    make_deal,
    case_of,
    reviewer,
    second_reviewer,
    senior_reviewer,
    committee_member,
    flushable_audit_trail,
):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    case = review_claim(case=case_of(make_deal("high")), actor=reviewer)
    case = review_recommend(case=case, actor=reviewer, outcome="approve", reasons="Lawful.")
    deciders = [second_reviewer, senior_reviewer, committee_member]
    tokens = {u.username: Token.objects.get_or_create(user=u)[0].key for u in deciders}
    url = f"{BASE}/cases/{case.pk}/decide/"
    for _round in range(3):  # the loser's timing varies: before, during or after the commit
        barrier = threading.Barrier(len(deciders))
        results: dict[str, tuple[int, str]] = {}

        def decide(username: str, barrier=barrier, url=url, results=results) -> None:
            client = APIClient(raise_request_exception=False)
            client.credentials(HTTP_AUTHORIZATION=f"Token {tokens[username]}")
            try:
                barrier.wait()
                r = client.post(url, DECIDE, format="json")
                results[username] = (r.status_code, r.content.decode()[:300])
            finally:
                connections.close_all()

        threads = [threading.Thread(target=decide, args=(u.username,)) for u in deciders]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        winners = [u for u, (code, _) in results.items() if code == 200]
        assert len(winners) == 1, results
        for user, (code, body) in results.items():
            if user != winners[0]:
                assert code == 409, results
                assert winners[0] in body and "approved" in body, results
        assert Decision.objects.filter(case=case).count() == 1
        # reopen for the next round: a fresh case on a fresh deal
        case = review_claim(
            case=case_of(make_deal("high", title=f"round {_round}")), actor=reviewer
        )
        case = review_recommend(case=case, actor=reviewer, outcome="approve", reasons="Lawful.")
        url = f"{BASE}/cases/{case.pk}/decide/"


@pytest.mark.django_db
def test_someone_who_may_not_decide_is_refused_without_learning_who_decided(
    api, recommended_case, second_reviewer, sales_rep
):
    url = f"{BASE}/cases/{recommended_case.pk}/decide/"
    assert api.as_user(second_reviewer).post(url, DECIDE, format="json").status_code == 200
    r = api.as_user(sales_rep).post(url, DECIDE, format="json")
    assert r.status_code in (403, 404), r.json()
    assert "rhea_reviewer" not in r.content.decode()
