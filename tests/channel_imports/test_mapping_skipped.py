"""The column-mapping step is skipped when every header of the file names an expected
column: the upload goes straight to validation, and the page says so with a way back to
the mapping. One header it does not know, and the mapping step is shown."""

from __future__ import annotations

import re

import pytest

from channel_imports.models import ChannelImport
from channel_imports.rows import COLUMNS
from tests.channel_imports.conftest import csv_upload, row

pytestmark = pytest.mark.django_db


def test_a_file_whose_headers_all_match_goes_straight_to_validation(client, partner_a, catalogue):
    client.force_login(partner_a)
    r = client.post("/imports/upload/", {"file": csv_upload([row(), row(partner_reference="P-2")])})
    imp = ChannelImport.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/imports/{imp.pk}/"
    assert imp.status in ("validating", "validated")
    assert imp.mapping == {c: c for c in COLUMNS}
    page = client.get(r["Location"]).content.decode()
    notice = re.search(r'<ul class="messages">(.*?)</ul>', page, re.S).group(1)
    assert "matched for you" in notice
    assert f'<a href="/imports/{imp.pk}/mapping/">Change the mapping</a>' in notice


def test_synonyms_count_as_names_of_expected_columns(client, partner_a, catalogue):
    columns = [{"partner_reference": "Invoice", "quantity": "Qty"}.get(c, c) for c in COLUMNS]
    data = row()
    data["Invoice"], data["Qty"] = data["partner_reference"], data["quantity"]
    client.force_login(partner_a)
    r = client.post("/imports/upload/", {"file": csv_upload([data], columns=columns)})
    imp = ChannelImport.objects.get()
    assert r["Location"] == f"/imports/{imp.pk}/"
    assert imp.mapping["quantity"] == "Qty"


def test_one_unknown_header_keeps_the_mapping_step(client, partner_a, catalogue):
    client.force_login(partner_a)
    upload = csv_upload([row()], columns=[*COLUMNS, "Sales notes"])
    r = client.post("/imports/upload/", {"file": upload})
    imp = ChannelImport.objects.get()
    assert r["Location"] == f"/imports/{imp.pk}/mapping/"
    assert imp.status == "uploaded"


def test_the_mapping_can_be_changed_once_the_check_is_done(client, partner_a, catalogue):
    from tests.channel_imports.conftest import drain

    client.force_login(partner_a)
    client.post("/imports/upload/", {"file": csv_upload([row()])})
    imp = drain(ChannelImport.objects.get())
    assert imp.status == "validated"
    page = client.get(f"/imports/{imp.pk}/mapping/").content.decode()
    assert 'id="mapping"' in page
