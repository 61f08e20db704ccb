"""Sealing committed events into the chain off the request path.

A transaction that recorded events hands their ids, once it has committed, to this
process's sealer thread and returns at once: the response does not wait for the chain.
The thread links everything handed to it since its last round in one short transaction
(one head lock, one bulk insert, one head update). Having been handed a commit's events it
lingers (AUDIT_SEAL_LINGER, 200 ms by default) before sealing, so the registrations of that
moment share one seal instead of each paying for its own, even one at a time.

Nothing is lost if the process dies first: an unsealed event is a signed row like any
other (the verifier checks its signature and counts it as pending), and the periodic
checkpoint (`audit.tasks.audit_checkpoint_publish`) seals whatever is left before it
vouches for the chain.

AUDIT_SEAL_MODE=inline seals in the committing thread instead (the tests' default, where
a thread of its own would outlive the test's database).
"""

from __future__ import annotations

import atexit
import logging
import os
import threading

from django.conf import settings
from django.db import connection

logger = logging.getLogger("audit")


class _Sealer:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._ids: list[int] = []
        self._busy = False
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._stopping = False

    def submit(self, event_ids: list[int]) -> None:
        with self._lock:
            if self._thread is None or self._pid != os.getpid() or not self._thread.is_alive():
                # First use in this process (or after a fork: threads do not survive it).
                self._ids, self._busy, self._pid, self._stopping = [], False, os.getpid(), False
                self._thread = threading.Thread(target=self._run, name="audit-sealer", daemon=True)
                self._thread.start()
            self._ids.extend(event_ids)
            self._wake.notify()

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until everything handed over so far has been through a seal."""
        with self._lock:
            return self._wake.wait_for(lambda: not self._ids and not self._busy, timeout)

    def stop(self, timeout: float = 10.0) -> None:
        """Seal what was handed over, then end the thread and close its connection."""
        with self._lock:
            thread = self._thread if self._pid == os.getpid() else None
            self._stopping = True
            self._wake.notify_all()
        if thread is not None:
            thread.join(timeout)
        with self._lock:
            self._thread = None

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    self._busy = False
                    self._wake.notify_all()
                    self._wake.wait_for(lambda: bool(self._ids) or self._stopping)
                    if not self._ids:
                        return
                    if settings.AUDIT_SEAL_LINGER > 0:
                        # Commits handed over meanwhile join this round; stopping ends
                        # the wait at once.
                        self._wake.wait_for(lambda: self._stopping, settings.AUDIT_SEAL_LINGER)
                    ids, self._ids, self._busy = self._ids, [], True
                try:
                    seal_events(ids)
                except Exception:  # the periodic checkpoint seals them instead
                    logger.exception("audit sealer: %d events left for the periodic seal", len(ids))
                    connection.close()
        finally:
            connection.close()


_sealer = _Sealer()


def seal_events(event_ids: list[int]) -> None:
    """Seal these events (and any newer than the chain's end), never queueing behind
    another sealer: one that holds the head seals what committed before it looked, and
    the next round, or the periodic checkpoint at the latest, takes the rest."""
    from .services import SEAL_BATCH, audit_chain_seal

    while audit_chain_seal(event_ids=event_ids, wait=False) == SEAL_BATCH:
        pass


def seal_after_commit(event_ids: list[int]) -> None:
    """Called once a transaction that recorded `event_ids` has committed."""
    if settings.AUDIT_SEAL_MODE == "inline":
        seal_events(event_ids)
    else:
        _sealer.submit(event_ids)


def sealer_wait_idle(timeout: float = 30.0) -> bool:
    """Block until this process's sealer has sealed what it was given (tests, benchmarks,
    shutdown). True when it is idle."""
    return _sealer.wait_idle(timeout)


def sealer_stop(timeout: float = 10.0) -> None:
    """Seal what is pending, then stop this process's sealer thread (it starts again on the
    next commit). A process stopping normally does this; a killed one leaves its last
    events to the periodic checkpoint."""
    _sealer.stop(timeout)


atexit.register(sealer_stop, 5.0)
