"""Benchmark of bulk channel imports: validate, store and screen POS lines with real workers.

Run: DATABASE_URL=postgres://... REDIS_URL=redis://... python benchmarks/bench_imports.py
     [--lines N] [--workers W] [--million]

- Needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL); without them it says so and
  exits 0. It works in its own database (BENCH_DATABASE_NAME, default
  hrdd_bench_imports, dropped and re-created) and its own Redis database
  (BENCH_REDIS_DB, default 12), so it never touches the application's data or queue.
- Loads OFAC's SDN list (../shared/data/ofac-sdn) so restricted-party screening matches
  names against a real list, and a small catalogue.
- Writes a synthetic month of POS lines as CSV (names repeat as in real POS data: a few
  thousand end customers and a few hundred resellers; about 1% of lines are high-risk),
  starts W `celery -A hrdd worker --concurrency=1` subprocesses (default 2), uploads the
  file through the same services as the page, and times upload -> validated -> accepted
  -> completed.
- Prints lines per second and the peak resident memory of the workers (VmHWM from
  /proc), each as a ratio to its target: 100,000 lines in 60 s (1,667 lines/s) and
  under 1 GB per worker. `--million` (or BENCH_IMPORTS_MILLION=1) adds a 1,000,000-line
  run (a few minutes); it is opt-in for that reason.

Always exits 0 unless the pipeline itself fails.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_LINES = 100_000
TARGET_SECONDS = 60.0
TARGET_RATE = TARGET_LINES / TARGET_SECONDS
MEMORY_LIMIT = 1024**3
OFAC_DIR = ROOT.parent / "shared" / "data" / "ofac-sdn"

CATALOGUE = [
    ("NET-4400", "Campus switch 4400", ["networking"]),
    ("NET-8800", "Core router 8800", ["networking"]),
    ("SRV-100", "Rack server", ["general_compute"]),
    ("STO-20", "Storage array", ["storage"]),
    ("FW-60", "Firewall 60", ["cybersecurity"]),
    ("CAM-2", "Dome camera", ["video_surveillance"]),
    ("DPI-9000", "Traffic inspector 9000", ["deep_packet_inspection"]),
    ("LI-GW-2", "Interception gateway", ["lawful_interception"]),
    ("FACE-1", "Face matcher", ["biometric_identification"]),
]
ORDINARY_SKUS = ["NET-4400", "NET-8800", "SRV-100", "STO-20", "FW-60"]
RISKY_SKUS = ["DPI-9000", "LI-GW-2", "FACE-1"]
COUNTRIES = [
    "DE",
    "FR",
    "NL",
    "SE",
    "NO",
    "PL",
    "ES",
    "IT",
    "GB",
    "US",
    "IN",
    "BR",
    "MX",
    "AE",
    "SG",
]
TYPES = [
    "private_enterprise",
    "private_enterprise",
    "private_enterprise",
    "education_research",
    "healthcare",
    "financial_institution",
    "municipal",
    "other_government",
]
USES = [
    "enterprise_it",
    "network_operations",
    "cybersecurity_defense",
    "retail_commerce",
    "manufacturing",
]
WORDS = [
    "Nordic",
    "Alpine",
    "Atlas",
    "Blue",
    "Cedar",
    "Delta",
    "Ember",
    "Falcon",
    "Granite",
    "Harbor",
    "Iris",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Meridian",
    "Nova",
    "Orion",
    "Pioneer",
    "Quartz",
    "Ridge",
    "Summit",
    "Tidal",
    "Union",
    "Vertex",
    "Willow",
    "Zenith",
]
SUFFIXES = [
    "Logistics",
    "Retail",
    "Clinic",
    "Bank",
    "School",
    "Foods",
    "Motors",
    "Textiles",
    "Labs",
    "Hotels",
]
FORMS = ["GmbH", "SA", "AB", "Ltd", "BV", "S.r.l.", "Inc"]


def write_pos_file(path: Path, lines: int, *, risky_share: float = 0.01, seed: int = 7) -> int:
    """A synthetic POS report; returns the number of high-risk lines written."""
    from channel_imports.rows import COLUMNS  # the headers the importer expects

    rnd = random.Random(seed)
    customers = [
        (
            f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} {rnd.choice(SUFFIXES)} {rnd.choice(FORMS)}",
            rnd.choice(COUNTRIES),
        )
        for _ in range(3000)
    ]
    resellers = [
        (f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} IT {rnd.choice(FORMS)}", rnd.choice(COUNTRIES))
        for _ in range(300)
    ]
    # Heavy repetition: a few customers and resellers carry most of the volume.
    cust_weights = [1 / (i + 1) ** 0.8 for i in range(len(customers))]
    res_weights = [1 / (i + 1) for i in range(len(resellers))]
    risky = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        batch = 10_000
        done = 0
        while done < lines:
            n = min(batch, lines - done)
            custs = rnd.choices(customers, cust_weights, k=n)
            ress = rnd.choices(resellers, res_weights, k=n)
            for i in range(n):
                k = done + i
                name, country = custs[i]
                reseller, rcountry = ress[i]
                if rnd.random() < risky_share:
                    risky += 1
                    w.writerow(
                        [
                            f"POS-{k:08d}",
                            f"National Telecom {country}",
                            "EG",
                            "state_telecom",
                            "telecom",
                            "EG",
                            rnd.choice(RISKY_SKUS),
                            "",
                            "",
                            rnd.randint(1, 5),
                            "network_operations",
                            f"{rnd.randint(50_000, 900_000)}.00",
                            "USD",
                            "2026-01-15",
                            reseller,
                            rcountry,
                            "",
                            "no",
                            "requested",
                        ]
                    )
                else:
                    w.writerow(
                        [
                            f"POS-{k:08d}",
                            name,
                            country,
                            rnd.choice(TYPES),
                            "",
                            country,
                            rnd.choice(ORDINARY_SKUS),
                            "",
                            "",
                            rnd.randint(1, 50),
                            rnd.choice(USES),
                            f"{rnd.randint(100, 90_000)}.{rnd.randint(0, 99):02d}",
                            "EUR",
                            f"2026-01-{rnd.randint(1, 28):02d}",
                            reseller,
                            rcountry,
                            "",
                            "no",
                            "signed",
                        ]
                    )
            done += n
    return risky


def _bench_urls() -> tuple[str, str, str, str]:
    db_url, redis_url = os.environ["DATABASE_URL"], os.environ["REDIS_URL"]
    name = os.environ.get("BENCH_DATABASE_NAME", "hrdd_bench_imports")
    scheme, rest = db_url.split("://", 1)
    base, _, query = rest.partition("?")
    host, _, old_name = base.rpartition("/")
    bench_db = f"{scheme}://{host}/{name}" + (f"?{query}" if query else "")
    admin_db = f"{scheme}://{host}/postgres" + (f"?{query}" if query else "")
    rscheme, rrest = redis_url.split("://", 1)
    rhost = rrest.split("/", 1)[0]
    bench_redis = f"{rscheme}://{rhost}/{os.environ.get('BENCH_REDIS_DB', '12')}"
    return bench_db, admin_db, bench_redis, name


def _recreate_database(admin_url: str, name: str) -> None:
    import psycopg

    url = admin_url.replace("postgres://", "postgresql://", 1)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _tree(pid: int) -> list[int]:
    """pid and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _peak_rss(pid: int) -> int:
    """The largest VmHWM (peak resident set) of a process and its children, in bytes."""
    peak = 0
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]) * 1024)
        except OSError:
            pass
    return peak


def _start_workers(n: int, env: dict, log) -> list[subprocess.Popen]:
    celery = str(Path(sys.executable).with_name("celery"))
    procs = []
    for i in range(n):
        procs.append(
            subprocess.Popen(
                [
                    celery,
                    "-A",
                    "hrdd",
                    "worker",
                    "--concurrency=1",
                    "--loglevel=WARNING",
                    "--without-gossip",
                    "--without-mingle",
                    "-n",
                    f"bench{i}@%h",
                ],
                cwd=ROOT,
                env=env,
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        )
    return procs


def _wait_workers(app, n: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        replies = app.control.ping(timeout=1.0) or []
        if len(replies) >= n:
            return
    raise RuntimeError(f"{n} workers did not answer within {timeout:.0f} s")


def _stop_workers(procs: list[subprocess.Popen]) -> None:
    """Warm shutdown of each worker (SIGTERM to its main process); kill what lingers."""
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    for p in procs:
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def _wait_status(imp, statuses: set[str], timeout: float) -> float:
    start = time.monotonic()
    while True:
        imp.refresh_from_db()
        if imp.status in statuses:
            return time.monotonic() - start
        if time.monotonic() - start > timeout:
            raise RuntimeError(f"import {imp.pk} still {imp.status} after {timeout:.0f} s")
        time.sleep(0.2)


def _wait_screened(imp, timeout: float) -> float:
    """When every stored line has its tier (monotonic clock)."""
    from channel_imports.selectors import import_progress

    start = time.monotonic()
    while True:
        imp.refresh_from_db()
        p = import_progress(imp)
        if imp.status in ("promoting", "completed", "failed") or p["screened"] >= p["total"]:
            return time.monotonic()
        if time.monotonic() - start > timeout:
            raise RuntimeError(f"import {imp.pk} not screened after {timeout:.0f} s")
        time.sleep(0.1)


def run(lines: int, workers: int, tmp: Path, env: dict, setup_data, risky_share: float) -> dict:
    """One timed import of `lines` POS lines; returns the figures."""
    from django.core.files import File

    from channel_imports.models import ChannelImport
    from channel_imports.services import import_accept, import_map, import_upload

    path = tmp / f"pos-{lines}.csv"
    t = time.monotonic()
    risky = write_pos_file(path, lines, risky_share=risky_share)
    gen_s = time.monotonic() - t
    user, org = setup_data
    limit = max(300.0, lines / 100)  # seconds per phase before the run is declared stuck
    log = open(tmp / f"workers-{lines}.log", "w")  # noqa: SIM115
    procs = _start_workers(workers, env, log)
    try:
        from hrdd.celery import app

        _wait_workers(app, workers)
        t0 = time.monotonic()
        with open(path, "rb") as fh:
            imp = import_upload(
                actor=user, organisation=org, uploaded_file=File(fh, name=path.name)
            )
        upload_s = time.monotonic() - t0
        import_map(actor=user, channel_import=imp, mapping=imp.mapping)
        validate_s = _wait_status(imp, {"validated", "rejected"}, timeout=limit)
        if imp.status != "validated":
            raise RuntimeError(f"validation refused the file: {imp.message}")
        t1 = time.monotonic()
        import_accept(actor=user, channel_import=imp)
        _wait_status(imp, {"screening", "completed", "failed"}, timeout=limit)
        ingest_s = time.monotonic() - t1
        screened_at = _wait_screened(imp, timeout=limit)
        _wait_status(imp, {"completed", "failed"}, timeout=limit)
        total_s = time.monotonic() - t0
        screened_s = screened_at - t0
        screen_s = screened_s - upload_s - validate_s - ingest_s
        promote_s = total_s - screened_s
        peak = max(_peak_rss(p.pid) for p in procs)
    except Exception:
        log.flush()
        print((tmp / f"workers-{lines}.log").read_text()[-5000:], file=sys.stderr)
        raise
    finally:
        _stop_workers(procs)
        log.close()
    imp = ChannelImport.objects.get(pk=imp.pk)
    return {
        "lines": lines,
        "risky_written": risky,
        "status": imp.status,
        "stored": imp.lines_total,
        "flagged": imp.summary.get("flagged"),
        "promoted": imp.summary.get("promoted"),
        "tiers": imp.summary.get("tiers"),
        "generate_s": gen_s,
        "upload_s": upload_s,
        "validate_s": validate_s,
        "ingest_s": ingest_s,
        "screen_s": screen_s,
        "total_s": total_s,
        "screened_s": screened_s,
        "promote_s": promote_s,
        "rate": lines / screened_s,
        "peak_worker_rss": peak,
        "file_mb": path.stat().st_size / 1e6,
    }


def report(r: dict, workers: int) -> None:
    mb = r["peak_worker_rss"] / 1024**2
    print(
        f"\n== {r['lines']:,} POS lines ({r['file_mb']:.0f} MB CSV), {workers} workers: {r['status']}"
    )
    print(
        f"   stored {r['stored']:,} lines; tiers {r['tiers']}; flagged {r['flagged']:,} "
        f"(written high-risk {r['risky_written']:,}); promoted to deals {r['promoted']:,}"
    )
    print(
        f"   upload {r['upload_s']:.1f} s · validate {r['validate_s']:.1f} s · store {r['ingest_s']:.1f} s · "
        f"screen {r['screen_s']:.1f} s -> every line validated, saved and screened in {r['screened_s']:.1f} s"
    )
    print(
        f"   then registering the {r['flagged']:,} flagged lines as deals took {r['promote_s']:.1f} s more "
        f"({r['flagged'] / max(r['promote_s'], 0.001):,.0f} deals/s); import completed after {r['total_s']:.1f} s"
    )
    print(
        f"   throughput {r['rate']:,.0f} lines/s (validated, saved and screened) = {r['rate'] / TARGET_RATE:.2f}x "
        f"the target ({TARGET_RATE:,.0f} lines/s: {TARGET_LINES:,} in {TARGET_SECONDS:.0f} s); "
        f"{r['lines'] / r['total_s']:,.0f} lines/s including deal registration"
    )
    print(
        f"   peak worker memory {mb:,.0f} MB = {r['peak_worker_rss'] / MEMORY_LIMIT:.2f} of the 1 GB limit"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=TARGET_LINES)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--million", action="store_true", default=os.environ.get("BENCH_IMPORTS_MILLION") == "1"
    )
    parser.add_argument(
        "--risky-share", type=float, default=0.01, help="share of high-risk lines (default 1%%)"
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(
        ("postgres", "postgresql")
    ) or not os.environ.get("REDIS_URL"):
        print(
            "bench_imports needs PostgreSQL and Redis: set DATABASE_URL=postgres://... and "
            "REDIS_URL=redis://... (it uses its own database and Redis db). Skipped."
        )
        return 0
    bench_db, admin_db, bench_redis, name = _bench_urls()
    tmp = Path(tempfile.mkdtemp(prefix="bench-imports-"))
    env = {
        **os.environ,
        "DATABASE_URL": bench_db,
        "REDIS_URL": bench_redis,
        "MEDIA_ROOT": str(tmp / "media"),
        "HRDD_VAR_DIR": str(tmp / "var"),
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-secret-key",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "hrdd.settings",
        "AUDIT_HMAC_KEY": "benchmark-only-audit-key",
        "SECURE_SSL_REDIRECT": "false",
    }
    os.environ.update(env)
    try:
        _recreate_database(admin_db, name)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        setup_data = _setup()
        from hrdd.celery import app

        app.control.purge()
        print(
            f"bench_imports: database {name}, Redis {bench_redis}, chunk "
            f"{os.environ.get('CHANNEL_IMPORT_CHUNK_ROWS', '2000 (default)')} lines"
        )
        # The million-line run is about memory; its high-risk share is 0.1% so that deal
        # registration (about 15 deals/s, see the README) does not dominate its time.
        runs = [(args.lines, args.risky_share)]
        if args.million and args.lines != 1_000_000:
            runs.append((1_000_000, 0.001))
        for lines, share in runs:
            r = run(lines, args.workers, tmp, env, setup_data, share)
            report(r, args.workers)
            if r["status"] != "completed":
                return 1
        me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(f"\n   (this process, which uploads the file: peak {me / 1024**2:,.0f} MB)")
        if not args.million and args.lines < 1_000_000:
            print(
                "   1,000,000 lines: run with --million (or BENCH_IMPORTS_MILLION=1); it takes a few minutes."
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _setup():
    """Partner, user, catalogue and OFAC's SDN list in the benchmark database."""
    from accounts.models import User
    from opportunities.models import Product
    from partners.models import Organisation

    org = Organisation.objects.create(
        name="Benchmark Distribution GmbH",
        country="DE",
        role="distributor",
        hrdd_maturity="established",
        staff_trained=True,
    )
    user = User.objects.create_user("bench_partner", role=User.Role.PARTNER_USER, organisation=org)
    for sku, pname, caps in CATALOGUE:
        Product.objects.create(sku=sku, name=pname, vendor="Northwind Networks", capabilities=caps)
    if OFAC_DIR.exists():
        from restricted_parties.services import restricted_party_list_import

        listed = restricted_party_list_import(
            actor=None, fmt="ofac-sdn", path_or_file=str(OFAC_DIR)
        )
        print(f"bench_imports: restricted parties: {listed.entry_count:,} OFAC SDN entries")
    else:
        print(f"bench_imports: {OFAC_DIR} not found: screening against no restricted-party list")
    return user, org


if __name__ == "__main__":
    sys.exit(main())
