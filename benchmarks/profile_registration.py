"""CPU of one API registration in the worker, beside the bare anchor's insert.

Run: python benchmarks/profile_registration.py [-n N] [--profile | --sample] [--bare]

Serves N registrations of the README's example deal (or, with --bare, N inserts of the
anchor's 10-field deal) through the project's WSGI handler in this process, as a gunicorn
worker would (DEBUG off, token auth, every middleware), against DATABASE_URL (PostgreSQL
or SQLite), in a database of its own (BENCH_API_DB_NAME, default `hrdd_bench_api`,
re-created; SQLite in a temporary directory). Prints the process CPU and wall time per
request; --profile prints cProfile's top functions by CPU of the request's thread, --sample
each function's share of stacks sampled every ms of the process's CPU (without cProfile's
cost per call, which inflates small functions several times).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_api import BARE_DEAL, EXAMPLE, _postgres_url, setup_app  # noqa: E402
from benchmarks.profile_promotion import Sampler  # noqa: E402


def _prepare(bare: bool) -> None:
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--warm", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sample", action="store_true", help="sample the stack every ms of CPU")
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--top", type=int, default=45)
    args = parser.parse_args()
    _prepare(args.bare)

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", "--run-syncdb", verbosity=0)
    if args.bare:
        path, headers, body = "/deals/", {}, BARE_DEAL
    else:
        token = setup_app()
        path, headers, body = (
            "/api/v1/opportunities/",
            {"HTTP_AUTHORIZATION": f"Token {token}"},
            EXAMPLE,
        )
    client = Client(**headers)

    def post(i: int) -> None:
        data = json.dumps({**body, "external_id": f"P-{i}"})
        r = client.post(path, data, content_type="application/json")
        if r.status_code != 201:
            raise SystemExit(f"{r.status_code}: {r.content[:300]!r}")

    for i in range(args.warm):
        post(-i - 1)
    # Timed by this thread's CPU: waiting on the database is not counted, and the
    # sealer thread's work shows apart (process CPU minus this thread's).
    profiler = cProfile.Profile(time.thread_time) if args.profile else None
    sampler = Sampler() if args.sample else None
    cpu0, wall0, own0 = time.process_time(), time.perf_counter(), time.thread_time()
    if profiler:
        profiler.enable()
    if sampler:
        sampler.__enter__()
    for i in range(args.n):
        post(i)
    if profiler:
        profiler.disable()
    if sampler:
        sampler.__exit__()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    own = time.thread_time() - own0
    what = "bare insert" if args.bare else "registration"
    print(
        f"{what}: {1000 * cpu / args.n:.2f} ms CPU ({1000 * own / args.n:.2f} ms in the request's "
        f"thread), {1000 * wall / args.n:.2f} ms wall a request "
        f"({args.n} requests, {'profiled' if profiler else 'sampled' if sampler else 'not profiled'}, "
        f"load {os.getloadavg()[0]:.2f})"
    )
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)
    if sampler:
        sampler.report(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
