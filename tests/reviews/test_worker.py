"""The escalation sweep through a real Celery worker on the configured broker (the
file-system broker by default, Redis when REDIS_URL is set), sent by name as beat sends
it, with the clock moved by time-machine. The result is read back from the database."""

from __future__ import annotations

import threading
import time

import pytest
import time_machine
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.db import OperationalError, connections

import reviews.tasks  # noqa: F401 - registers the tasks with the app
from audit.models import AuditEvent
from hrdd.celery import app as celery_app
from reviews.models import CaseCondition, Notification, ReviewCase
from reviews.services import review_claim
from tests.reviews.conftest import MONDAY

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
WAIT_SECONDS = 20


def _wait_for(check) -> bool:
    """Poll the database until `check()` holds (bounded); the worker runs in another thread."""
    deadline = time.monotonic() + WAIT_SECONDS
    pause = threading.Event()
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except OperationalError:
            pass  # SQLite may report the table busy while the worker writes
        pause.wait(0.2)
    return False


@pytest.fixture(autouse=True)
def _flushable(flushable_audit_trail):
    yield


@pytest.fixture(scope="module")
def worker_thread(django_db_blocker):
    """One worker thread for the module, consuming the configured broker. (Starting and
    stopping a worker per test is slower and, under load, flaky.)"""
    celery_app.conf.task_always_eager = False
    with django_db_blocker.unblock():
        celery_app.control.purge()  # nothing left over from other runs
        # The worker thread's database connection would outlive a test (CONN_MAX_AGE) and
        # keep PostgreSQL from dropping the test database: close it after each task.
        task_postrun.connect(_close_connections)
        try:
            with start_worker(
                celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=30
            ) as worker:
                yield worker
        finally:
            task_postrun.disconnect(_close_connections)
            celery_app.conf.task_always_eager = True


def _close_connections(**kwargs):
    connections.close_all()


@pytest.fixture
def real_worker(worker_thread):
    """Within a test: eager mode off, so `.delay()` goes through the broker to the worker
    (the conftest's `eager_celery` fixture restores it afterwards)."""
    celery_app.conf.task_always_eager = False
    return worker_thread


def test_a_real_worker_escalates_an_overdue_case_once(
    make_deal, case_of, reviewer, senior_reviewer, real_worker
):
    # (real_worker comes last: the set-up above runs with eager tasks, before it switches them off)
    with time_machine.travel(MONDAY, tick=False):
        case = review_claim(
            case=case_of(make_deal("medium")), actor=reviewer
        )  # due Wednesday 09:00
    with time_machine.travel("2026-03-04 10:00:00+00:00", tick=True):
        # as beat would: by name, twice (a duplicate delivery changes nothing)
        celery_app.send_task("reviews.tasks.review_escalate_overdue")
        celery_app.send_task("reviews.tasks.review_escalate_overdue")
        assert _wait_for(lambda: ReviewCase.objects.filter(pk=case.pk, escalation_level=2).exists())
        event = AuditEvent.objects.get(action="review_case.escalate", object_id=str(case.pk))
        # the notification task was queued on commit and ran on the same worker
        assert _wait_for(
            lambda: Notification.objects.filter(
                recipient=senior_reviewer, event_id=event.pk
            ).exists()
        )
        escalated = ReviewCase.objects.get(pk=case.pk)
        assert escalated.status == "escalated" and escalated.assignee_id is None
    assert AuditEvent.objects.filter(action="review_case.escalate").count() == 1
    assert ReviewCase.objects.get(pk=case.pk).escalation_level == 2


def test_a_real_worker_flags_an_overdue_condition(approved_condition, sales_rep, real_worker):
    with time_machine.travel("2027-01-01 08:00:00+00:00", tick=True):
        reviews.tasks.conditions_flag_overdue.delay()
        assert _wait_for(
            lambda: CaseCondition.objects.filter(
                pk=approved_condition.pk, escalation_level=1
            ).exists()
        )
        assert _wait_for(
            lambda: Notification.objects.filter(
                recipient=sales_rep, kind="condition.overdue"
            ).exists()
        )
