"""Someone registering name after name to see which are held is reported to compliance."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from audit.models import AuditEvent
from restricted_parties.services import sample_list_load
from reviews.models import Notification
from reviews.probing import ACTION
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"
LISTED = ["Gulf Horizon Trading LLC", "Sable Crest Holdings Limited"]  # fictional sample list


@pytest.fixture(autouse=True)
def probing_settings(settings):
    settings.RP_PROBING_THRESHOLD = 3
    settings.RP_PROBING_WINDOW_HOURS = 24
    sample_list_load()


def _probe(api, user, name, capture):
    body = deal_body(channel=[{"name": name, "role": "distributor", "country": "AE"}])
    with capture(execute=True):
        r = api.as_user(user).post(URL, body, format="json")
    assert r.status_code == 201, r.json()
    return r.json()["reference"]


def _reports():
    return AuditEvent.objects.filter(action=ACTION)


@pytest.mark.parametrize("who", ["partner_a", "sales_rep"])
def test_repeated_matches_are_reported_to_compliance_once_per_window(
    api, who, request, reviewer, senior_reviewer, catalogue, django_capture_on_commit_callbacks
):
    user = request.getfixturevalue(who)
    capture = django_capture_on_commit_callbacks
    refs = [
        _probe(api, user, LISTED[0], capture),
        _probe(api, user, "Fjord Freight AS", capture),
        _probe(api, user, LISTED[1], capture),
    ]
    assert not _reports().exists(), "two matches and a harmless name are not yet a pattern"
    refs.append(_probe(api, user, LISTED[0] + " ", capture))
    (report,) = _reports()
    assert report.object_id == str(user.pk) and report.changes["matches"] == 3
    assert report.changes["deals"] == [refs[0], refs[2], refs[3]]
    notes = Notification.objects.filter(event_id=report.pk)
    assert {n.recipient for n in notes} == {reviewer, senior_reviewer}
    assert all(user.username in n.title and refs[3] in n.body for n in notes)
    assert user.email not in [to for m in mail.outbox for to in m.to]
    assert not Notification.objects.filter(recipient=user).exists()

    _probe(api, user, LISTED[1], capture)
    assert _reports().count() == 1, "once per window, however many more"
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        for name in (LISTED[0], LISTED[1], LISTED[0]):
            _probe(api, user, name, capture)
    assert _reports().count() == 2, "a new window, a new report"


def test_compliance_staff_searching_the_lists_are_not_reported(
    api, reviewer, catalogue, django_capture_on_commit_callbacks
):
    for _ in range(4):
        _probe(api, reviewer, LISTED[0], django_capture_on_commit_callbacks)
    assert not _reports().exists()


def test_matches_within_one_batch_of_registrations_are_reported_once(
    partner_a, reviewer, catalogue, django_capture_on_commit_callbacks
):
    """Promotion registers a batch of deals in one transaction with their audit events
    held until its end: the report of the third match still counts for the fourth."""
    from lifecycle.services import opportunity_register_many

    items = [
        deal_body(
            external_id=f"BATCH-{i}",
            channel=[{"name": LISTED[i % 2], "role": "distributor", "country": "AE"}],
        )
        for i in range(5)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        results = opportunity_register_many(actor=partner_a, items=items, source="import")
    assert all(r.created for r in results)
    (report,) = _reports()
    assert report.changes["matches"] == 3
    assert Notification.objects.filter(event_id=report.pk, recipient=reviewer).exists()
