"""Promotion benchmark: flagged import lines registered as deals by two workers, beside a
PostgreSQL COPY of as many deal rows (the anchor), measured in the same run.

Run: python benchmarks/bench_promotion.py [--deals N] [--workers W]

Needs PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL); works in its own database
BENCH_PROMOTION_DB_NAME (default hrdd_bench_promotion, dropped and re-created). Fills an
import with N flagged lines (default 3,000) waiting for promotion, starts W worker
processes (default 2) that each run the promotion service on it (they share the lines
batch by batch, as two Celery workers would), and prints deals per second (target 500),
the anchor's rows per second, their ratio, and the load average at start and end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from pg_bench import django_setup, fresh_database  # noqa: E402

TARGET = 500.0


def say(label: str, value: str, extra: str = "") -> None:
    print(f"  {label:<58} {value}{'   ' + extra if extra else ''}", flush=True)


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


def _setup_django(url: str) -> None:
    django_setup(url, prefix="hrdd-bench-promotion-")


def worker(url: str, import_id: int) -> None:
    _setup_django(url)
    from celery import current_app

    from channel_imports.promotion import import_promote
    from restricted_parties.selectors import parties_screen
    from rules.selectors import criteria_compiled, criteria_published_current
    from rules.textsignals.languages import detect_language

    # What a long-running worker has loaded before its first batch: the list's match
    # index, the language model (the model alone takes 0.7 s to load, once per process),
    # the criteria in force compiled with their lexicon (0.8 s, once per version) and the
    # registered tasks (a Celery worker imports them at start; here the first batch's
    # notification would, running the system checks: 1-2 s, once per process).
    current_app.loader.import_default_modules()
    parties_screen([("warm up", "")])
    detect_language("warm up the language model")
    criteria_compiled(criteria_published_current())
    from django.db import connection

    db = {"statements": 0, "seconds": 0.0}

    def timed(execute, sql, params, many, context):
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            db["seconds"] += time.perf_counter() - t0
            db["statements"] += 1

    started, cpu = time.time(), time.process_time()
    with connection.execute_wrapper(timed):
        import_promote(channel_import_id=import_id)
    print(
        json.dumps(
            {
                "started": started,
                "ended": time.time(),
                "cpu": time.process_time() - cpu,
                "db_seconds": db["seconds"],
                "statements": db["statements"],
            }
        )
    )


def fill(n: int) -> int:
    from django.db import transaction

    from accounts.models import User
    from channel_imports.models import ChannelImport, ImportLine
    from opportunities.models import Product
    from partners.models import Organisation
    from rules.selectors import criteria_published_current

    with transaction.atomic():
        partner = Organisation.objects.create(
            name="Bench Distribution", country="AE", role="distributor"
        )
        user = User.objects.create(
            username="bench_partner", role="partner_user", organisation=partner
        )
        Product.objects.create(
            sku="DPI-9000", name="Traffic inspector 9000", capabilities=["deep_packet_inspection"]
        )
        imp = ChannelImport.objects.create(
            organisation=partner,
            uploaded_by=user,
            original_name="bench.csv",
            kind="csv",
            status=ChannelImport.Status.PROMOTING,
            criteria_version=criteria_published_current(),
            lines_total=n,
        )
        customers = [(f"End customer {i}", ["EG", "AE", "TR", "IN"][i % 4]) for i in range(500)]
        ImportLine.objects.bulk_create(
            [
                ImportLine(
                    channel_import=imp,
                    organisation=partner,
                    row_key=f"r:P-{i}",
                    line_no=i + 2,
                    chunk_no=0,
                    status=ImportLine.Status.SCREENED,
                    tier="high",
                    score=20,
                    data={
                        "partner_reference": f"P-{i}",
                        "end_customer_name": customers[i % 500][0],
                        "end_customer_country": customers[i % 500][1],
                        "end_user_type": "state_telecom",
                        "sector": "telecommunications",
                        "delivery_country": customers[i % 500][1],
                        "sku": "DPI-9000",
                        "product_name": "",
                        "capabilities": ["deep_packet_inspection"],
                        "quantity": 2,
                        "intended_use": ["network_operations"],
                        "value_amount": "90000.00",
                        "currency": "USD",
                        "sale_date": "",
                        "reseller_name": f"Reseller {i % 50}",
                        "reseller_country": "AE",
                        "customization": False,
                        "red_flags": [],
                        "end_use_statement": "requested",
                    },
                )
                for i in range(n)
            ],
            batch_size=2000,
        )
    return imp.pk


def copy_anchor(n: int) -> float:
    """Rows per second of COPY … FROM STDIN into a table shaped like the deals table (its
    columns, defaults, identity and indexes)."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("CREATE TEMP TABLE copy_anchor (LIKE opportunities_opportunity INCLUDING ALL)")
        cols = [
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
            "customization",
            "end_use_statement",
            "declared_red_flags",
            "status",
            "created_at",
            "updated_at",
        ]
        t0 = time.perf_counter()
        with cur.copy(f"COPY copy_anchor ({', '.join(cols)}) FROM STDIN") as copy:
            for i in range(n):
                copy.write_row(
                    (
                        f"C-{i}",
                        f"c-{i}",
                        "Deal",
                        1,
                        1,
                        1,
                        "End customer",
                        "EG",
                        "state_telecom",
                        "",
                        "EG",
                        '["network_operations"]',
                        "",
                        "90000.00",
                        "USD",
                        False,
                        "requested",
                        "[]",
                        "on_hold",
                        "2026-11-30T00:00:00Z",
                        "2026-11-30T00:00:00Z",
                    )
                )
        took = time.perf_counter() - t0
        cur.execute("DROP TABLE copy_anchor")
    return n / took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--deals", type=int, default=int(os.environ.get("BENCH_PROMOTION_DEALS", 3000))
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.url, args.worker)
        return 0
    base = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if not base.startswith(("postgres://", "postgresql://")):
        say(
            "skipped",
            "the promotion benchmark needs PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL)",
        )
        return 0
    url = fresh_database(base, os.environ.get("BENCH_PROMOTION_DB_NAME", "hrdd_bench_promotion"))
    _setup_django(url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    import_id = fill(args.deals)
    anchor = copy_anchor(args.deals)
    before = _load()
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", str(import_id), "--url", url],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(args.workers)
    ]
    spans = []
    for p in procs:
        out, _ = p.communicate(timeout=3600)
        if p.returncode:
            raise SystemExit(f"a promotion worker failed (exit {p.returncode})")
        spans.append(json.loads(out.strip().splitlines()[-1]))
    after = _load()
    took = max(s["ended"] for s in spans) - min(s["started"] for s in spans)
    from channel_imports.models import ChannelImport, ImportLine

    promoted = ImportLine.objects.filter(
        channel_import_id=import_id, opportunity__isnull=False
    ).count()
    status = ChannelImport.objects.get(pk=import_id).status
    rate = promoted / took
    say(
        f"promotion, {args.workers} workers ({promoted:,} deals, import {status})",
        f"{rate:8.1f} deals/s",
        f"({rate / TARGET:.2f}× the target {TARGET:.0f}/s) [{before} -> {after}]",
    )
    if promoted:
        cpu = sum(s["cpu"] for s in spans) / promoted * 1000
        waited = sum(s["db_seconds"] for s in spans) / promoted * 1000
        statements = sum(s["statements"] for s in spans) / promoted
        say(
            "  per deal: worker CPU / waiting on PostgreSQL / statements",
            f"{cpu:.2f} ms / {waited:.2f} ms / {statements:.2f}",
        )
    say("anchor: COPY of as many deal rows", f"{anchor:8.0f} rows/s")
    say("  promotion / COPY", f"{rate / anchor:.4f}")
    chain = subprocess.run(
        [sys.executable, "manage.py", "verify_audit_chain"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    say("audit chain after the run", "verifies" if chain.returncode == 0 else "BROKEN")
    print(json.dumps({"deals_per_s": rate, "copy_rows_per_s": anchor, "promoted": promoted}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
