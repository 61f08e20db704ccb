"""Partners and reps never learn that a misuse report exists: every deal page, API,
export, inbox and notification they can reach is walked after a credible report."""

from __future__ import annotations

import pytest

from grievances.services import report_answer, report_link, report_record_outcome, report_submit
from reviews.models import Notification

pytestmark = pytest.mark.django_db

SECRETS = ("R-0", "misuse", "Misuse", "grievance", "concern", "Photos match", "protesters")


@pytest.fixture
def reported(approved_deal, reviewer):
    report = report_submit(data={"what": "The cluster tracks protesters."})[0]
    report_link(report=report, actor=reviewer, organisation=approved_deal.end_customer)
    report_answer(report=report, actor=reviewer, body="We are looking into it.")
    report_record_outcome(report=report, actor=reviewer, outcome="credible", note="Photos match.")
    approved_deal.refresh_from_db()
    assert approved_deal.status == "on_hold"
    return approved_deal


def _clean(text: str, where: str) -> None:
    for word in SECRETS:
        assert word not in text, f"{where} shows {word!r}"


@pytest.mark.parametrize("persona", ["partner_a", "sales_rep", "teammate"])
def test_nothing_they_can_reach_names_the_report(request, persona, reported, client, api):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    api.as_user(user)
    pk = reported.pk
    pages = [
        f"/deals/{pk}/",
        "/deals/",
        "/deals/?status=in_review",
        "/inbox/",
        "/reviews/conditions/",
        "/imports/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        _clean(response.content.decode(), url)
    detail = client.get(f"/deals/{pk}/").content.decode()
    assert "In compliance review" in detail  # the same words any hold shows
    apis = (
        f"/api/v1/opportunities/{pk}/",
        "/api/v1/opportunities/",
        "/api/v1/organisations/",
        "/api/v1/reviews/conditions/",
        "/api/v1/imports/",
    )
    for url in apis:
        response = api.get(url)
        assert response.status_code == 200, url
        _clean(response.content.decode(), url)
    for note in Notification.objects.filter(recipient=user):
        _clean(f"{note.title} {note.body} {note.url}", "a notification")
    for url in ("/grievances/", f"/grievances/organisations/{reported.end_customer_id}/"):
        assert client.get(url).status_code == 403
