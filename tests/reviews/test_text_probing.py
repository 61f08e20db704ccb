"""A deal whose description reads no red flag, registered by someone whose deal with a near
description was flagged shortly before, is reported to compliance; the person is not told.

Found by a hostile-partner review: a rep registered a deal reading "locate the phones of
protesters", read the hold and its quote, then registered another deal with the words
reworded until nothing was read, and it was cleared; nothing noticed that the words had
moved from one deal to another (the same deal rewritten is `test_text_rewritten`'s).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from audit.models import AuditEvent
from reviews.models import Notification
from reviews.text_probing import ACTION
from rules.models import Screening
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"
FLAGGED = "The customer wants to locate the phones of protesters near the square."
REWORDED = "The customer wants to find the handsets of people near the square."
REWORDED_AGAIN = "The customer wants to find the handsets of visitors near the square."
UNRELATED = "Switches and access points for the warehouse floor and the loading bays."
QUOTE = "“locate the phones of protesters”"
HEADING = "Text near a flagged deal's, with nothing read"


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def _register(api, user, text: str, capture, **body) -> dict:
    with capture(execute=True):
        r = api.as_user(user).post(
            URL,
            deal_body(intended_use=["network_operations"], use_description=text, **body),
            format="json",
        )
    assert r.status_code == 201, r.json()
    return r.json()


def _flagged(deal: dict) -> bool:
    return bool(Screening.objects.get(opportunity_id=deal["id"]).snapshot["text.signals"])


def _reports():
    return AuditEvent.objects.filter(action=ACTION)


def test_a_reworded_description_on_another_deal_is_reported_to_compliance_not_to_the_rep(
    api, client, sales_rep, reviewer, senior_reviewer, catalogue, capture
):
    held = _register(api, sales_rep, FLAGGED, capture)
    assert _flagged(held) and held["screening"]["tier"] in {"high", "critical"}
    assert not _reports().exists(), "a flagged deal alone is no probing"
    cleared = _register(api, sales_rep, REWORDED, capture)
    assert not _flagged(cleared), "the rewording must read nothing for this test to mean anything"

    (report,) = _reports()
    assert report.object_type == "user" and report.object_id == str(sales_rep.pk)
    assert report.changes["deal"] == cleared["reference"]
    assert report.changes["flagged"] == [held["reference"]]
    assert any(QUOTE in q for q in report.changes["read"][held["reference"]]["tracking"])
    notes = Notification.objects.filter(event_id=report.pk)
    assert {n.recipient for n in notes} == {reviewer, senior_reviewer}
    for n in notes:
        assert sales_rep.username in n.title
        assert cleared["reference"] in n.body and held["reference"] in n.body
        assert "locate the phones of protesters" in n.body
    assert {reviewer.email, senior_reviewer.email} <= {to for m in mail.outbox for to in m.to}

    # compliance read it on the cleared deal's page, with the flagged deal and its quote
    client.force_login(reviewer)
    page = client.get(f"/deals/{cleared['id']}/").content.decode()
    assert HEADING in page and held["reference"] in page and "locate the phones" in page

    # the rep notices nothing: no message, no mail, the same deal page and API answer
    assert not Notification.objects.filter(recipient=sales_rep).exists()
    assert sales_rep.email not in [to for m in mail.outbox for to in m.to]
    client.force_login(sales_rep)
    page = client.get(f"/deals/{cleared['id']}/").content.decode()
    assert HEADING not in page and "locate the phones" not in page
    assert held["reference"] not in page
    shown = api.as_user(sales_rep).get(f"{URL}{cleared['id']}/").json()
    assert shown["screening"] == cleared["screening"]
    assert "locate the phones" not in str(shown) and held["reference"] not in str(shown)


def test_a_change_of_another_deal_to_the_reworded_text_is_reported(
    api, sales_rep, reviewer, catalogue, capture
):
    held = _register(api, sales_rep, FLAGGED, capture)
    other = _register(api, sales_rep, UNRELATED, capture, title="Warehouse wifi")
    assert not _reports().exists(), "an unrelated deal by the same rep is no probing"
    with capture(execute=True):
        r = api.as_user(sales_rep).put(
            f"{URL}{other['id']}/",
            deal_body(intended_use=["network_operations"], use_description=REWORDED),
            format="json",
        )
    assert r.status_code == 200, r.json()
    (report,) = _reports()
    assert report.changes["deal"] == other["reference"]
    assert report.changes["flagged"] == [held["reference"]]
    assert Notification.objects.filter(event_id=report.pk, recipient=reviewer).exists()


def _reported(user, deal: dict) -> AuditEvent:
    """The one report, about `user` and naming `deal` as the cleared one: after the cases
    that report nothing, the watch is shown to be on."""
    (report,) = _reports()
    assert report.object_id == str(user.pk) and report.changes["deal"] == deal["reference"]
    return report


def test_an_unrelated_cleared_deal_of_the_same_rep_is_not_reported(
    api, sales_rep, reviewer, catalogue, capture
):
    held = _register(api, sales_rep, FLAGGED, capture)
    _register(api, sales_rep, UNRELATED, capture, title="Warehouse wifi")
    _register(api, sales_rep, "Office switching", capture)  # the same title, little else
    assert not _reports().exists()
    assert not Notification.objects.filter(recipient=reviewer, kind=ACTION).exists()
    reworded = _register(api, sales_rep, REWORDED, capture)
    assert _reported(sales_rep, reworded).changes["flagged"] == [held["reference"]]


def test_another_rep_s_near_cleared_deal_is_not_reported(
    api, sales_rep, teammate, partner_a, catalogue, capture
):
    _register(api, sales_rep, FLAGGED, capture)
    _register(api, teammate, REWORDED, capture)
    _register(api, partner_a, REWORDED, capture)
    assert not _reports().exists()
    _reported(sales_rep, _register(api, sales_rep, REWORDED, capture))


def test_a_flagged_deal_older_than_the_window_is_not_compared(
    api, settings, sales_rep, catalogue, capture
):
    settings.TEXT_PROBING_WINDOW_HOURS = 72
    old = _register(api, sales_rep, FLAGGED, capture)
    Screening.objects.filter(opportunity_id=old["id"]).update(
        created_at=timezone.now() - timedelta(hours=73)
    )
    _register(api, sales_rep, REWORDED, capture)
    assert not _reports().exists()
    held = _register(api, sales_rep, FLAGGED, capture)
    report = _reported(sales_rep, _register(api, sales_rep, REWORDED_AGAIN, capture))
    assert report.changes["flagged"] == [held["reference"]], "the old deal is not named"


def test_a_second_rewording_in_the_same_window_is_not_reported_again(
    api, sales_rep, reviewer, catalogue, capture
):
    _register(api, sales_rep, FLAGGED, capture)
    _register(api, sales_rep, REWORDED, capture)
    _register(api, sales_rep, REWORDED_AGAIN, capture)
    assert _reports().count() == 1, "once per window, however many more"
    assert Notification.objects.filter(recipient=reviewer, kind=ACTION).count() == 1


def test_compliance_staff_registering_deals_are_not_reported(
    api, reviewer, senior_reviewer, sales_rep, catalogue, capture
):
    _register(api, reviewer, FLAGGED, capture)
    _register(api, reviewer, REWORDED, capture)
    assert not _reports().exists()
    assert not Notification.objects.filter(kind=ACTION).exists()
    _register(api, sales_rep, FLAGGED, capture)
    _reported(sales_rep, _register(api, sales_rep, REWORDED, capture))


def test_a_rewording_within_one_batch_of_registrations_is_reported_once(
    partner_a, reviewer, catalogue, capture
):
    """Promotion registers a batch of deals in one transaction: the flagged deal before
    the reworded ones is compared as if they were registered one after another."""
    from lifecycle.services import opportunity_register_many

    items = [
        deal_body(external_id=f"BATCH-{i}", intended_use=["network_operations"], use_description=t)
        for i, t in enumerate([REWORDED, FLAGGED, UNRELATED, REWORDED, REWORDED_AGAIN])
    ]
    with capture(execute=True):
        results = opportunity_register_many(actor=partner_a, items=items, source="import")
    assert all(r.created for r in results)
    (report,) = _reports()
    refs = [r.opportunity.reference for r in results]
    # the first reworded deal came before the flagged one: only the fourth is near a
    # deal flagged before it
    assert report.changes["deal"] == refs[3] and report.changes["flagged"] == [refs[1]]
    assert Notification.objects.filter(event_id=report.pk, recipient=reviewer).exists()
