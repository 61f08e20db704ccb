"""The first visit of a fresh installation offers the set-up (the vendor organisation and
the first admin) in the browser, only while nobody has an account; afterwards the page is
not found, and two set-ups at once create one admin."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from accounts.models import User
from onboarding.models import InstallationSetup
from onboarding.services import installation_setup
from partners.models import Organisation
from tests.fielderrors import invalid_fields

PASSWORD = "a long and unusual passphrase 42"


def _form(**overrides) -> dict:
    body = {
        "vendor_name": "Acme Routers GmbH",
        "vendor_country": "DE",
        "username": "ada",
        "email": "ada@acme.example",
        "password": PASSWORD,
        "password_again": PASSWORD,
    }
    return {**body, **overrides}


@pytest.mark.django_db
def test_a_fresh_installation_is_set_up_from_its_first_page(client):
    assert not User.objects.exists()
    r = client.get("/")
    assert r.status_code == 302 and r["Location"] == "/setup/"
    assert 'href="/setup/"' in client.get("/login/").content.decode()
    assert 'id="installation-setup"' in client.get("/setup/").content.decode()
    r = client.post("/setup/", _form(), follow=True)
    assert "Acme Routers GmbH is set up. Sign in as ada" in r.content.decode()
    admin = User.objects.get()
    assert admin.role == User.Role.ADMIN and admin.check_password(PASSWORD)
    assert admin.organisation == Organisation.objects.get(name="Acme Routers GmbH", role="vendor")
    # offered once: afterwards not found, to anyone, and the sign-in page is back
    assert client.get("/setup/").status_code == 404
    assert client.post("/setup/", _form(username="mallory")).status_code == 404
    assert not User.objects.filter(username="mallory").exists()
    assert 'href="/setup/"' not in client.get("/login/").content.decode()
    assert client.get("/")["Location"] == "/login/?next=/"


@pytest.mark.django_db
def test_the_page_is_not_found_once_any_account_exists(client, partner_a):
    """Not only an admin: a partner user made by hand closes it too."""
    assert client.get("/setup/").status_code == 404
    assert client.post("/setup/", _form()).status_code == 404
    assert not User.objects.filter(username="ada").exists()


@pytest.mark.django_db
def test_mistakes_are_marked_beside_their_fields_and_nothing_is_created(client):
    r = client.post("/setup/", _form(vendor_country="", password="123", password_again="123"))
    assert r.status_code == 400
    fields = invalid_fields(r.content.decode())
    assert fields["vendor_country"] == "Choose the vendor's country."
    assert "password" in fields and "too short" in fields["password"]
    assert 'value="Acme Routers GmbH"' in r.content.decode()  # what was typed stays
    r = client.post("/setup/", _form(password_again="something else entirely"))
    assert invalid_fields(r.content.decode()) == {"password_again": "The two passwords differ."}
    assert not User.objects.exists() and not InstallationSetup.objects.exists()


@pytest.mark.django_db
def test_a_set_up_that_lost_the_race_is_refused():
    """The second of two set-ups started together finds the row the first inserted."""
    InstallationSetup.objects.create(pk=1, via="web")  # the winner's, not yet with its admin
    with pytest.raises(Exception, match="already set up"):
        installation_setup(
            vendor_name="Second",
            vendor_country="FR",
            username="eve",
            email="",
            password=PASSWORD,
            via="web",
        )
    assert not User.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_set_ups_at_once_create_one_admin():
    if connection.vendor != "postgresql":
        # the test run's in-memory SQLite locks whole tables across threads, with no wait
        pytest.skip("concurrent set-ups need PostgreSQL (DATABASE_URL)")
    start = threading.Barrier(4)
    codes: list[int] = []

    def submit(n: int) -> None:
        try:
            client = Client()
            start.wait()
            codes.append(client.post("/setup/", _form(username=f"admin{n}")).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes) == [302, 404, 404, 404]
    assert User.objects.count() == 1 and Organisation.objects.filter(role="vendor").count() == 1
