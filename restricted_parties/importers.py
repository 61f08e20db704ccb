"""Parsers for restricted-party list files: plain Python, no database.

Every parser reads and validates the WHOLE input before returning anything, and refuses
a malformed file with `ListImportError` naming the file, the row and the reason; the
caller then keeps the list already in force. Oddities that do not make the data wrong
(an alias or address for an unknown OFAC ent_num, a duplicated identifier, a country
name that cannot be mapped) are returned as warnings instead.

Row numbers count records from 1 as a spreadsheet would: the header, when the format has
one, is row 1.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import pycountry

from hrdd.csvread import decode_problem, read_records
from hrdd.errors import ApplicationError

FORMAT_OFAC_SDN = "ofac-sdn"
FORMAT_CSL = "csl"
FORMAT_OPENSANCTIONS = "opensanctions"
FORMATS = (FORMAT_OFAC_SDN, FORMAT_CSL, FORMAT_OPENSANCTIONS)

OFAC_FILES = ("sdn.csv", "alt.csv", "add.csv")
OFAC_COLUMNS = {"sdn.csv": 12, "alt.csv": 5, "add.csv": 6}

MAX_NAME = 1000
MAX_SOURCE_ID = 100
_MAX_LISTED_WARNINGS = 10

# A field may be this long (OpenSanctions packs many identifiers or sanctions into one
# cell); checked per reader, never by changing csv's process-wide field_size_limit.
MAX_FIELD_CHARS = 131_072


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


# OFAC keeps weak aliases (nicknames, acronyms) in the remarks: "a.k.a. 'BNC'".
_WEAK_AKA_RE = re.compile(r"\b[afn]\.k\.a\.,?\s*'(.{1,200}?)'(?=[\s.;,)]|$)", re.IGNORECASE)


def weak_aliases_from_remarks(remarks: str) -> list[str]:
    """The quoted names of "a.k.a. 'XYZ'" (also f.k.a., n.k.a.) in OFAC remarks."""
    return _unique(m.strip() for m in _WEAK_AKA_RE.findall(remarks or ""))


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


Source = str | Path | bytes | IO[bytes] | IO[str]


# --- reading -----------------------------------------------------------------------


def _read(source: Source, default_name: str = "upload") -> tuple[str, bytes]:
    """(file name, bytes) of a path, bytes, or a file-like object (e.g. an UploadedFile)."""
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            return path.name, path.read_bytes()
        except OSError as exc:
            raise ListImportError(path.name, 0, f"cannot be read ({exc.strerror})") from exc
    if isinstance(source, bytes):
        return default_name, source
    name = Path(getattr(source, "name", "") or default_name).name
    if hasattr(source, "seek"):
        source.seek(0)
    data = source.read()
    if isinstance(data, str):
        data = data.encode("utf-8")
    return name, data


def _check_binary(file_name: str, data: bytes) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        row = data.count(b"\n", 0, nul) + 1
        raise ListImportError(file_name, row, "binary content (NUL byte); not a text file")


def _decode(file_name: str, data: bytes) -> str:
    """UTF-8 text without a BOM or a trailing DOS end-of-file byte (0x1A)."""
    _check_binary(file_name, data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ListImportError(file_name, line, decode_problem("utf-8", None, 0, data, exc)) from exc
    return text.rstrip("\r\n\t \x1a")


def _csv_rows(
    file_name: str, text: str, width: int | None = None
) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of each non-blank CSV record of decoded `text`. A record that
    cannot be read as written (a quote never closed) refuses the whole file, naming the
    row and line, so no row is ever silently merged into another."""
    data = io.BytesIO(text.encode("utf-8"))
    for record in read_records(data, delimiter=",", max_field_chars=MAX_FIELD_CHARS, width=width):
        if record.problem:
            raise ListImportError(file_name, record.row, record.problem)
        if record.cells and any(c.strip() for c in record.cells):
            yield record.row, record.cells


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- helpers -------------------------------------------------------------------------


def _ofac(value: str) -> str:
    """OFAC's "-0-" (often with a trailing space) means empty."""
    value = value.strip()
    return "" if value == "-0-" else value


def _split(value: str, sep: str = ";") -> list[str]:
    return [p.strip() for p in (value or "").split(sep) if p.strip()]


def _unique(values: Iterable[str], exclude: str = "") -> list[str]:
    seen = {exclude.casefold()} if exclude else set()
    out = []
    for v in values:
        v = v.strip()
        if v and v.casefold() not in seen:
            seen.add(v.casefold())
            out.append(v)
    return out


_COUNTRY_OVERRIDES = {
    "bahamas, the": "BS",
    "the bahamas": "BS",
    "brunei": "BN",
    "burma": "MM",
    "congo, democratic republic of the": "CD",
    "democratic republic of the congo": "CD",
    "congo, republic of the": "CG",
    "cote d ivoire": "CI",
    "ivory coast": "CI",
    "korea, north": "KP",
    "north korea": "KP",
    "korea, south": "KR",
    "south korea": "KR",
    "kosovo": "XK",
    "macau": "MO",
    "palestinian": "PS",
    "west bank": "PS",
    "region: gaza": "PS",
    "region: crimea": "UA",
    "region: northern mali": "ML",
    "russia": "RU",
    "the gambia": "GM",
    "gambia, the": "GM",
    "turkey": "TR",
    "uk": "GB",
    "great britain": "GB",
    "england": "GB",
    "usa": "US",
    "uae": "AE",
    "czech republic": "CZ",
    "swaziland": "SZ",
    "cape verde": "CV",
    "macedonia": "MK",
    "east timor": "TL",
    "laos": "LA",
    "syria": "SY",
    "vatican": "VA",
}


@lru_cache(maxsize=4096)
def country_iso2(value: str) -> str:
    """ISO 3166-1 alpha-2 for a country name or code, or "" when unknown (best effort)."""
    text = (value or "").strip().strip(".")
    if not text:
        return ""
    low = text.casefold()
    if low in _COUNTRY_OVERRIDES:
        return _COUNTRY_OVERRIDES[low]
    if len(text) == 2 and text.isalpha():
        found = pycountry.countries.get(alpha_2=text.upper())
        return found.alpha_2 if found else ("XK" if text.upper() == "XK" else "")
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return ""


def _countries(values: Iterable[str], unmapped: set[str] | None = None) -> list[str]:
    out: list[str] = []
    for v in values:
        code = country_iso2(v)
        if code and code not in out:
            out.append(code)
        elif not code and v.strip() and unmapped is not None:
            unmapped.add(v.strip())
    return out


def _check_entry(file_name: str, row: int, source_id: str, name: str) -> None:
    if not name:
        raise ListImportError(file_name, row, "empty name")
    if len(name) > MAX_NAME:
        raise ListImportError(file_name, row, f"name longer than {MAX_NAME} characters")
    if not source_id:
        raise ListImportError(file_name, row, "empty identifier")
    if len(source_id) > MAX_SOURCE_ID:
        raise ListImportError(file_name, row, f"identifier longer than {MAX_SOURCE_ID} characters")


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:_MAX_LISTED_WARNINGS])
    more = len(items) - _MAX_LISTED_WARNINGS
    return shown + (f" and {more} more" if more > 0 else "")


def _duplicates_warning(entries: list[ParsedEntry], rows: list[int], file_name: str) -> list[str]:
    seen: dict[str, int] = {}
    dups: list[str] = []
    for entry, row in zip(entries, rows, strict=True):
        if entry.source_id in seen:
            dups.append(f"{entry.source_id} (rows {seen[entry.source_id]} and {row})")
        else:
            seen[entry.source_id] = row
    if not dups:
        return []
    return [f"{file_name}: identifier used more than once: {_listed(dups)}; all rows were kept."]


# --- OFAC SDN legacy CSV -------------------------------------------------------------

_OFAC_TYPES = {"individual": "individual", "vessel": "vessel", "aircraft": "aircraft", "": "entity"}


def _ofac_file(files: Mapping[str, Source], wanted: str) -> tuple[str, bytes]:
    for key, source in files.items():
        if Path(str(key)).name.casefold() == wanted:
            name, data = _read(source, wanted)
            return (name if name.casefold() == wanted else wanted), data
    raise ListImportError(
        wanted, 0, "missing; an OFAC SDN import needs sdn.csv, alt.csv and add.csv"
    )


def _ofac_rows(file_name: str, data: bytes) -> Iterator[tuple[int, list[str]]]:
    expected = OFAC_COLUMNS[file_name.casefold()]
    for row, cells in _csv_rows(file_name, _decode(file_name, data), width=expected):
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
                f"{file_name}: rows for an ent_num not in sdn.csv were ignored: {_listed(missing)}."
            )
    if unmapped:
        warnings.append(f"add.csv: countries not mapped to ISO codes: {_listed(sorted(unmapped))}.")
    if not entries:
        raise ListImportError(loaded["sdn.csv"][0], 0, "no entries")

    digest = _sha256("\n".join(f"{f}:{_sha256(loaded[f][1])}" for f in OFAC_FILES).encode())
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
        _check_entry(sdn_name, row, ent_num, name)
        entry = ParsedEntry(
            source_id=ent_num,
            name=name,
            entity_type=_OFAC_TYPES.get(sdn_type.casefold(), "unknown"),
            programs="; ".join(_split(program.replace("] [", ";").strip("[]"))),
            remarks=_ofac_remarks(c),
            weak_aliases=weak_aliases_from_remarks(c[11]),
        )
        entries.append(entry)
        rows.append(row)
        by_id.setdefault(ent_num, entry)  # a duplicated ent_num: attach to the first row
    warnings = list(_duplicates_warning(entries, rows, sdn_name))
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
            for code in _countries([country], unmapped):
                if code not in entry.countries:
                    entry.countries.append(code)
    return orphans


# --- header-based CSV ----------------------------------------------------------------


def _header_key(cell: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", cell.strip().casefold()).strip("_")


def _header_rows(
    file_name: str, text: str, columns: Mapping[str, tuple[str, ...]], required: Iterable[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows as {logical column: value}; `columns` maps a logical column to the header
    spellings it may have (normalised: lowercase, runs of other characters as "_")."""
    rows = _csv_rows(file_name, text)
    first = next(rows, None)
    if first is None:
        raise ListImportError(file_name, 0, "empty file")
    _, header = first
    keys = [_header_key(h) for h in header]
    index: dict[str, int] = {}
    for logical, spellings in columns.items():
        for spelling in spellings:
            if spelling in keys:
                index[logical] = keys.index(spelling)
                break
    for logical in required:
        if logical not in index:
            raise ListImportError(
                file_name, 1, f"missing required column {' or '.join(columns[logical])!r}"
            )
    for row, cells in rows:
        if len(cells) != len(header):
            raise ListImportError(
                file_name, row, f"expected {len(header)} columns, found {len(cells)}"
            )
        yield row, {logical: cells[i].strip() for logical, i in index.items()}


_CSL_COLUMNS = {
    "id": ("id",),
    "source": ("source", "source_list"),
    "entity_number": ("entity_number",),
    "type": ("type", "sdn_type", "entity_type"),
    "programs": ("programs", "program"),
    "name": ("name",),
    "title": ("title",),
    "addresses": ("addresses", "address"),
    "city": ("city",),
    "country": ("countries", "country"),
    "alt_names": ("alt_names", "alternate_names", "aliases", "alt_name"),
    "nationalities": ("nationalities", "nationality"),
    "citizenships": ("citizenships", "citizenship"),
    "remarks": ("remarks", "remarks_notes", "notes"),
    "federal_register_notice": ("federal_register_notice",),
    "start_date": ("start_date", "effective_date"),
}


def _address_countries(addresses: str) -> list[str]:
    """Country names or codes at the end of each "street, city, ..., country" address."""
    out = []
    for address in _split(addresses):
        parts = [p.strip() for p in address.split(",") if p.strip()]
        if parts:
            out.append(parts[-1])
    return out


def csl_parse(source: Source) -> ParsedList:
    """The US Consolidated Screening List CSV (header row; older "consolidated.csv" and
    newer column names). source_id is entity_number when given, else the row's _id/id;
    the sub-list ("source") is kept in `programs`. Only a name column is required.
    """
    file_name, data = _read(source, "consolidated.csv")
    text = _decode(file_name, data)
    entries: list[ParsedEntry] = []
    rows: list[int] = []
    unmapped: set[str] = set()
    for row, r in _header_rows(file_name, text, _CSL_COLUMNS, required=("name",)):
        name = r["name"]
        source_id = r.get("entity_number") or r.get("id") or f"row-{row}"
        _check_entry(file_name, row, source_id, name)
        country_values = (
            _split(r.get("country", ""))
            + _address_countries(r.get("addresses", ""))
            + _split(r.get("nationalities", ""))
            + _split(r.get("citizenships", ""))
        )
        programs = "; ".join(
            p for p in [r.get("source", ""), "; ".join(_split(r.get("programs", "")))] if p
        )
        remarks = "; ".join(
            p
            for p in [
                f"Title: {r['title']}" if r.get("title") else "",
                f"Address: {r['addresses']}" if r.get("addresses") else "",
                r.get("remarks", ""),
                r.get("federal_register_notice", ""),
            ]
            if p
        )
        entries.append(
            ParsedEntry(
                source_id=source_id,
                name=name,
                aliases=_unique(_split(r.get("alt_names", "")), exclude=name),
                countries=_countries(country_values, unmapped),
                entity_type=_entity_type(r.get("type", ""), default="unknown"),
                programs=programs,
                remarks=remarks,
            )
        )
        rows.append(row)
    if not entries:
        raise ListImportError(file_name, 0, "no entries")
    warnings = _duplicates_warning(entries, rows, file_name)
    if unmapped:
        warnings.append(
            f"{file_name}: countries not mapped to ISO codes: {_listed(sorted(unmapped))}."
        )
    return ParsedList(FORMAT_CSL, entries, file_name, _sha256(data), warnings)


def _entity_type(value: str, default: str = "unknown") -> str:
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


# --- OpenSanctions -------------------------------------------------------------------

_OS_COLUMNS = {
    "id": ("id",),
    "schema": ("schema",),
    "name": ("name",),
    "aliases": ("aliases",),
    "birth_date": ("birth_date",),
    "countries": ("countries",),
    "addresses": ("addresses",),
    "identifiers": ("identifiers",),
    "sanctions": ("sanctions",),
    "dataset": ("dataset", "datasets"),
}

#: FollowTheMoney schemata that are parties; other entities (Sanction, Address,
#: Ownership, ...) in an entities file are skipped.
FTM_PARTY_SCHEMATA = {
    "Person",
    "Company",
    "Organization",
    "LegalEntity",
    "PublicBody",
    "Vessel",
    "Airplane",
}
_FTM_COUNTRY_PROPS = (
    "country",
    "nationality",
    "citizenship",
    "jurisdiction",
    "registrationCountry",
)


def _iso2_codes(values: Iterable[str]) -> list[str]:
    """OpenSanctions writes lowercase ISO2 codes; keep the two-letter ones."""
    out: list[str] = []
    for v in values:
        v = v.strip().upper()
        if len(v) == 2 and v.isalpha() and v not in out:
            out.append(v)
    return out


def opensanctions_parse(source: Source) -> ParsedList:
    """OpenSanctions "targets.simple.csv", or FollowTheMoney entities as JSON lines (or a
    JSON array), told apart by the first character of the file.
    """
    file_name, data = _read(source, "targets.simple.csv")
    text = _decode(file_name, data)
    if text.lstrip()[:1] in ("{", "["):
        entries, rows, warnings, skipped = _ftm_entries(file_name, text)
    else:
        entries, rows, warnings, skipped = _os_simple_entries(file_name, text)
    if not entries:
        raise ListImportError(file_name, 0, "no entries")
    warnings = _duplicates_warning(entries, rows, file_name) + warnings
    return ParsedList(
        FORMAT_OPENSANCTIONS, entries, file_name, _sha256(data), warnings, rows_skipped=skipped
    )


def _os_simple_entries(file_name: str, text: str):
    entries: list[ParsedEntry] = []
    rows: list[int] = []
    for row, r in _header_rows(file_name, text, _OS_COLUMNS, required=("id", "schema", "name")):
        name = r["name"]
        _check_entry(file_name, row, r["id"], name)
        remarks = "; ".join(
            p
            for p in [
                f"Born: {r['birth_date']}" if r.get("birth_date") else "",
                f"Address: {r['addresses']}" if r.get("addresses") else "",
                f"Identifiers: {r['identifiers']}" if r.get("identifiers") else "",
                f"Datasets: {r['dataset']}" if r.get("dataset") else "",
            ]
            if p
        )
        entries.append(
            ParsedEntry(
                source_id=r["id"],
                name=name,
                aliases=_unique(_split(r.get("aliases", "")), exclude=name),
                countries=_iso2_codes(_split(r.get("countries", ""))),
                entity_type=_entity_type(r["schema"]),
                programs=r.get("sanctions", ""),
                remarks=remarks,
            )
        )
        rows.append(row)
    return entries, rows, [], 0


def _ftm_records(file_name: str, text: str) -> Iterator[tuple[int, Any]]:
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ListImportError(file_name, exc.lineno, f"not valid JSON ({exc.msg})") from exc
        yield from enumerate(items, start=1)
        return
    for row, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield row, json.loads(line)
        except json.JSONDecodeError as exc:
            raise ListImportError(file_name, row, f"not valid JSON ({exc.msg})") from exc


def _ftm_entries(file_name: str, text: str):
    entries: list[ParsedEntry] = []
    rows: list[int] = []
    skipped = not_target = 0
    for row, obj in _ftm_records(file_name, text):
        if not isinstance(obj, dict) or not isinstance(obj.get("properties", {}), dict):
            raise ListImportError(file_name, row, "not a FollowTheMoney entity object")
        if not obj.get("id") or not obj.get("schema"):
            raise ListImportError(file_name, row, "missing required field 'id' or 'schema'")
        if obj["schema"] not in FTM_PARTY_SCHEMATA:
            skipped += 1
            continue
        if obj.get("target") is False:
            not_target += 1
            continue
        props = obj.get("properties") or {}

        def values(prop: str, props=props) -> list[str]:
            v = props.get(prop) or []
            return [str(x) for x in (v if isinstance(v, list) else [v])]

        names = _unique(values("name"))
        name = names[0] if names else ""
        _check_entry(file_name, row, str(obj["id"]), name)
        countries = _iso2_codes(c for p in _FTM_COUNTRY_PROPS for c in values(p))
        remarks = "; ".join(
            p
            for p in [
                f"Born: {', '.join(values('birthDate'))}" if values("birthDate") else "",
                "; ".join(values("notes")),
                f"Datasets: {', '.join(map(str, obj.get('datasets') or []))}"
                if obj.get("datasets")
                else "",
            ]
            if p
        )
        entries.append(
            ParsedEntry(
                source_id=str(obj["id"]),
                name=name,
                aliases=_unique(names[1:] + values("alias") + values("previousName"), exclude=name),
                countries=countries,
                entity_type=_entity_type(obj["schema"]),
                programs="; ".join(values("program") + values("topics")),
                remarks=remarks,
                weak_aliases=_unique(values("weakAlias"), exclude=name),
            )
        )
        rows.append(row)
    warnings = []
    if skipped:
        warnings.append(f"{file_name}: {skipped} entities that are not parties were skipped.")
    if not_target:
        warnings.append(f"{file_name}: {not_target} entities marked as not targets were skipped.")
    return entries, rows, warnings, skipped + not_target


def list_parse(fmt: str, source: Source | Mapping[str, Source]) -> ParsedList:
    """Parse `source` in format `fmt` ("ofac-sdn", "csl" or "opensanctions")."""
    if fmt == FORMAT_OFAC_SDN:
        return ofac_sdn_parse(source)
    if isinstance(source, Mapping):
        if len(source) != 1:
            raise ListImportError(fmt, 0, "this format takes exactly one file")
        source = next(iter(source.values()))
    if fmt == FORMAT_CSL:
        return csl_parse(source)
    if fmt == FORMAT_OPENSANCTIONS:
        return opensanctions_parse(source)
    raise ApplicationError(
        f"Unknown list format {fmt!r}; use one of {', '.join(FORMATS)}.",
        errors={"format": f"one of {', '.join(FORMATS)}"},
    )
