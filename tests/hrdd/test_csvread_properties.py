"""Properties of the CSV reader: no row is ever lost or merged into another, whatever the
cells hold, and a quote out of place costs exactly the row it is in."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from hrdd.csvread import read_records

# Any text a spreadsheet cell may hold, quotes, delimiters and line breaks included.
cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)
plain_cell = st.text(alphabet="abcXYZ019 .-;é", max_size=8)


def _write(rows: list[list[str]], delimiter: str, terminator: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=terminator).writerows(rows)
    return out.getvalue().encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(
    width=st.integers(1, 6),
    data=st.data(),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    terminator=st.sampled_from(["\r\n", "\n"]),
)
def test_a_well_formed_file_is_read_back_row_for_row(width, data, delimiter, terminator):
    header = [f"col{i}" for i in range(width)]
    rows = data.draw(st.lists(st.lists(cell, min_size=width, max_size=width), max_size=15))
    rows = [r for r in rows if any(r)]  # csv writes an all-empty row of one cell as a blank line
    if terminator == "\n":  # csv.writer leaves a lone CR unquoted then: not a well-formed file
        rows = [
            [c.replace("\r", "") for c in r] for r in rows if any(c.replace("\r", "") for c in r)
        ]
    records = list(
        read_records(
            io.BytesIO(_write([header, *rows], delimiter, terminator)), delimiter=delimiter
        )
    )
    assert [r.problem for r in records] == [""] * (len(rows) + 1)
    assert [r.cells for r in records] == [header, *rows]
    assert [r.row for r in records] == list(range(1, len(rows) + 2))


@settings(max_examples=300, deadline=None)
@given(
    width=st.integers(3, 8),
    data=st.data(),
    terminator=st.sampled_from(["\r\n", "\n"]),
)
def test_stray_quotes_cost_exactly_their_own_rows_and_every_other_row_is_read(
    width, data, terminator
):
    header = [f"col{i}" for i in range(width)]
    rows = data.draw(
        st.lists(
            st.lists(plain_cell.filter(bool), min_size=width, max_size=width),
            min_size=1,
            max_size=25,
        )
    )
    broken = data.draw(st.sets(st.integers(0, len(rows) - 1), max_size=4))
    lines = [",".join(header)]
    for i, r in enumerate(rows):
        cells = list(r)
        if i in broken:  # a quote opens a cell and is never closed where it should be
            k = data.draw(st.integers(0, width - 1))
            cells[k] = '"' + cells[k]
        lines.append(",".join(cells))
    content = (terminator.join(lines) + data.draw(st.sampled_from(["", terminator]))).encode()

    records = list(read_records(io.BytesIO(content)))

    # one record per line of the file: rows = read + refused, none lost or merged
    assert len(records) == len(rows) + 1
    refused = {r.row - 2 for r in records if r.problem}
    assert refused == broken
    for r in records[1:]:
        if r.row - 2 not in broken:
            assert r.cells == rows[r.row - 2]
        else:
            assert r.cells == [] and "quote" in r.problem and f"line {r.row:,}" in r.problem
