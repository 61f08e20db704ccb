"""`make bench`: run every benchmark script and print its figures.

Benchmarks that need PostgreSQL and Redis read DATABASE_URL / REDIS_URL (or BENCH_*
variants) and say so when they are missing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = [
    "bench_engine.py",
    "bench_matching.py",
    "bench_screening.py",
    "bench_reviews.py",
    "bench_imports.py",
    "bench_recovery.py",
]


def main() -> int:
    failed = []
    for name in ORDER + sorted(p.name for p in HERE.glob("bench_*.py") if p.name not in ORDER):
        path = HERE / name
        if not path.exists():
            continue
        print(f"\n=== {name}", flush=True)
        rc = subprocess.call([sys.executable, str(path)], cwd=HERE.parent)
        if rc:
            failed.append(name)
    if failed:
        print(f"\nFailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
