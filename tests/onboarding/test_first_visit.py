"""The first visit of a fresh installation offers the set-up (the vendor organisation and
the first admin) in the browser, only while nobody has an account and only with the
one-time setup code the server printed in its log; afterwards the page is not found, and
two set-ups at once create one admin."""

from __future__ import annotations

import re
import threading
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.utils import timezone

from accounts.models import User
from onboarding.models import InstallationSetup, SetupCode
from onboarding.services import installation_setup, setup_code_issue
from partners.models import Organisation
from tests.fielderrors import invalid_fields

PASSWORD = "a long and unusual passphrase 42"
LOGGED = re.compile(r"Open (\S+) and enter the setup code ([A-Z0-9]{4}-[A-Z0-9]{4})")


def _logged_codes(caplog) -> list[tuple[str, str]]:
    """(address, code) of every setup code the server printed in its log."""
    return [m.groups() for r in caplog.records if (m := LOGGED.search(r.getMessage()))]


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
def test_a_fresh_installation_is_set_up_from_its_first_page(client, caplog):
    assert not User.objects.exists()
    r = client.get("/")
    assert r.status_code == 302 and r["Location"] == "/setup/"
    assert 'href="/setup/"' in client.get("/login/").content.decode()
    page = client.get("/setup/").content.decode()
    assert 'id="installation-setup"' in page and 'name="setup_code"' in page
    # the first visit printed a code to the server's log, not to the page
    [(address, code)] = _logged_codes(caplog)
    assert address == "http://testserver/setup/" and code not in page
    client.get("/setup/")  # a reload keeps the code it printed
    assert len(_logged_codes(caplog)) == 1
    r = client.post("/setup/", _form(setup_code=code.lower()), follow=True)
    assert "Acme Routers GmbH is set up. Sign in as ada" in r.content.decode()
    admin = User.objects.get()
    assert admin.role == User.Role.ADMIN and admin.check_password(PASSWORD)
    assert admin.organisation == Organisation.objects.get(name="Acme Routers GmbH", role="vendor")
    # offered once: afterwards not found, to anyone, and the sign-in page is back
    assert client.get("/setup/").status_code == 404
    assert client.post("/setup/", _form(username="mallory", setup_code=code)).status_code == 404
    assert not User.objects.filter(username="mallory").exists()
    assert 'href="/setup/"' not in client.get("/login/").content.decode()
    assert client.get("/")["Location"] == "/login/?next=/"


@pytest.mark.django_db
def test_a_first_visitor_without_the_code_is_refused_and_nothing_is_created(client, caplog):
    client.get("/setup/")
    [(_, code)] = _logged_codes(caplog)
    r = client.post("/setup/", _form())
    assert r.status_code == 400
    assert invalid_fields(r.content.decode()) == {
        "setup_code": "Enter the setup code the server printed in its log."
    }
    wrong = "ABCD-EFGH" if code != "ABCD-EFGH" else "HGFE-DCBA"
    r = client.post("/setup/", _form(setup_code=wrong, password="123", password_again="123"))
    fields = invalid_fields(r.content.decode())
    assert fields["setup_code"].startswith("That is not the setup code. The server printed it")
    assert "too short" in fields["password"]  # every mistake at once
    assert not User.objects.exists() and not Organisation.objects.exists()
    assert not InstallationSetup.objects.exists()
    # the right code still works
    assert client.post("/setup/", _form(setup_code=code)).status_code == 302


@pytest.mark.django_db
def test_wrong_codes_lock_the_page_for_a_while_like_signing_in(client, caplog, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client.get("/setup/")
    [(_, code)] = _logged_codes(caplog)
    for attempt in ("AAAA-AAAA", "BBBB-BBBB", "CCCC-CCCC"):
        assert client.post("/setup/", _form(setup_code=attempt)).status_code == 400
    r = client.post("/setup/", _form(setup_code=code))  # even the right one, for now
    assert r.status_code == 429
    assert invalid_fields(r.content.decode())["setup_code"] == (
        "Too many wrong setup codes. Try again in 15 minutes, or set up from the server "
        "with manage.py setup."
    )
    assert not User.objects.exists()
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert client.post("/setup/", _form(setup_code=code)).status_code == 302
    assert User.objects.get().username == "ada"


@pytest.mark.django_db
def test_the_server_prints_a_new_code_as_it_starts_and_the_old_one_stops_working(client, caplog):
    client.get("/setup/")
    [(_, first)] = _logged_codes(caplog)
    call_command("setup_code", url="http://127.0.0.1:8000/setup/")
    address, second = _logged_codes(caplog)[-1]
    assert address == "http://127.0.0.1:8000/setup/" and second != first
    r = client.post("/setup/", _form(setup_code=first))
    assert "That is not the setup code" in invalid_fields(r.content.decode())["setup_code"]
    assert client.post("/setup/", _form(setup_code=second)).status_code == 302
    # with accounts, starting the server prints no code
    call_command("setup_code")
    assert len(_logged_codes(caplog)) == 2 and not SetupCode.objects.exists()


@pytest.mark.django_db
def test_the_page_is_not_found_once_any_account_exists(client, partner_a):
    """Not only an admin: a partner user made by hand closes it too."""
    assert client.get("/setup/").status_code == 404
    assert client.post("/setup/", _form()).status_code == 404
    assert not User.objects.filter(username="ada").exists()


@pytest.mark.django_db
def test_mistakes_are_marked_beside_their_fields_and_nothing_is_created(client):
    code = setup_code_issue()
    r = client.post(
        "/setup/",
        _form(setup_code=code, vendor_country="", password="123", password_again="123"),
    )
    assert r.status_code == 400
    fields = invalid_fields(r.content.decode())
    assert fields["vendor_country"] == "Choose the vendor's country."
    assert "password" in fields and "too short" in fields["password"]
    assert 'value="Acme Routers GmbH"' in r.content.decode()  # what was typed stays
    r = client.post("/setup/", _form(setup_code=code, password_again="something else entirely"))
    assert invalid_fields(r.content.decode()) == {"password_again": "The two passwords differ."}
    assert not User.objects.exists() and not InstallationSetup.objects.exists()


@pytest.mark.django_db
def test_a_set_up_that_lost_the_race_is_refused():
    """The second of two set-ups started together finds the row the first inserted."""
    code = setup_code_issue()
    InstallationSetup.objects.create(pk=1, via="web")  # the winner's, not yet with its admin
    with pytest.raises(Exception, match="already set up"):
        installation_setup(
            setup_code=code,
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
    code = setup_code_issue()
    start = threading.Barrier(4)
    codes: list[int] = []

    def submit(n: int) -> None:
        try:
            client = Client()
            start.wait()
            codes.append(
                client.post("/setup/", _form(username=f"admin{n}", setup_code=code)).status_code
            )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes) == [302, 404, 404, 404]
    assert User.objects.count() == 1 and Organisation.objects.filter(role="vendor").count() == 1
