"""The valid rows of an import, staged in a file between validation and acceptance, and
their insertion as lines (PostgreSQL: COPY into a temporary table, then one INSERT that
skips the organisation's known keys)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator

from django.db import connection

from .models import ChannelImport, ImportLine
from .rows import row_key

INSERT_BATCH = 1000

#
# Validation writes each valid row, normalised and keyed, to a file beside the upload, in
# PostgreSQL's COPY text format (row_key, line, index among valid rows, JSON). Accepting
# streams that file into the database without reading the spreadsheet again. It is not
# saved data: nothing reads it but the ingest, and it goes with the import's file.

_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_COPY_UNESCAPE = re.compile(r"\\(.)")
_COPY_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def _unescape(value: str) -> str:
    return _COPY_UNESCAPE.sub(lambda m: _COPY_UNESCAPES[m.group(1)], value)


def staged_path(imp: ChannelImport) -> str:
    return imp.file.path + ".rows"


def staged_line(row: dict, n: int, index: int) -> str:
    data = json.dumps(row, separators=(",", ":"), ensure_ascii=False)
    return (
        f"{row_key(row).translate(_COPY_ESCAPES)}\t{n}\t{index}\t{data.translate(_COPY_ESCAPES)}\n"
    )


def staged_rows(imp: ChannelImport) -> Iterator[tuple[str, int, int, dict]]:
    """(row_key, line, index, row) of each valid row, from the staging file."""
    with open(staged_path(imp), encoding="utf-8", newline="\n") as fh:
        for text in fh:
            key, n, index, data = text.rstrip("\n").split("\t")
            yield _unescape(key), int(n), int(index), json.loads(_unescape(data))


def staged_delete(imp: ChannelImport) -> None:
    try:
        os.remove(staged_path(imp))
    except (OSError, ValueError, NotImplementedError):
        pass


def lines_insert(imp: ChannelImport, chunk_rows: int) -> tuple[int, int]:
    """Insert the staged rows, skipping keys the organisation already has.
    Returns (rows attempted, lines inserted)."""
    if connection.vendor == "postgresql":
        return _lines_insert_copy(imp, chunk_rows)
    attempted = 0
    batch: list[ImportLine] = []
    for key, n, index, row in staged_rows(imp):
        batch.append(
            ImportLine(
                channel_import_id=imp.pk,
                organisation_id=imp.organisation_id,
                row_key=key,
                line_no=n,
                chunk_no=index // chunk_rows,
                data=row,
            )
        )
        attempted += 1
        if len(batch) >= INSERT_BATCH:
            ImportLine.objects.bulk_create(batch, batch_size=INSERT_BATCH, ignore_conflicts=True)
            batch = []
    if batch:
        ImportLine.objects.bulk_create(batch, batch_size=INSERT_BATCH, ignore_conflicts=True)
    return attempted, ImportLine.objects.filter(channel_import_id=imp.pk).count()


def _lines_insert_copy(imp: ChannelImport, chunk_rows: int) -> tuple[int, int]:
    """PostgreSQL: COPY the staging file (already in COPY format) into a temporary table,
    then one INSERT ... ON CONFLICT DO NOTHING (COPY itself cannot skip conflicts)."""
    table = ImportLine._meta.db_table
    with connection.cursor() as cur:
        cur.execute(
            "CREATE TEMP TABLE channel_import_lines_in "
            "(row_key varchar(80), line_no integer, idx integer, data jsonb) ON COMMIT DROP"
        )
        raw = cur.cursor  # psycopg's own cursor, for COPY
        with raw.copy(
            "COPY channel_import_lines_in (row_key, line_no, idx, data) FROM STDIN"
        ) as copy:
            with open(staged_path(imp), "rb") as fh:
                while block := fh.read(1024 * 1024):
                    copy.write(block)
        cur.execute("SELECT count(*) FROM channel_import_lines_in")
        attempted = cur.fetchone()[0]
        cur.execute(
            f"INSERT INTO {table} (channel_import_id, organisation_id, row_key, line_no, chunk_no, "  # noqa: S608
            "data, status, tier, shown_tier, findings, promotion_error) "
            "SELECT %s, %s, row_key, line_no, idx / %s, data, 'pending', '', '', '[]'::jsonb, '' "
            "FROM channel_import_lines_in ORDER BY idx "
            "ON CONFLICT (organisation_id, row_key) DO NOTHING",
            [imp.pk, imp.organisation_id, chunk_rows],
        )
        inserted = cur.rowcount
        cur.execute("DROP TABLE channel_import_lines_in")
    return attempted, inserted
