"""Veiled red flags: from what weight should a whole text in which nothing reads a red flag
raise one?

Chooses the learned cues' ``dangerous_above`` (``rules.textsignals.whole_text``) on the
tuning half only, by leave-one-round-out: for each round of writing held out (``--rounds``,
among those with a blind lexicon, ``eval_text_learned.ROUND_ADDED``: the default lexicon in
git before the round was written), the cues and the weighing are fitted on the tuning half
of every other round, and the round's tuning half is read by the blind lexicon with those
cues, no bound. Then, for each bound of ``BOUNDS``, a text of at least
``MIN_WORDS_WEIGHED`` words in which nothing read a red flag and whose whole weighs the
bound or more is raised, in the category whose cues weigh the whole text most (as
``whole_text`` does); a raise counts as found only when that category is the one labelled.

The rule (written before the bound was chosen): the lowest bound that flags at most two
points more of the ordinary deals. Rounds 24-35 chose 2.0; 36-41 were the check. The
reporting half is never read here.

    python benchmarks/eval_text_whole_text.py --rounds 24-35     # about 15 minutes
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_text import load_items, split  # noqa: E402
from eval_text_learned import ROUND_ADDED, blind_lexicon  # noqa: E402

from rules.textsignals import CATEGORIES  # noqa: E402
from rules.textsignals.cue_fitting import fit_cues  # noqa: E402
from rules.textsignals.disguise import as_read  # noqa: E402
from rules.textsignals.languages import tokens  # noqa: E402
from rules.textsignals.learned_cues import compile_cues  # noqa: E402
from rules.textsignals.reader import read_one  # noqa: E402
from rules.textsignals.weighing import MIN_WORDS_WEIGHED, weights, words_in  # noqa: E402
from rules.textsignals.whole_text import weighed_category  # noqa: E402

BOUNDS = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0)
MOST_MORE_FLAGGED = 0.02  # of the ordinary deals: the rule's limit


def held_out(rounds: range) -> list[tuple[str, set[str], float, float, str]]:
    """(label, red flags read, words, whole weight, category weighing most) of each text of
    the tuning half of each held-out round."""
    tuning = split(load_items())["tuning"]
    out = []
    for k in sorted(r for r in ROUND_ADDED if r in rounds):
        train = [i for i in tuning if int(i.get("set", 1)) != k]
        cues = compile_cues({**fit_cues(train, f"without round {k}"), "dangerous_above": None})
        lexicon = replace(blind_lexicon(k), cues=cues, reads={}, plan={})
        for item in (i for i in tuning if int(i.get("set", 1)) == k):
            got = {c for c, _l, _q in read_one(item["text"], lexicon) if c in CATEGORIES}
            toks = tokens(as_read(item["text"]))
            lang_cues = cues.languages[item["lang"]]
            whole = weights(toks, item["lang"], lang_cues.weighing)[0]
            top = weighed_category(toks, item["lang"], lang_cues)[0] if toks else ""
            out.append((item["label"], got, words_in(toks), whole, top))
        print(f"round {k} held out", file=sys.stderr, flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", default="24-35", help="the rounds held out in turn")
    args = parser.parse_args(argv)
    lo, hi = (int(x) for x in args.rounds.split("-"))
    reads = held_out(range(lo, hi + 1))
    dangerous = [r for r in reads if r[0] != "benign"]
    ordinary = [r for r in reads if r[0] == "benign"]
    found = sum(r[0] in r[1] for r in dangerous)
    flagged = sum(bool(r[1]) for r in ordinary)
    print(
        f"rounds {lo}-{hi}, tuning half: {found} of {len(dangerous)} found, "
        f"{flagged} of {len(ordinary)} flagged before"
    )
    print("bound  found more (another category)  flagged more")
    chosen = None
    for bound in BOUNDS:
        raised = [r for r in reads if not r[1] and r[2] >= MIN_WORDS_WEIGHED and r[3] >= bound]
        more = sum(r[0] == r[4] for r in raised)
        other = sum(r[0] not in ("benign", r[4]) for r in raised)
        more_flagged = sum(r[0] == "benign" for r in raised)
        print(f"{bound:5.1f}  {more:10d} ({other})  {more_flagged:20d}")
        if chosen is None and more_flagged <= MOST_MORE_FLAGGED * len(ordinary):
            chosen = bound
    print(f"the rule's bound: {chosen}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
