"""What every list parser returns and refuses with, and the checks they share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from hrdd.errors import ApplicationError

FORMAT_OFAC_SDN = "ofac-sdn"
FORMAT_CSL = "csl"
FORMAT_OPENSANCTIONS = "opensanctions"
FORMATS = (FORMAT_OFAC_SDN, FORMAT_CSL, FORMAT_OPENSANCTIONS)

MAX_NAME = 1000
MAX_SOURCE_ID = 100
_MAX_LISTED_WARNINGS = 10

Source = str | Path | bytes | IO[bytes] | IO[str]


class ListImportError(ApplicationError):
    """A list file refused as a whole; `row` is 0 when the fault is not in one row."""

    def __init__(self, file_name: str, row: int, reason: str):
        where = f"{file_name}, row {row}" if row else file_name
        super().__init__(f"{where}: {reason}", errors={"file": f"{where}: {reason}"})
        self.file_name = file_name
        self.row = row
        self.reason = reason


@dataclass
class ParsedEntry:
    source_id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    entity_type: str = "unknown"
    programs: str = ""
    remarks: str = ""
    weak_aliases: list[str] = field(default_factory=list)


@dataclass
class ParsedList:
    """A whole list file, read and checked. Every record of the (main) file is an entry
    or counted in `rows_skipped` (entities that are not parties, or not targets)."""

    fmt: str
    entries: list[ParsedEntry]
    file_name: str
    sha256: str
    warnings: list[str] = field(default_factory=list)
    rows_skipped: int = 0

    @property
    def row_counts(self) -> dict[str, int]:
        entries = len(self.entries)
        return {
            "rows": entries + self.rows_skipped,
            "entries": entries,
            "skipped": self.rows_skipped,
        }


def split(value: str, sep: str = ";") -> list[str]:
    return [p.strip() for p in (value or "").split(sep) if p.strip()]


def unique(values: Iterable[str], exclude: str = "") -> list[str]:
    seen = {exclude.casefold()} if exclude else set()
    out = []
    for v in values:
        v = v.strip()
        if v and v.casefold() not in seen:
            seen.add(v.casefold())
            out.append(v)
    return out


def check_entry(file_name: str, row: int, source_id: str, name: str) -> None:
    if not name:
        raise ListImportError(file_name, row, "empty name")
    if len(name) > MAX_NAME:
        raise ListImportError(file_name, row, f"name longer than {MAX_NAME} characters")
    if not source_id:
        raise ListImportError(file_name, row, "empty identifier")
    if len(source_id) > MAX_SOURCE_ID:
        raise ListImportError(file_name, row, f"identifier longer than {MAX_SOURCE_ID} characters")


def listed(items: list[str]) -> str:
    shown = ", ".join(items[:_MAX_LISTED_WARNINGS])
    more = len(items) - _MAX_LISTED_WARNINGS
    return shown + (f" and {more} more" if more > 0 else "")


def duplicates_warning(entries: list[ParsedEntry], rows: list[int], file_name: str) -> list[str]:
    seen: dict[str, int] = {}
    dups: list[str] = []
    for entry, row in zip(entries, rows, strict=True):
        if entry.source_id in seen:
            dups.append(f"{entry.source_id} (rows {seen[entry.source_id]} and {row})")
        else:
            seen[entry.source_id] = row
    if not dups:
        return []
    return [f"{file_name}: identifier used more than once: {listed(dups)}; all rows were kept."]


def entity_type(value: str, default: str = "unknown") -> str:
    v = value.strip().casefold()
    mapping = {
        "individual": "individual",
        "person": "individual",
        "entity": "entity",
        "company": "entity",
        "organization": "entity",
        "organisation": "entity",
        "legalentity": "entity",
        "publicbody": "entity",
        "vessel": "vessel",
        "aircraft": "aircraft",
        "airplane": "aircraft",
    }
    return mapping.get(v, default)
