"""Personas shared by every test (healthchecks-style): who is acting decides what they see."""

from __future__ import annotations

import os
import shutil

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from tests.factories import OrganisationFactory, ProductFactory, TeamFactory, UserFactory


def pytest_configure(config):
    """Each test process (`make test` runs several) sends to and consumes a Celery queue of
    its own on the configured broker: a worker started by one process never takes a task
    another sent (and would run it against the wrong test database), a purge empties only
    its own queue, and no test meets a developer's `make run` worker on the same broker.
    Workers the tests start as processes inherit the name through CELERY_QUEUE."""
    from hrdd.celery import app

    queue = f"hrdd-tests-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    os.environ["CELERY_QUEUE"] = queue
    app.conf.task_default_queue = queue
    for derived in ("queues", "default_queue", "default_exchange", "router"):
        app.amqp.__dict__.pop(derived, None)  # built from the old name, if asked already


def pytest_collection_modifyitems(items):
    """Transactional tests (live server, real Celery worker) end with a flush that also
    removes what data migrations seeded (criteria, countries, SLA targets): restore it
    with Django's serialized rollback."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and "serialized_rollback" not in marker.kwargs
        ):
            kwargs = {**marker.kwargs, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(*marker.args, **kwargs), append=False)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, the test database is a file, as `make run`'s is, not Django's shared
    in-memory one. In memory, SQLite locks whole tables across the threads of a run (a
    real worker, the live server) and refuses a second writer or a reader at once ("table
    is locked"), where a file in WAL mode lets readers through and makes a writer wait its
    busy timeout: the in-memory database made the worker and browser tests flaky under
    load."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        folder = tmp_path_factory.mktemp("database")
        database.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")


@pytest.fixture
def vendor(db):
    return OrganisationFactory(name="Northwind Networks", country="US", role="vendor")


@pytest.fixture
def reseller_a(db):
    return OrganisationFactory(name="Alpha Systems Integration", country="DE", role="reseller")


@pytest.fixture
def reseller_b(db):
    return OrganisationFactory(name="Bravo Channel Solutions", country="FR", role="reseller")


@pytest.fixture
def catalogue(db):
    """A few catalogue products across the capability taxonomy."""
    return {
        p.sku: p
        for p in [
            ProductFactory(sku="NET-4400", name="Campus switch 4400", capabilities=["networking"]),
            ProductFactory(
                sku="DPI-9000",
                name="Traffic inspector 9000",
                capabilities=["deep_packet_inspection"],
            ),
            ProductFactory(
                sku="LI-GW-2", name="Interception gateway", capabilities=["lawful_interception"]
            ),
            ProductFactory(
                sku="CAM-VA-1",
                name="Analytics camera",
                capabilities=["video_surveillance", "video_analytics"],
            ),
            ProductFactory(
                sku="FACE-1", name="Face matcher", capabilities=["biometric_identification"]
            ),
            ProductFactory(sku="SRV-100", name="Rack server", capabilities=["general_compute"]),
        ]
    }


@pytest.fixture
def team(db):
    return TeamFactory(name="EMEA public sector")


@pytest.fixture
def sales_rep(vendor, team):
    return UserFactory(
        username="rita_rep", role=User.Role.SALES_REP, organisation=vendor, team=team
    )


@pytest.fixture
def teammate(vendor, team):
    return UserFactory(
        username="tom_teammate", role=User.Role.SALES_REP, organisation=vendor, team=team
    )


@pytest.fixture
def other_rep(vendor):
    return UserFactory(username="olga_other_team", role=User.Role.SALES_REP, organisation=vendor)


@pytest.fixture
def partner_a(reseller_a):
    return UserFactory(
        username="paula_partner_a", role=User.Role.PARTNER_USER, organisation=reseller_a
    )


@pytest.fixture
def partner_b(reseller_b):
    return UserFactory(
        username="bruno_partner_b", role=User.Role.PARTNER_USER, organisation=reseller_b
    )


@pytest.fixture
def reviewer(vendor):
    return UserFactory(username="rob_reviewer", role=User.Role.REVIEWER, organisation=vendor)


@pytest.fixture
def senior_reviewer(vendor):
    return UserFactory(username="sara_senior", role=User.Role.SENIOR_REVIEWER, organisation=vendor)


@pytest.fixture
def admin_user(vendor):
    return UserFactory(username="ada_admin", role=User.Role.ADMIN, organisation=vendor)


@pytest.fixture
def outsider(db):
    """Signed in, but with no role that sees deals (a partner user with no organisation)."""
    return UserFactory(username="oscar_outsider", role=User.Role.PARTNER_USER, organisation=None)


@pytest.fixture
def api():
    """An API client; `api.as_user(user)` authenticates with a real token."""
    from rest_framework.authtoken.models import Token

    client = APIClient()

    def as_user(user):
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    client.as_user = as_user
    return client


@pytest.fixture(autouse=True)
def _audit_triggers_around_flush(request):
    """Keep the append-only audit triggers in force during every test, but let
    pytest-django flush the SQLite database after a transactional test (it deletes rows;
    PostgreSQL truncates, which the row triggers do not block)."""
    names = request.fixturenames
    transactional = "transactional_db" in names or "live_server" in names
    marker = request.node.get_closest_marker("django_db")
    transactional = transactional or bool(marker and marker.kwargs.get("transaction"))
    if not transactional:
        yield
        return
    from django.db import connection

    from audit import triggers

    request.getfixturevalue("transactional_db")
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            for sql in triggers.SQLITE_CREATE:
                cur.execute(sql)
    yield
    if connection.vendor == "sqlite":
        # Empty the trail with the triggers lifted, then put them back, so the flush
        # succeeds and later tests still run with the append-only triggers in force.
        with connection.cursor() as cur:
            for sql in triggers.SQLITE_DROP:
                cur.execute(sql)
            cur.execute("DELETE FROM audit_auditseal")
            cur.execute("DELETE FROM audit_auditevent")
            for sql in triggers.SQLITE_CREATE:
                cur.execute(sql)


@pytest.fixture(autouse=True)
def _audit_checkpoints_in_a_temporary_folder(tmp_path_factory):
    """Checkpoints from `make run`, another test run or another test must not meet this
    test's trail: each test's chain starts again at position 1 (it is rolled back), so an
    earlier test's checkpoint describes a different chain."""
    from django.conf import settings

    settings.AUDIT_CHECKPOINT_DIR = tmp_path_factory.mktemp("audit-checkpoints")
    # Seal in the committing thread: a sealer thread of its own would outlive a test's
    # database (tests of the background sealer switch it on themselves).
    settings.AUDIT_SEAL_MODE = "inline"


@pytest.fixture(autouse=True)
def _match_indexes_in_a_temporary_folder(tmp_path_factory):
    """Each test saves its own match indexes: list ids and import times can repeat
    between tests (rolled back, or a frozen clock)."""
    from django.conf import settings

    settings.RESTRICTED_PARTY_INDEX_DIR = tmp_path_factory.mktemp("match-index")
    yield
    # A list a test imported is rolled back with its database; the process's cache of
    # indexes (checked every few seconds) must not carry it into the next test.
    from restricted_parties.selectors import match_index_invalidate

    match_index_invalidate()


# --- Browser tests: one Chromium for the whole session, shared by every module. --------
# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from
# a thread with a running loop unless told it is safe (the test owns the thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("AUDIT_SEAL_MODE", "inline")  # for workers started as processes

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (skipped where chromium is not installed)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (make test installs it where it can)")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, and Django's connection
    # handler is context-local, so ORM calls now get a new connection object. Give it the
    # serialized test data the original had, so transactional tests restore seeded rows.
    saved = {a: getattr(connections[a], "_test_serialized_contents", None) for a in connections}
    with sync_playwright() as p:
        for alias, contents in saved.items():
            if contents is not None and not hasattr(
                connections[alias], "_test_serialized_contents"
            ):
                connections[alias]._test_serialized_contents = contents
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()
