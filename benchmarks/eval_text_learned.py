"""Learned cues beside the lexicon: does a model of the labelled descriptions generalise?

Measures the learned cues screening reads, with screening's own code: fitted by
``rules.textsignals.cue_fitting``, read by ``rules.textsignals.learned_cues``. Per
language, a sparse logistic model per category is fitted on the reader's own word stems (Snowball stems of the text's language, Russian
dictionary forms, the Arabic light stem, pairs of Chinese characters) and on pairs of
stems met in one sentence. A sentence is flagged for a category when its score passes a
threshold AND it holds at least two words whose stems carry a clearly positive weight,
neither negated (the reader's own negation rule) and neither a word most texts hold; the
evidence quoted is the text from one to the other of the two highest-weighted of those
words, so every finding still quotes what was written.

What is measured (the protocol):

- Only the tuning half of ``benchmarks/data/text_eval`` is read by default, through
  ``eval_text.load_items`` and ``eval_text.split``. The honest estimate of how the
  model reads NEW writing is leave-one-round-out cross-validation: for each of the last
  rounds of writing (``FOLD_ROUNDS``), the model is fitted on the tuning half of every
  other round and scored on the tuning half of that round. Reported per language: today's
  lexicon alone (optimistic: it was tuned on these very texts), the *blind* lexicon (the
  default lexicon in git before the held-out round was written), the model alone, and
  each union (lexicon or model), at each threshold of ``THRESHOLDS``. The threshold is
  chosen from this table only (``CHOSEN_THRESHOLD``).
- ``--report`` is the only code path that keeps and scores the reporting half (both paths
  load the texts and split them as ``eval_text`` does; cross-validation keeps the tuning
  half only): the model is fitted on the whole tuning half and the lexicon, the model and
  the union are scored on the reporting half (counts only, no text of it is printed).
- Speed: the CPU time to score one text (stems, language, sentences, quote) on the scored
  texts, word caches cold and warm, and given the reader's words, beside the lexicon's
  reader on the same texts.

    python benchmarks/eval_text_learned.py                 # cross-validation, tuning half
    python benchmarks/eval_text_learned.py --show-found    # also what the model adds (tuning)
    python benchmarks/eval_text_learned.py --checks        # also through the reader, with and
                                                           # without its checks on a cue (tuning)
    python benchmarks/eval_text_learned.py --report        # the reporting half, once, at the end
    python benchmarks/eval_text_learned.py --rounds 17-22 --setting MIN_DF=2 \
        --setting OTHER_CATEGORY_WEIGHT=0.2               # another setting, the same folds

Plain Python and numpy (already installed; only to fit); nothing is downloaded. What it
measured, the threshold chosen and how the cues are built into screening:
docs/learned-cues.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_text import load_items, split  # noqa: E402

from rules.engine import DEFAULT_PACK_PATH, read_pack  # noqa: E402
from rules.textsignals import (  # noqa: E402
    CATEGORIES,
    LANGUAGES,
    compile_lexicon,
    cue_fitting,  # noqa: E402
    cue_reads,
    lexicon_from_pack,
)
from rules.textsignals.cue_fitting import fit_cues  # noqa: E402
from rules.textsignals.disguise import as_read  # noqa: E402
from rules.textsignals.languages import detect_language, tokens  # noqa: E402
from rules.textsignals.learned_cues import (  # noqa: E402
    THRESHOLD,
    CompiledCues,
    compile_cues,
    read_cues,
    unit,
)
from rules.textsignals.reader import _read as lexicon_read  # noqa: E402
from rules.textsignals.reader import read_one  # noqa: E402

THRESHOLDS = (-1.5, -1.0, -0.5, 0.0)  # sentence score (log-odds) a finding needs
# What ``--setting`` may change for a run (cue_fitting's module settings).
SETTINGS = ("MIN_DF", "OTHER_CATEGORY_WEIGHT", "L2", "STEPS", "LEARNING_RATE")
CHOSEN_THRESHOLD = THRESHOLD  # chosen from the cross-validation table only


def fit(items: list[dict]) -> CompiledCues:
    """The cues fitted on ``items`` (every language), compiled as screening compiles them."""
    return compile_cues(fit_cues(items, "cross-validation fold"))


def read_learned(raw: str, cues: CompiledCues, threshold: float) -> list[tuple[str, str, str]]:
    """(category, language, quote) of each learned cue in one text."""
    raw = as_read(raw)
    text = SimpleNamespace(raw=raw, toks=tokens(raw))
    found = read_cues(text, detect_language(raw), cues, threshold)
    return [(cat, lang, cue[4]) for cat, lang, cue in found]


# -- measuring ------------------------------------------------------------------------------

# The commit that added each held-out round of writing: the lexicon of its parent never saw
# that round (nor its translations), so it reads the round as it would read new writing.
ROUND_ADDED = {
    7: "b71c5be",
    8: "2a400bc",
    9: "7539093",
    10: "ef0e141",
    11: "38e3da2",
    12: "66d3bc7",
    13: "4742eba",
    14: "818aa84",
    15: "413998b",
    16: "1d7591b",
    17: "7fb789c",
    18: "51d3410",
    19: "4b639bd",
    20: "218827e",
    21: "10bf0a4",
    22: "388b5cd",
    23: "2811a69",
    24: "25e6378",
    25: "45eab63",
    26: "a6237f9",
    27: "e00c0e3",
    28: "231fe72",
    29: "8476098",
    30: "9286c71",
    31: "d8caa1a",
    32: "f74bf71",
    33: "f5bda90",
    34: "353e9c6",
    35: "24bf1ef",
    36: "241b31b",
    37: "0b5ee43",
    38: "092be7b",
    39: "e434653",
    40: "47052d4",
    41: "b03a4f2",
}
# The last six rounds of writing, each held out in turn (a new round moves the window).
FOLD_ROUNDS = range(max(ROUND_ADDED) - 5, max(ROUND_ADDED) + 1)
PACK_PATH = "rules/criteria_packs/default.json"


def blind_lexicon(round_: int):
    """The default lexicon as it was before ``round_`` was written (from git history)."""
    import json
    import subprocess

    text = subprocess.run(
        ["git", "show", f"{ROUND_ADDED[round_]}^:{PACK_PATH}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return compile_lexicon(lexicon_from_pack(json.loads(text)))


def _row() -> dict:
    return {"pos": 0, "neg": 0, "cells": defaultdict(lambda: [0, 0])}


def score(items: list[dict], models: CompiledCues, lexicons: dict, table: dict, added: list):
    """Adds each text's outcome (found, or false positive) to ``table[lang]["cells"]``, per
    lexicon, per threshold of the model alone, and per (lexicon, threshold) of the union."""
    for item in items:
        row = table[item["lang"]]
        benign = item["label"] == "benign"
        row["neg" if benign else "pos"] += 1
        k = 1 if benign else 0  # cells are [found, false positives]

        def count(key, got, row=row, item=item, benign=benign, k=k):
            row["cells"][key][k] += bool(got) if benign else item["label"] in got

        lex = {}
        for name, lexicon in lexicons.items():
            lex[name] = {c for c, _l, _q in read_one(item["text"], lexicon) if c in CATEGORIES}
            count(name, lex[name])
        for threshold in THRESHOLDS:
            read = read_learned(item["text"], models, threshold)
            cats = {c for c, _l, _q in read}
            count(("model", threshold), cats)
            for name, got in lex.items():
                count((name, threshold), cats | got)
            if threshold == CHOSEN_THRESHOLD and (
                (benign and cats) or (not benign and item["label"] in cats - lex["lexicon"])
            ):
                added.append((item, read))


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}" if b else "  -  "


def print_table(table: dict, title: str, names: list[str]) -> None:
    """One block per threshold: recall/false positives of each lexicon, the model, and
    each union."""
    total = _row()
    for lang in LANGUAGES:
        total["pos"] += table[lang]["pos"]
        total["neg"] += table[lang]["neg"]
        for key, (a, b) in table[lang]["cells"].items():
            total["cells"][key][0] += a
            total["cells"][key][1] += b
    print(title)
    print(f"(texts: {total['pos']} dangerous, {total['neg']} benign; recall % / false positives %)")
    for threshold in THRESHOLDS:
        keys = [*names, ("model", threshold), *((n, threshold) for n in names)]
        heads = [*names, "model", *(f"{n} OR model" for n in names)]
        print(f"\nthreshold {threshold}" + (" (chosen)" if threshold == CHOSEN_THRESHOLD else ""))
        print(f"{'lang':<5}" + "".join(f" {h:>22}" for h in heads))
        for lang in [*LANGUAGES, "all"]:
            row = total if lang == "all" else table[lang]
            cells = [row["cells"][key] for key in keys]
            print(
                f"{lang:<5}"
                + "".join(
                    f" {_pct(c[0], row['pos']):>14}/{_pct(c[1], row['neg']):<7}" for c in cells
                )
            )


def timing(items: list[dict], models: CompiledCues, lexicon) -> tuple[float, ...]:
    """CPU milliseconds per text (the process's own time: other work on the machine does
    not count) to read learned cues: word caches cold, then warm; warm given
    the words the reader has already split (what an integrated reader would add); and the
    lexicon's reader on the same texts in the same minutes (uncached), to compare with."""
    unit.cache_clear()
    out = []
    for _ in range(2):
        start = time.process_time()
        for item in items:
            read_learned(item["text"], models, CHOSEN_THRESHOLD)
        out.append(1000 * (time.process_time() - start) / len(items))
    ready = []
    for item in items:
        raw = as_read(item["text"])
        language = detect_language(raw)
        if language in models.languages:
            ready.append((SimpleNamespace(raw=raw, toks=tokens(raw)), language))
    start = time.process_time()
    for text, language in ready:
        read_cues(text, language, models, CHOSEN_THRESHOLD)
    out.append(1000 * (time.process_time() - start) / max(1, len(ready)))
    start = time.process_time()
    for text, _language in ready:
        lexicon_read(text.raw, lexicon)
    out.append(1000 * (time.process_time() - start) / max(1, len(ready)))
    return tuple(out)


def _speed(times: list[tuple[float, ...]]) -> str:
    cold, warm, ready, lexicon = (sum(t[n] for t in times) / len(times) for n in range(4))
    return (
        f"Reading learned cues: {cold:.3f} CPU ms per text with cold word caches, {warm:.3f} warm,"
        f" {ready:.3f} given the reader's words; the lexicon's reader {lexicon:.3f} ms on the"
        " same texts (uncached), same minutes"
    )


CHECKS = ("negation", "disclaimer", "described", "own object", "benign context")
VARIANTS = {
    "no checks": frozenset(),
    **{name: frozenset({name}) for name in CHECKS},
    "all checks": frozenset(CHECKS),
}


def reader_checks(items: list[dict], cues: CompiledCues, lexicons: dict, table: dict) -> None:
    """What screening reads (the reader: phrases, then the cues the phrases did not quote),
    without the reader's checks on a cue's quote, with each alone, and with all."""
    kept = cue_reads.CUE_CHECKS
    for name, lexicon in lexicons.items():
        for variant, checks in VARIANTS.items():
            with_cues = replace(lexicon, cues=cues, reads={}, plan={})
            cue_reads.CUE_CHECKS = checks
            for item in items:
                row = table[item["lang"]]
                got = {c for c, _l, _q in read_one(item["text"], with_cues) if c in CATEGORIES}
                k = 1 if item["label"] == "benign" else 0
                hit = bool(got) if k else item["label"] in got
                row["cells"][(name, variant)][k] += hit
    cue_reads.CUE_CHECKS = kept


def print_checks(table: dict, names: list[str]) -> None:
    print("\nThe reader (phrases, then cues), recall % / false positives %:")
    for name in names:
        print(f"\n{name}")
        print(f"{'lang':<5}" + "".join(f" {v:>16}" for v in VARIANTS))
        for lang in [*LANGUAGES, "all"]:
            rows = list(table.values()) if lang == "all" else [table[lang]]
            pos, neg = sum(r["pos"] for r in rows), sum(r["neg"] for r in rows)
            cells = [
                [sum(r["cells"][(name, v)][i] for r in rows) for i in (0, 1)] for v in VARIANTS
            ]
            print(
                f"{lang:<5}" + "".join(f" {_pct(c[0], pos):>8}/{_pct(c[1], neg):<7}" for c in cells)
            )


def cross_validate(show_found: bool, checks: bool = False, rounds: range = FOLD_ROUNDS) -> None:
    lexicon = compile_lexicon(lexicon_from_pack(read_pack(str(DEFAULT_PACK_PATH))))
    tuning = split(load_items())["tuning"]
    table: dict = defaultdict(_row)
    added: list = []
    times = []
    for k in rounds:
        train = [i for i in tuning if int(i.get("set", 1)) != k]
        held = [i for i in tuning if int(i.get("set", 1)) == k]
        models = fit(train)
        times.append(timing(held, models, lexicon))
        lexicons = {"lexicon": lexicon, "blind lexicon": blind_lexicon(k)}
        score(held, models, lexicons, table, added)
        if checks:
            reader_checks(held, models, lexicons, table)
        print(f"round {k} held out: {len(held)} texts", file=sys.stderr, flush=True)
    print_table(
        table,
        f"Leave-one-round-out on the tuning half, rounds {rounds.start}-"
        f"{rounds.stop - 1}. 'lexicon' is today's (optimistic: tuned on these texts); "
        "'blind lexicon' is the one before the held-out round was written.",
        ["lexicon", "blind lexicon"],
    )
    if checks:
        print_checks(table, ["lexicon", "blind lexicon"])
    print("\n" + _speed(times))
    if show_found:
        print(f"\nAt threshold {CHOSEN_THRESHOLD}: what the model adds to today's lexicon, and its")
        print("false positives")
        for item, read in added:
            kind = "false positive" if item["label"] == "benign" else "added"
            print(f"  {kind}: {item['id']} [{item['label']}] {read}")


def report() -> None:
    """The reporting half, scored once by a model fitted on the whole tuning half."""
    lexicon = compile_lexicon(lexicon_from_pack(read_pack(str(DEFAULT_PACK_PATH))))
    halves = split(load_items())
    models = fit(halves["tuning"])
    table: dict = defaultdict(_row)
    score(halves["reporting"], models, {"lexicon": lexicon}, table, [])
    print_table(
        table,
        f"Reporting half, model fitted on the whole tuning half (chosen {CHOSEN_THRESHOLD})",
        ["lexicon"],
    )
    print("\n" + _speed([timing(halves["reporting"], models, lexicon)]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="score the reporting half (once)")
    parser.add_argument("--show-found", action="store_true", help="tuning half only")
    parser.add_argument(
        "--checks",
        action="store_true",
        help="also read through the reader, with and without its checks on a cue (tuning)",
    )
    parser.add_argument(
        "--rounds", help="the rounds held out in turn, e.g. 17-22 (default: the last six)"
    )
    parser.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=f"a fitting setting other than cue_fitting's, one of {', '.join(SETTINGS)}",
    )
    args = parser.parse_args(argv)
    for setting in args.setting:
        name, _, value = setting.partition("=")
        if name not in SETTINGS:
            parser.error(f"--setting: {name!r} is none of {', '.join(SETTINGS)}")
        # Compared on held-out rounds before a setting is changed in cue_fitting itself.
        setattr(cue_fitting, name, type(getattr(cue_fitting, name))(float(value)))
    rounds = FOLD_ROUNDS
    if args.rounds:
        first, _, last = args.rounds.partition("-")
        rounds = range(int(first), int(last or first) + 1)
        if not set(rounds) <= set(ROUND_ADDED):
            parser.error(
                f"--rounds: rounds with a blind lexicon are {min(ROUND_ADDED)}-{max(ROUND_ADDED)}"
            )
    if args.report:
        report()
    else:
        cross_validate(args.show_found, args.checks, rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
