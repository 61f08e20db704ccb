"""Precedents benchmark: the most similar past decided deals for a case, with 1,000,000
decided deals in the precedents index.

Target: p95 under 200 ms, printed beside its anchor: one plain indexed query on the same
table (a row by primary key), measured in the same run. What is timed is what the case
page runs once it has the case's features: the two bounded index reads (same exact key,
same family key), the scoring of those candidates, the choice of the best five and the
look-up of their decisions.

Needs PostgreSQL: reads BENCH_DATABASE_URL or DATABASE_URL for the server and fills a
separate database on it (BENCH_DB_NAME, default `hrdd_bench`; created when missing and
reused on later runs; `--refill` starts it again). Without PostgreSQL it says so and
exits 0. BENCH_PRECEDENTS (or --precedents N) changes the size; BENCH_REQUESTS the number
of look-ups timed.

Run: python benchmarks/bench_precedents.py [--refill] [--precedents N]
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_reviews import bench_database_url, ensure_database, say  # noqa: E402


def _size(flag: str, env: str, default: str) -> int:
    if flag in sys.argv[:-1]:
        return int(sys.argv[sys.argv.index(flag) + 1])
    return int(os.environ.get(env, default))


PRECEDENTS = _size("--precedents", "BENCH_PRECEDENTS", "1000000")
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
TARGET_MS = 200.0
COUNTRIES = [
    "DE",
    "FR",
    "AE",
    "EG",
    "IN",
    "BR",
    "MX",
    "CN",
    "RU",
    "SG",
    "TR",
    "NG",
    "KE",
    "ID",
    "VN",
    "US",
    "BY",
    "IR",
    "SA",
    "CO",
]
BANDS = ["open", "restricted", "repressive", "armed_conflict", "sanctioned", "unknown"]
SHAPES = ["direct", "one intermediary", "two intermediaries", "three or more intermediaries"]
OUTCOMES = [("approve", 0.55), ("approve_with_conditions", 0.30), ("reject", 0.15)]


def main() -> int:
    url = bench_database_url()
    if url is None:
        print(
            "  skipped: the precedents benchmark needs PostgreSQL "
            "(set BENCH_DATABASE_URL or DATABASE_URL to a postgres:// URL)"
        )
        return 0
    ensure_database(url, refill="--refill" in sys.argv)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("HRDD_VAR_DIR", tempfile.mkdtemp(prefix="hrdd-bench-"))
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdd.settings")
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-not-for-production")
    os.environ.setdefault("AUDIT_HMAC_KEY", "benchmark-only-audit-key")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    fill()
    measure()
    return 0


def _features(rng: random.Random):
    from reviews.precedents import (
        CAPABILITY_FAMILIES,
        END_USER_GROUPS,
        USE_GROUPS,
        Features,
    )
    from taxonomy import END_USER_TYPES, INTENDED_USES

    families = sorted(set(CAPABILITY_FAMILIES.values()))
    eu_type = rng.choice(list(END_USER_TYPES))
    use = rng.choice(list(INTENDED_USES))
    return Features(
        capability_family=rng.choice(families),
        end_user_type=eu_type,
        end_user_group=END_USER_GROUPS.get(eu_type, "unknown"),
        intended_use=use,
        use_group=USE_GROUPS.get(use, "civil" if use != "unspecified" else "unspecified"),
        country=rng.choice(COUNTRIES),
        country_band=rng.choice(BANDS),
        channel_shape=rng.choice(SHAPES),
    )


def fill() -> None:
    from django.db import connection
    from django.utils import timezone

    from reviews.models import Precedent

    have = Precedent.objects.count()
    if have >= PRECEDENTS:
        say("database", f"reusing {have:,} precedents (pass --refill to rebuild)")
        return
    rng = random.Random(11)
    now = timezone.now()
    outcomes, weights = zip(*OUTCOMES, strict=True)
    started = time.perf_counter()
    columns = [
        "decision_id",
        "opportunity_id",
        "reference",
        "outcome",
        "decided_at",
        "capability_family",
        "end_user_type",
        "end_user_group",
        "intended_use",
        "use_group",
        "country",
        "country_band",
        "channel_shape",
        "exact_key",
        "family_key",
    ]
    with connection.cursor() as cur:
        cur.execute("SELECT COALESCE(MAX(decision_id), 0) FROM reviews_precedent")
        base = cur.fetchone()[0]
        # A few hundred distinct deal shapes repeat, as real portfolios do (skewed).
        shapes = [_features(rng) for _ in range(3000)]
        with cur.cursor.copy(f"COPY reviews_precedent ({', '.join(columns)}) FROM STDIN") as copy:
            for i in range(1, PRECEDENTS - have + 1):
                f = shapes[
                    min(int(rng.paretovariate(1.2)) - 1, len(shapes) - 1)
                    if i % 2
                    else rng.randrange(len(shapes))
                ]
                n = base + i
                copy.write_row(
                    (
                        n,
                        n,
                        f"D-{n:07d}",
                        rng.choices(outcomes, weights)[0],
                        now - timedelta(minutes=i % 2_000_000),
                        f.capability_family,
                        f.end_user_type,
                        f.end_user_group,
                        f.intended_use,
                        f.use_group,
                        f.country,
                        f.country_band,
                        f.channel_shape,
                        f.exact_key,
                        f.family_key,
                    )
                )
        cur.execute("ANALYZE reviews_precedent")
    say("filled", f"{PRECEDENTS - have:,} precedents in {time.perf_counter() - started:.0f} s")


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18] * 1000


def measure() -> None:
    from reviews.models import Decision, Precedent
    from reviews.precedents import SHOWN, precedents_for

    rng = random.Random(5)
    total = Precedent.objects.count()
    max_id = Precedent.objects.order_by("-id").values_list("id", flat=True).first()
    # Cases like the portfolio (drawn from stored rows) and unlike it (random features).
    stored = list(
        Precedent.objects.filter(id__in=[rng.randrange(1, max_id) for _ in range(REQUESTS)])
    )
    cases = [_as_features(p) for p in stored] + [_features(rng) for _ in range(REQUESTS // 4)]
    for f in cases[:10]:
        precedents_for(f)  # warm the connection and the country table
    anchor, timed, candidates = [], [], []
    for f in cases:
        t0 = time.perf_counter()
        Precedent.objects.filter(pk=rng.randrange(1, max_id)).first()
        anchor.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        matches = precedents_for(f, limit=0)
        shown = matches[:SHOWN]
        Decision.objects.in_bulk([m.precedent.decision_id for m in shown])
        timed.append(time.perf_counter() - t0)
        candidates.append(len(matches))
    p95, a95 = _p95(timed), _p95(anchor)
    say("precedents in the index", f"{total:,}")
    say(
        "candidates scored per case",
        f"median {statistics.median(candidates):.0f}, max {max(candidates)}",
    )
    say("anchor: one row by primary key, p95", f"{a95:.2f} ms")
    say("precedents for a case, p50", f"{statistics.median(timed) * 1000:.1f} ms")
    say("precedents for a case, p95", f"{p95:.1f} ms", p95 / TARGET_MS, f"{TARGET_MS:.0f} ms")
    say("  … as a multiple of the anchor", f"{p95 / a95:.1f}×")


def _as_features(p):
    from reviews.precedents import Features

    return Features(
        p.capability_family,
        p.end_user_type,
        p.end_user_group,
        p.intended_use,
        p.use_group,
        p.country,
        p.country_band,
        p.channel_shape,
    )


if __name__ == "__main__":
    sys.exit(main())
