"""The outbox puts on the broker the message Celery's `apply_async` would, built once per
task and sent without declaring the queue again (that a worker runs it and that nothing
is lost while the broker is down: `test_faults.py`, `test_reconciler.py`)."""

from __future__ import annotations

import base64
import json

import pytest
from celery.app.task import Task
from celery.signals import before_task_publish

from outbox.broker import task_publish
from outbox.services import PUBLISH_RETRY, _task
from tests.outbox.conftest import queue

pytestmark = pytest.mark.django_db

PER_MESSAGE = {"id", "root_id"}  # the task id, new for every message


def _send(task_name: str, args: list, outbox_id: int) -> None:
    kwargs = {"outbox_id": outbox_id}
    task_publish(
        _task(task_name),
        args,
        kwargs,
        argsrepr=repr(args),
        kwargsrepr=repr(kwargs),
        retry_policy=PUBLISH_RETRY,
    )


def _sent_by_celery(task_name: str, args: list, outbox_id: int) -> None:
    """The same send through `apply_async` (a listener to Celery's publish signal makes
    the outbox leave the message to Celery)."""

    def listening(**_kwargs):
        return None

    before_task_publish.connect(listening, weak=False)
    try:
        _send(task_name, args, outbox_id)
    finally:
        before_task_publish.disconnect(listening)


def _taken(redis) -> dict:
    import redis as redis_lib

    raw = redis_lib.Redis.from_url(redis.url).rpop(queue())
    assert raw is not None, "no message on the broker"
    message = json.loads(raw)
    message["body"] = json.loads(base64.b64decode(message["body"]))
    return message


def _without_ids(message: dict) -> dict:
    headers = {k: v for k, v in message["headers"].items() if k not in PER_MESSAGE}
    properties = dict(message["properties"])
    properties.pop("correlation_id")
    properties.pop("delivery_tag")
    return {**message, "headers": headers, "properties": properties}


@pytest.mark.parametrize(
    ("task_name", "args"),
    [
        ("reviews.tasks.notifications_send", [[11, 12, 13]]),
        ("channel_imports.tasks.import_validate", [7]),
    ],
)
def test_the_outbox_sends_the_message_celery_would_send(
    private_redis, task_name, args, monkeypatch
):
    _sent_by_celery(task_name, args, 41)
    by_celery = _taken(private_redis)

    def refused(*_args, **_kwargs):
        raise AssertionError("sent through apply_async, not by the outbox's own message")

    monkeypatch.setattr(Task, "apply_async", refused)  # the shortcut must be what sends
    _send(task_name, args, 41)
    _send(task_name, args, 42)  # a second message: the queue is not declared again
    first, second = _taken(private_redis), _taken(private_redis)

    assert _without_ids(first) == _without_ids(by_celery)
    assert first["body"][:2] == [args, {"outbox_id": 41}]
    assert second["body"][:2] == [args, {"outbox_id": 42}]
    for message in (first, second):
        task_id = message["headers"]["id"]
        assert message["headers"]["root_id"] == task_id
        assert message["properties"]["correlation_id"] == task_id
    assert first["headers"]["id"] != second["headers"]["id"] != by_celery["headers"]["id"]


def test_eager_mode_switched_at_run_time_still_runs_the_task_here(
    private_redis, settings, upload_as, partner_a, catalogue, django_capture_on_commit_callbacks
):
    """The settings name Celery's defaults (the outbox reads them on every send); a value
    set on the app at run time, as tests and `make run`'s demo do, still decides: an upload
    is validated in this process, its outbox row done, and nothing is on the broker."""
    import redis as redis_lib

    from hrdd.celery import app as celery_app
    from outbox.models import OutboxMessage
    from tests.channel_imports.conftest import csv_upload, row

    assert settings.CELERY_TASK_ALWAYS_EAGER is False
    celery_app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            r, imp = upload_as(partner_a, csv_upload([row(partner_reference="D-1")]))
    finally:
        celery_app.conf.task_always_eager = False

    assert r.status_code == 201, r.content[:500]
    imp.refresh_from_db()
    assert (imp.status, imp.valid_rows) == ("validated", 1)
    (sent,) = OutboxMessage.objects.all()  # the validation the upload recorded
    assert sent.args == [imp.pk] and sent.status == OutboxMessage.Status.DONE
    assert redis_lib.Redis.from_url(private_redis.url).llen(queue()) == 0


def test_a_send_that_reconnects_to_a_restarted_broker_declares_the_queue_there(private_redis):
    """A send that finds the broker gone reconnects (kombu clears the connection's record
    of declared queues) and declares the queue on the broker it reaches: a restarted broker
    that lost its state is told of the queue again, and the message is on it."""
    import redis as redis_lib

    broker = redis_lib.Redis.from_url(private_redis.url)
    _send("channel_imports.tasks.import_validate", [7], 44)  # the queue declared once
    assert broker.exists(f"_kombu.binding.{queue()}")
    private_redis.stop()  # its state (queue, binding, message) lost, as a crashed broker's
    restarts = []

    def broker_back(_exc, _interval):  # kombu calls this once the send found it gone
        if not restarts:
            private_redis.start()
            restarts.append(True)

    kwargs = {"outbox_id": 45}
    task_publish(
        _task("channel_imports.tasks.import_validate"),
        [8],
        kwargs,
        argsrepr="[8]",
        kwargsrepr=repr(kwargs),
        retry_policy={**PUBLISH_RETRY, "errback": broker_back},
    )

    assert restarts, "the send never found the broker gone"
    broker = redis_lib.Redis.from_url(private_redis.url)
    assert broker.exists(f"_kombu.binding.{queue()}")
    assert _taken(private_redis)["body"][:2] == [[8], kwargs]
    assert broker.llen(queue()) == 0
