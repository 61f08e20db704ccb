"""Who sees and works on which imports: the same rules in pages and the API."""

from __future__ import annotations

import pytest

from channel_imports.models import ChannelImport

from .conftest import csv_upload, drain, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def import_of_a(upload_as, partner_a, catalogue):
    _, imp = upload_as(partner_a, csv_upload([row()]))
    return drain(imp)


PAGES = [
    "/imports/{pk}/",
    "/imports/{pk}/status/",
    "/imports/{pk}/mapping/",
    "/imports/{pk}/report.csv",
    "/imports/{pk}/results.csv",
]
APIS = [
    "/api/v1/imports/{pk}/",
    "/api/v1/imports/{pk}/issues/",
    "/api/v1/imports/{pk}/lines/",
    "/api/v1/imports/{pk}/results.csv",
]


def test_partner_b_cannot_see_partner_as_import(client, api, partner_b, import_of_a):
    client.force_login(partner_b)
    for url in PAGES:
        assert client.get(url.format(pk=import_of_a.pk)).status_code == 404, url
    assert import_of_a.original_name not in client.get("/imports/").content.decode()
    b = api.as_user(partner_b)
    for url in APIS:
        assert b.get(url.format(pk=import_of_a.pk)).status_code == 404, url
    assert b.get("/api/v1/imports/").json()["count"] == 0
    assert b.post(f"/api/v1/imports/{import_of_a.pk}/accept/").status_code == 404
    assert client.post(f"/imports/{import_of_a.pk}/accept/").status_code == 404
    import_of_a.refresh_from_db()
    assert import_of_a.status == "validated"


def test_the_partner_and_compliance_see_it(
    client, api, partner_a, sales_rep, reviewer, admin_user, import_of_a
):
    for user in (partner_a, reviewer, admin_user):
        client.force_login(user)
        assert client.get(f"/imports/{import_of_a.pk}/").status_code == 200, user
        assert api.as_user(user).get("/api/v1/imports/").json()["count"] == 1
    # a sales rep sees only what they or their team uploaded, not every partner's files
    client.force_login(sales_rep)
    assert client.get(f"/imports/{import_of_a.pk}/").status_code == 404
    assert api.as_user(sales_rep).get("/api/v1/imports/").json()["count"] == 0


def test_an_outsider_sees_nothing_and_cannot_upload(client, api, outsider, import_of_a, catalogue):
    client.force_login(outsider)
    assert client.get(f"/imports/{import_of_a.pk}/").status_code == 404
    assert "Upload deal registrations" not in client.get("/imports/").content.decode()
    o = api.as_user(outsider)
    assert o.get("/api/v1/imports/").json()["count"] == 0
    r = o.post("/api/v1/imports/", {"file": csv_upload([row()])}, format="multipart")
    assert r.status_code in (400, 403)
    assert ChannelImport.objects.count() == 1


def test_a_partner_cannot_upload_for_another_partner(upload_as, partner_a, reseller_b, catalogue):
    r, imp = upload_as(partner_a, csv_upload([row()]), organisation=reseller_b.pk)
    assert r.status_code == 403 and imp is None


def test_staff_must_say_which_partner_the_file_is_for(upload_as, reviewer, reseller_b, catalogue):
    r, _ = upload_as(reviewer, csv_upload([row()]))
    assert r.status_code == 400 and r.json()["errors"] == {
        "organisation": "Say which partner organisation the file is for."
    }
    r, imp = upload_as(reviewer, csv_upload([row()]), organisation=reseller_b.pk)
    assert r.status_code == 201 and imp.organisation == reseller_b


def test_anonymous_users_are_sent_to_sign_in(client, import_of_a):
    from rest_framework.test import APIClient

    assert client.get("/imports/").status_code == 302
    assert client.get(f"/imports/{import_of_a.pk}/").status_code == 302
    assert APIClient().get("/api/v1/imports/").status_code == 401
