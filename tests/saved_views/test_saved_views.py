"""Saved views: a user names a list's filters and order, sees them on that list, opens and
deletes them. Only the owner ever reaches one; a view stores only what the list's
filterset accepts, and can never widen what its owner sees."""

from __future__ import annotations

import pytest

from audit.models import AuditEvent
from saved_views.models import SavedView
from tests.reviews.conftest import TIER_DEALS

pytestmark = pytest.mark.django_db


def _save(client, list_name: str, name: str, query: str):
    return client.post("/views/save/", {"list": list_name, "name": name, "query": query})


def test_save_see_open_and_delete_a_view(client, sales_rep, catalogue):
    client.force_login(sales_rep)
    r = _save(client, "deals", "Norway by value", "country=NO&ordering=-value&page=3")
    assert r.status_code == 302 and r["Location"] == "/deals/?country=NO&ordering=-value"
    view = SavedView.objects.get(user=sales_rep)
    assert view.params == {"country": ["NO"], "ordering": ["-value"]}  # not the page
    page = client.get("/deals/").content.decode()
    assert f'<a href="/views/{view.pk}/">Norway by value</a>' in page
    assert "Norway by value" not in client.get("/reviews/conditions/").content.decode()
    assert client.get(f"/views/{view.pk}/")["Location"] == "/deals/?country=NO&ordering=-value"
    # saving again under the same name replaces it
    _save(client, "deals", "Norway by value", "country=NO&ordering=value")
    assert SavedView.objects.get(user=sales_rep).params["ordering"] == ["value"]
    assert client.post(f"/views/{view.pk}/delete/").status_code == 302
    assert not SavedView.objects.filter(pk=view.pk).exists()
    actions = list(
        AuditEvent.objects.filter(object_type="saved_view", object_id=str(view.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["saved_view.created", "saved_view.replaced", "saved_view.deleted"]


def test_another_users_view_is_a_404(client, partner_a, partner_b, reviewer):
    client.force_login(partner_a)
    _save(client, "inbox", "Unread", "unread=1")
    view = SavedView.objects.get(user=partner_a)
    for intruder in (partner_b, reviewer):
        client.force_login(intruder)
        assert client.get(f"/views/{view.pk}/").status_code == 404
        assert client.post(f"/views/{view.pk}/delete/").status_code == 404
        assert f"/views/{view.pk}/" not in client.get("/inbox/").content.decode()
    assert SavedView.objects.filter(pk=view.pk).exists()


@pytest.mark.parametrize(
    "list_name, query",
    [
        ("deals", "ordering=current_screening__tier"),  # the real tier: hidden from partners
        ("deals", "current_screening__score__gte=50"),  # not a filter of the list
        ("imports", "ordering=summary__flagged"),
        ("conditions", "ordering=case__tier"),
        ("inbox", "recipient=1"),
        ("nowhere", "search=x"),
        ("queue", "tier=high"),  # compliance staff's list
    ],
)
def test_a_view_holds_only_what_its_list_accepts(client, partner_a, list_name, query):
    client.force_login(partner_a)
    r = _save(client, list_name, "Sneaky", query)
    assert r.status_code == 302
    assert not SavedView.objects.exists()
    follow = client.get(r["Location"]) if list_name != "nowhere" else None
    if follow is not None:
        assert follow.status_code in (200, 400, 403)


def test_a_partner_cannot_save_another_organisations_filter(client, partner_a, reseller_b):
    client.force_login(partner_a)
    _save(client, "imports", "Bravo's", f"organisation={reseller_b.pk}")
    assert not SavedView.objects.exists()


def test_a_saved_view_never_widens_what_its_owner_sees(client, partner_a, partner_b, catalogue):
    """The view's filters run over the owner's scope: a partner's search for another
    organisation's deal finds nothing, however it was saved."""
    from lifecycle.services import opportunity_register
    from tests.factories import deal_body

    bravo = [{"name": "Bravo Channel Solutions", "role": "reseller", "country": "FR"}]
    theirs = opportunity_register(
        actor=partner_b,
        data=deal_body(title="Bravo secret campus", channel=bravo, **TIER_DEALS["low"]),
    ).opportunity
    client.force_login(partner_a)
    r = _save(client, "deals", "Their deals", "search=Bravo+secret")
    view = SavedView.objects.get(user=partner_a)
    page = client.get(client.get(f"/views/{view.pk}/")["Location"]).content.decode()
    assert r.status_code == 302
    assert theirs.title not in page and theirs.reference not in page
    assert "0 deals" in page
