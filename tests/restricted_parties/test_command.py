"""manage.py import_restricted_parties."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from restricted_parties.models import RestrictedPartyList

pytestmark = pytest.mark.django_db


def test_it_imports_the_ofac_directory(ofac_dir):
    out, err = StringIO(), StringIO()
    call_command(
        "import_restricted_parties", "--format", "ofac-sdn", str(ofac_dir), stdout=out, stderr=err
    )
    lst = RestrictedPartyList.objects.get(is_active=True)
    assert (lst.name, lst.entry_count, lst.imported_by) == ("OFAC SDN", 9044, None)
    assert "Imported 9044 entries" in out.getvalue()
    assert "2677" in err.getvalue()  # the duplicated ent_num is reported


def test_it_imports_a_file_under_another_name(write):
    path = write("t.csv", "id,schema,name,aliases\nq1,Company,Quartz Harbour Shipping LLC,\n")
    call_command(
        "import_restricted_parties",
        "--format",
        "opensanctions",
        str(path),
        "--name",
        "EU test",
        stdout=StringIO(),
    )
    assert RestrictedPartyList.objects.get(is_active=True).name == "EU test"


def test_a_malformed_file_is_a_command_error_with_row_and_reason(write):
    path = write("c.csv", "_id,source,name\n1,SDN,Alpha\n2,SDN,\n")
    with pytest.raises(CommandError, match=r"c.csv, row 3: empty name"):
        call_command("import_restricted_parties", "--format", "csl", str(path), stdout=StringIO())
    assert not RestrictedPartyList.objects.exists()


def test_a_missing_path_is_a_command_error():
    with pytest.raises(CommandError, match="cannot be read"):
        call_command(
            "import_restricted_parties", "--format", "csl", "/nonexistent/x.csv", stdout=StringIO()
        )
