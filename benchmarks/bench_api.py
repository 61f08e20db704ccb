"""API benchmark: this application's deal endpoints side by side with a bare DRF anchor.

Run: python benchmarks/bench_api.py [--seconds S] [--connections C] [--backends postgresql,sqlite]
     [--only reads|detail|registration] [--registration-only]

For each database (PostgreSQL from BENCH_DATABASE_URL or DATABASE_URL, in its own
database BENCH_API_DB_NAME, default `hrdd_bench_api`, dropped and re-created; SQLite in
a temporary directory), it serves both projects with gunicorn (2 sync workers, DEBUG off)
and loads them from this process with C threads (default 8, http.client, one connection
per request as sync workers close them) for S seconds each (default 8). BENCH_PORTS
("8170-8179") keeps the servers on the ports given:

- registration of the README's example deal (token auth, validation, screening, routing,
  audit) vs the anchor's POST that validates and inserts a 10-field deal (target >= 0.6);
- the deal list (API, first page) vs the anchor's list, and one deal's detail vs the
  anchor's detail (target >= 0.8);
- SQL statements of one registration, its audit events included (target <= 15);
- on PostgreSQL, a burst of registrations from 16 clients, then `verify_audit_chain`.

Each figure is printed with its anchor, measured in the same run, as a ratio, and each
run with the load average at its start and end and the gunicorn workers' CPU time per
request (user + system, both workers) and, with a PostgreSQL server on this machine, its
backends' CPU per request. DATABASE_PREPARED_STATEMENTS applies to both projects alike.
Without PostgreSQL only SQLite runs.

`--only reads` runs the list and detail pairs alone, on deals registered through each
API before the clock starts (READ_SEED_DEALS of them, or --read-seed N); `--only detail`
the detail pair alone, on deals registered so.

On PostgreSQL the reads are measured after an `ANALYZE` of the database (both projects'
tables), run once the deals are in (registered or seeded), as autovacuum would after that
many inserts on a deployed server; without statistics the planner guesses (this machine's
server runs with autovacuum off). `--no-analyze` measures without them, as before; each
run's header says which.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import math
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REGISTRATION_TARGET = 0.6
READ_TARGET = 0.8
STATEMENT_TARGET = 15
READ_SEED_DEALS = 120  # more than a page (50), so the list pages and counts
EXAMPLE = {
    "title": "Core network refresh",
    "end_customer": {
        "name": "Example Telecom",
        "country": "EG",
        "type": "state_telecom",
        "sector": "telecommunications",
    },
    "delivery_country": "EG",
    "channel": [
        {"name": "Gulf Distribution FZE", "role": "distributor", "country": "AE"},
        {"name": "Cairo Systems", "role": "integrator", "country": "EG"},
    ],
    "lines": [
        {"sku": "NET-4400", "quantity": 40},
        {"name": "Third-party probe", "capabilities": ["deep_packet_inspection"], "quantity": 2},
    ],
    "intended_use": ["network_operations"],
    "use_description": "free text",
    "value": {"amount": "1250000.00", "currency": "USD"},
    "expected_close_date": "2027-03-31",
    "customization": False,
    "red_flags": ["consignee_intermediary"],
    "end_use_statement": "requested",
}
BARE_DEAL = {
    "title": "Core network refresh",
    "end_customer_name": "Example Telecom",
    "end_customer_country": "EG",
    "end_user_type": "state_telecom",
    "delivery_country": "EG",
    "value_amount": "1250000.00",
    "value_currency": "USD",
    "expected_close_date": "2027-03-31",
}


def say(label: str, value: str, extra: str = "") -> None:
    print(f"  {label:<58} {value}{'   ' + extra if extra else ''}", flush=True)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


# --- Databases and servers ---------------------------------------------------------------


def _postgres_url() -> str | None:
    """BENCH_API_DB_NAME (default hrdd_bench_api) on the server of BENCH_DATABASE_URL or
    DATABASE_URL, dropped and re-created. Both projects share it (their tables differ)."""
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    import psycopg

    name = os.environ.get("BENCH_API_DB_NAME", "hrdd_bench_api")
    parts = urlparse(url)
    admin = urlunparse(parts._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(parts._replace(path=f"/{name}"))


def _env(database_url: str, var_dir: Path, settings: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(
        DATABASE_URL=database_url,
        HRDD_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE=settings,
        DEBUG="false",
        SECRET_KEY="benchmark-only-secret-not-for-production",
        LOG_LEVEL="WARNING",
        AUDIT_HMAC_KEY="benchmark-only-audit-key",
        PYTHONPATH=str(ROOT),
        SECURE_SSL_REDIRECT="false",  # plain HTTP on 127.0.0.1
    )
    return env


def _run(args: list[str], env: dict) -> str:
    out = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{out.stdout}\n{out.stderr}")
    return out.stdout


def setup_app() -> str:
    """The benchmark's vendor, sales rep and product, in a migrated database (Django set
    up); returns the rep's API token."""
    from rest_framework.authtoken.models import Token

    from accounts.models import User
    from opportunities.models import Product
    from partners.models import Organisation

    vendor = Organisation.objects.create(name="Bench Vendor", country="US", role="vendor")
    rep = User.objects.create(username="bench_rep", role="sales_rep", organisation=vendor)
    Product.objects.create(sku="NET-4400", name="Campus switch 4400", capabilities=["networking"])
    return Token.objects.create(user=rep).key


# Run by the application's interpreter, in the application's environment.
SETUP_APP = (
    "import django; django.setup()\n"
    "from benchmarks.bench_api import setup_app\n"
    "print(setup_app())\n"
)

COUNT_STATEMENTS = """
import django, json; django.setup()
from django.db import connection
from django.test.utils import CaptureQueriesContext
from accounts.models import User
from lifecycle.services import opportunity_register
rep = User.objects.get(username="bench_rep")
body = json.loads(%r)
opportunity_register(actor=rep, data={**body, "external_id": "COUNT-WARM"})
with CaptureQueriesContext(connection) as ctx:
    opportunity_register(actor=rep, data={**body, "external_id": "COUNT-1"})
sqls = [q["sql"] for q in ctx.captured_queries]
audit_sp, own, audit = set(), 0, 0
for i, sql in enumerate(sqls):
    low = sql.lower()
    name = sql.split()[-1] if low.startswith(("savepoint", "release savepoint")) else ""
    if low.startswith("savepoint") and i + 1 < len(sqls) and "audit_" in sqls[i + 1].lower():
        audit_sp.add(name)
    if "audit_" in low or (name and name in audit_sp):
        audit += 1
    else:
        own += 1
print(json.dumps({"own": own, "audit": audit}))
"""


def _free_port() -> int:
    """A free port: from BENCH_PORTS ("8170-8179") when given, else any."""
    if span := os.environ.get("BENCH_PORTS"):
        first, last = (int(p) for p in span.split("-"))
        for port in range(first, last + 1):
            with socket.socket() as s:
                try:
                    s.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
        raise SystemExit(f"no free port in BENCH_PORTS={span}")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn, 2 sync workers, on a free port; stopped by `stop()`."""

    def __init__(self, wsgi: str, env: dict, log: Path):
        self.port = _free_port()
        self.db_cpu = _backend_cpu(env["DATABASE_URL"])
        self.log = open(log, "ab")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "-w",
                "2",
                "-k",
                "sync",
                "-b",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
                wsgi,
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=self.log,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit(f"gunicorn {wsgi} did not start; see {log}")

    def cpu_seconds(self) -> float:
        """User + system CPU of the workers (the master's children), from /proc."""
        try:
            children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text()
        except OSError:
            return float("nan")
        used = (process_cpu(int(pid)) for pid in children.split())
        return sum(c for c in used if not math.isnan(c))  # a worker gone meanwhile: skipped

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process of this machine has used so far, from /proc;
    NaN when it cannot be read (gone, or not on this machine)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _backend_cpu(database_url: str):
    """CPU seconds (user + system) of the PostgreSQL backends connected to this database,
    from /proc when the server runs on this machine (None otherwise, and on SQLite).
    Read before and after a run, it is the server's share of the run: only the server
    under load is busy then, and its workers keep their connections (CONN_MAX_AGE)."""
    if not database_url.startswith(("postgres://", "postgresql://")):
        return None
    import psycopg

    parts = urlparse(database_url)
    admin = urlunparse(parts._replace(path="/postgres", scheme="postgresql"))
    name = parts.path.lstrip("/")

    def read() -> float:
        with psycopg.connect(admin, autocommit=True) as conn:
            pids = [
                pid
                for (pid,) in conn.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = %s", [name]
                )
            ]
        # NaN when one cannot be read: not this machine's server, or a backend gone.
        return sum(process_cpu(pid) for pid in pids)

    return read


# --- Load -------------------------------------------------------------------------------


def hammer(port: int, request, seconds: float, connections: int) -> dict:
    """`request()` -> (method, path, body bytes or None, headers); C threads for S seconds."""
    stop = time.monotonic() + seconds
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def worker():
        mine, bad = [], []
        while time.monotonic() < stop:
            method, path, body, headers = request()
            t0 = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request(method, path, body=body, headers=headers)
                r = conn.getresponse()
                r.read()
                conn.close()
                if r.status >= 300:  # a redirect (e.g. to HTTPS) did not do the work
                    bad.append(f"{r.status} {path}")
                    continue
            except OSError as exc:
                bad.append(str(exc))
                continue
            mine.append(time.perf_counter() - t0)
        with lock:
            latencies.extend(mine)
            failures.extend(bad)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / took,
        "p50": 1000 * statistics.median(latencies) if latencies else float("nan"),
        "p95": 1000 * latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan"),
        "ok": len(latencies),
        "failed": len(failures),
        "first_failure": failures[0] if failures else "",
    }


def _seed(port: int, request, count: int) -> int:
    """`count` deals posted one after another (not timed); the last id, as deals number
    from 1 in a fresh database."""
    last = 0
    for _ in range(count):
        method, path, body, headers = request()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        answer = r.read()
        conn.close()
        if r.status >= 300:
            raise SystemExit(f"seeding {path}: {r.status} {answer[:300]!r}")
        last = max(last, json.loads(answer)["id"])
    return last


ANALYZE = "from django.db import connection\nconnection.cursor().execute('ANALYZE')\n"


def analysed(name: str, env: dict, args) -> None:
    """On PostgreSQL, statistics of every table as autovacuum would gather them after the
    inserts just made (unless --no-analyze); the header line says which."""
    if name != "postgresql":
        return
    if args.no_analyze:
        say("statistics", "none (--no-analyze): the planner guesses")
        return
    took = time.perf_counter()
    _run([sys.executable, "manage.py", "shell", "-c", ANALYZE], env)
    say("statistics", f"ANALYZE after the inserts ({time.perf_counter() - took:.1f} s)")


def measured(label: str, server: Server, request, seconds: float, connections: int) -> dict:
    # Warm-up, not counted: both workers booted, caches and connections in place.
    hammer(server.port, request, max(1.0, seconds / 4), connections)
    db_cpu = server.db_cpu
    db_before = db_cpu() if db_cpu else None
    before, cpu_before = load(), server.cpu_seconds()
    r = hammer(server.port, request, seconds, connections)
    after = load()
    r["cpu_ms"] = 1000 * (server.cpu_seconds() - cpu_before) / max(r["ok"], 1)
    db = ""
    if db_cpu:
        r["db_cpu_ms"] = 1000 * (db_cpu() - db_before) / max(r["ok"], 1)
        db = f"  PostgreSQL CPU {r['db_cpu_ms']:5.2f} ms/req"
    failed = f", {r['failed']} failed ({r['first_failure']})" if r["failed"] else ""
    say(
        label,
        f"{r['rps']:8.1f} req/s  p50 {r['p50']:6.1f} ms  p95 {r['p95']:6.1f} ms"
        f"  worker CPU {r['cpu_ms']:5.2f} ms/req{db}",
        f"[{before} -> {after}]{failed}",
    )
    return r


def ratio(label: str, mine: dict, anchor: dict, target: float) -> float:
    value = mine["rps"] / anchor["rps"] if anchor["rps"] else 0.0
    verdict = "meets" if value >= target else "below"
    say(f"  ratio {label}", f"{value:.2f}", f"(target >= {target}; {verdict})")
    return value


# --- One database -----------------------------------------------------------------------


def run_backend(name: str, app_url: str, bare_url: str, tmp: Path, args) -> dict:
    stats = ""
    if name == "postgresql" and args.only != "registration":
        stats = (
            ", reads without statistics"
            if args.no_analyze
            else ", reads and the burst after ANALYZE"
        )
    print(f"\n  -- {name} ({load()}{stats})", flush=True)
    app_env = _env(app_url, tmp / "var", "hrdd.settings")
    bare_env = _env(bare_url, tmp / "var", "benchmarks.bare.settings")
    (tmp / "var").mkdir(parents=True, exist_ok=True)
    _run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], app_env)
    token = _run([sys.executable, "-c", SETUP_APP], app_env).strip().splitlines()[-1]
    _run([sys.executable, "-m", "django", "migrate", "--run-syncdb", "-v", "0"], bare_env)
    app = Server("hrdd.wsgi", app_env, tmp / f"gunicorn-app-{name}.log")
    bare = Server("benchmarks.bare.wsgi", bare_env, tmp / f"gunicorn-bare-{name}.log")
    out: dict = {}
    try:
        seq = itertools.count(1)
        auth = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
        plain = {"Content-Type": "application/json"}

        def app_post():
            body = json.dumps({**EXAMPLE, "external_id": f"B-{next(seq)}"}).encode()
            return "POST", "/api/v1/opportunities/", body, auth

        def bare_post():
            body = json.dumps({**BARE_DEAL, "external_id": f"B-{next(seq)}"}).encode()
            return "POST", "/deals/", body, plain

        s, c = args.seconds, args.connections
        reads_only = args.only in ("reads", "detail")
        if reads_only:
            n_app = _seed(app.port, app_post, args.read_seed)
            n_bare = _seed(bare.port, bare_post, args.read_seed)
        else:
            bare_w = measured("anchor: bare DRF validate + insert", bare, bare_post, s, c)
            app_w = measured("API registration with screening", app, app_post, s, c)
            out["registration"] = ratio("registration / anchor", app_w, bare_w, REGISTRATION_TARGET)
            out["registration_rps"], out["bare_insert_rps"] = app_w["rps"], bare_w["rps"]
            out["registration_p50"] = app_w["p50"]
            n_app, n_bare = max(app_w["ok"], 1), max(bare_w["ok"], 1)
        if args.only != "registration":
            analysed(name, app_env, args)

        if args.only in (None, "reads"):
            bare_l = measured(
                "anchor: bare list (50 a page)", bare, lambda: ("GET", "/deals/", None, {}), s, c
            )
            app_l = measured(
                "deal list API (50 a page)",
                app,
                lambda: ("GET", "/api/v1/opportunities/", None, auth),
                s,
                c,
            )
            out["list"] = ratio("list / anchor", app_l, bare_l, READ_TARGET)
            for key, r in (("list", app_l), ("bare_list", bare_l)):
                out[f"{key}_cpu_ms"] = r["cpu_ms"]
        if args.only != "registration":
            bare_d = measured(
                "anchor: bare detail",
                bare,
                lambda: ("GET", f"/deals/{random.randint(1, n_bare)}/", None, {}),
                s,
                c,
            )
            app_d = measured(
                "deal detail API",
                app,
                lambda: ("GET", f"/api/v1/opportunities/{random.randint(1, n_app)}/", None, auth),
                s,
                c,
            )
            out["detail"] = ratio("detail / anchor", app_d, bare_d, READ_TARGET)
            out["detail_cpu_ms"], out["bare_detail_cpu_ms"] = app_d["cpu_ms"], bare_d["cpu_ms"]
            if "db_cpu_ms" in app_d:
                out["detail_db_cpu_ms"] = app_d["db_cpu_ms"]
                out["bare_detail_db_cpu_ms"] = bare_d["db_cpu_ms"]
        if name == "postgresql" and args.burst and not reads_only:
            measured("registration burst, 16 clients", app, app_post, args.burst, 16)
    finally:
        app.stop()
        bare.stop()
    if reads_only:
        return out
    counted = json.loads(
        _run(
            [sys.executable, "-c", COUNT_STATEMENTS.replace("%r", repr(json.dumps(EXAMPLE)))],
            app_env,
        )
        .strip()
        .splitlines()[-1]
    )
    out["statements"] = counted
    total = counted["own"] + counted["audit"]
    verdict = "meets" if total <= STATEMENT_TARGET else "above"
    say(
        "SQL statements per registration, audit trail included",
        str(total),
        f"(target <= {STATEMENT_TARGET}; {verdict}); of them audit: {counted['audit']}",
    )
    # First as the servers left it (read only: events the stopped workers' sealers had not
    # linked yet show as pending), then as an operator runs it (sealing what is pending).
    for label, extra in (
        ("audit chain after the run, read only", ["--no-seal"]),
        ("audit chain after the run", []),
    ):
        chain = subprocess.run(
            [sys.executable, "manage.py", "verify_audit_chain", *extra],
            cwd=ROOT,
            env=app_env,
            capture_output=True,
            text=True,
        )
        last = (chain.stdout.strip() or chain.stderr.strip()).splitlines()[-1:] or [""]
        say(label, "verifies" if chain.returncode == 0 else "BROKEN", last[0])
        out["chain_ok"] = out.get("chain_ok", True) and chain.returncode == 0
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--seconds", type=float, default=float(os.environ.get("BENCH_API_SECONDS", 8))
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--burst", type=float, default=3.0, help="seconds of 16-client burst")
    parser.add_argument("--backends", default="postgresql,sqlite")
    parser.add_argument(
        "--only",
        choices=["reads", "detail", "registration"],
        help="reads: the list and detail pairs only; detail: the detail pair only; "
        "registration: registration and the burst",
    )
    parser.add_argument(
        "--registration-only", action="store_const", dest="only", const="registration"
    )
    parser.add_argument(
        "--read-seed",
        type=int,
        default=READ_SEED_DEALS,
        help="deals registered on each side before --only reads/detail (a whole run's list "
        "counts some 2,000)",
    )
    parser.add_argument(
        "--no-analyze",
        action="store_true",
        help="on PostgreSQL, measure the reads without the ANALYZE after the inserts",
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hrdd-bench-api-"))
    results = {}
    try:
        wanted = args.backends.split(",")
        if "postgresql" in wanted:
            url = _postgres_url()
            if url is None:
                say("postgresql", "skipped: set BENCH_DATABASE_URL or DATABASE_URL to postgres://")
            else:
                results["postgresql"] = run_backend("postgresql", url, url, tmp / "pg", args)
        if "sqlite" in wanted:
            (tmp / "sqlite").mkdir(parents=True)
            results["sqlite"] = run_backend(
                "sqlite",
                f"sqlite:///{tmp / 'sqlite' / 'app.sqlite3'}",
                f"sqlite:///{tmp / 'sqlite' / 'bare.sqlite3'}",
                tmp / "sqlite",
                args,
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(results, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
