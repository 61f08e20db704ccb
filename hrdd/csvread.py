"""Reading a delimited text file record by record, with every row accounted for.

Python's csv module does the parsing, fed one physical line at a time by `_Lines`, which
decodes each line itself (so an encoding error names its line, byte offset and byte) and
counts lines and characters. Three faults the csv module passes over are caught here:

- a quoted field still open at the end of the file: the csv module returns it as one
  last field that has swallowed every later row;
- a quoted field growing past `max_field_chars`: the limit is checked here, per reader,
  never by changing the process-wide `csv.field_size_limit`;
- two stray quotes: the rows between them read as one cell (found by the row's number of
  cells, or by a multi-line cell holding a whole row's worth of delimiters).

Each is reported as a bad record at the row and line where the quoted field opened, and
reading resumes on the next line, so the rows after it are still read. A line that is
not valid text is reported as a bad record too (its cells decoded with replacement
characters), and the lines after it are read as usual.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

DELIMITERS = ",;\t|"
# Excel holds at most 32,767 characters in a cell, so a longer field in a spreadsheet
# export is a quote left open, not data.
EXCEL_CELL_CHARS = 32_767
_LINE_BREAKS = re.compile(r"\r\n|\r|\n")
_LONE_CR = re.compile(rb"(?<=\r)(?=[^\n])")


@dataclass
class Record:
    """One record: `row` counts records from 1 as a spreadsheet numbers rows (a cell
    holding line breaks does not start a new row); `line` is the text line it starts on.
    `problem` is set when the record could not be read as written; `cells` are then
    empty (a quote out of place: `resumed`) or decoded with replacement characters (bad
    bytes)."""

    row: int
    line: int
    cells: list[str] = field(default_factory=list)
    problem: str = ""
    resumed: bool = False  # the record was dropped and the lines after it read again


class _FieldTooLong(Exception):
    pass


def _raw_lines(fh: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(byte offset, bytes) of each physical line, ending with \\n, \\r\\n or a lone \\r."""
    offset = 0
    for chunk in fh:  # splits on \n only
        if chunk.find(b"\r", 0, len(chunk) - 2) < 0:
            yield offset, chunk
            offset += len(chunk)
            continue
        for part in _LONE_CR.split(chunk):
            yield offset, part
            offset += len(part)


def _encoding_name(encoding: str) -> str:
    return {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "cp1252": "Windows-1252"}.get(
        encoding, encoding
    )


def decode_problem(encoding: str, line: int | None, offset: int, data: bytes, exc) -> str:
    """Where and which byte is not text in `encoding`, with a hint at what it may be
    (`line` None: the caller names the line itself)."""
    bad = data[exc.start]
    hint = ""
    if _encoding_name(encoding) == "UTF-8":
        try:
            guess = bytes([bad]).decode("cp1252")
            if guess.isprintable():
                hint = f" (in Windows-1252 it would be “{guess}”: the file mixes encodings)"
        except UnicodeDecodeError:
            pass
    return (
        ("" if line is None else f"Line {line:,} is ")
        + f"not {_encoding_name(encoding)} text: byte 0x{bad:02X} at byte offset "
        f"{offset + exc.start:,} of the file{hint}. Save the whole file as CSV UTF-8."
    )


class _Lines:
    """Decoded lines for csv.reader, numbered. The lines after the first of the current
    record are kept (bounded by the field limit) so that reading can resume after a
    record that swallowed them; `problem` is the first decoding problem in the record."""

    def __init__(self, fh: IO[bytes], encoding: str, max_chars: int):
        self._decoder = codecs.getdecoder(_py_codec(encoding))
        self._decoded = self._decode_all(fh)
        self._encoding = encoding
        self._max_chars = max_chars
        self._replay: deque[tuple[int, str, str]] = deque()
        self.line = 0  # the last line handed out
        self.exhausted = False
        self.start_record()

    def start_record(self) -> None:
        self.record_line = self.line + 1
        self.record: list[tuple[int, str, str]] = []  # (line, text, problem) after the first
        self.chars = 0
        self.problem = ""

    def decoded(self) -> tuple[int, str, str]:
        """The next line as (line number, text, decoding problem); StopIteration at the end."""
        if self._replay:
            return self._replay.popleft()
        return next(self._decoded)

    def _decode_all(self, fh: IO[bytes]) -> Iterator[tuple[int, str, str]]:
        decode, line = self._decoder, 0
        for offset, data in _raw_lines(fh):
            line += 1
            if offset == 0 and data.startswith(codecs.BOM_UTF8):
                data, offset = data[3:], 3
            try:
                yield line, decode(data)[0], ""
            except UnicodeDecodeError as exc:
                problem = decode_problem(self._encoding, line, offset, data, exc)
                yield line, data.decode(_py_codec(self._encoding), errors="replace"), problem

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.chars > self._max_chars:
            raise _FieldTooLong
        try:
            item = self.decoded()
        except StopIteration:
            self.exhausted = True
            raise
        line, text, problem = item
        self.line = line
        if line != self.record_line:  # only lines after a record's first are read again
            self.record.append(item)
        if problem and not self.problem:
            self.problem = problem
        self.chars += len(text)
        return text

    def resume_after(self, line: int) -> None:
        """Read again, as new records, the lines of the current record after `line`."""
        self._replay.extendleft(reversed([i for i in self.record if i[0] > line]))
        self.line = line
        self.exhausted = False


def _py_codec(encoding: str) -> str:
    return "utf-8" if encoding == "utf-8-sig" else encoding


def sniff_delimiter(first_line: str) -> str:
    """The most frequent of , ; tab | in the header line (a comma when none occurs)."""
    if not any(d in first_line for d in DELIMITERS):
        return ","
    return max(DELIMITERS, key=first_line.count)


def read_records(
    fh: IO[bytes],
    *,
    encoding: str = "utf-8",
    delimiter: str | None = None,
    max_field_chars: int = EXCEL_CELL_CHARS,
    width: int | None = None,
) -> Iterator[Record]:
    """Every record of a binary file `fh`, in order, blank ones included (as []).

    `delimiter` None: taken from the first line. A quoted field longer than
    `max_field_chars` (capped at the csv module's own limit) counts as a quote left open.
    `width` is the number of cells a row has (None: as many as the first record, the
    header): a record whose quoted cell spans lines and that has another number of cells,
    or whose multi-line cell holds a whole row's worth of delimiters, is two stray quotes
    that swallowed the rows between them, and is reported like a quote left open.
    """
    limit = min(max_field_chars, csv.field_size_limit())
    lines = _Lines(fh, encoding, limit)
    if delimiter is None:
        try:
            first = lines.decoded()
        except StopIteration:
            return
        lines._replay.append(first)
        delimiter = sniff_delimiter(first[1])
    row = 0
    reader = csv.reader(lines, delimiter=delimiter)
    while True:
        lines.start_record()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except (_FieldTooLong, csv.Error) as exc:
            cells, opened = [], lines.record_line
            if isinstance(exc, _FieldTooLong) or "field larger than field limit" in str(exc):
                problem = (
                    f'A quote (") opens a cell on line {opened:,} that runs past '
                    f"{limit:,} characters: the quote is probably never closed."
                )
            else:
                problem = f"Line {opened:,} is not readable CSV ({exc})."
        else:
            if width is None:
                width = len(cells)
            if lines.exhausted or lines.line != lines.record_line:
                opened, problem = _swallowing_quote(lines, cells, width, delimiter)
            else:  # one whole line: nothing was swallowed
                opened, problem = 0, ""
        row += 1
        if not problem:
            yield Record(row, lines.record_line, cells, lines.problem)
            continue
        yield Record(row, lines.record_line, [], problem, resumed=True)
        lines.resume_after(opened)
        reader = csv.reader(lines, delimiter=delimiter)


def _swallowing_quote(lines: _Lines, cells: list[str], width: int, delimiter: str):
    """(line where a quoted cell opened, why it swallowed later rows) or (0, "")."""
    if lines.exhausted:  # the reader met the end of the file inside quotes
        opened = _opened_line(lines, cells[-1] if cells else "")
        return opened, (
            f'A quote (") opens a cell on line {opened:,} and is never closed, '
            "so every later line would have been read into that one cell."
        )
    if lines.line == lines.record_line or width < 3:
        return 0, ""  # one line, or too few columns to tell rows from text
    breaks_before = 0
    for cell in cells:
        breaks = len(_LINE_BREAKS.findall(cell))
        if breaks and (len(cells) != width or cell.count(delimiter) >= width - 1):
            opened = lines.record_line + breaks_before
            last = opened + breaks
            return opened, (
                f'A quote (") opens a cell on line {opened:,} and closes only on line '
                f"{last:,}, so the lines between were read as one cell"
                + (
                    f" and the row has {len(cells)} cells instead of {width}."
                    if len(cells) != width
                    else "."
                )
            )
        breaks_before += breaks
    return 0, ""


def _opened_line(lines: _Lines, last_cell: str) -> int:
    """The line where the unclosed (last) field opened: the field holds every line break
    from there to the end, the last line's own break included if it has one."""
    breaks = len(_LINE_BREAKS.findall(last_cell))
    ends_with_break = last_cell.endswith(("\n", "\r"))
    return max(lines.record_line, lines.line - breaks + (1 if ends_with_break else 0))
