"""Benchmark of reading deal text (rules.textsignals), no Django.

Run: python benchmarks/bench_text.py [--deals N] [--part overhead|preview|weighing]   (BENCH_QUICK=1: 10,000; BENCH_TEXT_DEALS=N)

1. What reading the text adds to the screening of one deal: the same synthetic snapshots
   (with a title, a use description, a customer name and sector in the seven languages,
   drawn from the labelled evaluation set and ordinary phrases) are screened with the
   default pack and with the same criteria without a lexicon, deal by deal, in the same
   run; the language detection done when the snapshot is built is counted as reading too.
   Target: at most 1 ms median added per deal.
2. The usual preview (criteria changed, lexicon unchanged): quotes stored with each
   screening are reused; the ratio to the same loop without the text criteria.
3. The preview with a lexicon change, as ``preview_execute`` reads text: a deal is read
   again only when its text holds the words of a phrase added or changed; a phrase
   removed drops the quotes the stored record says it alone read (a phrase added, one
   phrase changed, every detention phrase removed); the anchor is the same loop with the
   lexicon unchanged, same run. A learned-cue word switched off is read the same way (a
   deal is read again only when its text holds the word), beside the same switch with
   every text read again (what the preview did before). N stored snapshots (default
   100,000; BENCH_QUICK 10,000), without the database reads (the whole preview, database
   included, is bench_screening.py's). Target: under 30 s per 100,000.
4. What the whole-text weighing adds when an admin switches it on: the same descriptions
   read with the default pack (weighing off: the anchor) and with the bound the page
   offers, alternated deal by deal, processor time; the ratio is to the anchor.

The load average is printed before and after: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rules.engine import (  # noqa: E402
    TEXT_DERIVED_FIELDS,
    LexiconEntry,
    compile_criteria,
    example_snapshot,
    load_pack,
    screen,
    screen_brief,
    text_read,
)
from rules.engine.packs import cues_from_pack, read_pack  # noqa: E402
from rules.engine.preview_removal import Removal  # noqa: E402
from rules.engine.preview_text import (  # noqa: E402
    ChangeProbe,
    preview_text_reader,
    quotes_moved,
)
from rules.textsignals import TEXT_FIELD_LABELS, detected_languages  # noqa: E402
from rules.textsignals.learned_cues import (  # noqa: E402
    compile_cues,
    cue_switched,
    strongest_cue_words,
)
from rules.textsignals.reader import read_one  # noqa: E402
from rules.textsignals.snapshot_reading import PHRASES_FIELD  # noqa: E402
from rules.textsignals.weighing import ORDINARY_BELOW  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "text_eval"
ORDINARY = [
    "Office network refresh for three sites",
    "Campus Wi-Fi upgrade and switches for the new building",
    "Renouvellement du réseau du siège",
    "Renovación de la red de oficinas",
    "Atualização da rede do escritório",
    "Обновление сети офиса",
    "تحديث شبكة المكتب",
    "办公室网络升级",
]
SECTORS = ["logistics", "retail", "telecom", "banca", "santé", "государственный сектор", "物流"]


def texts() -> list[str]:
    out = list(ORDINARY)
    for path in sorted(DATA.glob("*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line]
    return out


def snapshots(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    pool = texts()
    # Every description is a text of its own (a reference number makes it so), so no deal
    # is read from the lexicon's cache; titles and sectors repeat, as they do in real deals.
    return [
        example_snapshot(
            title=rng.choice(ORDINARY),
            use_description=" ".join(rng.sample(pool, rng.choice((1, 1, 2, 3))))
            + f" Ref {rng.randrange(10**9)}.",
            **{
                "end_user.name": f"Customer {rng.randrange(10_000)}",
                "end_user.sector": rng.choice(SECTORS),
            },
        )
        for _ in range(n)
    ]


def per_deal_overhead(n: int, seed: int) -> None:
    pack = load_pack()
    bare = compile_criteria(pack.specs, pack.tiers)  # the same criteria, no lexicon
    snaps = snapshots(n, seed)
    for s in snaps[:50]:  # warm caches (stemmers, detector model) as a running server has
        screen(s, pack)
        detected_languages({p: s[p] for p in TEXT_FIELD_LABELS}, TEXT_FIELD_LABELS)
    without, added, cpu_without, cpu_added = [], [], [], []
    clock, cpu = time.perf_counter, time.process_time
    for s in snaps:
        t0, c0 = clock(), cpu()
        screen(s, bare)
        t1, c1 = clock(), cpu()
        detected_languages({p: s[p] for p in TEXT_FIELD_LABELS}, TEXT_FIELD_LABELS)
        screen(s, pack)
        t2, c2 = clock(), cpu()
        without.append((t1 - t0) * 1e3)
        added.append((t2 - t1) * 1e3 - (t1 - t0) * 1e3)
        cpu_without.append((c1 - c0) * 1e3)
        cpu_added.append((c2 - c1) * 1e3 - (c1 - c0) * 1e3)
    base, extra = statistics.median(without), statistics.median(added)
    p95 = statistics.quantiles(added, n=20)[-1]
    print(f"per-deal overhead, {n:,} deals in seven languages ({len(pack.lexicon)} phrases)")
    print(f"  screening without reading text, median   : {base:.3f} ms")
    print(
        f"  added by reading text (detect + read), median: {extra:.3f} ms  "
        f"({extra / base:.1f}× the screening without it; {extra / 1.0:.2f}× the 1 ms target)"
    )
    print(f"  added, p95                                : {p95:.3f} ms")
    # CPU time of this process (the wall-clock figures count what other work on the
    # machine takes from it): the same split, summed over the deals and as a median.
    print(
        f"  CPU time: without {sum(cpu_without) / 1e3:.2f} s, added {sum(cpu_added) / 1e3:.2f} s "
        f"({sum(cpu_added) / sum(cpu_without):.1f}×); added, median "
        f"{statistics.median(cpu_added):.3f} ms"
    )


def weighing_cost(n: int, seed: int) -> None:
    off = load_pack().lexicon
    cues = compile_cues({**cues_from_pack(read_pack()), "ordinary_below": ORDINARY_BELOW})
    on = replace(off, cues=cues, reads={}, plan={})
    descriptions = [s["use_description"] for s in snapshots(n, seed)]
    for text in texts()[:50]:  # warm the word caches both ways, as a running server has
        read_one(text, off)
        read_one(text, on)
    cpu = time.process_time
    spent = {"off": 0.0, "on": 0.0}
    read = set_aside = 0
    for i, text in enumerate(descriptions):
        # Alternated, so neither reading is always the one that warms a new word's caches.
        order = (("off", off), ("on", on)) if i % 2 else (("on", on), ("off", off))
        got = {}
        for name, lexicon in order:
            c0 = cpu()
            got[name] = read_one(text, lexicon)
            spent[name] += cpu() - c0
        read += bool(got["off"])
        set_aside += len(got["on"]) < len(got["off"])
    print(f"whole-text weighing switched on (bound {ORDINARY_BELOW}), {n:,} descriptions")
    print(
        f"  reading, weighing off (the anchor): {spent['off'] * 1e3 / n:.3f} ms CPU a description"
    )
    print(
        f"  reading, weighing on              : {spent['on'] * 1e3 / n:.3f} ms CPU a description"
        f" ({spent['on'] / spent['off']:.2f}× the anchor)"
    )
    print(f"  descriptions with a red flag read: {read:,}; some set aside: {set_aside:,}")


def preview_share(n: int, seed: int) -> None:
    """The preview when the draft changes the lexicon, as ``preview_execute`` reads text:
    stored quotes of the version in force, then the draft's reading, which reads again only
    the deals whose text holds the words of a phrase added, removed or changed. The anchor,
    same run and same stored snapshots: the loop with the lexicon unchanged (nothing read)."""
    pack = load_pack()
    cues = cues_from_pack(read_pack())
    entries = list(pack.lexicon.entries)
    added = [*entries, LexiconEntry("trace ~ unionists", "en", "targets_dissent", "b")]
    removed = [e for e in entries if e.category != "detention"]
    # One phrase edited: the first tracking phrase gains a word (an admin's usual change).
    k = next(i for i, e in enumerate(entries) if e.category == "tracking")
    changed = [
        *entries[:k],
        replace(entries[k], phrase=entries[k].phrase + "|trail"),
        *entries[k + 1 :],
    ]
    snaps = snapshots(n, seed + 1)
    stored = [text_read(s, pack) for s in snaps]
    cases = (
        ("nothing changed in (the anchor)", entries),
        ("a phrase added to", added),
        ("one phrase changed in", changed),
        (f"{len(entries) - len(removed)} phrases removed from", removed),
    )
    # What the preview did before quotes recorded their phrases (screenings stored before
    # still read so): read again every deal holding the words of a removed phrase. And before
    # it knew which deals a change touches: read every text.
    words_only = f"{len(entries) - len(removed)} phrases removed, by their words alone, from"
    every = f"{len(entries) - len(removed)} phrases removed, every text read again, from"
    cases += ((words_only, removed), (every, removed))
    # A learned-cue word switched off (the strongest English tracking word, as an admin
    # would try first), read by its words; and the same switch with every text read again,
    # as the preview did before it looked for a switch's words.
    word = strongest_cue_words(cues, "en", "tracking", n=1)[0][0].replace(" + ", "+")
    cue_word = f'the learned-cue word "{word}" switched off, by its words, in'
    cue_every = f'the learned-cue word "{word}" switched off, every text read again, in'
    switched = cue_switched(cues, "en", word, on=False)
    cases += ((cue_word, entries), (cue_every, entries))
    unrecorded = [{k: v for k, v in b.items() if k != PHRASES_FIELD} for b in stored]
    anchor = None
    for label, lexicon in cases:
        # The draft keeps the version's learned cues (but for the switch): its phrases change.
        draft_cues = switched if label in (cue_word, cue_every) else cues
        draft = compile_criteria(pack.specs, pack.tiers, lexicon=lexicon, learned_cues=draft_cues)
        read = preview_text_reader(draft, pack)
        if label in (every, cue_every):
            read = partial(_full_read, draft)
        t0, c0 = time.perf_counter(), time.process_time()
        for s, before in zip(snaps, unrecorded if label == words_only else stored, strict=True):
            after = read(s, before)
            screen_brief(s, draft, after)
            screen_brief(s, pack, before)
            quotes_moved(before, after)  # what each listed deal would quote, or no longer
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        anchor = anchor or took
        print(f"preview re-scoring, {label} the lexicon, {n:,} stored snapshots")
        print(
            f"  {took:.1f} s ({n / took:,.0f} deals/s; CPU {cpu:.1f} s); {took / anchor:.2f}× "
            f"the anchor; {took / 30 * 100_000 / n:.2f}× the target of 30 s per 100,000 (<1 is better)"
        )
    # How many deals the removal reads again, and how many the words test alone would (after
    # the timed runs, so it costs them nothing).
    gone = [e for e in pack.lexicon.effective if e.category == "detention"]
    probe = ChangeProbe((e.phrase, e.language, e.category) for e in gone)
    worded = sum(probe.touches_snapshot(s) for s in snaps)
    quoted = sum(bool(b["text.detention"]) for b in stored)
    draft = compile_criteria(pack.specs, pack.tiers, lexicon=removed, learned_cues=cues)
    removal = Removal(((e.phrase, e.language, e.category) for e in gone), draft.lexicon)
    # Read again: the record cannot tell (a quote hid another match), or a removed phrase
    # may have acted without a quote (``preview_removal``).
    again = sum(
        removal.kept(s, b, b["text.phrases"]) is None for s, b in zip(snaps, stored, strict=True)
    )
    print(
        f"  removing the {len(entries) - len(removed)} detention phrases: {worded / n:.1%} of the deals hold their "
        f"words, {quoted / n:.1%} have a detention quote, {again / n:.2%} are read again"
    )


def _full_read(draft, snapshot, stored):
    return text_read(snapshot, draft)


def preview_unchanged_lexicon(n: int, seed: int) -> None:
    """The usual preview (a draft that changes criteria, not the lexicon, over deals screened
    with the version in force): the stored quotes are reused, nothing is read again. The
    same loop over the same stored snapshots with the text criteria left out is the anchor."""
    pack = load_pack()
    bare = compile_criteria(
        [s for s in pack.specs if "text." not in s.condition], pack.tiers
    )  # the criteria before text signals
    snaps = snapshots(n, seed + 2)
    stored = [json.dumps({**s, **text_read(s, pack)}) for s in snaps]
    times: dict[str, list[float]] = {"anchor": [], "text": []}
    for _ in range(5):
        t0 = time.perf_counter()
        for raw in stored:
            snap = json.loads(raw)
            screen_brief(snap, bare)
            screen_brief(snap, bare)
        times["anchor"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for raw in stored:
            snap = json.loads(raw)
            text = {f: snap[f] for f in TEXT_DERIVED_FIELDS}
            screen_brief(snap, pack, text)
            screen_brief(snap, pack, text)
        times["text"].append(time.perf_counter() - t0)
    a, t = statistics.median(times["anchor"]), statistics.median(times["text"])
    print(f"preview re-scoring with the lexicon unchanged, {n:,} stored snapshots (median of 5)")
    print(
        f"  {t / n * 1e6:.1f} µs/deal against {a / n * 1e6:.1f} µs/deal without text criteria "
        f"({t / a:.2f}× the anchor)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    quick = bool(os.environ.get("BENCH_QUICK"))
    default = os.environ.get("BENCH_TEXT_DEALS") or (10_000 if quick else 100_000)
    parser.add_argument("--deals", type=int, default=int(default))
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument(
        "--part",
        choices=("all", "overhead", "preview", "weighing"),
        default="all",
        help=(
            "overhead: what reading adds to a screening; preview: the two preview figures;"
            " weighing: what the whole-text weighing adds when switched on"
        ),
    )
    args = parser.parse_args()
    print("Text signals benchmark (one process, one core)")
    print(
        "load average (1, 5, 15 min) at the start: " + " ".join(f"{x:.1f}" for x in os.getloadavg())
    )
    if args.part in ("all", "overhead"):
        per_deal_overhead(2_000 if quick else 10_000, args.seed)
    if args.part in ("all", "preview"):
        preview_unchanged_lexicon(5_000, args.seed)
        preview_share(args.deals, args.seed)
    if args.part in ("all", "weighing"):
        weighing_cost(2_000 if quick else 10_000, args.seed)
    print(
        "load average (1, 5, 15 min) at the end: " + " ".join(f"{x:.1f}" for x in os.getloadavg())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
