"""Text-signal quality, held out: recall and false positives per language and category.

The labelled deal descriptions live in ``benchmarks/data/text_eval/<language>.jsonl``
(one object a line: id, label, text, and ``set``, the round of writing it was added in,
1 when absent; label is a category of the lexicon or "benign"). They are split once and
for all into a tuning half and a reporting half: within each (language, label, set)
group the items are ordered by the SHA-1 of their id and alternate, the first going to
the tuning half. So every category of every language is in both halves, and a new round
of texts is split on its own: adding texts never moves an earlier one between halves
(a text the lexicon was tuned on never lands in the reporting half). From round 3 on, a
round says the same things in every language (en-d45 and fr-d45 are one description), so
the split is by that number rather than by id: within each (label, round) the numbers are
ordered by their SHA-1 and alternate, and a description and all its translations fall in
the same half.

    python benchmarks/eval_text.py                 # the reporting half (what the README quotes)
    python benchmarks/eval_text.py --half tuning   # the half the lexicon may be tuned on
    python benchmarks/eval_text.py --show-misses   # list what was missed (tuning half only)
    python benchmarks/eval_text.py --round 4       # one round of writing only (e.g. the newest,
                                                   # written blind before the lexicon saw it)
    python benchmarks/eval_text.py --rounds 1-6    # rounds 1 to 6 only (later rounds are not
                                                   # even parsed: one may be being written)

A dangerous description counts as found when its labelled category is among the signals
read from it; a benign one is a false positive when any signal is read from it. The
lexicon is the default criteria pack's (``rules/criteria_packs/default.json``), unless
``--pack`` names another; what is counted is what screening reads: the lexicon's phrases
and the pack's learned cues (``--no-cues``: the phrases alone).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rules.engine import DEFAULT_PACK_PATH, read_pack  # noqa: E402
from rules.engine.packs import cues_from_pack  # noqa: E402
from rules.textsignals import CATEGORIES, LANGUAGES, compile_lexicon, lexicon_from_pack  # noqa: E402
from rules.textsignals.learned_cues import compile_cues  # noqa: E402
from rules.textsignals.reader import read_one  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "text_eval"
RECALL_TARGET = 0.95
FP_TARGET = 0.05
CONCEPT_ROUND = 3  # rounds from this one are written in parallel across the languages


def load_items(rounds: range | None = None) -> list[dict]:
    """Every labelled text, or those of the given rounds of writing only. A round is split
    on its own (``split``), so leaving rounds out moves no text between halves."""
    items = []
    for lang in LANGUAGES:
        path = DATA / f"{lang}.jsonl"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                item = json.loads(line)
                if rounds is not None and int(item.get("set", 1)) not in rounds:
                    continue
                if item["label"] not in CATEGORIES and item["label"] != "benign":
                    raise SystemExit(f"{path}:{n}: unknown label {item['label']!r}")
                items.append({**item, "lang": lang})
    return items


def split(items: list[dict]) -> dict[str, list[dict]]:
    """{"tuning": [...], "reporting": [...]}: deterministic, balanced per language and
    label, each round of writing (``set``) split on its own."""
    groups: dict[tuple[str, str, int], list[dict]] = defaultdict(list)
    concepts: dict[tuple[str, int], set[str]] = defaultdict(set)
    for item in items:
        round_ = int(item.get("set", 1))
        groups[(item["lang"], item["label"], round_)].append(item)
        if round_ >= CONCEPT_ROUND:
            concepts[(item["label"], round_)].add(_concept(item))
    # From CONCEPT_ROUND on, the texts of a round say the same things in every language
    # (en-d45, fr-d45...): they are split by that number, so a text and its translations
    # are always in the same half (tuning on the English never tunes the French of a
    # reporting text).
    concept_half = {}
    for key, names in concepts.items():
        for n, name in enumerate(sorted(names, key=lambda c: hashlib.sha1(c.encode()).hexdigest())):
            concept_half[(*key, name)] = "tuning" if n % 2 == 0 else "reporting"
    halves: dict[str, list[dict]] = {"tuning": [], "reporting": []}
    for key in sorted(groups):
        if key[2] >= CONCEPT_ROUND:
            for item in groups[key]:
                halves[concept_half[(key[1], key[2], _concept(item))]].append(item)
            continue
        ordered = sorted(groups[key], key=lambda i: hashlib.sha1(i["id"].encode()).hexdigest())
        for n, item in enumerate(ordered):
            halves["tuning" if n % 2 == 0 else "reporting"].append(item)
    return halves


def _concept(item: dict) -> str:
    """The number a text shares with its translations: "d45" for en-d45, fr-d45..."""
    return item["id"].split("-", 1)[1]


def evaluate(items: list[dict], lexicon) -> dict:
    """Counts per language and per category, and the misses."""
    per_lang = defaultdict(lambda: {"pos": 0, "found": 0, "neg": 0, "fp": 0})
    per_cat = defaultdict(lambda: {"pos": 0, "found": 0})
    misses = []
    for item in items:
        # Red flags only: a place of detention named is a fact about the end user
        # (``text.detention_site``), for a reviewer to confirm, not a red flag.
        signals = {c for c, _lang, _q in read_one(item["text"], lexicon) if c in CATEGORIES}
        row = per_lang[item["lang"]]
        if item["label"] == "benign":
            row["neg"] += 1
            if signals:
                row["fp"] += 1
                misses.append(("false positive", item, sorted(signals)))
        else:
            row["pos"] += 1
            per_cat[item["label"]]["pos"] += 1
            if item["label"] in signals:
                row["found"] += 1
                per_cat[item["label"]]["found"] += 1
            else:
                misses.append(("missed", item, sorted(signals)))
    return {"per_lang": per_lang, "per_cat": per_cat, "misses": misses}


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   - "


def report(result: dict, half: str, n_items: int) -> bool:
    print(f"Text signals on the {half} ({n_items} descriptions)\n")
    print(f"{'language':<10} {'recall':>8} {'found':>7} {'FP rate':>8} {'FP':>6}  target")
    ok = True
    tot = {"pos": 0, "found": 0, "neg": 0, "fp": 0}
    for lang in LANGUAGES:
        r = result["per_lang"][lang]
        for k in tot:
            tot[k] += r[k]
        good = (r["found"] >= RECALL_TARGET * r["pos"]) and (r["fp"] <= FP_TARGET * r["neg"])
        ok &= good
        print(
            f"{lang:<10} {_pct(r['found'], r['pos']):>8} {r['found']:>3}/{r['pos']:<3} "
            f"{_pct(r['fp'], r['neg']):>8} {r['fp']:>2}/{r['neg']:<3}  {'met' if good else 'NOT MET'}"
        )
    print(
        f"{'all':<10} {_pct(tot['found'], tot['pos']):>8} {tot['found']:>3}/{tot['pos']:<3} "
        f"{_pct(tot['fp'], tot['neg']):>8} {tot['fp']:>2}/{tot['neg']:<3}"
    )
    print(f"\n{'category':<18} {'recall':>8} {'found':>7}")
    for cat in CATEGORIES:
        r = result["per_cat"][cat]
        print(f"{cat:<18} {_pct(r['found'], r['pos']):>8} {r['found']:>3}/{r['pos']:<3}")
    print(
        f"\nTargets: recall >= {RECALL_TARGET:.0%} and false positives <= {FP_TARGET:.0%} "
        f"for every language: {'met' if ok else 'NOT MET'}"
    )
    return ok


def _rounds(value: str) -> range:
    """ "1-6" (or "4"): the rounds of writing from the first to the last, both included."""
    first, _, last = value.partition("-")
    try:
        lo, hi = int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"rounds are written 1-6, not {value!r}") from None
    if lo < 1 or hi < lo:
        raise argparse.ArgumentTypeError(f"rounds are written 1-6, not {value!r}")
    return range(lo, hi + 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("reporting", "tuning"), default="reporting")
    parser.add_argument("--pack", default=str(DEFAULT_PACK_PATH))
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--no-cues", action="store_true", help="the lexicon's phrases alone")
    parser.add_argument(
        "--weighed",
        type=float,
        metavar="BOUND",
        help="with the whole text weighed, set aside below BOUND (the default pack: off)",
    )
    parser.add_argument("--round", type=int, help="only the texts of this round of writing (set)")
    parser.add_argument(
        "--rounds", type=_rounds, help="only the texts of these rounds of writing, e.g. 1-6"
    )
    args = parser.parse_args(argv)
    pack = read_pack(args.pack)
    cues_data = cues_from_pack(pack)
    if args.weighed is not None:
        cues_data = {**cues_data, "ordinary_below": args.weighed}
    cues = None if args.no_cues else compile_cues(cues_data)
    lexicon = compile_lexicon(lexicon_from_pack(pack), cues)
    items = split(load_items(args.rounds))[args.half]
    if args.round is not None:
        items = [i for i in items if int(i.get("set", 1)) == args.round]
        if not items:
            print(f"no texts of round {args.round}", file=sys.stderr)
            return 2
    result = evaluate(items, lexicon)
    label = f"{args.half} half" + (f", round {args.round} only" if args.round is not None else "")
    if args.rounds is not None:
        label += f", rounds {args.rounds.start}-{args.rounds.stop - 1}"
    ok = report(result, label, len(items))
    if args.show_misses:
        if args.half != "tuning":
            print("\n(misses are listed for the tuning half only: the reporting half stays unseen)")
        else:
            for kind, item, signals in result["misses"]:
                print(f"  {kind}: {item['id']} [{item['label']}] got {signals}: {item['text']}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
