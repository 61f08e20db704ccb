"""A broker that restarts empty between two registrations loses nothing sent after it is
back: the web process's pooled connection is reconnected by redis-py without an error,
so the outbox does not declare the queue again there (the new Redis has no
`_kombu.binding.*` set), and each message must still reach the worker's queue by itself,
without the reconciler's re-send."""

from __future__ import annotations

import pytest
import redis as redis_lib
from django.core import mail

from outbox.models import OutboxMessage
from reviews.models import Notification, ReviewCase
from tests.factories import deal_body
from tests.reviews.conftest import TIER_DEALS

from .conftest import queue, until
from .test_faults import _assert_audit_chain_intact, _assert_notified_once, reconcile

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BEFORE, AFTER = 3, 4


@pytest.fixture(autouse=True)
def _fast(settings, tmp_path, transactional_db):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # No reconciler runs in this test: a message the broker dropped would stay lost, and
    # the resend interval is long enough that nothing else sends a row again.
    settings.OUTBOX_RESEND_SECONDS = 3600


def _register(api, sales_rep, n: int, start: int) -> list[int]:
    ids = []
    for i in range(start, start + n):
        body = deal_body(title=f"Citywide analytics {i}", **TIER_DEALS["critical"])
        r = api.as_user(sales_rep).post("/api/v1/opportunities/", body, format="json")
        assert r.status_code == 201, r.content[:500]
        ids.append(r.json()["id"])
    return ids


def _all_done() -> bool:
    return not OutboxMessage.objects.exclude(status="done").exists()


def _assert_each_deal_notified_once(deal_ids, reviewer, *, emails_here: bool = True) -> None:
    assert OutboxMessage.objects.filter(task="reviews.tasks.notifications_send").count() == len(
        deal_ids
    )
    for deal_id in deal_ids:
        case = ReviewCase.objects.get(opportunity_id=deal_id)
        assert Notification.objects.filter(case=case, recipient=reviewer).count() == 1
    if emails_here:  # a worker in another process sends its emails there
        _assert_notified_once(ReviewCase.objects.get(opportunity_id=deal_ids[-1]), [reviewer])
    _assert_audit_chain_intact()


def test_deals_registered_after_the_broker_restarted_empty_are_all_notified(
    api, sales_rep, reviewer, private_redis, thread_worker
):
    thread_worker()
    before = _register(api, sales_rep, BEFORE, 0)
    until(_all_done, timeout=60, what="the notifications of the deals before the restart")
    broker = redis_lib.Redis.from_url(private_redis.url)
    server = broker.info("server")["run_id"]

    private_redis.stop()  # queues, bindings and every kombu record on the server are gone
    private_redis.start()
    assert broker.info("server")["run_id"] != server
    after = _register(api, sales_rep, AFTER, BEFORE)

    # Every send after the restart succeeded as far as the web process could tell.
    assert not OutboxMessage.objects.filter(resend_at=None, status="pending").exists()
    until(
        _all_done,
        timeout=60,
        what="the notifications of the deals registered after the restart, with no re-send",
    )
    until(lambda: len(mail.outbox) >= BEFORE + AFTER, timeout=20, what="emails")
    assert set(OutboxMessage.objects.values_list("sends_unclaimed", flat=True)) == {0}
    _assert_each_deal_notified_once(before + after, reviewer)


def test_a_message_sent_to_a_restarted_empty_broker_waits_on_its_queue_without_a_binding(
    api, sales_rep, reviewer, private_redis, thread_worker, settings
):
    """The same with no worker to declare the queue again on the new server: the
    messages sent after the restart are on the queue's list although the server holds no
    binding of kombu's; the ones the restart lost come back by the reconciler."""
    settings.OUTBOX_RESEND_SECONDS = 2
    before = _register(api, sales_rep, BEFORE, 0)  # queued, no worker yet
    broker = redis_lib.Redis.from_url(private_redis.url)
    assert broker.llen(queue()) == BEFORE and broker.exists(f"_kombu.binding.{queue()}")

    private_redis.stop()  # the queued messages and the binding die with it
    private_redis.start()
    after = _register(api, sales_rep, AFTER, BEFORE)

    assert not broker.keys("_kombu.binding.*")  # no one declared anything on the new server
    assert broker.llen(queue()) == AFTER  # yet every send after the restart is queued
    thread_worker()
    until(_all_done, timeout=60, tick=reconcile, what="every notification, lost ones re-sent")
    until(lambda: len(mail.outbox) >= BEFORE + AFTER, timeout=20, what="emails")
    _assert_each_deal_notified_once(before + after, reviewer)


def test_a_worker_process_and_beat_across_a_broker_restart_lose_no_notification(
    api, sales_rep, reviewer, private_redis, worker_process, monkeypatch
):
    """As deployed: `celery worker` and beat in processes of their own (PostgreSQL), Redis
    killed and started again empty between two sets of registrations. Beat's reconciler
    runs, but with an hour's resend interval it sends nothing again during the test."""
    from . import conftest

    monkeypatch.setitem(conftest.FAST_OUTBOX, "OUTBOX_RESEND_SECONDS", 3600)
    worker_process.start()
    before = _register(api, sales_rep, BEFORE, 0)
    until(_all_done, timeout=120, what="the notifications of the deals before the restart")

    private_redis.stop()
    private_redis.start()
    after = _register(api, sales_rep, AFTER, BEFORE)

    until(_all_done, timeout=120, what="the notifications after the restart, with no re-send")
    _assert_each_deal_notified_once(before + after, reviewer, emails_here=False)
