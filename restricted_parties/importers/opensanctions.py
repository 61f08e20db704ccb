"""OpenSanctions lists: "targets.simple.csv", or FollowTheMoney entities as JSON lines or a
JSON array."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .base import (
    FORMAT_OPENSANCTIONS,
    ListImportError,
    ParsedEntry,
    ParsedList,
    Source,
    check_entry,
    duplicates_warning,
    entity_type,
    split,
    unique,
)
from .countries import iso2_codes
from .reading import header_rows, sha256_hex, source_read, text_decode

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


def opensanctions_parse(source: Source) -> ParsedList:
    """OpenSanctions "targets.simple.csv", or FollowTheMoney entities as JSON lines (or a
    JSON array), told apart by the first character of the file.
    """
    file_name, data = source_read(source, "targets.simple.csv")
    text = text_decode(file_name, data)
    if text.lstrip()[:1] in ("{", "["):
        entries, rows, warnings, skipped = _ftm_entries(file_name, text)
    else:
        entries, rows, warnings, skipped = _os_simple_entries(file_name, text)
    if not entries:
        raise ListImportError(file_name, 0, "no entries")
    warnings = duplicates_warning(entries, rows, file_name) + warnings
    return ParsedList(
        FORMAT_OPENSANCTIONS, entries, file_name, sha256_hex(data), warnings, rows_skipped=skipped
    )


def _os_simple_entries(file_name: str, text: str):
    entries: list[ParsedEntry] = []
    rows: list[int] = []
    for row, r in header_rows(file_name, text, _OS_COLUMNS, required=("id", "schema", "name")):
        name = r["name"]
        check_entry(file_name, row, r["id"], name)
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
                aliases=unique(split(r.get("aliases", "")), exclude=name),
                countries=iso2_codes(split(r.get("countries", ""))),
                entity_type=entity_type(r["schema"]),
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

        names = unique(values("name"))
        name = names[0] if names else ""
        check_entry(file_name, row, str(obj["id"]), name)
        countries = iso2_codes(c for p in _FTM_COUNTRY_PROPS for c in values(p))
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
                aliases=unique(names[1:] + values("alias") + values("previousName"), exclude=name),
                countries=countries,
                entity_type=entity_type(obj["schema"]),
                programs="; ".join(values("program") + values("topics")),
                remarks=remarks,
                weak_aliases=unique(values("weakAlias"), exclude=name),
            )
        )
        rows.append(row)
    warnings = []
    if skipped:
        warnings.append(f"{file_name}: {skipped} entities that are not parties were skipped.")
    if not_target:
        warnings.append(f"{file_name}: {not_target} entities marked as not targets were skipped.")
    return entries, rows, warnings, skipped + not_target
