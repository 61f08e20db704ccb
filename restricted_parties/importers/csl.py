"""The US Consolidated Screening List CSV (older "consolidated.csv" and newer column
names)."""

from __future__ import annotations

from .base import (
    FORMAT_CSL,
    ListImportError,
    ParsedEntry,
    ParsedList,
    Source,
    check_entry,
    duplicates_warning,
    entity_type,
    listed,
    split,
    unique,
)
from .countries import address_countries, countries_iso2
from .reading import header_rows, sha256_hex, source_read, text_decode

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


def csl_parse(source: Source) -> ParsedList:
    """The US Consolidated Screening List CSV (header row; older "consolidated.csv" and
    newer column names). source_id is entity_number when given, else the row's _id/id;
    the sub-list ("source") is kept in `programs`. Only a name column is required.
    """
    file_name, data = source_read(source, "consolidated.csv")
    text = text_decode(file_name, data)
    entries: list[ParsedEntry] = []
    rows: list[int] = []
    unmapped: set[str] = set()
    for row, r in header_rows(file_name, text, _CSL_COLUMNS, required=("name",)):
        name = r["name"]
        source_id = r.get("entity_number") or r.get("id") or f"row-{row}"
        check_entry(file_name, row, source_id, name)
        country_values = (
            split(r.get("country", ""))
            + address_countries(r.get("addresses", ""))
            + split(r.get("nationalities", ""))
            + split(r.get("citizenships", ""))
        )
        programs = "; ".join(
            p for p in [r.get("source", ""), "; ".join(split(r.get("programs", "")))] if p
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
                aliases=unique(split(r.get("alt_names", "")), exclude=name),
                countries=countries_iso2(country_values, unmapped),
                entity_type=entity_type(r.get("type", ""), default="unknown"),
                programs=programs,
                remarks=remarks,
            )
        )
        rows.append(row)
    if not entries:
        raise ListImportError(file_name, 0, "no entries")
    warnings = duplicates_warning(entries, rows, file_name)
    if unmapped:
        warnings.append(
            f"{file_name}: countries not mapped to ISO codes: {listed(sorted(unmapped))}."
        )
    return ParsedList(FORMAT_CSL, entries, file_name, sha256_hex(data), warnings)
