"""Benchmark of the rules engine: screening throughput on synthetic deals, no Django.

Run: python benchmarks/bench_engine.py [--deals N] [--seed S]
Compiles the default pack (padded to 40 enabled criteria if it has fewer), builds N varied
synthetic snapshots (default 100,000), screens them all and prints deals/s and µs/deal.
Always exits 0 unless the engine raises.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rules.engine import (  # noqa: E402
    TIERS,
    CompiledCriteria,
    compile_criteria,
    example_snapshot,
    read_pack,
    screen,
    specs_from_pack,
)
from taxonomy import (  # noqa: E402
    END_USER_TYPES,
    INTENDED_USES,
    PRODUCT_CAPABILITIES,
    RED_FLAGS,
    SECURITY_FORCE_END_USERS,
)

MIN_CRITERIA = 40
SANCTIONED = {"IR", "KP", "SY", "CU"}
COUNTRIES = ["NO", "DE", "US", "IN", "MX", "BR", "AE", "CN", "RU", "EG", "ET", "MC", "IR", "SG"]


def padded_pack() -> CompiledCriteria:
    """The default pack, padded with copies of its criteria to at least 40 enabled ones."""
    specs, tiers = specs_from_pack(read_pack())
    enabled = [s for s in specs if s.enabled]
    extra = []
    i = 0
    while len(enabled) + len(extra) < MIN_CRITERIA:
        src = enabled[i % len(enabled)]
        extra.append(replace(src, code=f"PAD-{i + 1:02d}"))
        i += 1
    return compile_criteria([*specs, *extra], tiers)


ORDINARY_CAPS = [c for c, t in PRODUCT_CAPABILITIES.items() if t.severity <= 2]
ORDINARY_USERS = [u for u, t in END_USER_TYPES.items() if not t.likelihood and u != "unknown"]
ORDINARY_USES = [u for u, t in INTENDED_USES.items() if not t.high_risk and u != "unspecified"]


def synthetic_snapshots(n: int, seed: int, mix: str = "mostly-ordinary") -> list[dict]:
    """N varied, schema-valid snapshots.

    ``mostly-ordinary``: four deals in five are ordinary kit for ordinary buyers, the rest drawn
    from the whole vocabulary. ``high-risk``: everything drawn uniformly from the whole
    vocabulary, so most deals fire many criteria (the engine's worst case).
    """
    rng = random.Random(seed)
    caps = list(PRODUCT_CAPABILITIES)
    users = list(END_USER_TYPES)
    uses = list(INTENDED_USES)
    flags = list(RED_FLAGS)
    out = []
    for _ in range(n):
        ordinary = mix == "mostly-ordinary" and rng.random() < 0.8
        country = rng.choice(COUNTRIES)
        missing = country == "MC"
        chosen_caps = rng.sample(ORDINARY_CAPS if ordinary else caps, rng.choice((1, 1, 1, 2, 3)))
        chosen_uses = rng.sample(ORDINARY_USES if ordinary else uses, rng.choice((0, 1, 1, 2)))
        end_user = rng.choice(ORDINARY_USERS if ordinary else users)
        channel = [country] + ([rng.choice(COUNTRIES)] if rng.random() < 0.2 else [])
        delivery = country if rng.random() < 0.85 else rng.choice(COUNTRIES)
        out.append(
            example_snapshot(
                {
                    "end_user.name": f"Customer {rng.randrange(10_000)}",
                    "end_user.type": end_user,
                    "end_user.country": country,
                    "end_user.is_security_force": end_user in SECURITY_FORCE_END_USERS,
                    "delivery_country": delivery,
                    "capabilities": chosen_caps,
                    "capability_severity": max(
                        PRODUCT_CAPABILITIES[c].severity for c in chosen_caps
                    ),
                    "intended_use": chosen_uses,
                    "intended_use_severity": max(
                        (INTENDED_USES[u].severity for u in chosen_uses), default=0
                    ),
                    "customization": rng.random() < 0.1,
                    "end_use_statement": rng.choice(
                        ("signed", "requested", "none", "none", "refused")
                    ),
                    "red_flags": rng.sample(flags, rng.choice((0, 0, 0, 1, 2))),
                    "channel.intermediaries": rng.choice((0, 1, 1, 2, 3)),
                    "channel.countries": channel,
                    "value.amount": round(rng.uniform(1_000, 5_000_000), 2),
                    "quantity.total": rng.randrange(0, 500),
                    "country.code": country,
                    "country.sanctioned": country in SANCTIONED,
                    "country.armed_conflict": rng.random() < 0.03,
                    "country.civil_liberties": None if missing else rng.uniform(0.05, 0.97),
                    "country.freedom_of_expression": None if missing else rng.uniform(0.02, 0.97),
                    "country.physical_integrity": None if missing else rng.uniform(0.05, 0.99),
                    "country.hr_protection": None if missing else rng.uniform(-3, 5),
                    "country.rule_of_law": rng.uniform(-2.2, 2.0),
                    "country.voice_accountability": rng.uniform(-2.2, 1.8),
                    "countries.any_sanctioned": bool(SANCTIONED & {country, delivery, *channel}),
                    "partners.without_hrdd_programme": rng.random() < 0.1,
                    "partners.prior_incident": rng.random() < 0.02,
                    "partners.refused_flow_down": rng.random() < 0.03,
                    "partners.untrained": rng.random() < 0.1,
                    "partners.min_maturity": rng.randrange(0, 4),
                    "restricted_party.matched": rng.random() < 0.005,
                    "restricted_party.best_score": rng.uniform(0, 100),
                }
            )
        )
    return out


def run(compiled: CompiledCriteria, snapshots: list[dict], runs: int, label: str) -> float:
    """Screen every snapshot ``runs`` times; print and return the median µs per deal."""
    tests = [c.condition.test for c in compiled.criteria]
    cond_times, screen_times = [], []
    tiers: Counter[str] = Counter()
    fired = 0
    for i in range(runs):
        t0 = time.perf_counter()
        for snap in snapshots:
            for test in tests:
                test(snap)
        cond_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for snap in snapshots:
            result = screen(snap, compiled)
            if i == 0:
                tiers[result.tier] += 1
                fired += len(result.findings)
        screen_times.append(time.perf_counter() - t0)
    n = len(snapshots)
    cond_s = statistics.median(cond_times)
    screen_s = statistics.median(screen_times)
    print(f"{label} mix: {n:,} synthetic deals, median of {runs} runs")
    print(f"  conditions only   : {n / cond_s:>9,.0f} deals/s {cond_s / n * 1e6:7.1f} µs/deal")
    print(f"  full screen()     : {n / screen_s:>9,.0f} deals/s {screen_s / n * 1e6:7.1f} µs/deal")
    print(f"  findings per deal : {fired / n:.2f}")
    print("  tiers             : " + ", ".join(f"{t} {tiers[t] / n:.1%}" for t in TIERS))
    return screen_s / n * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--deals", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    t0 = time.perf_counter()
    compiled = padded_pack()
    compile_ms = (time.perf_counter() - t0) * 1000
    print("HRDD rules engine benchmark")
    print(f"criteria: {len(compiled)} enabled (compiled in {compile_ms:.1f} ms)\n")
    target = 100.0
    worst = 0.0
    for mix in ("mostly-ordinary", "high-risk"):
        snapshots = synthetic_snapshots(args.deals, args.seed, mix)
        worst = max(worst, run(compiled, snapshots, args.runs, mix))
        print()
    verdict = "OK" if worst < target else "SLOWER THAN TARGET"
    print(f"target: full screen() under {target:.0f} µs/deal in both mixes -> {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
