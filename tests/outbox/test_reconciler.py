"""The reconciler sends again what was lost or abandoned, and only that."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from outbox.models import OutboxMessage
from outbox.services import outbox_claim, outbox_enqueue, outbox_reconcile
from tests.outbox.conftest import queue

pytestmark = pytest.mark.django_db


def _at(seconds: float):
    return time_machine.travel(timezone.now() + timedelta(seconds=seconds), tick=False)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block whose on-commit callbacks run when it ends, as after a real commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _queued(redis) -> int:
    import redis as redis_lib

    return redis_lib.Redis.from_url(redis.url).llen(queue())


def test_unstarted_work_is_sent_again_with_a_doubling_wait(private_redis, settings, committed):
    settings.OUTBOX_RESEND_SECONDS = 60
    with committed():
        outbox_enqueue("channel_imports.tasks.import_validate", 1)
    assert _queued(private_redis) == 1  # sent on commit

    assert outbox_reconcile() == 0  # not yet due
    with _at(61):
        assert outbox_reconcile() == 1  # lost? one more copy
    with _at(122):
        assert outbox_reconcile() == 0  # the next copy waits twice as long
    with _at(61 + 121):
        assert outbox_reconcile() == 1
    assert _queued(private_redis) == 3


def test_work_that_could_not_be_sent_goes_out_at_the_next_run(private_redis, committed):
    private_redis.stop()
    with committed():
        message = outbox_enqueue("reviews.tasks.notifications_send", [1, 2])
    private_redis.start()

    assert OutboxMessage.objects.get(pk=message.pk).resend_at is None
    assert outbox_reconcile() == 1
    assert _queued(private_redis) == 1


def test_running_work_is_sent_again_only_when_its_lease_lapses(private_redis, settings, committed):
    settings.OUTBOX_LEASE_SECONDS = 60
    with committed():
        message = outbox_enqueue("channel_imports.tasks.import_promote", 7)
    assert outbox_claim(message.pk)  # a worker took it (and was then killed)
    assert outbox_claim(message.pk) is None  # a duplicate delivery finds it leased

    with _at(59):
        assert outbox_reconcile() == 0
    with _at(61):
        assert outbox_reconcile() == 1
        assert outbox_claim(message.pk)  # the new execution takes over


def test_after_a_broker_restart_work_waiting_a_doubled_wait_is_sent_at_once(
    private_redis, settings, committed
):
    settings.OUTBOX_RESEND_SECONDS = 60
    with committed():
        outbox_enqueue("channel_imports.tasks.import_validate", 1)
    with _at(61):
        assert outbox_reconcile() == 1  # a copy; the next waits 120 s
    with _at(61 + 61):
        assert outbox_reconcile() == 0  # copies still queued: wait

    private_redis.stop()  # a restart loses both queued copies
    private_redis.start()
    with _at(61 + 61):
        assert outbox_reconcile() == 1  # the queue is empty, so nothing waits in it
    assert _queued(private_redis) == 1
