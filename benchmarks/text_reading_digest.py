"""What the reader reads, as one digest: a check that a faster reader reads the same.

Run: python benchmarks/text_reading_digest.py [--out FILE] [--compare FILE]

Reads every labelled description (``benchmarks/data/text_eval``, both halves) and the
deals ``bench_text.py`` generates with the default pack's lexicon (and the same deals with
partners' answers, several texts quoted in one field), and writes, per text,
a digest of everything the reader returns (categories, quotes, languages, phrases behind
each quote) and the languages detected for the reviewer, one line a text. Only counts and
digests are printed or written, never a text or a quote (the reporting half is not to be
read by whoever tunes the lexicon). ``--compare`` says how many lines differ from an earlier run's file, by
their line number.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_text import snapshots, texts  # noqa: E402

from rules.engine import load_pack, text_read  # noqa: E402
from rules.textsignals import TEXT_FIELD_LABELS, detect_language, detected_languages  # noqa: E402
from rules.textsignals.reader import read_one_sourced  # noqa: E402


def lines(deals: int, seed: int) -> list[str]:
    """The labelled descriptions' lines, then the generated deals' (the digest's first part,
    as it was before deals with answers were added: ``answered``)."""
    pack = load_pack()
    lexicon = pack.lexicon
    out = []
    for raw in texts():
        lexicon.reads.clear()
        out.append(json.dumps([read_one_sourced(raw, lexicon), detect_language(raw)]))
    for snap in snapshots(deals, seed):
        lexicon.reads.clear()
        fields = {p: snap[p] for p in TEXT_FIELD_LABELS}
        read = text_read(snap, pack)
        out.append(json.dumps([read, detected_languages(fields, TEXT_FIELD_LABELS)]))
    return out


def answered(deals: int, seed: int) -> list[str]:
    """Deals whose partner answered two to four questions, each answer a labelled
    description: several texts quoted in one field, some raised as a whole (quoted after the
    field's other quotes), the same answer twice."""
    pack = load_pack()
    lexicon = pack.lexicon
    rng = random.Random(seed)
    pool = texts()
    out = []
    for snap in snapshots(deals, seed):
        answers = rng.sample(pool, rng.choice((2, 3, 4)))
        if rng.random() < 0.2:
            answers.append(answers[0])
        lexicon.reads.clear()
        read = text_read(snap | {"text.answers": answers}, pack)
        out.append(json.dumps(read))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--deals", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--answered", type=int, default=1_000, help="deals with answers")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args()
    found = [hashlib.sha256(line.encode()).hexdigest() for line in lines(args.deals, args.seed)]
    digest = hashlib.sha256("\n".join(found).encode()).hexdigest()
    print(f"{len(found)} texts and deals read; digest {digest[:16]}")
    more = [
        hashlib.sha256(line.encode()).hexdigest() for line in answered(args.answered, args.seed + 1)
    ]
    found += more
    digest = hashlib.sha256("\n".join(more).encode()).hexdigest()
    print(f"{len(more)} deals with answers read; digest {digest[:16]}")
    if args.out:
        args.out.write_text("\n".join(found) + "\n", "utf-8")
    if args.compare:
        before = args.compare.read_text("utf-8").splitlines()
        differ = [n for n, (a, b) in enumerate(zip(before, found, strict=False), 1) if a != b]
        if len(before) != len(found):
            print(f"line counts differ: {len(before)} before, {len(found)} now")
        print(f"{len(differ)} lines differ" + (f": {differ[:20]}" if differ else ""))
        return 1 if differ or len(before) != len(found) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
