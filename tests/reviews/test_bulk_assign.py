"""Bulk assign in the queue: a lead ticks cases and gives them to a reviewer; every case
goes through the single-case service, so each check still applies."""

from __future__ import annotations

import pytest

from reviews.models import ReviewCase

pytestmark = pytest.mark.django_db


def test_a_senior_reviewer_assigns_ticked_cases_at_once(
    client, senior_reviewer, reviewer, make_deal, case_of
):
    cases = [case_of(make_deal("medium", title=f"Deal {i}")) for i in range(3)]
    client.force_login(senior_reviewer)
    queue = client.get("/reviews/").content.decode()
    assert 'id="bulk-assign"' in queue and 'class="bulk-pick"' in queue
    response = client.post(
        "/reviews/assign/",
        {
            "assignee": reviewer.pk,
            "case": [cases[0].pk, cases[1].pk, 999999, "x"],
            "next": "/reviews/?tier=medium",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/reviews/?tier=medium"
    assert "Assigned 2 cases to" in response.content.decode()
    assigned = set(ReviewCase.objects.filter(assignee=reviewer).values_list("pk", flat=True))
    assert assigned == {cases[0].pk, cases[1].pk}


def test_a_reviewer_without_authority_gets_no_bulk_bar_and_no_assignment(
    client, reviewer, second_reviewer, make_deal, case_of
):
    case = case_of(make_deal("medium"))
    client.force_login(reviewer)
    assert 'id="bulk-assign"' not in client.get("/reviews/").content.decode()
    response = client.post(
        "/reviews/assign/", {"assignee": second_reviewer.pk, "case": [case.pk]}, follow=True
    )
    assert "Not assigned" in response.content.decode()
    case.refresh_from_db()
    assert case.assignee_id is None


def test_the_way_back_is_only_ever_the_queue(client, senior_reviewer, reviewer, make_deal, case_of):
    case = case_of(make_deal("medium"))
    client.force_login(senior_reviewer)
    response = client.post(
        "/reviews/assign/",
        {"assignee": reviewer.pk, "case": [case.pk], "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and response["Location"] == "/reviews/"
