"""Benchmark of restricted-party name matching, plain Python (no Django, no database).

Run: python benchmarks/bench_matching.py [--names N] [--deals D] [--ofac DIR] [--seed S]
Builds a match index of N names and aliases (default 50,000): the real OFAC SDN names
and aliases when DIR holds sdn.csv and alt.csv, padded with synthetic company and person
names. Then screens D deals (default 1,000) of 4 parties each on one core and prints ms
per deal, µs per name and names/s. Always exits 0 unless matching raises.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from restricted_parties.matching import EntryRecord, MatchIndex, name_key  # noqa: E402

DEFAULT_OFAC = Path(__file__).resolve().parents[2] / "shared" / "data" / "ofac-sdn"
THRESHOLD = 88.0
SYLLABLES = [c + v for c in "bcdfghjklmnprstvyz" for v in "aeiou"] + [
    c + v + e for c in "bdgklmnrst" for v in "aeiou" for e in "nrs"
]
SUFFIXES = ["LLC", "LIMITED", "JSC", "Co., Ltd.", "FZE", "GmbH", "Inc.", "S.A.", "", ""]
WORDS = ["Trading", "Group", "Holdings", "Technologies", "Logistics", "Systems", "General"]


def _ofac_records(directory: Path) -> list[tuple[str, str, list[str]]]:
    """(ent_num, name, aliases) from OFAC's legacy sdn.csv and alt.csv."""

    def rows(name: str) -> list[list[str]]:
        text = (directory / name).read_bytes().decode("utf-8").rstrip("\r\n\x1a")
        return [r for r in csv.reader(io.StringIO(text, newline="")) if r]

    aliases: dict[str, list[str]] = {}
    for r in rows("alt.csv"):
        aliases.setdefault(r[0], []).append(r[3].strip())
    return [(r[0], r[1].strip(), aliases.get(r[0], [])) for r in rows("sdn.csv")]


def _synthetic_name(rnd: random.Random) -> str:
    def word() -> str:
        return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4))).title()

    if rnd.random() < 0.4:
        return f"{word().upper()}, {word()} {word()}"
    parts = [word() for _ in range(rnd.randint(1, 3))]
    if rnd.random() < 0.5:
        parts.append(rnd.choice(WORDS))
    return " ".join(parts + [rnd.choice(SUFFIXES)]).strip()


def build(names: int, ofac: Path, rnd: random.Random) -> tuple[MatchIndex, list[str]]:
    entries: list[EntryRecord] = []
    listed: list[str] = []
    total = 0
    if (ofac / "sdn.csv").exists() and (ofac / "alt.csv").exists():
        for ent_num, name, aliases in _ofac_records(ofac):
            if total >= names:
                break
            aliases = aliases[: max(0, names - total - 1)]
            entries.append(
                EntryRecord(
                    entry_id=len(entries),
                    list_name="OFAC SDN",
                    source_id=ent_num,
                    name=name,
                    name_key=name_key(name),
                    aliases=tuple(aliases),
                    alias_keys=tuple(name_key(a) for a in aliases),
                )
            )
            listed.append(name)
            total += len({k for k in (entries[-1].name_key, *entries[-1].alias_keys) if k})
    else:
        print(f"(no OFAC files in {ofac}: synthetic names only)")
    while total < names:
        name = _synthetic_name(rnd)
        entries.append(
            EntryRecord(
                len(entries), "Synthetic", f"s{len(entries)}", name, name_key=name_key(name)
            )
        )
        listed.append(name)
        total += 1
    return MatchIndex(entries), listed


def _variant(name: str, rnd: random.Random) -> str:
    """A listed name as a sales rep might type it: a typo, or words reordered."""
    if rnd.random() < 0.5 and len(name) > 8:
        i = rnd.randrange(1, len(name) - 1)
        return name[:i] + name[i + 1 :]
    words = name.replace(",", "").split()
    rnd.shuffle(words)
    return " ".join(words)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=50_000)
    parser.add_argument("--deals", type=int, default=1_000)
    parser.add_argument("--ofac", type=Path, default=DEFAULT_OFAC)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rnd = random.Random(args.seed)

    started = time.perf_counter()
    index, listed = build(args.names, args.ofac, rnd)
    build_s = time.perf_counter() - started
    print(
        f"index: {len(index):,} distinct names and aliases of {len(listed):,} entries, "
        f"built in {build_s:.2f} s"
    )

    # Each deal: an end customer and three channel partners; one party in ten is a
    # variant of a listed name, the rest are unlisted companies.
    deals = [
        [
            (_variant(rnd.choice(listed), rnd) if rnd.random() < 0.1 else _synthetic_name(rnd), "")
            for _ in range(4)
        ]
        for _ in range(args.deals)
    ]
    index.search_many(deals[0], threshold=THRESHOLD)  # warm-up

    per_deal: list[float] = []
    hits = 0
    cpu_started = time.process_time()
    for deal in deals:
        t0 = time.perf_counter()
        found = index.search_many(deal, threshold=THRESHOLD)
        per_deal.append(time.perf_counter() - t0)
        hits += sum(1 for f in found if f)
    cpu_s = time.process_time() - cpu_started
    total_s = sum(per_deal)
    n_names = 4 * len(deals)
    per_deal_ms = sorted(ms * 1000 for ms in per_deal)
    p95 = per_deal_ms[int(0.95 * (len(per_deal_ms) - 1))]
    print(
        f"screened {len(deals):,} deals ({n_names:,} names) in {total_s:.2f} s on one core: "
        f"{statistics.mean(per_deal_ms):.2f} ms per deal (median {statistics.median(per_deal_ms):.2f}, "
        f"p95 {p95:.2f}), {total_s / n_names * 1e6:.0f} µs per name, {n_names / total_s:,.0f} names/s; "
        f"{hits} parties matched at {THRESHOLD:g}"
    )
    print(
        f"CPU time {cpu_s:.2f} s: {cpu_s / len(deals) * 1000:.2f} ms per deal, "
        f"{n_names / cpu_s:,.0f} names/s (wall time is higher when the machine is shared)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
