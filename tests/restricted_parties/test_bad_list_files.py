"""A list file whose rows cannot all be read is refused naming the row, never imported
short: a restricted-party entry that silently vanished would let a listed party through."""

from __future__ import annotations

import pytest

from restricted_parties import importers
from restricted_parties.importers import ListImportError
from restricted_parties.services import restricted_party_list_import


def _csl(n: int, broken_row: int | None = None) -> str:
    lines = ["_id,source,name,remarks"]
    for i in range(1, n + 1):
        remarks = f"note {i}"
        if i + 1 == broken_row:  # row numbers count the header as row 1
            remarks = '"note without its closing quote'
        lines.append(f"id-{i},SDN,Listed Party {i},{remarks}")
    return "\n".join(lines) + "\n"


def test_an_unclosed_quote_in_the_last_column_refuses_the_file_naming_the_row(write):
    # The quote opens the last cell of row 5,002: read as the csv module reads it, every
    # later row vanished into that cell and the import kept 5,000 of 10,000 entries.
    path = write("consolidated.csv", _csl(10_000, broken_row=5_002))
    with pytest.raises(ListImportError) as caught:
        importers.csl_parse(path)
    assert caught.value.row == 5_002
    assert "never closed" in caught.value.reason


def test_an_ofac_file_with_a_stray_quote_is_refused_naming_where_it_opened(write):
    # The stray quote closes on the next row's quoted name: two rows read as one.
    sdn = '1,"ALPHA CO",-0- ,SDGT,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
    sdn += '2,"BRAVO CO",-0- ,SDGT,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"-0- \n'
    sdn += '3,"CHARLIE CO",-0- ,SDGT,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
    write("ofac/alt.csv", b"")
    write("ofac/add.csv", b"")
    directory = write("ofac/sdn.csv", sdn).parent
    with pytest.raises(
        ListImportError, match=r"sdn.csv, row 2: A quote .* on line 2 and closes only on line 3"
    ):
        importers.ofac_sdn_parse(directory)


def test_non_utf8_bytes_name_the_line_offset_and_byte(write):
    data = _csl(3).encode()
    offset = data.index(b"Listed Party 2")
    data = data[:offset] + b"\xc9" + data[offset + 1 :]
    with pytest.raises(ListImportError) as caught:
        importers.csl_parse(write("consolidated.csv", data))
    assert caught.value.row == 3
    assert f"byte 0xC9 at byte offset {offset}" in caught.value.reason


@pytest.mark.django_db
def test_the_list_records_that_every_row_became_an_entry(write, admin_user, api):
    imported = restricted_party_list_import(
        actor=admin_user, fmt="csl", path_or_file=write("consolidated.csv", _csl(25))
    )
    assert imported.row_counts == {"rows": 25, "entries": 25, "skipped": 0}
    body = api.as_user(admin_user).get("/api/v1/restricted-parties/lists/").json()
    assert body["lists"][0]["row_counts"] == {"rows": 25, "entries": 25, "skipped": 0}
