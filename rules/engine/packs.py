"""Criteria packs: a criteria version as JSON (criteria, tiers, lexicon), read and written. Plain Python: nothing here imports Django."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rules.textsignals import (
    LexiconEntry,
    LexiconError,
    lexicon_from_pack,
    lexicon_to_pack,
)
from rules.textsignals.learned_cues import SECTION, validate_cues

from .compiling import compile_criteria
from .criteria import (
    _INT_FIELDS,
    _REQUIRED_SPEC_FIELDS,
    _STR_FIELDS,
    DEFAULT_PACK_PATH,
    DEFAULT_TIERS,
    PACK_FORMAT,
    PACK_VERSION,
    SPEC_FIELDS,
    CompiledCriteria,
    CriteriaError,
    CriterionSpec,
    validate_tiers,
)

# The default pack's learned cues are a sibling file the pack names: thousands of fitted
# numbers a language (``benchmarks/fit_learned_cues.py`` writes them), kept apart from the
# phrases and criteria people edit and review, so a refit is one file's diff.
CUES_FILE = "default.learned_cues.json"


def cues_from_pack(pack: Mapping[str, Any]) -> dict[str, Any] | None:
    """The pack's learned cues (its ``learned_cues`` section), None when it has none;
    ``CriteriaError`` when they cannot be read."""
    data = pack.get(SECTION)
    if data is None:
        return None
    if isinstance(data, str):
        raise CriteriaError(
            [
                f'learned cues: this pack names them in a separate file ("{data}"), which an '
                "upload cannot bring along; import a pack exported from a criteria version "
                "(it holds its cues), or take the default pack's cues on the draft's "
                "Learned cues page"
            ]
        )
    errors = validate_cues(data)
    if errors:
        raise CriteriaError(errors)
    return dict(data)


def specs_from_pack(pack: Any) -> tuple[list[CriterionSpec], dict[str, int]]:
    """Read a criteria pack dict into specs and tiers; ``CriteriaError`` on a bad pack.

    Checks the pack's shape and each criterion's keys and value types; the full check
    (conditions, ranges, codes) is ``compile_criteria``'s.
    """
    if not isinstance(pack, Mapping):
        raise CriteriaError(["a criteria pack must be a JSON object"])
    errors: list[str] = []
    if pack.get("format") != PACK_FORMAT:
        errors.append(f'format must be "{PACK_FORMAT}", got {pack.get("format")!r}')
    if pack.get("version") != PACK_VERSION:
        errors.append(f"version must be {PACK_VERSION}, got {pack.get('version')!r}")
    if not isinstance(pack.get("name"), str) or not pack.get("name", "").strip():
        errors.append("name must be non-empty text")
    tiers = pack.get("tiers", dict(DEFAULT_TIERS))
    errors.extend(validate_tiers(tiers))
    try:
        cues_from_pack(pack)
    except CriteriaError as exc:
        errors.extend(exc.errors)
    raw = pack.get("criteria")
    if not isinstance(raw, list) or not raw:
        errors.append("criteria must be a non-empty list")
        raise CriteriaError(errors)
    specs: list[CriterionSpec] = []
    for i, item in enumerate(raw):
        label = f"criteria[{i}]"
        if not isinstance(item, Mapping):
            errors.append(f"{label}: must be an object")
            continue
        if isinstance(item.get("code"), str):
            label += f" ({item['code']})"
        unknown = sorted(str(k) for k in item if k not in SPEC_FIELDS)
        missing = [k for k in _REQUIRED_SPEC_FIELDS if k not in item]
        if unknown:
            errors.append(f"{label}: unknown keys {', '.join(unknown)}")
        if missing:
            errors.append(f"{label}: missing keys {', '.join(missing)}")
        if unknown or missing:
            continue
        bad = [k for k in _STR_FIELDS if k in item and not isinstance(item[k], str)]
        bad += [k for k in _INT_FIELDS if not isinstance(item[k], int) or isinstance(item[k], bool)]
        if "enabled" in item and not isinstance(item["enabled"], bool):
            bad.append("enabled")
        if bad:
            errors.append(f"{label}: wrong type for {', '.join(bad)}")
            continue
        specs.append(CriterionSpec(**{k: item[k] for k in SPEC_FIELDS if k in item}))
    if errors:
        raise CriteriaError(errors)
    return specs, dict(tiers)


def pack_from_specs(
    specs: Iterable[CriterionSpec],
    tiers: Mapping[str, int] = DEFAULT_TIERS,
    meta: Mapping[str, Any] | None = None,
    lexicon: Iterable[LexiconEntry] = (),
    learned_cues: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A criteria pack dict (JSON-ready) for ``specs``; ``meta`` supplies name and extras.

    ``specs_from_pack(pack_from_specs(s, t, m))`` gives back ``(list(s), dict(t))``,
    ``lexicon_from_pack`` the lexicon and ``cues_from_pack`` the learned cues (written in
    the pack itself, not as a file).
    """
    meta = dict(meta or {})
    pack: dict[str, Any] = {
        "format": PACK_FORMAT,
        "version": PACK_VERSION,
        "name": meta.pop("name", "Unnamed criteria pack"),
    }
    for reserved in ("format", "version", "tiers", "criteria", "lexicon"):
        meta.pop(reserved, None)
    pack.update(meta)
    pack["tiers"] = dict(tiers)
    pack["criteria"] = [asdict(s) for s in specs]
    pack["lexicon"] = lexicon_to_pack(lexicon)
    if learned_cues:
        pack[SECTION] = json.loads(json.dumps(learned_cues))  # a copy, JSON's own types
    return pack


def pack_text(pack: Mapping[str, Any]) -> str:
    """A pack as the JSON file an admin downloads: indented, so its criteria and phrases read
    and compare line by line, but its learned cues on one line. Indented, their thousands of
    weights a language took most of the file: the default criteria exported past the size
    the import page takes."""
    if not utf8_only(pack):
        # A lone surrogate (imports refuse one; a version imported before may hold one in
        # SQLite): the file is written escaped, as it was before, rather than not at all.
        return _pack_text(pack, ascii=True)
    return _pack_text(pack, ascii=False)


def utf8_only(pack: Any) -> bool:
    """Whether every text of a pack can be written as UTF-8: a JSON file may spell a lone
    surrogate ("\\ud800"), which no text holds, PostgreSQL refuses and no file can carry."""
    try:
        json.dumps(pack, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _pack_text(pack: Mapping[str, Any], *, ascii: bool) -> str:
    rest = {k: v for k, v in pack.items() if k != SECTION}
    text = json.dumps(rest, indent=2, ensure_ascii=ascii)
    if SECTION not in pack:
        return text
    cues = json.dumps(pack[SECTION], ensure_ascii=ascii, separators=(",", ":"))
    if not rest:
        return f'{{\n  "{SECTION}": {cues}\n}}'
    return f'{text[:-2]},\n  "{SECTION}": {cues}\n}}'


def read_pack(path: str | Path = DEFAULT_PACK_PATH) -> dict[str, Any]:
    """Load a pack file as a dict (``CriteriaError`` if it is not valid JSON). Learned cues
    named as a file beside the pack are read into it, so the dict is the whole pack."""
    pack = _json(path)
    cues = pack.get(SECTION) if isinstance(pack, dict) else None
    if isinstance(cues, str):
        if Path(cues).name != cues or not cues.endswith(".json"):
            raise CriteriaError(
                [f'learned cues: "{cues}" must name a .json file in the pack\'s own folder']
            )
        sibling = Path(path).parent / cues
        if not sibling.is_file():
            raise CriteriaError([f"learned cues: the file {sibling} is missing"])
        pack = {**pack, SECTION: _json(sibling)}
    return pack


def _json(path: str | Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except json.JSONDecodeError as exc:
        raise CriteriaError([f"{path}: not valid JSON: {exc}"]) from None


def load_pack(path: str | Path = DEFAULT_PACK_PATH) -> CompiledCriteria:
    """Read, validate and compile a pack file (the default pack unless told otherwise)."""
    pack = read_pack(path)
    specs, tiers = specs_from_pack(pack)
    try:
        lexicon = lexicon_from_pack(pack)
    except LexiconError as exc:
        raise CriteriaError(exc.errors) from None
    return compile_criteria(specs, tiers, lexicon=lexicon, learned_cues=cues_from_pack(pack))
