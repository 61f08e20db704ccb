"""Fault-test fixtures: a private redis-server the test can stop and start, a real Celery
worker (in a thread, or as a process the test can SIGKILL), and polling with a deadline.

The redis-server runs on a free port the fixture picks (never 6379), with no persistence,
so stopping it loses every queued message, as a crashed broker would.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import OperationalError, connections

from hrdd.celery import app as celery_app

BASE_DIR = Path(__file__).resolve().parents[2]
# Short enough that a lost message or an expired lease is noticed within seconds.
# FAULT_TESTS_DEFAULT_INTERVALS=1 runs them with the production defaults instead, to
# measure the recovery figure stated in the README.
FAST_OUTBOX = {
    "OUTBOX_LEASE_SECONDS": 3,
    "OUTBOX_RESEND_SECONDS": 2,
    "OUTBOX_RECONCILE_SECONDS": 1,
}
if os.environ.get("FAULT_TESTS_DEFAULT_INTERVALS"):
    FAST_OUTBOX = {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivateRedis:
    """A redis-server of the test's own; `stop()` kills it (queued messages are lost)."""

    def __init__(self, folder: Path):
        self.port = _free_port()
        self.folder = folder
        self.proc: subprocess.Popen | None = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the private redis-server did not start")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None


def forget_broker_connections() -> None:
    """Drop pooled broker connections (they point at the old broker), as Celery does
    after a fork."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def queue() -> str:
    """The Celery queue this test process sends to and consumes (``tests/conftest.py``)."""
    from hrdd.celery import app

    return app.conf.task_default_queue


@pytest.fixture
def private_redis(tmp_path, settings):
    """A private redis-server; Celery (producer and in-thread worker) uses it for the test."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    redis = PrivateRedis(tmp_path)
    redis.start()
    saved = (
        celery_app.conf.broker_url,
        celery_app.conf.broker_transport_options,
        celery_app.conf.task_always_eager,
    )
    celery_app.conf.broker_url = redis.url
    celery_app.conf.broker_transport_options = {"visibility_timeout": 5}
    celery_app.conf.task_always_eager = False
    forget_broker_connections()
    for name, value in FAST_OUTBOX.items():
        setattr(settings, name, value)
    try:
        yield redis
    finally:
        redis.stop()
        (
            celery_app.conf.broker_url,
            celery_app.conf.broker_transport_options,
            celery_app.conf.task_always_eager,
        ) = saved
        forget_broker_connections()


@pytest.fixture
def thread_worker(private_redis):
    """A real Celery worker (solo pool) in a thread, consuming the private redis; started
    by `thread_worker()` when the test wants it."""
    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_postrun

    def close_connections(**kwargs):  # the worker thread's own; else the test DB stays in use
        connections.close_all()

    started = []

    def start():
        task_postrun.connect(close_connections, weak=False)
        ctx = start_worker(
            celery_app,
            pool="solo",
            perform_ping_check=False,
            loglevel="WARNING",
            shutdown_timeout=30,
        )
        ctx.__enter__()
        started.append(ctx)

    yield start
    for ctx in started:
        ctx.__exit__(None, None, None)
    task_postrun.disconnect(close_connections)


class WorkerProcess:
    """`celery worker` in its own process, on the test database and the private redis,
    so the test can SIGKILL it as the kernel's OOM killer or an operator would; beat runs
    beside it in a process of its own, as in production."""

    def __init__(self, redis: PrivateRedis, log: Path):
        self.redis = redis
        self.log = log
        self.proc: subprocess.Popen | None = None
        self.beat: subprocess.Popen | None = None

    def start(self, **extra_env) -> None:
        from django.conf import settings

        db = connections["default"].settings_dict
        env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}",
            "REDIS_URL": self.redis.url,
            **({"CELERY_VISIBILITY_TIMEOUT": "5"} if FAST_OUTBOX else {}),
            "CONN_MAX_AGE": "0",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            **{k: str(v) for k, v in extra_env.items()},
            **{k: str(v) for k, v in FAST_OUTBOX.items()},
        }
        celery = [sys.executable, "-m", "celery", "-A", "hrdd"]
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(
                [*celery, "worker", "--pool", "solo", "--loglevel", "INFO"],
                cwd=BASE_DIR,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            if self.beat is None:
                self.beat = subprocess.Popen(
                    [*celery, "beat", "--loglevel", "INFO"],
                    cwd=BASE_DIR,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )

    def kill(self) -> None:
        """SIGKILL the worker: no shutdown, no acknowledgement, no clean-up."""
        _kill(self.proc)

    def stop(self) -> None:
        for proc in (self.proc, self.beat):
            if proc and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    _kill(proc)


def _kill(proc: subprocess.Popen | None) -> None:
    if proc and proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)


@pytest.fixture
def worker_process(private_redis, tmp_path):
    if connections["default"].vendor != "postgresql":
        pytest.skip(
            "a worker in another process needs a database it can share: run with DATABASE_URL "
            "on PostgreSQL (CI does)"
        )
    worker = WorkerProcess(private_redis, tmp_path / "worker.log")
    yield worker
    worker.stop()


@pytest.fixture
def upload_as(api):
    """Upload through the API as `user`: (response, import or None)."""
    from channel_imports.models import ChannelImport

    def _upload(user, file):
        r = api.as_user(user).post("/api/v1/imports/", {"file": file}, format="multipart")
        if r.status_code != 201:
            return r, None
        # The worker may already be validating it, holding SQLite's shared test database.
        imp = until(
            lambda: ChannelImport.objects.filter(pk=r.json()["id"]).first(),
            timeout=30,
            what="the uploaded import readable",
        )
        return r, imp

    return _upload


def until(check, *, timeout: float, tick=None, what: str = "condition"):
    """Poll `check()` until it returns something truthy, at most `timeout` seconds; `tick`
    runs between polls (e.g. the reconciler, as beat would run it)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if result := check():
                return result
            if tick:
                tick()
        except OperationalError as exc:
            # SQLite still locked past its busy timeout by the worker thread's write
            # (a loaded machine): try again at the next poll.
            if "locked" not in str(exc):
                raise
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not reached within {timeout:.0f} s")
        time.sleep(0.2)
