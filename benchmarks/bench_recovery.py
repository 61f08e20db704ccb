"""Recovery after a killed worker, with the production outbox intervals.

Runs the SIGKILL fault tests (tests/outbox/test_faults.py) with
FAULT_TESTS_DEFAULT_INTERVALS=1: a worker process killed mid-chunk and mid-promotion, a new
one started at once; the figure is how long until the killed work moved again. Target:
2 minutes. Anchor: the bound the settings promise, OUTBOX_LEASE_SECONDS +
OUTBOX_RECONCILE_SECONDS (75 s with the defaults).

Run: DATABASE_URL=postgres://... python benchmarks/bench_recovery.py (pytest makes its
own test database, test_<name>; BENCH_DATABASE_URL overrides). Takes about 5 minutes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 120
BOUND_SECONDS = 60 + 15  # OUTBOX_LEASE_SECONDS + OUTBOX_RECONCILE_SECONDS defaults


def main() -> int:
    db = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    if not db.startswith(("postgres://", "postgresql://")):
        print(
            "bench_recovery needs PostgreSQL (a worker process shares the test database): "
            "set DATABASE_URL=postgres://...; skipped"
        )
        return 0
    env = {**os.environ, "DATABASE_URL": db, "FAULT_TESTS_DEFAULT_INTERVALS": "1"}
    for name in ("OUTBOX_LEASE_SECONDS", "OUTBOX_RESEND_SECONDS", "OUTBOX_RECONCILE_SECONDS"):
        env.pop(name, None)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/outbox/test_faults.py",
            "-k",
            "killed",
            "-s",
            "-q",
            "-p",
            "no:randomly",
            "--create-db",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    found = re.findall(
        r"killed (mid-\w+): resumed after ([\d.]+) s, completed after ([\d.]+) s", run.stdout
    )
    if run.returncode or len(found) != 2:
        print(run.stdout[-4000:], run.stderr[-2000:], file=sys.stderr)
        return 1
    for where, resumed, completed in found:
        r = float(resumed)
        print(
            f"   worker killed {where}: work resumed after {r:.1f} s "
            f"= {r / TARGET_SECONDS:.2f}x the 2-minute target, {r / BOUND_SECONDS:.2f}x the "
            f"{BOUND_SECONDS} s bound of the settings (finished after {float(completed):.1f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
