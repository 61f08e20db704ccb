"""The outbox's side of every task: claim the row, keep its lease while working, mark
it done, and the periodic reconciler (scheduled in settings.CELERY_BEAT_SCHEDULE).

`outbox_task` declares a task like `shared_task` does. A message sent by the outbox
carries `outbox_id`: the execution runs only if it claims that row (a duplicate delivery
finds it done or leased and does nothing). Called without `outbox_id` (by hand, in tests,
by beat) the task simply runs. Failures are retried by the outbox (a later `available_at`
and the reconciler), not by Celery, so there is one retry mechanism.
"""

from __future__ import annotations

import contextvars
import functools
import logging
import threading

from celery import shared_task
from django.conf import settings
from django.db import connections

from . import services

log = logging.getLogger(__name__)
# acks_late: the message stays on the broker until the task returns; reject_on_worker_lost:
# a killed worker's message goes back to the queue instead of being acknowledged.
OPTIONS = {"acks_late": True, "reject_on_worker_lost": True}
_work_key: contextvars.ContextVar[str] = contextvars.ContextVar("outbox_work_key", default="")


def current_claim_token() -> str:
    """A key that stays the same for every execution of one outbox row (empty outside
    the outbox): a service may use it to resume what a killed execution left half done."""
    return _work_key.get()


def task_named(name: str, *, formerly_named: tuple[str, ...] = (), **options):
    """`shared_task(name=…)` that also answers to the names the task had before a rename:
    rows of the outbox and messages on the broker written by an older release carry the
    old name. For tasks beat schedules; queued work uses `outbox_task`."""

    def wrap(fn):
        for old in formerly_named:
            shared_task(name=old, **options)(fn)
        return shared_task(name=name, **options)(fn)

    return wrap


def outbox_task(name: str, *, formerly_named: tuple[str, ...] = ()):
    def wrap(fn):
        run = _claimed(fn, name)
        return task_named(name, formerly_named=formerly_named, **OPTIONS)(run)

    return wrap


def _claimed(fn, name: str):
    """`fn` run only by the execution that claims its outbox row (see the module's doc)."""

    @functools.wraps(fn)
    def run(*args, outbox_id: int | None = None):
        if outbox_id is None:
            return fn(*args)
        token = services.outbox_claim(outbox_id)
        if token is None:
            log.info("%s (outbox %s): done or held elsewhere; skipped", name, outbox_id)
            return None
        keeper = _LeaseKeeper(outbox_id, token)
        keeper.start()
        key = _work_key.set(f"outbox-{outbox_id}")
        try:
            result = fn(*args)
        except Exception as exc:
            services.outbox_failed(outbox_id, token, f"{type(exc).__name__}: {exc}")
            raise
        finally:
            _work_key.reset(key)
            keeper.stop()
        services.outbox_done(outbox_id, token)
        return result

    return run


class _LeaseKeeper(threading.Thread):
    """Renews the lease every third of OUTBOX_LEASE_SECONDS while the task runs, so a long
    chunk or promotion keeps its claim, and a killed worker's claim lapses within one lease."""

    def __init__(self, message_id: int, token: str):
        super().__init__(daemon=True, name=f"outbox-lease-{message_id}")
        self.message_id, self.token = message_id, token
        self._stopped = threading.Event()

    def run(self) -> None:
        try:
            while not self._stopped.wait(max(settings.OUTBOX_LEASE_SECONDS / 3, 0.5)):
                try:
                    services.outbox_renew(self.message_id, self.token)
                except Exception as exc:  # e.g. SQLite busy: try again at the next beat
                    log.warning("Could not renew the lease of outbox %s: %s", self.message_id, exc)
        finally:
            connections.close_all()  # this thread's own connections

    def stop(self) -> None:
        self._stopped.set()
        self.join(timeout=5)


@shared_task(name="outbox.tasks.reconcile", acks_late=True, ignore_result=True)
def reconcile() -> int:
    """Send again what is pending or whose lease expired; note that a worker is alive."""
    services.heartbeat_record("reconciler")
    return services.outbox_reconcile()
