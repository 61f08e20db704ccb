"""What the profile_*.py scripts share: the process set up as a gunicorn worker would be,
the API client with its seeded token, the options and the ways of measuring (cProfile by
the thread's CPU, stack sampling, a PostgreSQL backend's CPU) and of printing them."""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import os
import pstats
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_api import (  # noqa: E402
    BARE_DEAL,
    EXAMPLE,
    _postgres_url,
    process_cpu,
    setup_app,
)


def arguments(parser: argparse.ArgumentParser, *, n: int, warm: int, top: int) -> None:
    """The options every profile script takes: -n, --warm, --profile, --top."""
    parser.add_argument("-n", type=int, default=n)
    parser.add_argument("--warm", type=int, default=warm)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=top)


def sample_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sample", action="store_true", help="sample the stack every ms of CPU")


def worker_environment(bare: bool) -> None:
    """The environment of a gunicorn worker (DEBUG off, no broker), on a database of its
    own: BENCH_API_DB_NAME re-created on PostgreSQL, else SQLite in a temporary directory;
    the anchor project's settings with `bare`."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        url = _postgres_url()
    else:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='hrdd-profile-')}/db.sqlite3"
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="benchmarks.bare.settings" if bare else "hrdd.settings",
        DEBUG="false",
        SECRET_KEY="benchmark-only-secret-not-for-production",
        LOG_LEVEL="WARNING",
        AUDIT_HMAC_KEY="benchmark-only-audit-key",
        SECURE_SSL_REDIRECT="false",
        HRDD_VAR_DIR=tempfile.mkdtemp(prefix="hrdd-profile-var-"),
    )
    os.environ.pop("REDIS_URL", None)


def deal_client(bare: bool, *, bare_headers: dict | None = None):
    """Django set up and its database migrated; returns (client, the deals' URL, a deal's
    body): the anchor's deal page, or the API with the seeded sales rep's token. No
    request has been made through the client yet."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", "--run-syncdb", verbosity=0)
    if bare:
        return Client(**(bare_headers or {})), "/deals/", BARE_DEAL
    token = setup_app()
    return Client(HTTP_AUTHORIZATION=f"Token {token}"), "/api/v1/opportunities/", EXAMPLE


def backend_cpu(connection):
    """The CPU (user + system) of this connection's PostgreSQL backend so far, from /proc
    when the server runs on this machine; NaN otherwise (SQLite, a remote server)."""
    if connection.vendor != "postgresql":
        return lambda: float("nan")
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    return lambda: process_cpu(pid)


def profiler_if(wanted: bool) -> cProfile.Profile | None:
    """cProfile by the thread's CPU: time waiting on the database is not counted, and
    other threads' work (the audit sealer's) stays out of it."""
    return cProfile.Profile(time.thread_time) if wanted else None


@contextlib.contextmanager
def measured(profiler: cProfile.Profile | None, sampler: Sampler | None = None):
    """The block profiled and sampled, as asked."""
    with sampler or contextlib.nullcontext():
        if profiler:
            profiler.enable()
        try:
            yield
        finally:
            if profiler:
                profiler.disable()


def how(profiler, sampler=None) -> str:
    return "profiled" if profiler else "sampled" if sampler else "not profiled"


def print_profile(profiler: cProfile.Profile, top: int, callers=()) -> None:
    """cProfile's top functions, by cumulative and by own CPU; who calls `callers`."""
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    for pattern in callers or ():
        stats.print_callers(pattern)


class Sampler:
    """Where the CPU goes without cProfile's cost per call (which inflates small functions
    several times): every `interval` of the process's CPU, the interrupted stack is
    counted. Prints each function's share of the samples, inclusive (on the stack) and
    exclusive (running)."""

    def __init__(self, interval: float = 0.001) -> None:
        self.interval = interval
        self.inclusive: Counter = Counter()
        self.exclusive: Counter = Counter()
        self.samples = 0

    def _take(self, signum, frame) -> None:
        self.samples += 1
        seen = set()
        first = True
        while frame is not None:
            code = frame.f_code
            key = f"{code.co_filename.replace(str(ROOT) + '/', '')}:{code.co_firstlineno}({code.co_name})"
            if first:
                self.exclusive[key] += 1
                first = False
            if key not in seen:
                seen.add(key)
                self.inclusive[key] += 1
            frame = frame.f_back

    def __enter__(self) -> Sampler:
        signal.signal(signal.SIGPROF, self._take)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)
        return self

    def __exit__(self, *exc) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)

    def report(self, top: int) -> None:
        n = max(self.samples, 1)
        for title, counts in (("inclusive", self.inclusive), ("exclusive", self.exclusive)):
            print(f"\n{self.samples} samples, {title}:")
            for key, c in counts.most_common(top):
                print(f"  {100 * c / n:5.1f}%  {key}")
