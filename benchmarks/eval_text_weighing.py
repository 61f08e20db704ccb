"""The whole text weighed: where should a text read as an ordinary deal?

Chooses the learned cues' ``ordinary_below`` (``rules.textsignals.weighing``) on the tuning
half only, by leave-one-round-out: for each round of writing that has a blind lexicon
(``eval_text_learned.ROUND_ADDED``: the default lexicon in git before the round was
written), the cues and the weighing are fitted on the tuning half of every other round, and
the round's tuning half is read by the blind lexicon with those cues, weighing off. Then,
for each bound of ``BOUNDS``, a text of at least ``MIN_WORDS_WEIGHED`` words weighing below
it, none of whose sentences weighs ``SENTENCE_KEEPS`` on its own, has its red flags set
aside, but for those kept whatever the weight (``KEPT_WHATEVER_THE_WEIGHT``). Printed: what is found and what is flagged, per bound, and
per language at the chosen one.

The rule (written before the bound was chosen): a red flag missed counts as two ordinary
deals flagged, and the bound chosen is the one that removes the most flagged ordinary deals
less twice the red flags it loses. The reporting half is never read here.

    python benchmarks/eval_text_weighing.py        # about 8 minutes
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_text import load_items, split  # noqa: E402
from eval_text_learned import ROUND_ADDED, blind_lexicon  # noqa: E402

from rules.textsignals import CATEGORIES, LANGUAGES  # noqa: E402
from rules.textsignals.cue_fitting import fit_cues  # noqa: E402
from rules.textsignals.disguise import as_read  # noqa: E402
from rules.textsignals.languages import tokens  # noqa: E402
from rules.textsignals.learned_cues import compile_cues  # noqa: E402
from rules.textsignals.reader import read_one  # noqa: E402
from rules.textsignals.weighing import (  # noqa: E402
    KEPT_WHATEVER_THE_WEIGHT,
    MIN_WORDS_WEIGHED,
    ORDINARY_BELOW,
    SENTENCE_KEEPS,
    weights,
    words_in,
)

BOUNDS = (-3.0, -2.5, -2.0, -1.5, -1.25, -1.0, -0.75, -0.5, -0.25, 0.0)
MISS_WEIGHT = 2  # a red flag missed counts as this many ordinary deals flagged


def held_out_reads() -> list[tuple[str, str, set[str], float, float, float]]:
    """(language, label, categories read with the weighing off, weight, weight of the
    heaviest sentence, words) of each text of the tuning half of each held-out round."""
    tuning = split(load_items())["tuning"]
    out = []
    for k in sorted(ROUND_ADDED):
        train = [i for i in tuning if int(i.get("set", 1)) != k]
        held = [i for i in tuning if int(i.get("set", 1)) == k]
        cues = compile_cues({**fit_cues(train, f"without round {k}"), "ordinary_below": None})
        lexicon = replace(blind_lexicon(k), cues=cues, reads={}, plan={})
        for item in held:
            got = {c for c, _l, _q in read_one(item["text"], lexicon) if c in CATEGORIES}
            toks = tokens(as_read(item["text"]))
            weighing = cues.languages[item["lang"]].weighing
            out.append(
                (
                    item["lang"],
                    item["label"],
                    got,
                    *weights(toks, item["lang"], weighing),
                    words_in(toks),
                )
            )
        print(f"round {k} held out: {len(held)} texts", file=sys.stderr, flush=True)
    return out


def counts(reads, bound: float | None, language: str | None = None) -> tuple[int, int, int, int]:
    """(found, dangerous, flagged, ordinary) with the red flags of texts below ``bound`` set
    aside (None: none)."""
    found = pos = flagged = neg = 0
    for lang, label, got, weight, heaviest, words in reads:
        if language is not None and lang != language:
            continue
        ordinary = weight < bound and heaviest < SENTENCE_KEEPS if bound is not None else False
        if ordinary and words >= MIN_WORDS_WEIGHED:
            got = got & KEPT_WHATEVER_THE_WEIGHT
        if label == "benign":
            neg += 1
            flagged += bool(got)
        else:
            pos += 1
            found += label in got
    return found, pos, flagged, neg


def _cell(c: tuple[int, int, int, int]) -> str:
    return f"{c[0]}/{c[1]} ({100 * c[0] / c[1]:.1f}%) found, {c[2]}/{c[3]} ({100 * c[2] / c[3]:.1f}%) flagged"


def main() -> int:
    reads = held_out_reads()
    base = counts(reads, None)
    print(f"Leave-one-round-out, rounds {min(ROUND_ADDED)}-{max(ROUND_ADDED)}, tuning half")
    print(f"weighing off: {_cell(base)}")
    best = None
    for bound in BOUNDS:
        c = counts(reads, bound)
        gain = (base[2] - c[2]) - MISS_WEIGHT * (base[0] - c[0])
        print(f"below {bound:+.2f}: {_cell(c)}; gain {gain}")
        if best is None or gain > best[0]:
            best = (gain, bound)
    print(
        f"\nchosen by the rule: {best[1]:+.2f} (offered when an admin switches the weighing"
        f" on: {ORDINARY_BELOW:+.2f}; off in the default pack)"
    )
    for lang in LANGUAGES:
        print(
            f"  {lang}: off {_cell(counts(reads, None, lang))}; on {_cell(counts(reads, best[1], lang))}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
