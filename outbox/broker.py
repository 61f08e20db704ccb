"""Putting one outbox row's task message on the broker.

`task.apply_async` builds every message through Celery's settings (a dozen look-ups),
its router, its result object, and binds a copy of the default queue and its exchange
to declare them again on each send: about 1 ms of CPU a send, most of a registration's
work after its commit. Most of that is the same for every message of a task, so here
the message is built from a template made once per process and task, in Celery's own
format (task protocol 2, as `celery.app.amqp.AMQP.as_task_v2` writes it), and
published by a producer this thread keeps from one send to the next, on a broker
connection of its own (taking one from Celery's pool and giving it back cost a quarter
of a send, and keeping a pooled one would take a slot from Celery's own sends; a kombu
connection is not shared between threads). It is made afresh in a forked child and
whenever Celery replaces its connection pool (after a fork, or for another broker).
The queue is declared through a connection
only until that connection has declared it (kombu's own record, which a reconnection
clears; each attempt of a send asks the record afresh, so the attempt after a
reconnection declares the queue on the broker it reached).

A reconnection kombu does not see is not covered: redis-py reconnects by itself to a
Redis restarted between two sends, and kombu's record (Celery's own sends read it too)
still says declared. Nothing is lost by it: a message to the default queue goes to the
queue's list by name, and a worker declares its queues itself when it reconnects.

Whatever this shortcut does not vouch for goes through `apply_async` unchanged: eager
mode, a task routed elsewhere or carrying its own limits, expiry or priority, a send
from inside a running task (Celery then links the message to its parent), and any
receiver of Celery's publish signals or sent events. The message a worker receives is
the same either way (`tests/outbox/test_broker_message.py`). Nothing is lost by it: the
outbox row, committed before the send, stays the guarantee, and a failed send is
retried by the reconciler as before.
"""

from __future__ import annotations

import functools
import os
import threading

from celery.signals import after_task_publish, before_task_publish, task_sent
from kombu import Producer
from kombu.utils.uuid import uuid

# Per-task options that change the message or where it goes: such a task is sent by Celery.
_OWN_OPTIONS = (
    "queue",
    "routing_key",
    "exchange",
    "exchange_type",
    "priority",
    "expires",
    "time_limit",
    "soft_time_limit",
)
_EMBED = {"callbacks": None, "errbacks": None, "chain": None, "chord": None}


def task_publish(
    task, args: list, kwargs: dict, *, argsrepr: str, kwargsrepr: str, retry_policy: dict
) -> None:
    """Send `task(*args, **kwargs)` to the broker as `apply_async` would, retrying a
    refused connection by `retry_policy`; raises what the broker raised."""
    app = task._get_app()
    template = _template(app, task) if _plain(app) else None
    if template is None:
        task.apply_async(
            args=args,
            kwargs=kwargs,
            retry=True,
            retry_policy=retry_policy,
            argsrepr=argsrepr,
            kwargsrepr=kwargsrepr,
        )
        return
    headers, publish, queue, policy = template
    if task.typing:  # the arguments checked against the task's signature, as Celery does
        task.__header__(*args, **kwargs)
    task_id = uuid()
    producer = _kept_producer(app)
    connection = producer.connection

    def attempt() -> None:
        producer.publish(
            (list(args), kwargs, dict(_EMBED)),
            headers={
                **headers,
                "id": task_id,
                "root_id": task_id,
                "argsrepr": argsrepr,
                "kwargsrepr": kwargsrepr,
            },
            correlation_id=task_id,
            reply_to=app.thread_oid,
            # Celery copies these options into the message's properties as well.
            argsrepr=argsrepr,
            kwargsrepr=kwargsrepr,
            # Asked on every attempt: a reconnection between two attempts clears the
            # connection's record, and the queue is declared on the broker reached.
            declare=None if hash(queue) in connection.declared_entities else [queue],
            **publish,
        )

    # What `producer.publish(retry=True)` does, around the attempt rather than inside
    # it, so that an attempt after a reconnection decides the declaration afresh.
    policy = {**policy, **retry_policy}
    connection.transport_options.update(policy)
    with connection._reraise_as_library_errors():
        connection.ensure(producer, attempt, **policy)()


_kept = threading.local()


def _kept_producer(app):
    """This thread's producer, on its own connection to the broker Celery's settings name
    now (see the module's doc)."""
    pool = app.pool  # replaced after a fork, or for another broker
    kept = getattr(_kept, "producer", None)
    if kept is not None and kept[0] == os.getpid() and kept[1] is pool:
        return kept[2]
    if kept is not None and kept[0] == os.getpid():
        kept[2].connection.collect()  # the connection to the broker used before
    producer = Producer(app.connection_for_write(), auto_declare=False)
    _kept.producer = (os.getpid(), pool, producer)
    return producer


def _plain(app) -> bool:
    """Whether nothing around this send changes its message: not eager, not inside a
    running task, no one listening to Celery's publish signals or sent events."""
    return not (
        app.conf.task_always_eager
        or app.current_worker_task is not None
        or before_task_publish.receivers
        or after_task_publish.receivers
        or task_sent.receivers
        or app.conf.task_send_sent_event
    )


def _template(app, task):
    return _template_of(app, task.name, id(app.conf.task_routes), app.conf.task_default_queue)


@functools.lru_cache(maxsize=64)
def _template_of(app, name: str, _routes, _queue_name):
    """(headers, publish options, queue) of `name`'s messages in this process, or None
    when the task or the settings route it, limit it or give it options of its own."""
    task = app.tasks[name]
    conf = app.conf
    options = task._get_exec_options()
    if (
        conf.task_routes
        or conf.task_protocol != 2
        or any(options.get(o) is not None for o in _OWN_OPTIONS)
        or getattr(task, "expires", None) is not None
        or task.time_limit is not None
        or task.soft_time_limit is not None
        or not task.ignore_result  # its result backend hears of the call first
    ):
        return None
    queue = app.amqp.default_queue
    if queue.exchange.type != "direct":
        return None
    # The headers `as_task_v2` writes for a message sent at once, outside any task.
    message = app.amqp.as_task_v2(
        "",
        name,
        [],
        {},
        ignore_result=task.ignore_result,
        argsrepr="",
        kwargsrepr="",
    )
    headers = dict(message.headers)
    publish = {
        "exchange": "",  # the queue's own name, as Celery sends to a direct exchange
        "routing_key": queue.name,
        "serializer": options.get("serializer") or conf.task_serializer,
        "compression": options.get("compression") or conf.task_compression,
        "delivery_mode": options.get("delivery_mode")
        or queue.exchange.delivery_mode
        or conf.task_default_delivery_mode,
    }
    return headers, publish, queue, dict(conf.task_publish_retry_policy)
