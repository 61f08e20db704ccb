"""Concurrent registrations naming new organisations: every one answered 2xx.

200 deals registered through the API by 25 threads at once, 40 end customers and 40
resellers that do not exist yet, each named by five deals. Target: zero 5xx (before the
retry on the organisation's unique index, about 1 in 6 answered 500). The anchor, run in
the same process, is the same number of registrations one at a time: the ratio says what
concurrency costs or gains.

Needs PostgreSQL (SQLite cannot take concurrent writers): reads BENCH_DATABASE_URL or
DATABASE_URL for the server and uses a database of its own on it (BENCH_DB_NAME, default
`hrdd_bench_registrations`, created when missing). BENCH_REGISTRATIONS and BENCH_THREADS
change the sizes. Run: python benchmarks/bench_registrations.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REGISTRATIONS = int(os.environ.get("BENCH_REGISTRATIONS", "200"))
THREADS = int(os.environ.get("BENCH_THREADS", "25"))
NEW_NAMES = max(1, REGISTRATIONS // 5)
DB_NAME = os.environ.get("BENCH_DB_NAME", "hrdd_bench_registrations")


def say(label: str, value: str, extra: str = "") -> None:
    print(f"  {label:<52} {value}{extra}", flush=True)


def bench_database_url() -> str | None:
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        return None
    return urlunparse(urlparse(url)._replace(path=f"/{DB_NAME}"))


def ensure_database(url: str) -> None:
    import psycopg

    admin = urlunparse(urlparse(url)._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone():
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def body(run: str, n: int) -> dict:
    k = n % NEW_NAMES
    return {
        "external_id": f"BENCH-{run}-{n}",
        "title": "Campus network refresh",
        "end_customer": {
            "name": f"New Customer {run} {k}",
            "country": "KE",
            "type": "private_enterprise",
            "sector": "retail",
        },
        "delivery_country": "KE",
        "channel": [{"name": f"New Reseller {run} {k}", "role": "reseller", "country": "KE"}],
        "lines": [{"sku": "BENCH-NET-1", "quantity": 10}],
        "intended_use": ["enterprise_it"],
        "value": {"amount": "120000.00", "currency": "EUR"},
        "end_use_statement": "signed",
    }


def register_all(token: str, threads: int) -> tuple[float, dict[int, int]]:
    """Register REGISTRATIONS new deals with `threads` clients; (seconds, status counts)."""
    from django.db import connections
    from rest_framework.test import APIClient

    run = uuid.uuid4().hex[:8]
    counts: dict[int, int] = {}
    lock = threading.Lock()
    barrier = threading.Barrier(threads)

    def work(t: int) -> None:
        client = APIClient(raise_request_exception=False)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        barrier.wait()
        try:
            for n in range(t, REGISTRATIONS, threads):
                code = client.post(
                    "/api/v1/opportunities/", body(run, n), format="json"
                ).status_code
                with lock:
                    counts[code] = counts.get(code, 0) + 1
        finally:
            connections.close_all()

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - start, counts


def main() -> int:
    url = bench_database_url()
    if url is None:
        print(
            "  skipped: concurrent registrations need PostgreSQL "
            "(set BENCH_DATABASE_URL or DATABASE_URL to a postgres:// URL)"
        )
        return 0
    ensure_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("HRDD_VAR_DIR", tempfile.mkdtemp(prefix="hrdd-bench-"))
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdd.settings")
    os.environ["LOG_LEVEL"] = "ERROR"
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-not-for-production")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token

    from accounts.models import User
    from hrdd.celery import app as celery_app
    from opportunities.models import Product
    from partners.models import Organisation

    celery_app.conf.broker_url = "memory://localhost/"  # notifications stay off any broker
    celery_app.conf.task_always_eager = False
    call_command("migrate", verbosity=0)
    vendor, _ = Organisation.objects.get_or_create(
        name="Northwind Networks", country="US", defaults={"role": "vendor"}
    )
    rep, _ = User.objects.get_or_create(
        username="bench_rep", defaults={"role": User.Role.SALES_REP, "organisation": vendor}
    )
    Product.objects.get_or_create(
        sku="BENCH-NET-1", defaults={"name": "Campus switch", "capabilities": ["networking"]}
    )
    token = Token.objects.get_or_create(user=rep)[0].key

    print(
        f"  {REGISTRATIONS} registrations naming {NEW_NAMES} new end customers and "
        f"{NEW_NAMES} new resellers",
        flush=True,
    )
    sequential_s, sequential = register_all(token, 1)
    concurrent_s, concurrent = register_all(token, THREADS)
    errors = sum(n for code, n in concurrent.items() if code >= 500)
    say(
        f"{THREADS} at once: answers",
        ", ".join(f"{n} × {c}" for c, n in sorted(concurrent.items())),
    )
    say(f"{THREADS} at once: 5xx answers", f"{errors}", "   (target 0)")
    say(f"{THREADS} at once: registrations/s", f"{REGISTRATIONS / concurrent_s:,.1f}")
    say(
        "anchor, one at a time: registrations/s",
        f"{REGISTRATIONS / sequential_s:,.1f}",
        f"   (answers {', '.join(f'{n} × {c}' for c, n in sorted(sequential.items()))})",
    )
    say(
        "time at once / time one at a time",
        f"{concurrent_s / sequential_s:.2f}",
        "   (<1: concurrency helps)",
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
