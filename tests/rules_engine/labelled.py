"""The labelled deal descriptions of the text evaluation (``benchmarks/data/text_eval``),
used here as ordinary texts to read: no test looks at their labels' halves."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "text_eval"

LABELLED: list[dict] = [
    json.loads(line)
    for path in sorted(DATA.glob("*.jsonl"))
    for line in path.read_text("utf-8").splitlines()
    if line.strip()
]
TEXTS: list[str] = [item["text"] for item in LABELLED]


def spread(count: int) -> list[str]:
    """About `count` texts taken evenly through the set (every round, every language), so a
    test reading them takes the same time however many rounds are added."""
    return TEXTS[:: max(1, len(TEXTS) // count)]
