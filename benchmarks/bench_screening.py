"""Screening benchmark (rules module): time added to a submission, and the preview.

Targets: screening a typical deal with 40+ criteria and restricted-party matching against
50,000 list entries adds under 20 ms to a submission on one core; the "what changes"
preview over 100,000 past deals finishes in under 30 s.

Runs on a throw-away SQLite database in a temporary folder, or on BENCH_DATABASE_URL
(a database it may fill and flush). `BENCH_DEALS` sets the preview size (default 100,000).
"""

from __future__ import annotations

import csv
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="hrdd-bench-")
os.environ["HRDD_VAR_DIR"] = TMP
if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
else:
    os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdd.settings")
os.environ["LOG_LEVEL"] = "WARNING"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

SHARED_SDN = ROOT.parent / "shared" / "data" / "ofac-sdn"
LIST_ENTRIES = 50_000
PREVIEW_DEALS = int(os.environ.get("BENCH_DEALS", "100000"))


def say(label: str, value: str, ratio: float | None = None, target: str = "") -> None:
    extra = f"   ({ratio:.2f}× the target {target}; <1 is better)" if ratio is not None else ""
    print(f"  {label:<58} {value}{extra}")


def synthetic_list(path: Path, n: int) -> None:
    rng = random.Random(1)
    words = [
        "Alpha",
        "Delta",
        "Orion",
        "Vector",
        "Nova",
        "Kestrel",
        "Granite",
        "Harbor",
        "Summit",
        "Atlas",
        "Meridian",
        "Polar",
        "Crescent",
        "Falcon",
        "Zenith",
        "Cobalt",
        "Ember",
        "Lumen",
    ]
    kinds = [
        "Trading",
        "Logistics",
        "Technologies",
        "Holdings",
        "Industries",
        "Systems",
        "Import Export",
    ]
    suffixes = ["LLC", "Ltd", "JSC", "FZE", "GmbH", "Co., Ltd.", "S.A.", ""]
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "id",
                "schema",
                "name",
                "aliases",
                "birth_date",
                "countries",
                "addresses",
                "identifiers",
                "sanctions",
                "phones",
                "emails",
                "dataset",
                "first_seen",
                "last_seen",
                "last_change",
            ]
        )
        for i in range(n):
            name = f"{rng.choice(words)} {rng.choice(words)}{i} {rng.choice(kinds)} {rng.choice(suffixes)}".strip()
            w.writerow(
                [
                    f"syn-{i}",
                    "Company",
                    name,
                    "",
                    "",
                    rng.choice(["ru", "ir", "cn", "ae", "tr"]),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "synthetic",
                    "",
                    "",
                    "",
                ]
            )


def setup_base():
    call_command("migrate", verbosity=0)
    from demo.services import demo_data_load

    demo_data_load(deals=0)
    from restricted_parties.models import RestrictedPartyEntry
    from restricted_parties.services import restricted_party_list_import

    t = time.perf_counter()
    if SHARED_SDN.exists():
        restricted_party_list_import(actor=None, fmt="ofac-sdn", path_or_file=str(SHARED_SDN))
    have = RestrictedPartyEntry.objects.filter(list__is_active=True).count()
    syn = Path(TMP) / "synthetic.csv"
    synthetic_list(syn, max(0, LIST_ENTRIES - have))
    restricted_party_list_import(
        actor=None, fmt="opensanctions", path_or_file=str(syn), name="Synthetic"
    )
    total = RestrictedPartyEntry.objects.filter(list__is_active=True).count()
    say(
        "restricted-party entries loaded (OFAC SDN Jan 2022 + synthetic)",
        f"{total:,} in {time.perf_counter() - t:.1f} s",
    )
    return total


def bench_submission() -> None:
    from accounts.models import User
    from lifecycle.services import opportunity_register
    from restricted_parties.selectors import parties_screen
    from rules.engine import screen
    from rules.selectors import criteria_compiled, criteria_published_current
    from rules.snapshot import opportunity_snapshot

    rep = User.objects.get(username="rep")
    body = {
        "title": "Core network refresh",
        "end_customer": {
            "name": "Example Telecom",
            "country": "EG",
            "type": "state_telecom",
            "sector": "telecom",
        },
        "delivery_country": "EG",
        "channel": [
            {"name": "Gulf Distribution FZE", "role": "distributor", "country": "AE"},
            {"name": "Cairo Systems", "role": "integrator", "country": "EG"},
        ],
        "lines": [
            {"sku": "NET-4400", "quantity": 40},
            {
                "name": "Third-party probe",
                "capabilities": ["deep_packet_inspection"],
                "quantity": 2,
            },
        ],
        "intended_use": ["network_operations"],
        "value": {"amount": "1250000.00", "currency": "USD"},
        "red_flags": ["consignee_intermediary"],
        "end_use_statement": "requested",
    }
    parties_screen([("warm up", "")])  # build the match index once, as a running server has
    version = criteria_published_current()
    compiled = criteria_compiled(version)
    say("criteria in force", f"{len(compiled.criteria)}")
    opp = opportunity_register(actor=rep, data={**body, "external_id": "BENCH-0"}).opportunity
    added, register = [], []
    for _ in range(200):
        t0 = time.perf_counter()
        snapshot, _ = opportunity_snapshot(opp)  # country context + restricted-party matching
        screen(snapshot, compiled)
        added.append((time.perf_counter() - t0) * 1000)
    for i in range(1, 101):
        t0 = time.perf_counter()
        opportunity_register(actor=rep, data={**body, "external_id": f"BENCH-{i}"})
        register.append((time.perf_counter() - t0) * 1000)
    p50, p95 = statistics.median(added), statistics.quantiles(added, n=20)[-1]
    say(
        "screening added to a submission (4 parties vs 50k entries), p50",
        f"{p50:.2f} ms",
        p50 / 20,
        "20 ms",
    )
    say("screening added to a submission, p95", f"{p95:.2f} ms", p95 / 20, "20 ms")
    say(
        "whole registration incl. DB writes and audit, p50", f"{statistics.median(register):.1f} ms"
    )


def bench_preview() -> None:
    from accounts.models import User
    from opportunities.models import Opportunity
    from partners.models import Organisation
    from rules import preview, services
    from rules.models import Screening

    rep = User.objects.get(username="rep")
    org = rep.organisation
    ec = Organisation.objects.get(name="Cairo Systems")
    templates = list(
        Screening.objects.order_by("id").values_list(
            "snapshot", "tier", "findings", "criteria_version_id"
        )[:1]
    )
    snapshot, tier, findings, version_id = templates[0]
    rng = random.Random(3)
    caps = [
        ["networking"],
        ["deep_packet_inspection"],
        ["video_analytics"],
        ["general_compute"],
        ["intrusion_spyware"],
    ]
    types = ["private_enterprise", "police", "state_telecom", "healthcare", "military", "unknown"]
    t = time.perf_counter()
    batch = 5000
    made = 0
    while made < PREVIEW_DEALS:
        n = min(batch, PREVIEW_DEALS - made)
        with transaction.atomic():
            opps = Opportunity.objects.bulk_create(
                [
                    Opportunity(
                        reference=f"P-{made + i:07d}",
                        title="Preview deal",
                        owner=rep,
                        submitted_by_organisation=org,
                        end_customer=ec,
                        end_customer_name="X",
                        end_customer_country="EG",
                        end_user_type="police",
                        delivery_country="EG",
                        value_amount=1000,
                        value_currency="USD",
                        status="in_review",
                    )
                    for i in range(n)
                ],
                batch_size=1000,
            )
            scr = []
            for o in opps:
                s = dict(snapshot)
                s["capabilities"] = rng.choice(caps)
                s["end_user.type"] = rng.choice(types)
                s["end_user.is_security_force"] = s["end_user.type"] in ("police", "military")
                s["capability_severity"] = {
                    "networking": 1,
                    "general_compute": 1,
                    "video_analytics": 3,
                    "deep_packet_inspection": 4,
                    "intrusion_spyware": 5,
                }[s["capabilities"][0]]
                scr.append(
                    Screening(
                        opportunity=o,
                        criteria_version_id=version_id,
                        trigger="registration",
                        tier=tier,
                        score=1,
                        severity=1,
                        likelihood=1,
                        findings=findings,
                        snapshot=s,
                    )
                )
            Screening.objects.bulk_create(scr, batch_size=1000)
        made += n
    with connection.cursor() as cur:
        cur.execute(
            "UPDATE opportunities_opportunity SET current_screening_id = (SELECT MAX(s.id) FROM rules_screening s "
            "WHERE s.opportunity_id = opportunities_opportunity.id) WHERE current_screening_id IS NULL"
        )
    say("past deals created for the preview", f"{made:,} in {time.perf_counter() - t:.1f} s")
    draft = services.criteria_draft_start(actor=None)
    services.criterion_save(
        actor=None,
        draft=draft,
        code="BENCH-POLICE-HIGH",
        create=True,
        values={
            "name": "Police deals are high",
            "dimension": "end_user",
            "condition": 'end_user.type == "police"',
            "outcome": "heightened_due_diligence",
            "explanation": "Police end user",
            "scale": 0,
            "source": "bench",
        },
    )
    from rules.models import PreviewRun

    run = PreviewRun.objects.create(draft=draft)
    t = time.perf_counter()
    run = preview.preview_execute(run_id=run.pk)
    took = time.perf_counter() - t
    total = run.total
    say(
        f"preview over {total:,} past deals",
        f"{took:.1f} s ({total / took:,.0f} deals/s)",
        took / 30 * (100_000 / max(total, 1)),
        "30 s per 100,000",
    )
    say(
        "  tiers that would rise / fall",
        f"{run.result['counts']['up']:,} / {run.result['counts']['down']:,}",
    )


def main() -> int:
    print(f"Screening benchmark ({connection.vendor}, one process, one core)")
    setup_base()
    bench_submission()
    bench_preview()
    return 0


if __name__ == "__main__":
    sys.exit(main())
