"""Continuous due diligence benchmark: a restricted-party list update that touches 1% of
the list's names, re-screened against N deals and N/10 organisations in PostgreSQL by two
worker processes; then a full re-screen of every deal (the same criteria: nothing
written), and one under a newly published criteria version (a new screening for every
deal, recorded silently). Prints deals per second, the time to finish, the peak resident
memory of the workers, and an anchor measured in the same run (a PostgreSQL scan of
every deal with its screening) for the ratio.

Run: python benchmarks/bench_monitoring.py [--deals N] [--entries L] [--workers W]
[--skip-new-criteria]

Needs PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL); works in its own database
BENCH_MONITORING_DB_NAME (default hrdd_bench_monitoring, dropped and re-created).
Deals are copies of one deal registered through the service (its line, channel entry and
screening), each with its own end customer, written with COPY … FROM STDIN, with N/10
organisations of distinct names; the list has L fictional entries (default 20,000). The
new version changes 0.5% of entries, removes 0.25% and adds 0.25%, the added ones naming
existing end customers (so their deals change). The workers run the same services as
the Celery tasks (organisation chunks, then deal chunks), taking chunks round-robin as
two Celery workers would. `BENCH_QUICK=1` runs 5,000 deals.

The issue's size is 1,000,000 deals and 100,000 organisations: --deals 1000000 (the fill
takes several minutes); the README gives the figures measured.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from pg_bench import django_setup, fresh_database  # noqa: E402

TARGET_SECONDS = 600.0  # a 1% list update against 1,000,000 deals within 10 minutes
A = [
    "Ar",
    "Bel",
    "Cor",
    "Dan",
    "Eri",
    "Fal",
    "Gor",
    "Hal",
    "Ist",
    "Jor",
    "Kel",
    "Lum",
    "Mar",
    "Nor",
    "Oss",
    "Pel",
    "Quin",
    "Ros",
    "Sal",
    "Tor",
    "Ul",
    "Vel",
    "Wen",
    "Xan",
    "Yor",
    "Zel",
]
B = [
    "ava",
    "eno",
    "ira",
    "ode",
    "une",
    "ast",
    "eth",
    "ion",
    "ark",
    "ulo",
    "ine",
    "osa",
    "emo",
    "ari",
    "ulm",
    "ent",
    "orn",
    "ide",
    "ova",
    "ush",
]
C = [
    "Logistics",
    "Holdings",
    "Trading",
    "Systems",
    "Networks",
    "Industries",
    "Partners",
    "Engineering",
    "Analytics",
    "Foods",
    "Textiles",
    "Mining",
    "Shipping",
    "Energy",
]


def say(label: str, value: str, extra: str = "") -> None:
    print(f"  {label:<60} {value}{'   ' + extra if extra else ''}", flush=True)


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


# Listed names come from other words, so a list entry resembles no organisation unless
# it names one on purpose.
P = [
    "Qadir",
    "Voss",
    "Ystad",
    "Khalon",
    "Tzvet",
    "Ombru",
    "Fjarn",
    "Ruzhik",
    "Zhemov",
    "Wuldra",
    "Pryce",
    "Ghent",
]
Q = [
    "Import Export",
    "Maritime",
    "Aerospace",
    "Petrochem",
    "Metals",
    "Precision",
    "Electronics",
    "Chemicals",
    "Ordnance",
    "Avionics",
]


def listed_name(i: int) -> str:
    p, rest = P[i % len(P)], i // len(P)
    q, rest = Q[rest % len(Q)], rest // len(Q)
    return f"{p} {q} Bureau {rest:05d}"


SYLLABLES = [
    "ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "de", "pa", "zu", "fe", "go", "hi",
    "ju", "be", "co", "da", "ek", "fu", "ga", "ho", "il", "jo", "ke", "lu", "ma", "no",
    "or", "pe", "qu", "ra", "si", "to", "ub", "ve", "wa", "xo", "ya", "ze", "bra", "cle",
    "dro", "fla", "gri", "ple", "sta", "tru",
]  # fmt: skip
TOKENS = len(SYLLABLES) ** 3


def _token(x: int) -> str:
    n = len(SYLLABLES)
    return (SYLLABLES[x % n] + SYLLABLES[(x // n) % n] + SYLLABLES[(x // n // n) % n]).title()


def name(i: int, salt: str = "") -> str:
    """A distinct, pronounceable company name for each i < 110,592 (and salt): two words
    of three syllables, each word used once across the names, as real names differ
    (recombined syllables would make every name a near match of many others)."""
    first, second = _token((i * 7919 + 13) % TOKENS), _token((i * 104729 + 101) % TOKENS)
    return f"{first} {second}{salt} {C[i % len(C)]}"


def _setup_django(url: str) -> None:
    django_setup(url, prefix="hrdd-bench-monitoring-")


def worker(url: str, run_id: int, slot: int, workers: int) -> None:
    """Take the chunks whose index falls to this slot, as a Celery worker would: the
    organisation chunks of a list update, then, once the last of them chose the deals,
    the deal chunks."""
    _setup_django(url)
    from monitoring.models import RescreenRun
    from monitoring.services import rescreen_chunk, rescreen_organisations
    from restricted_parties.selectors import parties_screen

    parties_screen([("warm up", "")])
    started = time.time()
    run = RescreenRun.objects.get(pk=run_id)
    pending = run.organisation_chunks.filter(done=False).values_list("index", flat=True)
    for index in sorted(i for i in pending if i % workers == slot):
        rescreen_organisations(run_id=run_id, index=index)
    organisations_done = time.time()
    while not run.chunks_total and run.status == "running":
        time.sleep(0.2)  # another worker's last organisation chunk chooses the deals
        run.refresh_from_db()
    indexes = run.chunks.filter(done=False).values_list("index", flat=True)
    for index in sorted(i for i in indexes if i % workers == slot):
        rescreen_chunk(run_id=run_id, index=index)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "started": started,
                "organisations_done": organisations_done,
                "ended": time.time(),
                "rss_mb": rss_kb / 1024,
            }
        )
    )


def write_list(path: Path, names: list[tuple[str, str, str]]) -> None:
    header = (
        "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,"
        "phones,emails,dataset,first_seen,last_seen,last_change"
    )
    rows = [
        f"{sid},Company,{n},{alias},,ae,,,Benchmark programme,,,bench,2026-01-01,2026-11-20,2026-11-20"
        for sid, n, alias in names
    ]
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def _copy_rows(cur, model, template, overrides, rows) -> int:
    """COPY rows of `model` FROM STDIN: each row is `template`'s column values with the
    columns named in `overrides` taken from the row (a tuple in that order)."""
    import json as _json

    from django.db import connection
    from django.db.models import JSONField

    # The primary key is left to its sequence unless the rows give it.
    fields = [f for f in model._meta.concrete_fields if not f.primary_key or "id" in overrides]
    columns = [f.column for f in fields]
    base = []
    for f in fields:
        value = getattr(template, f.attname)
        if isinstance(f, JSONField):
            base.append(None if value is None else _json.dumps(value))
        else:
            base.append(f.get_db_prep_value(value, connection, prepared=False))
    at = [columns.index(c) for c in overrides]
    n = 0
    with cur.copy(f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            values = list(base)
            for i, v in zip(at, row, strict=True):
                values[i] = v
            copy.write_row(values)
            n += 1
    return n


def _next_id(cur, table: str) -> int:
    cur.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
    return cur.fetchone()[0] + 1


def _sequence_catch_up(cur, table: str) -> None:
    cur.execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
    )


def fill(n_deals: int, n_orgs: int) -> None:
    """Deals as copies of one deal registered through the service (its lines, channel
    entry and screening), each with its own end customer, written with COPY … FROM STDIN
    (ids chosen here, so each deal points at its screening without an UPDATE)."""
    from django.db import connection, transaction
    from django.utils import timezone

    from accounts.models import User
    from lifecycle.services import opportunity_register
    from opportunities.models import ChannelEntry, Opportunity, OpportunityLine, Product
    from partners.models import Organisation
    from rules.models import Screening
    from tests.factories import deal_body

    vendor = Organisation.objects.create(name="Bench Vendor", country="US", role="vendor")
    rep = User.objects.create(username="bench_rep", role="sales_rep", organisation=vendor)
    Product.objects.create(sku="NET-4400", name="Campus switch", capabilities=["networking"])
    template = opportunity_register(actor=rep, data=deal_body()).opportunity
    screening = template.current_screening
    line = template.lines.get()
    entry = template.channel.get()
    distributors = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"{name(i, 'dist')} Distribution",
                country="SE",
                role="distributor",
                hrdd_maturity="established",
                staff_trained=True,
            )
            for i in range(100)
        ]
    )
    org_table = Organisation._meta.db_table
    deal_table = Opportunity._meta.db_table
    screening_table = Screening._meta.db_table
    with transaction.atomic(), connection.cursor() as cur:
        first_org = _next_id(cur, org_table)
        _copy_rows(
            cur.cursor,
            Organisation,
            Organisation(name="", country="NO", role="end_customer", created_at=timezone.now()),
            ("id", "name"),
            ((first_org + i, name(i)) for i in range(n_orgs)),
        )
        first_deal, first_screening = _next_id(cur, deal_table), _next_id(cur, screening_table)

        def customer(i: int) -> tuple[int, str]:
            k = i % n_orgs
            return first_org + k, name(k)

        # Foreign keys are checked at commit, so a deal may point at its screening
        # before the screening is written.
        _copy_rows(
            cur.cursor,
            Opportunity,
            template,
            (
                "id",
                "reference",
                "external_id",
                "end_customer_id",
                "end_customer_name",
                "current_screening_id",
            ),
            (
                (first_deal + i, f"B-{i:08d}", f"B-{i}", *customer(i), first_screening + i)
                for i in range(n_deals)
            ),
        )
        _copy_rows(
            cur.cursor,
            Screening,
            screening,
            ("id", "opportunity_id"),
            ((first_screening + i, first_deal + i) for i in range(n_deals)),
        )
        _copy_rows(
            cur.cursor,
            OpportunityLine,
            line,
            ("opportunity_id",),
            ((first_deal + i,) for i in range(n_deals)),
        )
        _copy_rows(
            cur.cursor,
            ChannelEntry,
            entry,
            ("opportunity_id", "organisation_id", "name"),
            (
                (first_deal + i, distributors[i % 100].pk, distributors[i % 100].name)
                for i in range(n_deals)
            ),
        )
        for table in (org_table, deal_table, screening_table):
            _sequence_catch_up(cur, table)
    with connection.cursor() as cur:
        cur.execute("ANALYZE")


def anchor_scan() -> float:
    """Deals per second of a PostgreSQL scan reading every deal with its screening."""
    from django.db import connection

    with connection.cursor() as cur:
        t0 = time.perf_counter()
        cur.execute(
            "SELECT count(*), sum(length(s.snapshot::text)) FROM opportunities_opportunity o "
            "JOIN rules_screening s ON s.id = o.current_screening_id"
        )
        n = cur.fetchone()[0]
        return n / (time.perf_counter() - t0)


def run_workers(url: str, run_id: int, workers: int) -> tuple[float, float]:
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--worker",
                str(run_id),
                "--slot",
                str(k),
                "--workers",
                str(workers),
                "--url",
                url,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for k in range(workers)
    ]
    spans = []
    for p in procs:
        out, _ = p.communicate(timeout=7200)
        if p.returncode:
            raise SystemExit(f"a re-screening worker failed (exit {p.returncode})")
        spans.append(json.loads(out.strip().splitlines()[-1]))
    first = min(s["started"] for s in spans)
    took = max(s["ended"] for s in spans) - first
    organisations = max(s["organisations_done"] for s in spans) - first
    return took, organisations, max(s["rss_mb"] for s in spans)


def measure(url: str, label: str, start_run, workers: int) -> dict:
    from monitoring.models import RescreenRun
    from monitoring.services import rescreen_plan

    run_id = start_run()
    before = _load()
    t0 = time.perf_counter()
    run = rescreen_plan(run_id=run_id)
    plan = time.perf_counter() - t0
    took, organisations, rss = run_workers(url, run_id, workers)
    run = RescreenRun.objects.get(pk=run_id)
    total = plan + took
    deals_s = took - organisations
    rate = run.total / deals_s if deals_s > 0 else 0.0
    say(f"{label}: plan (delta, split)", f"{plan:8.1f} s", f"{run.scope}")
    say(f"{label}: organisations screened, {workers} workers", f"{organisations:8.1f} s")
    say(
        f"{label}: {run.total:,} deals in scope, {workers} workers",
        f"{rate:8.1f} deals/s",
        f"deal chunks {deals_s:.1f} s; total {total:.1f} s; raised {run.raised}, reopened {run.reopened}; "
        f"status {run.status} [{before} -> {_load()}]",
    )
    say(f"{label}: peak worker memory", f"{rss:8.0f} MB")
    return {
        "plan_s": plan,
        "organisations_s": organisations,
        "chunks_s": took,
        "deals": run.total,
        "deals_per_s": rate,
        "rss_mb": rss,
        "raised": run.raised,
    }


def main() -> int:
    quick = bool(os.environ.get("BENCH_QUICK"))
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--deals",
        type=int,
        default=int(os.environ.get("BENCH_MONITORING_DEALS", 5000 if quick else 100_000)),
    )
    parser.add_argument(
        "--entries", type=int, default=int(os.environ.get("BENCH_MONITORING_ENTRIES", 20_000))
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--skip-new-criteria",
        action="store_true",
        help="skip the re-screen under a newly published criteria version",
    )
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--slot", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.url, args.worker, args.slot, args.workers)
        return 0
    base = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if not base.startswith(("postgres://", "postgresql://")):
        say(
            "skipped",
            "the monitoring benchmark needs PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL)",
        )
        return 0
    url = fresh_database(base, os.environ.get("BENCH_MONITORING_DB_NAME", "hrdd_bench_monitoring"))
    _setup_django(url)
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0)
    from monitoring.models import RescreenRun
    from monitoring.services import rescreen_run_start
    from restricted_parties.services import restricted_party_list_import
    from rules.selectors import criteria_published_current

    n_orgs = max(args.deals // 10, 10)
    folder = Path(tempfile.mkdtemp(prefix="hrdd-bench-lists-"))
    entries = [(f"b-{i}", listed_name(i), "") for i in range(args.entries)]
    write_list(folder / "v1.csv", entries)
    restricted_party_list_import(
        actor=None, fmt="opensanctions", path_or_file=folder / "v1.csv", name="Bench list"
    )
    RescreenRun.objects.update(status="done")
    t0 = time.perf_counter()
    fill(args.deals, n_orgs)
    say(
        f"fill: {args.deals:,} deals, {n_orgs:,} organisations",
        f"{time.perf_counter() - t0:8.1f} s",
    )
    anchor = anchor_scan()
    say("anchor: PostgreSQL scan of every deal with its screening", f"{anchor:8.0f} deals/s")
    # The new version: 0.5% changed, 0.25% removed, 0.25% added (naming end customers).
    k = max(args.entries // 400, 1)
    v2 = [
        (sid, n, "alias " + n if i < 2 * k else "")
        for i, (sid, n, _) in enumerate(entries[3 * k :])
    ]
    from partners.models import Organisation

    listed = list(
        Organisation.objects.filter(role="end_customer")
        .order_by("pk")
        .values_list("name", flat=True)[:k]
    )
    v2 += [(f"n-{i}", nm, "") for i, nm in enumerate(listed)]
    write_list(folder / "v2.csv", v2)

    def list_update() -> int:
        restricted_party_list_import(
            actor=None, fmt="opensanctions", path_or_file=folder / "v2.csv", name="Bench list"
        )
        return RescreenRun.objects.filter(status="queued").latest("id").pk

    delta = measure(url, "1% list update", list_update, args.workers)

    def full() -> int:
        with transaction.atomic():
            version = criteria_published_current()
            return rescreen_run_start(
                actor=None,
                trigger="criteria_published",
                label="Full re-screen",
                criteria_version_id=version.pk,
            ).pk

    whole = measure(url, "full re-screen", full, args.workers)
    published = None
    if not args.skip_new_criteria:
        from accounts.models import User
        from rules.services import criteria_draft_start, criteria_publish

        admin = User.objects.create(username="bench_admin", role="admin")

        def new_criteria() -> int:
            # The same criteria as a new version: every deal gets a new screening, silently.
            criteria_publish(actor=admin, draft=criteria_draft_start(actor=admin))
            return RescreenRun.objects.filter(status="queued").latest("id").pk

        published = measure(url, "criteria published", new_criteria, args.workers)
    total = delta["plan_s"] + delta["chunks_s"]
    say("1% list update, whole run / 10-minute target", f"{total / TARGET_SECONDS:.3f}")
    say("full re-screen rate / anchor scan rate", f"{whole['deals_per_s'] / anchor:.5f}")
    if published:
        say(
            "criteria published (a new screening each) / anchor",
            f"{published['deals_per_s'] / anchor:.5f}",
        )
    print(
        json.dumps(
            {
                "deals": args.deals,
                "organisations": n_orgs,
                "entries": args.entries,
                "delta": delta,
                "full": whole,
                "criteria_published": published,
                "anchor_deals_per_s": anchor,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
