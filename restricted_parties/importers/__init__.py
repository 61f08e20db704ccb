"""Parsers for restricted-party list files: plain Python, no database.

Every parser reads and validates the WHOLE input before returning anything, and refuses
a malformed file with `ListImportError` naming the file, the row and the reason; the
caller then keeps the list already in force. Oddities that do not make the data wrong
(an alias or address for an unknown OFAC ent_num, a duplicated identifier, a country
name that cannot be mapped) are returned as warnings instead.

Row numbers count records from 1 as a spreadsheet would: the header, when the format has
one, is row 1.

One module per source format (`ofac`, `csl`, `opensanctions`); what they share is in
`base` (the parsed list, the error, the checks), `reading` (bytes, text, CSV records)
and `countries` (names to ISO codes).
"""

from __future__ import annotations

from collections.abc import Mapping

from hrdd.errors import ApplicationError

from .base import (
    FORMAT_CSL,
    FORMAT_OFAC_SDN,
    FORMAT_OPENSANCTIONS,
    FORMATS,
    MAX_NAME,
    MAX_SOURCE_ID,
    ListImportError,
    ParsedEntry,
    ParsedList,
    Source,
)
from .countries import country_iso2
from .csl import csl_parse
from .ofac import OFAC_COLUMNS, OFAC_FILES, ofac_sdn_parse, weak_aliases_from_remarks
from .opensanctions import FTM_PARTY_SCHEMATA, opensanctions_parse
from .reading import MAX_FIELD_CHARS

__all__ = [
    "FORMATS",
    "FORMAT_CSL",
    "FORMAT_OFAC_SDN",
    "FORMAT_OPENSANCTIONS",
    "FTM_PARTY_SCHEMATA",
    "MAX_FIELD_CHARS",
    "MAX_NAME",
    "MAX_SOURCE_ID",
    "OFAC_COLUMNS",
    "OFAC_FILES",
    "ListImportError",
    "ParsedEntry",
    "ParsedList",
    "Source",
    "country_iso2",
    "csl_parse",
    "list_parse",
    "ofac_sdn_parse",
    "opensanctions_parse",
    "weak_aliases_from_remarks",
]


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
