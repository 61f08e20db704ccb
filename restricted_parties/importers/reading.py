"""Reading a list file: bytes from wherever it comes, decoded text, CSV records."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from hrdd.csvread import decode_problem, read_records

from .base import ListImportError, Source

# A field may be this long (OpenSanctions packs many identifiers or sanctions into one
# cell); checked per reader, never by changing csv's process-wide field_size_limit.
MAX_FIELD_CHARS = 131_072


def source_read(source: Source, default_name: str = "upload") -> tuple[str, bytes]:
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


def text_decode(file_name: str, data: bytes) -> str:
    """UTF-8 text without a BOM or a trailing DOS end-of-file byte (0x1A)."""
    _check_binary(file_name, data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ListImportError(file_name, line, decode_problem("utf-8", None, 0, data, exc)) from exc
    return text.rstrip("\r\n\t \x1a")


def csv_rows(
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


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _header_key(cell: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", cell.strip().casefold()).strip("_")


def header_rows(
    file_name: str, text: str, columns: Mapping[str, tuple[str, ...]], required: Iterable[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows as {logical column: value}; `columns` maps a logical column to the header
    spellings it may have (normalised: lowercase, runs of other characters as "_")."""
    rows = csv_rows(file_name, text)
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
