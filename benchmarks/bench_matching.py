"""Benchmark of restricted-party name matching at list sizes of 50,000 and 1,000,000 names,
plain Python (no Django, no database).

Run: python benchmarks/bench_matching.py [--sizes 50000,1000000] [--queries Q] [--seed S]

For each size, builds a match index of N names: the real OFAC SDN names and aliases
(../shared/data/ofac-sdn beside the repository) padded with synthetic company and person
names. Then times Q queries of one party each on one core (one in ten a listed name with a
typo or its words reordered, the rest unlisted names) and, over the same names in the same
run, a plain rapidfuzz brute force (`process.extractOne` with `fuzz.ratio` over every
name's key) on a sample of the same queries. Prints each figure with its target and as a
ratio to the brute force, and the index's memory (growth of the process's resident size).
Then saves the index to a file and loads it in a second process, as a web or worker process
does: the time to load against the time to build (ratio), the file's size and the second
process's memory (its private part; the mapped arrays are shared through the page cache).
Times are CPU time (robust on a shared machine); wall time is printed beside them.
Always exits 0 unless matching raises.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import fuzz, process  # noqa: E402

from restricted_parties.importers import ofac_sdn_parse  # noqa: E402
from restricted_parties.index_files import index_save  # noqa: E402
from restricted_parties.matching import EntryRecord, MatchIndex  # noqa: E402
from restricted_parties.names import name_key  # noqa: E402

# shared/ sits beside the repository (as in CI and on every developer machine).
DEFAULT_OFAC = Path(__file__).resolve().parents[2] / "shared" / "data" / "ofac-sdn"
THRESHOLD = 75.0  # the possible-match threshold: every query scores down to it
TARGET_MS = {50_000: 0.5, 1_000_000: 2.0}
TARGET_MEMORY_MB = 1536
SYLLABLES = [c + v for c in "bcdfghjklmnprstvyz" for v in "aeiou"] + [
    c + v + e for c in "bdgklmnrst" for v in "aeiou" for e in "nrs"
]
SUFFIXES = ["LLC", "LIMITED", "JSC", "Co., Ltd.", "FZE", "GmbH", "Inc.", "S.A.", "", ""]
WORDS = ["Trading", "Group", "Holdings", "Technologies", "Logistics", "Systems", "General"]


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


def _memory_mb() -> dict[str, float]:
    """Resident and private memory of this process, in MB."""
    with open("/proc/self/smaps_rollup") as fh:
        kb = {k: int(v.split()[0]) for k, v in (line.split(":", 1) for line in fh if ":" in line)}
    return {"rss": kb["Rss"] / 1024, "private": (kb["Private_Clean"] + kb["Private_Dirty"]) / 1024}


# Run in a second process: load the saved index as a web or worker process would.
LOADER = """
import gc, json, sys, time
sys.path.insert(0, sys.argv[1])
from benchmarks.bench_matching import _memory_mb
from restricted_parties.index_files import index_load
before = _memory_mb()
t0, w0 = time.process_time(), time.perf_counter()
index = index_load(sys.argv[2], secret=b"bench")
cpu, wall = time.process_time() - t0, time.perf_counter() - w0
index.search(sys.argv[3], threshold=75.0)
gc.collect()
after = _memory_mb()
print(json.dumps({"cpu": cpu, "wall": wall, "rss": after["rss"] - before["rss"],
                  "private": after["private"] - before["private"]}))
"""


def bench_load(index: MatchIndex, build_cpu: float, query: str) -> None:
    """Save `index`, load it in a fresh process, and compare with building it."""
    with tempfile.TemporaryDirectory(prefix="match-index-") as folder:
        path = Path(folder) / "bench.idx"
        t0 = time.process_time()
        size = index_save(index, path, secret=b"bench")
        save_cpu = time.process_time() - t0
        root = str(Path(__file__).resolve().parents[1])
        done = subprocess.run(
            [sys.executable, "-c", LOADER, root, str(path), query],
            capture_output=True,
            text=True,
        )
    if done.returncode:
        raise RuntimeError(f"loading the saved index failed: {done.stderr[-2000:]}")
    got = json.loads(done.stdout)
    print(
        f"  saved index: {size / 2**20:,.0f} MB on disk, saved in {save_cpu:.2f} s CPU; "
        f"loaded by a second process in {got['cpu']:.2f} s CPU ({got['wall']:.2f} s wall) "
        f"against {build_cpu:.1f} s CPU to build: load / build = "
        f"{got['cpu'] / build_cpu:.3f} ({build_cpu / got['cpu']:,.0f} times faster); "
        f"second process +{got['rss']:,.0f} MB resident, of which +{got['private']:,.0f} "
        "MB its own (the rest shared through the page cache)"
    )


def _synthetic_name(rnd: random.Random) -> str:
    def word() -> str:
        return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 4))).title()

    if rnd.random() < 0.4:
        return f"{word().upper()}, {word()} {word()}"
    parts = [word() for _ in range(rnd.randint(1, 3))]
    if rnd.random() < 0.5:
        parts.append(rnd.choice(WORDS))
    return " ".join(parts + [rnd.choice(SUFFIXES)]).strip()


def entries_for(size: int, ofac: Path, rnd: random.Random) -> tuple[list[EntryRecord], int]:
    """Entries with `size` names and aliases in all; how many of them come from OFAC."""
    entries: list[EntryRecord] = []
    total = 0
    if (ofac / "sdn.csv").exists():
        for e in ofac_sdn_parse(ofac).entries:
            if total >= size:
                break
            aliases = tuple(e.aliases[: max(0, size - total - 1)])
            entries.append(
                EntryRecord(
                    len(entries),
                    "OFAC SDN",
                    e.source_id,
                    e.name,
                    tuple(e.countries),
                    aliases=aliases,
                    weak_aliases=tuple(e.weak_aliases),
                )
            )
            total += 1 + len(aliases)
    listed = total
    while total < size:
        entries.append(EntryRecord(len(entries), "Synthetic", "", _synthetic_name(rnd)))
        total += 1
    return entries, listed


def _variant(name: str, rnd: random.Random) -> str:
    """A listed name as a sales rep might type it: a typo, or words reordered."""
    if rnd.random() < 0.5 and len(name) > 8:
        i = rnd.randrange(1, len(name) - 1)
        return name[:i] + name[i + 1 :]
    words = name.replace(",", "").split()
    rnd.shuffle(words)
    return " ".join(words)


def _ms(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered) * 1e3, ordered[int(0.95 * (len(ordered) - 1))] * 1e3


def bench(size: int, n_queries: int, brute_queries: int, ofac: Path, seed: int) -> None:
    rnd = random.Random(seed)
    entries, listed = entries_for(size, ofac, rnd)
    gc.collect()
    before = _rss_mb()
    started, started_cpu = time.perf_counter(), time.process_time()
    index = MatchIndex(entries)
    build_s = time.perf_counter() - started
    build_cpu = time.process_time() - started_cpu
    gc.collect()
    memory = _rss_mb() - before
    print(
        f"\n{size:,} names ({listed:,} from OFAC SDN, the rest synthetic): index of "
        f"{len(index):,} distinct names built in {build_s:.1f} s, {memory:,.0f} MB "
        f"(target {TARGET_MEMORY_MB:,} MB, ratio {memory / TARGET_MEMORY_MB:.2f})"
    )
    names = [e.name for e in entries]
    queries = [
        _variant(rnd.choice(names), rnd) if rnd.random() < 0.1 else _synthetic_name(rnd)
        for _ in range(n_queries)
    ]
    index.search(queries[0], threshold=THRESHOLD)  # warm-up
    times, walls, found = [], [], 0
    for q in queries:
        w0, t0 = time.perf_counter(), time.process_time()
        found += bool(index.search(q, threshold=THRESHOLD))
        times.append(time.process_time() - t0)
        walls.append(time.perf_counter() - w0)
    median, p95 = _ms(times)
    wall_median, _ = _ms(walls)

    keys = [name_key(n) for e in entries for n in (e.name, *e.aliases)]
    brute = []
    for q in queries[:brute_queries]:
        key = name_key(q)
        t0 = time.process_time()
        process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=THRESHOLD)
        brute.append(time.process_time() - t0)
    b_median, _ = _ms(brute)
    target = TARGET_MS.get(size)
    vs_target = f", target {target} ms (ratio {median / target:.2f})" if target else ""
    print(
        f"  one party, {len(queries):,} queries, CPU time on one core: median {median:.3f} ms, "
        f"p95 {p95:.3f} ms (wall median {wall_median:.3f} ms){vs_target}; {found} with a "
        f"hit at {THRESHOLD:g}"
    )
    print(
        f"  rapidfuzz brute force over the same {len(keys):,} names ({len(brute)} queries): "
        f"median {b_median:.2f} ms; index / brute force = {median / b_median:.4f} "
        f"({b_median / median:,.0f} times faster)"
    )
    bench_load(index, build_cpu, queries[0])
    del index, entries, keys
    gc.collect()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50000,1000000")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--brute-queries", type=int, default=20)
    parser.add_argument("--ofac", type=Path, default=DEFAULT_OFAC)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not (args.ofac / "sdn.csv").exists():
        print(f"(no OFAC files in {args.ofac}: synthetic names only)")
    for size in (int(s) for s in args.sizes.split(",")):
        bench(size, args.queries, args.brute_queries, args.ofac, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
