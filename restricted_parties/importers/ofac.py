"""OFAC's legacy SDN CSV files: sdn.csv with the entries, alt.csv with their aliases and
add.csv with their addresses, tied together by ent_num."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from .base import (
    FORMAT_OFAC_SDN,
    ListImportError,
    ParsedEntry,
    ParsedList,
    Source,
    check_entry,
    duplicates_warning,
    listed,
    split,
    unique,
)
from .countries import countries_iso2
from .reading import csv_rows, sha256_hex, source_read, text_decode

OFAC_FILES = ("sdn.csv", "alt.csv", "add.csv")
OFAC_COLUMNS = {"sdn.csv": 12, "alt.csv": 5, "add.csv": 6}

# OFAC keeps weak aliases (nicknames, acronyms) in the remarks: "a.k.a. 'BNC'".
_WEAK_AKA_RE = re.compile(r"\b[afn]\.k\.a\.,?\s*'(.{1,200}?)'(?=[\s.;,)]|$)", re.IGNORECASE)


def weak_aliases_from_remarks(remarks: str) -> list[str]:
    """The quoted names of "a.k.a. 'XYZ'" (also f.k.a., n.k.a.) in OFAC remarks."""
    return unique(m.strip() for m in _WEAK_AKA_RE.findall(remarks or ""))


def _ofac(value: str) -> str:
    """OFAC's "-0-" (often with a trailing space) means empty."""
    value = value.strip()
    return "" if value == "-0-" else value


_OFAC_TYPES = {"individual": "individual", "vessel": "vessel", "aircraft": "aircraft", "": "entity"}


def _ofac_file(files: Mapping[str, Source], wanted: str) -> tuple[str, bytes]:
    for key, source in files.items():
        if Path(str(key)).name.casefold() == wanted:
            name, data = source_read(source, wanted)
            return (name if name.casefold() == wanted else wanted), data
    raise ListImportError(
        wanted, 0, "missing; an OFAC SDN import needs sdn.csv, alt.csv and add.csv"
    )


def _ofac_rows(file_name: str, data: bytes) -> Iterator[tuple[int, list[str]]]:
    expected = OFAC_COLUMNS[file_name.casefold()]
    for row, cells in csv_rows(file_name, text_decode(file_name, data), width=expected):
        if len(cells) != expected:
            raise ListImportError(
                file_name, row, f"expected {expected} columns, found {len(cells)}"
            )
        if not (cells[0].strip().isascii() and cells[0].strip().isdigit()):
            raise ListImportError(file_name, row, f"ent_num {cells[0].strip()!r} is not a number")
        yield row, [_ofac(c) for c in cells]


def ofac_sdn_parse(source: Source | Mapping[str, Source]) -> ParsedList:
    """OFAC's legacy SDN CSV files: a directory holding sdn.csv, alt.csv and add.csv, or a
    mapping of those file names to paths, bytes or files (file names are matched without
    regard to case, as OFAC publishes SDN.CSV).

    No header rows; "-0-" means empty; a trailing 0x1A byte is ignored. source_id is the
    ent_num; aliases (aka, fka, nka) and address countries are attached by ent_num.
    """
    loaded = {wanted: _ofac_file(_ofac_files(source), wanted) for wanted in OFAC_FILES}
    entries, by_id, warnings = _ofac_entries(*loaded["sdn.csv"])
    unmapped: set[str] = set()  # address countries with no ISO code
    orphans = {  # rows naming an ent_num that sdn.csv does not have
        "alt.csv": _ofac_attach_aliases(by_id, *loaded["alt.csv"]),
        "add.csv": _ofac_attach_countries(by_id, loaded["add.csv"][1], unmapped),
    }
    for file_name, missing in orphans.items():
        if missing:
            warnings.append(
                f"{file_name}: rows for an ent_num not in sdn.csv were ignored: {listed(missing)}."
            )
    if unmapped:
        warnings.append(f"add.csv: countries not mapped to ISO codes: {listed(sorted(unmapped))}.")
    if not entries:
        raise ListImportError(loaded["sdn.csv"][0], 0, "no entries")

    digest = sha256_hex("\n".join(f"{f}:{sha256_hex(loaded[f][1])}" for f in OFAC_FILES).encode())
    return ParsedList(
        fmt=FORMAT_OFAC_SDN,
        entries=entries,
        file_name=", ".join(loaded[f][0] for f in OFAC_FILES),
        sha256=digest,
        warnings=warnings,
    )


def _ofac_files(source: Source | Mapping[str, Source]) -> Mapping[str, Source]:
    if isinstance(source, Mapping):
        return source
    directory = Path(source)  # type: ignore[arg-type]
    if not directory.is_dir():
        raise ListImportError(
            directory.name, 0, "not a directory holding sdn.csv, alt.csv, add.csv"
        )
    return {p.name: p for p in directory.iterdir() if p.is_file()}


def _ofac_remarks(c: list[str]) -> str:
    parts = [
        f"Title: {c[4]}" if c[4] else "",
        f"Call sign: {c[5]}" if c[5] else "",
        f"Vessel type: {c[6]}" if c[6] else "",
        f"Vessel flag: {c[9]}" if c[9] else "",
        f"Vessel owner: {c[10]}" if c[10] else "",
        c[11],
    ]
    return "; ".join(p for p in parts if p)


def _ofac_entries(
    sdn_name: str, sdn_data: bytes
) -> tuple[list[ParsedEntry], dict[str, ParsedEntry], list[str]]:
    """sdn.csv's entries, the entry of each ent_num, and the warnings about them."""
    entries: list[ParsedEntry] = []
    rows: list[int] = []
    by_id: dict[str, ParsedEntry] = {}
    for row, c in _ofac_rows("sdn.csv", sdn_data):
        ent_num, name, sdn_type, program = c[0], c[1], c[2], c[3]
        check_entry(sdn_name, row, ent_num, name)
        entry = ParsedEntry(
            source_id=ent_num,
            name=name,
            entity_type=_OFAC_TYPES.get(sdn_type.casefold(), "unknown"),
            programs="; ".join(split(program.replace("] [", ";").strip("[]"))),
            remarks=_ofac_remarks(c),
            weak_aliases=weak_aliases_from_remarks(c[11]),
        )
        entries.append(entry)
        rows.append(row)
        by_id.setdefault(ent_num, entry)  # a duplicated ent_num: attach to the first row
    warnings = list(duplicates_warning(entries, rows, sdn_name))
    if any(True for e in entries if by_id[e.source_id] is not e):
        warnings.append(
            f"{sdn_name}: aliases and addresses of a duplicated ent_num were attached to its "
            "first row only."
        )
    return entries, by_id, warnings


def _ofac_attach_aliases(
    by_id: dict[str, ParsedEntry], alt_name: str, alt_data: bytes
) -> list[str]:
    """alt.csv's names as aliases of their entries; returns the rows of unknown ent_nums."""
    orphans: list[str] = []
    for row, c in _ofac_rows("alt.csv", alt_data):
        ent_num, alt = c[0], c[3]
        if not alt:
            raise ListImportError(alt_name, row, "empty name")
        entry = by_id.get(ent_num)
        if entry is None:
            orphans.append(f"{ent_num} (row {row})")
        elif alt.casefold() != entry.name.casefold() and alt not in entry.aliases:
            entry.aliases.append(alt)
    return orphans


def _ofac_attach_countries(
    by_id: dict[str, ParsedEntry], add_data: bytes, unmapped: set[str]
) -> list[str]:
    """add.csv's address countries on their entries; returns the rows of unknown ent_nums
    and adds the country names with no ISO code to `unmapped`."""
    orphans: list[str] = []
    for row, c in _ofac_rows("add.csv", add_data):
        ent_num, country = c[0], c[4]
        entry = by_id.get(ent_num)
        if entry is None:
            orphans.append(f"{ent_num} (row {row})")
        elif country:
            for code in countries_iso2([country], unmapped):
                if code not in entry.countries:
                    entry.countries.append(code)
    return orphans
