"""Reading uploaded channel files safely and as a stream.

A file must be what its name says: a CSV is text (no NUL bytes, valid UTF-8 or
Windows-1252), an XLSX is a zip archive holding a workbook whose declared sizes and
compression ratios are sane. The zip is checked with `zipfile` before openpyxl opens it:
`zipfile` never inflates an entry past its declared size (it checks the size and CRC at
the end), so checking the declared sizes bounds what reading can cost. openpyxl reads in
read-only (streaming) mode with formulas as text, never evaluated.
"""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings

from hrdd.csvread import read_records
from hrdd.errors import ApplicationError

SAMPLE_BYTES = 64 * 1024
MAX_ZIP_ENTRIES = 5_000
# An entry may inflate to at most this multiple of its compressed size (XLSX sheets with
# repetitive rows reach 10-30; zip bombs reach 1,000 and more).
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_ABOVE = 1024 * 1024  # tiny entries may have any ratio


class FileRejected(ApplicationError):
    """The upload is not a usable CSV or XLSX file; the message says why."""


def max_uncompressed_bytes() -> int:
    return getattr(settings, "CHANNEL_IMPORT_MAX_UNCOMPRESSED_BYTES", 2 * 1024**3)


def kind_from_name(name: str) -> str:
    lower = (name or "").lower()
    if lower.endswith(".csv"):
        return "csv"
    if lower.endswith(".xlsx"):
        return "xlsx"
    if lower.endswith(".xls"):
        raise FileRejected(
            "Old Excel files (.xls) are not supported: save the sheet as .xlsx or CSV."
        )
    raise FileRejected("Upload a .csv or .xlsx file.")


def _mb(n: int) -> str:
    if n < 1024 * 1024:
        return f"{n / 1024:,.1f} KB"
    return f"{n / (1024 * 1024):,.1f} MB"


def check_size(size: int) -> None:
    limit = settings.CHANNEL_IMPORT_MAX_BYTES
    if size > limit:
        raise FileRejected(
            f"The file is {_mb(size)}; the limit is {_mb(limit)}. Split it into smaller files.",
            status_code=413,
        )


def csv_encoding(sample: bytes) -> str:
    """The encoding of a CSV, from its first bytes; rejects binary files."""
    if b"\x00" in sample:
        raise FileRejected(
            "This is not a CSV file: it contains binary data (NUL bytes). "
            "Upload the spreadsheet as .xlsx, or export it as CSV."
        )
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        # A multi-byte character cut at the end of the sample is not an error.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        raise FileRejected("This file is not readable text: save it as CSV UTF-8.") from None
    if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text):
        raise FileRejected("This is not a CSV file: it contains binary data. Save it as CSV UTF-8.")
    return "cp1252"


def check_xlsx(fileobj: IO[bytes]) -> None:
    """Refuse anything that is not a plain XLSX zip of sane size (zip bombs included)."""
    fileobj.seek(0)
    if not zipfile.is_zipfile(fileobj):
        raise FileRejected(
            "This is not an XLSX file (it is not a zip archive). Save it from Excel as .xlsx, or as CSV."
        )
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FileRejected(f"This XLSX file is damaged ({exc}).") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise FileRejected("This XLSX file has too many parts to be a spreadsheet.")
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise FileRejected("This zip archive is not an Excel workbook (.xlsx).")
    total = sum(i.file_size for i in infos)
    if total > max_uncompressed_bytes():
        raise FileRejected(
            f"This XLSX file would expand to {_mb(total)}; the limit is {_mb(max_uncompressed_bytes())}. "
            "Split it, or upload CSV."
        )
    for i in infos:
        if i.file_size > RATIO_CHECK_ABOVE and i.file_size > MAX_COMPRESSION_RATIO * max(
            i.compress_size, 1
        ):
            raise FileRejected(
                f"This XLSX file is not a normal spreadsheet: its part {i.filename} expands "
                f"{i.file_size // max(i.compress_size, 1):,} times (a zip bomb?)."
            )
    fileobj.seek(0)


@dataclass
class SheetReader:
    """Rows of an uploaded file as lists of cell values, read as a stream.

    `headers` is the first row; `rows()` yields (row number, cells, problem) for every
    later row that is not blank, row 1 being the header, as a spreadsheet numbers them.
    `problem` is "" for a row read as written, else why it could not be (an unclosed
    quote, bytes that are not text): such a row is still yielded, so every row of the file
    is accounted for. Raises FileRejected when the file breaks part-way or holds more
    than `max_rows` data rows. `sheet` names the worksheet of an XLSX ("" = the first).
    """

    path: str
    kind: str
    encoding: str = "utf-8"
    max_rows: int | None = None
    sheet: str = ""

    def __post_init__(self) -> None:
        self._close: list[Any] = []
        self.headers: list[str] = []
        self.sheets: list[str] = []
        self._it = self._iterate()
        try:
            first = next(self._it, None)
        except FileRejected:
            self.close()
            raise
        if first is None:
            self.close()
            raise FileRejected("The file is empty: it needs a header row and at least one line.")
        if first[2]:
            self.close()
            raise FileRejected(f"The header row cannot be read. {first[2]}")
        self.headers = [("" if h is None else str(h).strip()) for h in first[1]]

    def _iterate(self) -> Iterator[tuple[int, list, str]]:
        if self.kind == "csv":
            yield from self._csv_rows()
        else:
            yield from self._xlsx_rows()

    def _csv_rows(self) -> Iterator[tuple[int, list, str]]:
        fh = open(self.path, "rb")  # noqa: SIM115 - closed by close()
        self._close.append(fh)
        for record in read_records(fh, encoding=self.encoding):
            problem = record.problem
            if record.resumed:
                problem += (
                    " This row is left out; the lines after it are read as rows of their own."
                )
            yield record.row, record.cells, problem

    def _xlsx_rows(self) -> Iterator[tuple[int, list, str]]:
        import openpyxl

        with open(self.path, "rb") as fh:
            check_xlsx(fh)
        try:
            wb = openpyxl.load_workbook(self.path, read_only=True, data_only=False)
        except Exception as exc:  # openpyxl raises many types for damaged files
            raise FileRejected(f"This XLSX file cannot be read ({type(exc).__name__}).") from None
        self._close.append(wb)
        self.sheets = list(wb.sheetnames)
        if self.sheet and self.sheet not in self.sheets:
            raise FileRejected(
                f'This workbook has no sheet "{self.sheet}" any more; upload it again.'
            )
        ws = wb[self.sheet] if self.sheet else wb.worksheets[0]
        try:
            for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
                yield n, list(row), ""
        except FileRejected:
            raise
        except Exception as exc:
            raise FileRejected(f"This XLSX file is damaged ({type(exc).__name__}).") from None

    def rows(self) -> Iterator[tuple[int, list, str]]:
        count = 0
        try:
            for n, cells, problem in self._it:
                if not problem and not any(c is not None and str(c).strip() for c in cells):
                    continue
                count += 1
                if self.max_rows is not None and count > self.max_rows:
                    raise FileRejected(
                        f"The file has more than {self.max_rows:,} lines, the limit per import. "
                        "Split it into smaller files."
                    )
                yield n, cells, problem
        finally:
            self.close()

    def close(self) -> None:
        while self._close:
            self._close.pop().close()


def xlsx_sheets(path: str) -> list[str]:
    """The worksheet names of a workbook already checked by `check_xlsx`, in order."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise FileRejected(f"This XLSX file cannot be read ({type(exc).__name__}).") from None
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def read_head(fileobj: IO[bytes], n: int = SAMPLE_BYTES) -> bytes:
    fileobj.seek(0)
    data = fileobj.read(n)
    fileobj.seek(0)
    return data


def sniff_upload(fileobj: IO[bytes], name: str, size: int) -> tuple[str, str]:
    """(kind, encoding) of an upload, or FileRejected saying why it cannot be used."""
    kind = kind_from_name(name)
    check_size(size)
    if kind == "csv":
        return kind, csv_encoding(read_head(fileobj))
    check_xlsx(fileobj)
    return kind, ""
