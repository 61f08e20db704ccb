"""CPU of one API deal detail in the worker, beside the bare anchor's detail.

Run: python benchmarks/profile_detail.py [-n N] [--profile] [--bare] [--layers] [--list]

Registers SEED deals, then serves N detail requests (random deals among them) through
the project's WSGI stack in this process, as a gunicorn worker would (DEBUG off, token
auth, every middleware), against DATABASE_URL (PostgreSQL or SQLite), in a database of
its own (BENCH_API_DB_NAME, default `hrdd_bench_api`, re-created; SQLite in a temporary
directory). Prints the process CPU and wall time per request and the SQL statements of
one detail; --profile prints cProfile's top functions by CPU of the request's thread.
With --bare, the same for the anchor project's detail. --layers prints the CPU of the
request's thread spent in each middleware itself (its layer minus the layers inside it;
the view is the innermost layer), timed around each layer with no profiler. --list
serves the list's first page (50 of the SEED deals, with their count) instead of details;
--seed registers that many deals instead of SEED (a whole run's list counts some 2,000).
On PostgreSQL the deals are analysed (`ANALYZE`) once registered, as autovacuum would on a
deployed server; --no-analyze measures without statistics.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import profiling  # noqa: E402

SEED = 60  # more than a page (50), so the list pages and counts


def main() -> int:
    parser = argparse.ArgumentParser()
    profiling.arguments(parser, n=1000, warm=50, top=45)
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--layers", action="store_true")
    parser.add_argument("--list", action="store_true", help="the list's first page, not details")
    parser.add_argument("--seed", type=int, default=SEED, help="deals registered first")
    parser.add_argument(
        "--no-analyze", action="store_true", help="no ANALYZE after registering the deals"
    )
    args = parser.parse_args()
    profiling.worker_environment(args.bare)
    # A host of its ALLOWED_HOSTS for the anchor: a list's page links are absolute.
    client, base, body = profiling.deal_client(args.bare, bare_headers={"HTTP_HOST": "localhost"})
    layers = _time_layers() if args.layers else None  # before the client's first request
    from django.db import connection

    ids = []
    for i in range(args.seed):
        data = json.dumps({**body, "external_id": f"D-{i}"})
        r = client.post(base, data, content_type="application/json")
        if r.status_code != 201:
            raise SystemExit(f"{r.status_code}: {r.content[:300]!r}")
        ids.append(r.json()["id"])
    stats = ""
    if connection.vendor == "postgresql":  # as autovacuum would after that many inserts
        if not args.no_analyze:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        stats = ", no statistics" if args.no_analyze else ", after ANALYZE"
    rng = random.Random(7)
    paths = [base if args.list else f"{base}{rng.choice(ids)}/" for _ in range(args.n)]

    def get(path: str) -> None:
        r = client.get(path)
        if r.status_code != 200:
            raise SystemExit(f"{r.status_code}: {r.content[:300]!r}")

    for path in paths[: args.warm]:
        get(path)
    statements: list[str] = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        get(paths[0])
    profiler = profiling.profiler_if(args.profile)
    for layer in layers or ():
        layer[1] = 0.0  # only the measured requests
    backend = profiling.backend_cpu(connection)
    db0 = backend()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    with profiling.measured(profiler):
        for path in paths:
            get(path)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    db = backend() - db0
    what = ("bare " if args.bare else "deal ") + ("list" if args.list else "detail")
    print(
        f"{what}: {1000 * cpu / args.n:.3f} ms CPU, {1000 * wall / args.n:.3f} ms wall a request, "
        f"{len(statements)} SQL statements ({args.n} requests, "
        f"{profiling.how(profiler)}{stats}, load {os.getloadavg()[0]:.2f})"
    )
    if db == db:  # not NaN: a PostgreSQL server on this machine
        print(f"  PostgreSQL backend: {1000 * db / args.n:.3f} ms CPU a request")
    if layers is not None:
        _print_layers(layers, args.n)
    if os.environ.get("SHOW_SQL"):
        for sql in statements:
            print("   ", sql[: int(os.environ.get("SHOW_SQL_CHARS", 600))])
    if profiler:
        profiling.print_profile(profiler, args.top)
    return 0


def _time_layers() -> list[list]:
    """Wrap each layer Django builds (`convert_exception_to_response` around every
    middleware and around the view) with a thread-CPU clock: [name, total seconds]."""
    from django.core.handlers import base

    layers: list[list] = []
    wrap = base.convert_exception_to_response

    def timed(get_response):
        inner = wrap(get_response)
        name = getattr(type(get_response), "__module__", "") + "." + type(get_response).__name__
        if type(get_response).__name__ in ("method", "function"):
            name = "the view (URL resolving, DRF, the view's work)"
        layer = [name, 0.0]
        layers.append(layer)
        clock = time.thread_time

        def run(request):
            t0 = clock()
            try:
                return inner(request)
            finally:
                layer[1] += clock() - t0

        return run

    base.convert_exception_to_response = timed
    return layers


def _print_layers(layers: list[list], requests: int) -> None:
    """Outermost first: each layer's own CPU, the layer minus the one inside it."""
    ordered = list(reversed(layers))  # Django wraps from the innermost outwards
    whole = ordered[0][1]
    print(f"  layers (thread CPU a request; whole {1000 * whole / requests:.3f} ms):")
    for i, (name, total) in enumerate(ordered):
        inside = ordered[i + 1][1] if i + 1 < len(ordered) else 0.0
        own = total - inside
        print(f"    {1000 * own / requests:7.3f} ms {100 * own / whole:5.1f} %  {name}")


if __name__ == "__main__":
    sys.exit(main())
