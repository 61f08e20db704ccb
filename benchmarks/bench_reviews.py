"""Review-queue benchmark: the queue page and its API at 1,000,000 deals and 50,000 open
cases, and one escalation sweep.

Targets: queue page and API p95 under 200 ms; one escalation sweep under 2 s, printed
beside its anchor: one plain set-based UPDATE … RETURNING of the same rows (no audit,
no notifications), measured in the same run.

Needs PostgreSQL: reads BENCH_DATABASE_URL or DATABASE_URL for the server and fills a
separate database on it (BENCH_DB_NAME, default `hrdd_bench`; created when missing and
reused on later runs; `--refill` starts it again). Without PostgreSQL it says so and
exits 0. BENCH_DEALS / BENCH_CASES / BENCH_OVERDUE / BENCH_REQUESTS change the sizes, as
do --deals / --cases / --overdue (a smaller fill needs --refill or another BENCH_DB_NAME).

Run: python benchmarks/bench_reviews.py [--refill] [--deals N] [--cases N] [--overdue N]
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _size(flag: str, env: str, default: str) -> int:
    if flag in sys.argv[:-1]:
        return int(sys.argv[sys.argv.index(flag) + 1])
    return int(os.environ.get(env, default))


DEALS = _size("--deals", "BENCH_DEALS", "1000000")
CASES = _size("--cases", "BENCH_CASES", "50000")
OVERDUE = _size("--overdue", "BENCH_OVERDUE", "1000")
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
DB_NAME = os.environ.get("BENCH_DB_NAME", "hrdd_bench")
PARTNERS = 2000
REVIEWERS = 40
PAGE_TARGET_MS = 200.0
SWEEP_TARGET_S = 2.0
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
]
TIERS = [("medium", 1, 0.55), ("high", 2, 0.30), ("critical", 3, 0.12), ("prohibited", 4, 0.03)]
OPEN_STATES = [
    ("new", 0.35),
    ("in_review", 0.30),
    ("information_requested", 0.12),
    ("recommended", 0.10),
    ("escalated", 0.13),
]


def say(label: str, value: str, ratio: float | None = None, target: str = "") -> None:
    extra = f"   ({ratio:.2f}× the target {target}; <1 is better)" if ratio is not None else ""
    print(f"  {label:<52} {value}{extra}", flush=True)


def bench_database_url() -> str | None:
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        return None
    parts = urlparse(url)
    return urlunparse(parts._replace(path=f"/{DB_NAME}"))


def ensure_database(url: str, *, refill: bool) -> None:
    import psycopg

    parts = urlparse(url)
    admin = urlunparse(parts._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone()
        if exists and refill:
            conn.execute(f'DROP DATABASE "{DB_NAME}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def main() -> int:
    url = bench_database_url()
    if url is None:
        print(
            "  skipped: the review-queue benchmark needs PostgreSQL "
            "(set BENCH_DATABASE_URL or DATABASE_URL to a postgres:// URL)"
        )
        return 0
    refill = "--refill" in sys.argv
    ensure_database(url, refill=refill)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("HRDD_VAR_DIR", tempfile.mkdtemp(prefix="hrdd-bench-"))
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdd.settings")
    os.environ["LOG_LEVEL"] = "WARNING"
    # Measured as deployed: DEBUG off (no per-query debug log), a throw-away secret.
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-not-for-production")
    os.environ.setdefault("AUDIT_HMAC_KEY", "benchmark-only-audit-key")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")  # plain HTTP on 127.0.0.1
    import django

    django.setup()
    from django.core.management import call_command

    from hrdd.celery import app as celery_app

    # Notifications are queued on commit; keep them off any real broker here.
    celery_app.conf.broker_url = "memory://localhost/"
    celery_app.conf.task_always_eager = False
    call_command("migrate", verbosity=0)
    fill()
    measure()
    return 0


# --- Filling ------------------------------------------------------------------------------


def _copy(cursor, table: str, columns: list[str], rows) -> int:
    n = 0
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
    return n


def fill() -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from accounts.models import User
    from opportunities.models import Opportunity
    from partners.models import Organisation
    from rules.models import CriteriaVersion

    have = Opportunity.objects.count()
    if have >= DEALS:
        say("database", f"{DB_NAME}: reusing {have:,} deals (pass --refill to rebuild)")
        return
    if have:
        print(f"  {DB_NAME} holds a partial fill ({have:,} deals); rerun with --refill")
        sys.exit(1)
    started = time.perf_counter()
    rng = random.Random(7)
    now = timezone.now()
    version = CriteriaVersion.objects.filter(status="published").order_by("-number").first()
    with transaction.atomic():
        vendor = Organisation.objects.create(name="Bench Vendor", country="US", role="vendor")
        rep = User.objects.create(username="bench_rep", role="sales_rep", organisation=vendor)
        User.objects.bulk_create(
            [
                User(username=f"bench_reviewer_{i}", role="reviewer", organisation=vendor)
                for i in range(REVIEWERS)
            ]
            + [
                User(username="bench_senior", role="senior_reviewer", organisation=vendor),
                User(username="bench_committee", role="committee", organisation=vendor),
            ]
        )
        Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"Partner {i}",
                    country=rng.choice(COUNTRIES),
                    role=rng.choice(["distributor", "reseller", "integrator"]),
                )
                for i in range(PARTNERS)
            ]
            + [
                Organisation(
                    name=f"End customer {i}",
                    country=COUNTRIES[i % len(COUNTRIES)],
                    role="end_customer",
                )
                for i in range(5000)
            ]
        )
    partners = list(
        Organisation.objects.filter(name__startswith="Partner ").values_list(
            "pk", "name", "country", "role"
        )
    )
    customers = list(
        Organisation.objects.filter(role="end_customer").values_list("pk", "name", "country")
    )
    reviewers = list(
        User.objects.filter(username__startswith="bench_reviewer_").values_list("pk", flat=True)
    )
    with connection.cursor() as cur:
        cur.execute("SELECT COALESCE(MAX(id), 0) FROM opportunities_opportunity")
        base = cur.fetchone()[0]
        t0 = time.perf_counter()

        def deals():
            for i in range(1, DEALS + 1):
                c = customers[i % len(customers)]
                created = now - timedelta(minutes=i % 500_000)
                close = (now + timedelta(days=(i % 120) - 10)).date() if i % 3 else None
                yield (
                    f"D-{base + i:07d}",
                    f"bench-{i}",
                    f"Deal {i}",
                    rep.pk,
                    vendor.pk,
                    c[0],
                    c[1],
                    c[2],
                    "private_enterprise",
                    "",
                    c[2],
                    '["enterprise_it"]',
                    "",
                    "1000.00",
                    "USD",
                    close,
                    False,
                    "signed",
                    "[]",
                    "cleared",
                    created,
                    created,
                )

        _copy(
            cur,
            "opportunities_opportunity",
            [
                "reference",
                "external_id",
                "title",
                "owner_id",
                "submitted_by_organisation_id",
                "end_customer_id",
                "end_customer_name",
                "end_customer_country",
                "end_user_type",
                "end_customer_sector",
                "delivery_country",
                "intended_use",
                "use_description",
                "value_amount",
                "value_currency",
                "expected_close_date",
                "customization",
                "end_use_statement",
                "declared_red_flags",
                "status",
                "created_at",
                "updated_at",
            ],
            deals(),
        )
        say("COPY deals", f"{DEALS:,} in {time.perf_counter() - t0:.1f} s")
        cur.execute(
            "SELECT MIN(id) FROM opportunities_opportunity WHERE external_id LIKE 'bench-%%'"
        )
        first_id = cur.fetchone()[0]

        t0 = time.perf_counter()

        def channel():
            for i in range(DEALS):
                p = partners[i % len(partners)]
                yield (first_id + i, 1, p[0], p[3], p[1], p[2])

        _copy(
            cur,
            "opportunities_channelentry",
            ["opportunity_id", "position", "organisation_id", "role", "name", "country"],
            channel(),
        )
        say("COPY channel entries", f"{DEALS:,} in {time.perf_counter() - t0:.1f} s")

        # 50,000 open cases on a random sample of deals, with their screenings.
        t0 = time.perf_counter()
        case_deals = sorted(rng.sample(range(first_id, first_id + DEALS), CASES))
        tiers = rng.choices(TIERS, weights=[t[2] for t in TIERS], k=CASES)
        _copy(
            cur,
            "rules_screening",
            [
                "opportunity_id",
                "criteria_version_id",
                "trigger",
                "tier",
                "score",
                "severity",
                "likelihood",
                "findings",
                "reasons",
                "snapshot",
                "created_at",
                "shown_tier",
                "shown_score",
                "shown_severity",
                "shown_likelihood",
                "restricted_party_matched",
                "basis",
            ],
            (
                (
                    d,
                    version.pk,
                    "registration",
                    t[0],
                    12,
                    4,
                    3,
                    "[]",
                    "[]",
                    "{}",
                    now,
                    t[0],
                    12,
                    4,
                    3,
                    False,
                    "{}",
                )
                for d, t in zip(case_deals, tiers, strict=True)
            ),
        )
        cur.execute(
            "UPDATE opportunities_opportunity o SET current_screening_id = s.id, status = "
            "CASE s.tier WHEN 'medium' THEN 'in_review' WHEN 'prohibited' THEN 'blocked' ELSE 'on_hold' END "
            "FROM rules_screening s WHERE s.opportunity_id = o.id"
        )
        cur.execute("SELECT opportunity_id, id FROM rules_screening")
        screening_of = dict(cur.fetchall())
        cur.execute(
            "SELECT id, end_customer_country, expected_close_date, lower(reference || ' ' || title || ' ' || end_customer_name) "
            "FROM opportunities_opportunity WHERE current_screening_id IS NOT NULL"
        )
        facts = {r[0]: r[1:] for r in cur.fetchall()}
        overdue_ids = set(rng.sample(range(CASES), OVERDUE))

        def cases():
            for n, (deal_id, tier) in enumerate(zip(case_deals, tiers, strict=True)):
                status = rng.choices(
                    [s for s, _ in OPEN_STATES], weights=[w for _, w in OPEN_STATES]
                )[0]
                level = 2 if tier[0] == "prohibited" else (2 if status == "escalated" else 1)
                assignee = None if status in ("new", "escalated") else rng.choice(reviewers)
                opened = now - timedelta(hours=rng.randint(1, 24 * 20))
                if tier[0] == "prohibited":
                    due = None
                elif n in overdue_ids:
                    due = now - timedelta(minutes=rng.randint(1, 600))
                else:
                    due = now + timedelta(hours=rng.randint(1, 24 * 15))
                country, close, search_text = facts[deal_id]
                close_dt = (
                    timezone.make_aware(datetime.combine(close, clock.min)) if close else None
                )
                effective = min([d for d in (due, close_dt) if d is not None], default=None)
                yield (
                    deal_id,
                    screening_of[deal_id],
                    tier[0],
                    tier[1],
                    country,
                    search_text,
                    status,
                    level,
                    assignee,
                    opened,
                    due,
                    effective,
                    "",
                    "",
                    "",
                    now,
                )

        _copy(
            cur,
            "reviews_reviewcase",
            [
                "opportunity_id",
                "screening_id",
                "tier",
                "tier_rank",
                "country",
                "search_text",
                "status",
                "escalation_level",
                "assignee_id",
                "opened_at",
                "due_at",
                "effective_due_at",
                "recommendation",
                "recommendation_reasons",
                "hard_stop_note",
                "updated_at",
            ],
            cases(),
        )
        say("COPY screenings and open cases", f"{CASES:,} in {time.perf_counter() - t0:.1f} s")
        cur.execute("ANALYZE")
    say("fill", f"{time.perf_counter() - started:.1f} s")


# --- Measuring ------------------------------------------------------------------------------


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def _p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def measure() -> None:
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from accounts.models import User
    from partners.models import Organisation
    from reviews.models import ReviewCase

    reviewer = User.objects.get(username="bench_reviewer_0")
    partner = Organisation.objects.filter(name="Partner 7").first()
    open_cases = ReviewCase.objects.filter(status__in=ReviewCase.OPEN_STATES).count()
    say("open cases", f"{open_cases:,}")
    variants = [
        "",
        "?tier=high",
        "?tier=critical&sort=due",
        "?country=DE",
        "?assignee=me",
        "?assignee=none",
        "?overdue=1",
        "?level=2",
        "?status=recommended",
        f"?partner={partner.pk if partner else ''}",
        "?sort=due",
        "?sort=-opened",
        "?sort=assignee",
        "?page=3",
        "?search=deal 12",
        "?awaiting=decision&tier=high",
    ]
    client = Client()
    client.force_login(reviewer)
    for kind, base in (("queue page", "/reviews/"), ("queue API", "/api/v1/reviews/cases/")):
        times = []
        for i in range(REQUESTS + 10):
            path = base + variants[i % len(variants)]
            if base.startswith("/api") and "sort=" in path:
                path = path.replace("sort=", "ordering=")
            t0 = time.perf_counter()
            r = client.get(
                path, HTTP_ACCEPT="application/json" if base.startswith("/api") else "text/html"
            )
            elapsed = (time.perf_counter() - t0) * 1000
            if r.status_code != 200:
                raise SystemExit(f"{path} answered {r.status_code}")
            if i >= 10:  # warm-up
                times.append(elapsed)
        p95 = _p(times, 0.95)
        say(
            f"{kind} p50 / p95 over {len(times)} requests",
            f"{statistics.median(times):.1f} / {p95:.1f} ms",
            p95 / PAGE_TARGET_MS,
            f"{PAGE_TARGET_MS:.0f} ms p95",
        )

    # One escalation sweep over the overdue cases, then put them back for the next run.
    from reviews.services import review_escalate_overdue

    now = timezone.now()
    due = list(
        ReviewCase.objects.filter(
            status__in=ReviewCase.OPEN_STATES, due_at__lte=now, escalation_level__lt=3
        ).values_list(
            "pk", "status", "escalation_level", "assignee_id", "due_at", "effective_due_at"
        )
    )
    # The anchor: the same rows moved by one plain UPDATE … RETURNING, rolled back.
    from django.db import transaction

    print(f"  load at the sweep's start: {_load()}", flush=True)
    t0 = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute(
            "UPDATE reviews_reviewcase SET status = 'escalated', escalation_level = escalation_level + 1, "
            "assignee_id = NULL, updated_at = %s WHERE id = ANY(%s) RETURNING id",
            [now, [row[0] for row in due]],
        )
        anchor_rows = len(cur.fetchall())
        transaction.set_rollback(True)
    anchor = time.perf_counter() - t0
    say(f"anchor: one UPDATE … RETURNING of the {anchor_rows:,} rows", f"{anchor:.3f} s")
    t0 = time.perf_counter()
    escalated = review_escalate_overdue(now=now)
    took = time.perf_counter() - t0
    say(
        f"escalation sweep ({escalated:,} of {len(due):,} overdue escalated)",
        f"{took:.2f} s",
        took / SWEEP_TARGET_S,
        f"{SWEEP_TARGET_S:.0f} s",
    )
    say("  sweep / anchor", f"{took / anchor if anchor else 0:.1f}×", None, "")
    print(f"  load at the sweep's end: {_load()}", flush=True)
    t0 = time.perf_counter()
    again = review_escalate_overdue(now=now)
    say(
        "second sweep (idempotent: nothing left)",
        f"{again} escalated in {time.perf_counter() - t0:.2f} s",
    )
    with connection.cursor() as cur:
        cur.executemany(
            "UPDATE reviews_reviewcase SET status=%s, escalation_level=%s, assignee_id=%s, due_at=%s, effective_due_at=%s WHERE id=%s",
            [(s, lvl, a, d, e, pk) for pk, s, lvl, a, d, e in due],
        )
    print(
        json.dumps(
            {"open_cases": open_cases, "sweep_seconds": round(took, 3), "escalated": escalated}
        )
    )


if __name__ == "__main__":
    sys.exit(main())
