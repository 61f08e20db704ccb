"""CPU of one API registration in the worker, beside the bare anchor's insert.

Run: python benchmarks/profile_registration.py [-n N] [--profile | --sample | --steps] [--bare]

Serves N registrations of the README's example deal (or, with --bare, N inserts of the
anchor's 10-field deal) through the project's WSGI handler in this process, as a gunicorn
worker would (DEBUG off, token auth, every middleware), against DATABASE_URL (PostgreSQL
or SQLite), in a database of its own (BENCH_API_DB_NAME, default `hrdd_bench_api`,
re-created; SQLite in a temporary directory). Prints the process CPU and wall time per
request (and, on PostgreSQL on this machine, its backends' CPU, from /proc); --profile prints cProfile's top functions by CPU of the request's thread, --sample
each function's share of stacks sampled every ms of the process's CPU (without cProfile's
cost per call, which inflates small functions several times); --steps the request thread's
CPU in each step of a registration (`STEPS`, nested, each timed around its call).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import profiling  # noqa: E402
from benchmarks.bench_api import _backend_cpu  # noqa: E402

# (module, class or "", callable, label): the steps `--steps` times, outermost first; a
# function is wrapped where the caller looks it up.
STEPS = [
    (
        "django.core.handlers.base",
        "BaseHandler",
        "get_response",
        "the handler, middleware included",
    ),
    ("rest_framework.views", "APIView", "initial", "  DRF's checks: token, permissions"),
    (
        "accounts.authentication",
        "ExpiringTokenAuthentication",
        "authenticate_credentials",
        "    the token's statement and objects",
    ),
    ("rest_framework.request", "Request", "_load_data_and_files", "  the body parsed"),
    ("opportunities.api", "", "opportunity_register", "  opportunity_register"),
    ("lifecycle.services", "", "opportunity_validate", "    validation"),
    ("opportunities.validation", "", "products_active_by_sku", "      the catalogue's token read"),
    ("lifecycle.services", "", "opportunity_insert", "    the deal's insert"),
    ("opportunities.services", "", "_organisations", "      organisations found or registered"),
    ("opportunities.services", "", "insert_with_children", "      deal, lines and channel"),
    ("lifecycle.services", "", "opportunity_registered_record", "    'registered' event"),
    ("lifecycle.services", "", "opportunity_screen", "    screening and routing"),
    ("lifecycle.services", "", "opportunity_evaluate", "      evaluating (snapshot, engine)"),
    ("rules.services", "", "opportunity_snapshot", "        the snapshot, text read"),
    ("rules.services", "", "screen", "        the engine"),
    ("lifecycle.services", "", "screening_store", "      the screening stored"),
    ("rules.services", "", "screening_row", "        its row (JSON encoded)"),
    ("rules.services", "", "bulk_insert", "        its insert"),
    ("rules.services", "", "screening_record", "        'screened' event"),
    ("lifecycle.services", "", "review_route", "      routing"),
    ("reviews.services.routing", "", "opportunity_route", "        the status transition"),
    ("reviews.services.routing", "", "_case_open", "        the case opened, its event"),
    ("audit.services", "", "_flush", "    the events' insert"),
    ("audit.services", "", "_insert_with_work", "      with the notification outbox row"),
    ("audit.services", "", "outbox_enqueue", "    notification outbox row, its own insert"),
    ("django.db.backends.base.base", "BaseDatabaseWrapper", "commit", "    commit"),
    (
        "django.db.backends.base.base",
        "BaseDatabaseWrapper",
        "run_and_clear_commit_hooks",
        "    after commit",
    ),
    ("outbox.services", "", "outbox_send", "      the outbox's send"),
    ("opportunities.api", "", "opportunity_out", "  the answer's body"),
    ("rest_framework.renderers", "JSONRenderer", "render", "  rendered as JSON"),
    ("audit.services", "", "_signed_event", "(all) audit events signed"),
    ("django.db.backends.utils", "CursorWrapper", "execute", "(all) statements sent"),
    ("django.db.models.base", "Model", "__init__", "(all) model instances"),
]


def _time_steps() -> dict:
    """Wrap each of `STEPS` with a clock of its thread's CPU; returns label: [s, calls]."""
    spent: dict = {}
    for module, cls, name, label in STEPS:
        owner = importlib.import_module(module)
        owner = getattr(owner, cls) if cls else owner
        original = getattr(owner, name)
        spent[label] = entry = [0.0, 0]

        def timed(*args, _f=original, _e=entry, **kwargs):
            t = time.thread_time()
            try:
                return _f(*args, **kwargs)
            finally:
                _e[0] += time.thread_time() - t
                _e[1] += 1

        setattr(owner, name, functools.wraps(original)(timed))
    return spent


def main() -> int:
    parser = argparse.ArgumentParser()
    profiling.arguments(parser, n=200, warm=20, top=45)
    profiling.sample_argument(parser)
    parser.add_argument("--steps", action="store_true", help="CPU in each step (STEPS)")
    parser.add_argument("--bare", action="store_true")
    args = parser.parse_args()
    profiling.worker_environment(args.bare)
    client, path, body = profiling.deal_client(args.bare)

    def post(i: int) -> None:
        data = json.dumps({**body, "external_id": f"P-{i}"})
        r = client.post(path, data, content_type="application/json")
        if r.status_code != 201:
            raise SystemExit(f"{r.status_code}: {r.content[:300]!r}")

    spent = _time_steps() if args.steps and not args.bare else None
    for i in range(args.warm):
        post(-i - 1)
    for entry in (spent or {}).values():
        entry[:] = [0.0, 0]
    # Timed by this thread's CPU: waiting on the database is not counted, and the
    # sealer thread's work shows apart (process CPU minus this thread's).
    profiler = profiling.profiler_if(args.profile)
    sampler = profiling.Sampler() if args.sample else None
    backend = _backend_cpu(os.environ["DATABASE_URL"])
    db0 = backend() if backend else None
    cpu0, wall0, own0 = time.process_time(), time.perf_counter(), time.thread_time()
    with profiling.measured(profiler, sampler):
        for i in range(args.n):
            post(i)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    own = time.thread_time() - own0
    db = backend() - db0 if backend else None
    what = "bare insert" if args.bare else "registration"
    print(
        f"{what}: {1000 * cpu / args.n:.2f} ms CPU ({1000 * own / args.n:.2f} ms in the request's "
        f"thread), {1000 * wall / args.n:.2f} ms wall a request "
        f"({args.n} requests, {profiling.how(profiler, sampler)}, "
        f"load {os.getloadavg()[0]:.2f})"
    )
    if db is not None:
        print(f"PostgreSQL's backends: {1000 * db / args.n:.2f} ms CPU a request")
    if profiler:
        profiling.print_profile(profiler, args.top)
    if sampler:
        sampler.report(args.top)
    for label, (seconds, calls) in (spent or {}).items():
        print(
            f"{1000 * seconds / args.n:7.3f} ms {100 * seconds / own:5.1f} %"
            f"  x{calls / args.n:4.1f}  {label}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
