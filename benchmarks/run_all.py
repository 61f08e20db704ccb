"""`make bench`: run every benchmark script and print its figures.

Benchmarks that need PostgreSQL and Redis read DATABASE_URL / REDIS_URL (or BENCH_*
variants) and say so when they are missing. Each module is printed with the load average
at its start and end (other work on the machine shows in every figure).

`make bench BENCH_QUICK=1` (or `python benchmarks/run_all.py --quick`) runs smaller sizes:
100,000 deals and 10,000 cases in the review queue, 1,000 promoted deals, 4 s per API
load run, 100,000 decided deals behind the precedents.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = [
    "bench_engine.py",
    "bench_matching.py",
    "bench_screening.py",
    "bench_text.py",
    "bench_reviews.py",
    "bench_imports.py",
    "bench_api.py",
    "bench_promotion.py",
    "bench_precedents.py",
    "bench_recovery.py",
    "bench_monitoring.py",
]
QUICK = {
    "BENCH_DEALS": "100000",
    "BENCH_CASES": "10000",
    "BENCH_OVERDUE": "500",
    "BENCH_DB_NAME": "hrdd_bench_quick",
    "BENCH_PROMOTION_DEALS": "1000",
    "BENCH_API_SECONDS": "4",
    "BENCH_MONITORING_DEALS": "5000",
    "BENCH_PRECEDENTS": "100000",
}


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> int:
    env = dict(os.environ)
    if "--quick" in sys.argv or os.environ.get("BENCH_QUICK"):
        env.update({k: v for k, v in QUICK.items() if k not in os.environ})
    failed = []
    for name in ORDER + sorted(p.name for p in HERE.glob("bench_*.py") if p.name not in ORDER):
        path = HERE / name
        if not path.exists():
            continue
        print(f"\n=== {name}   (load average at start: {_load()})", flush=True)
        rc = subprocess.call([sys.executable, str(path)], cwd=HERE.parent, env=env)
        print(f"=== {name} done   (load average at end: {_load()})", flush=True)
        if rc:
            failed.append(name)
    if failed:
        print(f"\nFailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
