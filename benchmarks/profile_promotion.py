"""Worker CPU of promotion, one worker in this process, beside the time it waits on PostgreSQL.

Run: python benchmarks/profile_promotion.py [-n N] [--warm W] [--profile] [--top K]

Needs PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL); works in its own database
BENCH_PROMOTION_DB_NAME (default hrdd_bench_promotion, dropped and re-created). Fills an
import with N flagged lines, and W rounded up to whole batches, as `bench_promotion.py`
does, loads what a running worker has loaded (the same warm-up as that benchmark's
workers), promotes those W in batches to warm the process, then times `import_promote`
over the other N. Prints the process CPU, the wall time and the time spent waiting on
PostgreSQL per deal, the statements, and the load average; --profile prints cProfile's top functions by this thread's CPU
(cumulative and own).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_promotion import _setup_django, fill  # noqa: E402
from pg_bench import fresh_database  # noqa: E402

from benchmarks import profiling  # noqa: E402


def _warm_up() -> None:
    """What `bench_promotion.py`'s workers load before the clock starts."""
    from celery import current_app

    from restricted_parties.selectors import parties_screen
    from rules.selectors import criteria_compiled, criteria_published_current
    from rules.textsignals.languages import detect_language

    current_app.loader.import_default_modules()
    parties_screen([("warm up", "")])
    detect_language("warm up the language model")
    criteria_compiled(criteria_published_current())


def main() -> int:
    parser = argparse.ArgumentParser()
    profiling.arguments(parser, n=2000, warm=200, top=50)
    profiling.sample_argument(parser)
    parser.add_argument("--statements", action="store_true", help="time waited by statement")
    parser.add_argument("--callers", nargs="*", help="with --profile: who calls these")
    args = parser.parse_args()
    if args.n < 1:
        parser.error("-n must be at least 1: the lines timed after the warm-up")
    base = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if not base.startswith(("postgres://", "postgresql://")):
        print("skipped: needs PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL)")
        return 0
    url = fresh_database(base, os.environ.get("BENCH_PROMOTION_DB_NAME", "hrdd_bench_promotion"))
    _setup_django(url)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    try:
        from channel_imports import promotion as module
    except ImportError:  # the code before promotion had its own module
        from channel_imports import screening as module
    # The warm-up promotes whole batches: fill for as many as it takes, so that N lines are
    # left to time whatever W is.
    batch = getattr(module, "PROMOTE_BATCH", 1)
    warm_lines = -(-max(args.warm, 0) // batch) * batch
    import_id = fill(args.n + warm_lines)
    from channel_imports.models import ChannelImport, ImportLine

    _warm_up()
    imp = ChannelImport.objects.select_related(
        "organisation", "uploaded_by", "criteria_version"
    ).get(pk=import_id)
    warmed = 0
    while warmed < args.warm:
        warmed += module._promote_batch(imp)

    db = {"statements": 0, "seconds": 0.0}
    by_statement: Counter = Counter()

    def timed(execute, sql, params, many, context):
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            took = time.perf_counter() - t0
            db["seconds"] += took
            db["statements"] += 1
            by_statement[" ".join(sql.split())[:90]] += took

    backend = profiling.backend_cpu(connection)
    load0, backend0 = os.getloadavg()[0], backend()
    profiler = profiling.profiler_if(args.profile)
    sampler = profiling.Sampler() if args.sample else None
    cpu0, wall0, own0 = time.process_time(), time.perf_counter(), time.thread_time()
    with connection.execute_wrapper(timed), profiling.measured(profiler, sampler):
        module.import_promote(channel_import_id=import_id)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    own = time.thread_time() - own0  # the rest of the process's CPU: the sealer thread
    load1, backend_cpu = os.getloadavg()[0], backend() - backend0
    n = (
        ImportLine.objects.filter(channel_import_id=import_id, opportunity__isnull=False).count()
        - warmed
    )
    if n <= 0:
        print(f"nothing timed: the warm-up promoted all {warmed} lines (-n must be at least 1)")
        return 1
    print(
        f"promotion, one worker in-process: {n} deals, {n / wall:.1f} deals/s; "
        f"CPU {1000 * cpu / n:.2f} ms a deal ({cpu:.2f} s; {1000 * (cpu - own) / n:.2f} ms of it "
        f"outside the promoting thread), wall {1000 * wall / n:.2f} ms "
        f"({wall:.2f} s), waiting on PostgreSQL {1000 * db['seconds'] / n:.2f} ms, "
        f"{db['statements']} statements; PostgreSQL backend CPU {1000 * backend_cpu / n:.2f} ms "
        f"a deal; {profiling.how(profiler, sampler)}; "
        f"load {load0:.2f} -> {load1:.2f}",
        flush=True,
    )
    if args.statements:
        print("waiting on PostgreSQL by statement (s):")
        for sql, took in by_statement.most_common(args.top):
            print(f"  {took:7.3f}  {sql}")
    if sampler:
        sampler.report(args.top)
    if profiler:
        profiling.print_profile(profiler, args.top, args.callers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
