"""The text evaluation reports one round of writing on its own, and a round's translations
stay together (same number, same label in every language), so the split cannot put a
description in one half and its translation in the other."""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _eval_text():
    spec = importlib.util.spec_from_file_location("eval_text", ROOT / "benchmarks" / "eval_text.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_one_round_is_reported_on_its_own(capsys):
    eval_text = _eval_text()
    items = eval_text.split(eval_text.load_items())["tuning"]
    round_4 = [i for i in items if int(i.get("set", 1)) == 4]
    assert round_4 and len(round_4) < len(items)

    eval_text.main(["--half", "tuning", "--round", "4"])
    out = capsys.readouterr().out
    assert f"tuning half, round 4 only ({len(round_4)} descriptions)" in out


def test_a_round_with_no_texts_is_refused(capsys):
    assert _eval_text().main(["--round", "99"]) == 2
    assert "no texts of round 99" in capsys.readouterr().err


def test_translations_of_a_description_share_its_label_and_half():
    eval_text = _eval_text()
    halves = eval_text.split(eval_text.load_items())
    seen: dict[tuple[int, str], set[tuple[str, str]]] = defaultdict(set)
    languages: dict[tuple[int, str], set[str]] = defaultdict(set)
    for half, items in halves.items():
        for item in items:
            round_ = int(item.get("set", 1))
            if round_ >= eval_text.CONCEPT_ROUND:
                number = item["id"].split("-", 1)[1]
                seen[(round_, number)].add((item["label"], half))
                languages[(round_, number)].add(item["lang"])
    assert seen
    split_apart = {key: value for key, value in seen.items() if len(value) > 1}
    assert split_apart == {}
    missing = {key: langs for key, langs in languages.items() if langs != set(eval_text.LANGUAGES)}
    assert missing == {}
