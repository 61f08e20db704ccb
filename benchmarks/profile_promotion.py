"""Worker CPU of promotion, one worker in this process, beside the time it waits on PostgreSQL.

Run: python benchmarks/profile_promotion.py [-n N] [--warm W] [--profile] [--top K]

Needs PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL); works in its own database
BENCH_PROMOTION_DB_NAME (default hrdd_bench_promotion, dropped and re-created). Fills an
import with W + N flagged lines as `bench_promotion.py` does, loads what a running worker
has loaded (the same warm-up as that benchmark's workers), promotes W lines in batches to
warm the process, then times `import_promote` over the other N. Prints the process CPU,
the wall time and the time spent waiting on PostgreSQL per deal, the statements, and the
load average; --profile prints cProfile's top functions by this thread's CPU
(cumulative and own).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import signal
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_promotion import _setup_django, fill  # noqa: E402
from pg_bench import fresh_database  # noqa: E402

from benchmarks.bench_api import process_cpu  # noqa: E402


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc) -> None:
        return None


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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("--warm", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sample", action="store_true", help="sample the stack every ms of CPU")
    parser.add_argument("--statements", action="store_true", help="time waited by statement")
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--callers", nargs="*", help="with --profile: who calls these")
    args = parser.parse_args()
    base = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if not base.startswith(("postgres://", "postgresql://")):
        print("skipped: needs PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL)")
        return 0
    url = fresh_database(base, os.environ.get("BENCH_PROMOTION_DB_NAME", "hrdd_bench_promotion"))
    _setup_django(url)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    import_id = fill(args.n + args.warm)
    try:
        from channel_imports import promotion as module
    except ImportError:  # the code before promotion had its own module
        from channel_imports import screening as module
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

    with connection.cursor() as cur:
        cur.execute("SELECT pg_backend_pid()")
        backend = cur.fetchone()[0]
    load0, backend0 = os.getloadavg()[0], process_cpu(backend)
    # Profiled by this thread's CPU: waiting on PostgreSQL is not counted, and the
    # sealer thread's work stays out of it.
    profiler = cProfile.Profile(time.thread_time) if args.profile else None
    sampler = Sampler() if args.sample else None
    cpu0, wall0, own0 = time.process_time(), time.perf_counter(), time.thread_time()
    with connection.execute_wrapper(timed), sampler or _nothing():
        if profiler:
            profiler.enable()
        module.import_promote(channel_import_id=import_id)
        if profiler:
            profiler.disable()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    own = time.thread_time() - own0  # the rest of the process's CPU: the sealer thread
    load1, backend_cpu = os.getloadavg()[0], process_cpu(backend) - backend0
    n = (
        ImportLine.objects.filter(channel_import_id=import_id, opportunity__isnull=False).count()
        - warmed
    )
    print(
        f"promotion, one worker in-process: {n} deals, {n / wall:.1f} deals/s; "
        f"CPU {1000 * cpu / n:.2f} ms a deal ({cpu:.2f} s; {1000 * (cpu - own) / n:.2f} ms of it "
        f"outside the promoting thread), wall {1000 * wall / n:.2f} ms "
        f"({wall:.2f} s), waiting on PostgreSQL {1000 * db['seconds'] / n:.2f} ms, "
        f"{db['statements']} statements; PostgreSQL backend CPU {1000 * backend_cpu / n:.2f} ms "
        f"a deal; {'profiled' if profiler else 'sampled' if sampler else 'not profiled'}; "
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
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)
        if args.callers:
            for pattern in args.callers:
                stats.print_callers(pattern)
    return 0


if __name__ == "__main__":
    sys.exit(main())
