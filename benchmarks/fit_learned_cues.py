"""Fits the learned cues on the whole tuning half and stores them in the default pack.

    python benchmarks/fit_learned_cues.py          # rewrites rules/criteria_packs/<cues file>

The cues (``rules.textsignals.learned_cues``) are fitted with the settings chosen by
cross-validation (``benchmarks/eval_text_learned.py``, docs/learned-cues.md) on the tuning
half of ``benchmarks/data/text_eval`` only, and written to the file the default pack's
``learned_cues`` names (a sibling of the pack: thousands of fitted numbers a language,
kept apart from the phrases people edit and review). Deterministic: fitting the same texts
again writes the same file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_text import load_items, split  # noqa: E402

from rules.engine import DEFAULT_PACK_PATH  # noqa: E402
from rules.engine.packs import CUES_FILE  # noqa: E402
from rules.textsignals.cue_fitting import fit_cues  # noqa: E402
from rules.textsignals.learned_cues import validate_cues  # noqa: E402


def tuning_cues() -> dict:
    """The cues fitted on the whole tuning half."""
    items = load_items()
    rounds = sorted({int(i.get("set", 1)) for i in items})
    fitted_on = (
        f"tuning half of benchmarks/data/text_eval, rounds {rounds[0]}-{rounds[-1]}"
        f" ({len(split(items)['tuning'])} descriptions)"
    )
    return fit_cues(split(items)["tuning"], fitted_on)


def write(cues: dict, path: Path) -> None:
    errors = validate_cues(cues)
    if errors:
        raise SystemExit("\n".join(errors))
    # Sorted keys: a refit of the same texts writes the same bytes.
    path.write_text(json.dumps(cues, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def main() -> int:
    path = Path(DEFAULT_PACK_PATH).parent / CUES_FILE
    write(tuning_cues(), path)
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
